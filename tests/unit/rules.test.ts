import { describe, expect, it } from 'vitest';
import { formatDiagnostic, isError } from '../../plugins/starlight-study-guides/model/diagnostic.ts';
import { RULES, type RuleId } from '../../plugins/starlight-study-guides/model/rules.ts';
import { checkGuides, generateSite } from '../../plugins/starlight-study-guides/pipeline/generate-site.ts';
import { decodeSource } from '../../plugins/starlight-study-guides/pipeline/read/decode-source.ts';

/**
 * One small guide per rule, and the exact line an author sees for it: file,
 * range, severity, reason and rule. Each case breaks one rule of an otherwise
 * valid guide.
 */
const QUESTION_1 = '#### 1. 第一题？\n\n**题目：** 问题一。\n\n**答案：** 答案一。\n\n**解析：** 解析一。\n';
const QUESTION_2 = '#### 2. 第二题？\n\n**题目：** 问题二。\n\n**答案：** 答案二。\n\n**解析：** 解析二。\n';
/** Lines 1–9 are the title and question 1; question 2 starts on line 11. */
const VALID = `### 测试指南\n\n${QUESTION_1}\n${QUESTION_2}`;
const TOPICS = 'topics:\n  - name: 全部\n    questions: [1, 2]\n';
/** The modules of src/math coding problems may name. */
const SOLUTIONS = new Map([['kd-loss.ts', 'export function f() {}\n']]);

interface Case {
  source?: string;
  files?: Record<string, string>;
  slug?: string;
  /** Each diagnostic's first line (the hint line is checked separately). */
  expected: string[];
}

function diagnose({ source = VALID, files = {}, slug = 'g' }: Omit<Case, 'expected'>) {
  const extras = Object.entries({ 'topics.yaml': TOPICS, ...files }).map(([name, text]) => ({ name, file: name, text }));
  return checkGuides([{ slug, source: { name: 'source.md', file: 'source.md', text: source }, extras }], SOLUTIONS).diagnostics;
}

const check = (c: Omit<Case, 'expected'>): string[] => diagnose(c).map((d) => formatDiagnostic(d).split('\n')[0]!);

const replace = (from: string, to: string) => VALID.replace(from, to);

const CASES: Record<Exclude<RuleId, 'not-utf8'>, Case> = {
  'source-too-large': {
    source: `### 测试指南\n\n${'字'.repeat(1_000_000)}`,
    expected: ['source.md:1:1  错误  文件有 1,000,010 个字符，超过上限 1,000,000  (source-too-large)'],
  },
  'nesting-too-deep': {
    // 34 quotes deep; the 33rd is the first past the limit of 32, at column 1 + 2 × 32.
    source: `### 测试指南\n\n${'> '.repeat(34)}深\n`,
    expected: ['source.md:3:65  错误  Markdown 在这里嵌套超过 32 层（强调、链接、列表或引用一层套一层）  (nesting-too-deep)'],
  },
  'guide-slug': {
    slug: 'My Guide',
    expected: ['source.md:1:1  错误  指南文件夹名 “My Guide” 不能用作网址  (guide-slug)'],
  },
  'no-title': {
    source: '**题目：** 没有标题。\n',
    expected: ['source.md:1:1  错误  没有找到指南标题  (no-title)'],
  },
  'content-before-title': {
    source: `一段说明\n\n${VALID}`,
    expected: ['source.md:1:1-1:5  错误  标题之前有内容  (content-before-title)'],
  },
  'no-questions': {
    source: '### 测试指南\n',
    expected: ['source.md:1:1-1:9  错误  没有找到任何题目  (no-questions)'],
  },
  'stray-heading': {
    source: replace('#### 2.', '### 小节\n\n#### 2.'),
    expected: ['source.md:11:1-11:7  错误  这个标题的级别（###）高于题目标题（####）  (stray-heading)'],
  },
  'heading-format': {
    source: replace('#### 2. 第二题？', '#### 第二题：什么？'),
    expected: ['source.md:11:1-11:13  错误  无法识别的题目标题 “第二题：什么？”  (heading-format)'],
  },
  'duplicate-number': {
    source: replace('#### 2.', '#### 1.'),
    expected: ['source.md:11:1-11:13  错误  题号 1 重复：第 3 行已有第 1 题  (duplicate-number)'],
  },
  'missing-number': {
    source: replace('#### 2.', '#### 3.'),
    files: { 'topics.yaml': TOPICS.replace('[1, 2]', '[1, 3]') },
    expected: ['source.md:11:1-11:13  错误  题号应为 2，这里是 3（缺少第 2 题）  (missing-number)'],
  },
  'missing-section': {
    source: replace('**答案：** 答案二。\n\n', ''),
    expected: ['source.md:11:1-11:13  错误  第 2 题缺少 **答案：**  (missing-section)'],
  },
  'missing-explanation': {
    source: replace('\n**解析：** 解析二。\n', ''),
    expected: ['source.md:11:1-11:13  警告  第 2 题没有 **解析：**，页面只显示题目和答案  (missing-explanation)'],
  },
  'empty-section': {
    source: replace('**答案：** 答案二。', '**答案：**'),
    expected: ['source.md:15:1-15:8  错误  第 2 题的 **答案：** 是空的  (empty-section)'],
  },
  'content-outside-section': {
    source: replace('#### 2. 第二题？\n', '#### 2. 第二题？\n\n开头的一句。\n'),
    expected: ['source.md:13:1-13:7  错误  第 2 题的这段内容不属于任何一段  (content-outside-section)'],
  },
  'unknown-label': {
    source: replace('**解析：** 解析二。', '**结论：** 结论二。'),
    expected: ['source.md:17:1-17:8  错误  未知的标签 “**结论：**”  (unknown-label)'],
  },
  'duplicate-section': {
    source: replace('**解析：** 解析二。', '**解析：** 解析二。\n\n**答案：** 又一个答案。'),
    expected: ['source.md:19:1-19:8  错误  第 2 题的 **答案：** 出现了两次  (duplicate-section)'],
  },
  'invalid-tex': {
    source: replace('答案二。', '损失为 $\\fra{a}{b}$。'),
    expected: ['source.md:15:14  错误  公式无法渲染：Undefined control sequence: \\fra  (invalid-tex)'],
  },
  'topics-yaml': {
    files: { 'topics.yaml': 'topics:\n  - name: 全部\n    questions: [1, 2\n' },
    expected: ['topics.yaml:4:1-4:2  错误  YAML 语法错误：Flow sequence in block collection must be sufficiently indented and end with a ]  (topics-yaml)'],
  },
  'topics-schema': {
    files: { 'topics.yaml': 'topics:\n  - name: 全部\n    questions: 二\n' },
    expected: ['topics.yaml:3:16-3:17  错误  topics.0.questions：Invalid input: expected array, received string  (topics-schema)'],
  },
  'topic-unknown-question': {
    files: { 'topics.yaml': 'topics:\n  - name: 全部\n    questions: [1, 2, 31]\n' },
    expected: ['topics.yaml:3:23-3:25  错误  主题 “全部” 列出了第 31 题，但指南里没有这道题（共 2 题）  (topic-unknown-question)'],
  },
  'topic-duplicate-question': {
    files: { 'topics.yaml': 'topics:\n  - name: 甲\n    questions: [1, 2]\n  - name: 乙\n    questions: [2]\n' },
    expected: ['topics.yaml:5:17-5:18  错误  第 2 题已归入主题 “甲”，又出现在 “乙”  (topic-duplicate-question)'],
  },
  'topic-missing-question': {
    files: { 'topics.yaml': 'topics:\n  - name: 全部\n    questions: [1]\n' },
    expected: ['topics.yaml:1:1-1:7  警告  第 2 题没有归入任何主题，暂列在 “未分类” 下  (topic-missing-question)'],
  },
  'glossary-yaml': {
    files: { 'annotations/glossary.yaml': 'terms:\n  - { en: pruning, zh: 剪枝\n' },
    expected: ['annotations/glossary.yaml:3:1-3:2  错误  YAML 语法错误：Flow map in block collection must be sufficiently indented and end with a }  (glossary-yaml)'],
  },
  'glossary-schema': {
    files: { 'annotations/glossary.yaml': 'terms:\n  - { en: pruning, questions: [1] }\n' },
    expected: ['annotations/glossary.yaml:2:5-2:36  错误  terms.0.zh：缺少字段 “zh”  (glossary-schema)'],
  },
  'glossary-duplicate-term': {
    files: { 'annotations/glossary.yaml': 'terms:\n  - { en: pruning, zh: 剪枝, questions: [1] }\n  - { en: Pruning, zh: 修剪, questions: [2] }\n' },
    expected: ['annotations/glossary.yaml:3:11-3:18  错误  英文术语 “Pruning” 已在第 1 条出现过  (glossary-duplicate-term)'],
  },
  'glossary-unknown-question': {
    files: { 'annotations/glossary.yaml': 'terms:\n  - { en: pruning, zh: 剪枝, questions: [1, 31] }\n' },
    expected: ['annotations/glossary.yaml:2:43-2:45  错误  术语 “pruning” 列出了第 31 题，但指南里没有这道题（共 2 题）  (glossary-unknown-question)'],
  },
  'annotation-file-name': {
    files: { 'annotations/第二题.md': '## 编者注\n\n一条注。\n' },
    expected: ['annotations/第二题.md:1:1  错误  补充文件名 “annotations/第二题.md” 无法识别  (annotation-file-name)'],
  },
  'annotation-unknown-question': {
    files: { 'annotations/3.md': '## 编者注\n\n一条注。\n' },
    expected: ['annotations/3.md:1:1  警告  没有第 3 题（本指南共 2 题），这个文件不会显示  (annotation-unknown-question)'],
  },
  'annotation-unknown-section': {
    files: { 'annotations/2.md': '## 备注\n\n一条注。\n' },
    expected: ['annotations/2.md:1:1-1:6  错误  无法识别的段落标题 “备注”  (annotation-unknown-section)'],
  },
  'annotation-duplicate-section': {
    files: { 'annotations/2.md': '## 编者注\n\n一条注。\n\n## 编者注\n\n又一条。\n' },
    expected: ['annotations/2.md:5:1-5:7  错误  “## 编者注” 出现了两次  (annotation-duplicate-section)'],
  },
  'annotation-outside-section': {
    files: { 'annotations/2.md': '开头的一句。\n\n## 编者注\n\n一条注。\n' },
    expected: ['annotations/2.md:1:1-1:7  错误  这段内容不在任何一段之下  (annotation-outside-section)'],
  },
  'annotation-no-section': {
    files: { 'annotations/2.md': '' },
    expected: ['annotations/2.md:1:1  错误  第 2 题的补充文件里没有任何可识别的段落  (annotation-no-section)'],
  },
  'formula-heading': {
    files: { 'annotations/2.md': '## 公式\n\n### 蒸馏损失\n\n$$\nL = T^2\n$$\n' },
    expected: ['annotations/2.md:3:1-3:9  错误  公式标题 “蒸馏损失” 缺少锚点和分组  (formula-heading)'],
  },
  'formula-duplicate-id': {
    files: { 'annotations/2.md': '## 公式\n\n### 答案 {#answer group="甲"}\n\n$$\nT\n$$\n' },
    expected: ['annotations/2.md:3:1-3:27  错误  锚点 “answer” 在本页已被使用  (formula-duplicate-id)'],
  },
  'formula-without-math': {
    files: { 'annotations/2.md': '## 公式\n\n### 损失 {#loss group="甲"}\n\n只有文字。\n' },
    expected: ['annotations/2.md:3:1-3:25  错误  公式 “损失” 下面没有 $$ 公式块  (formula-without-math)'],
  },
  'widget-spec': {
    files: { 'annotations/2.md': '## 编者注\n\n```worked-example\nlabels: [猫, 狗]\nlogits: [4, 2]\ntemperatures: [0]\n```\n' },
    expected: ['annotations/2.md:6:16-6:17  错误  worked-example 块的内容有误：temperatures.0：Too small: expected number to be >0  (widget-spec)'],
  },
  'coding-file-name': {
    files: { 'coding/kd.md': '---\nid: kd\n---\n' },
    expected: ['coding/kd.md:1:1  错误  编程题文件名 “coding/kd.md” 无法识别  (coding-file-name)'],
  },
  'coding-frontmatter': {
    files: {
      'coding/1.md': '---\nid: kd-loss\ntitle: 蒸馏损失\nsolution: kd-loss.ts\nsignature: f()\nsample: { function: f, args: [], output: 1 }\ncolor: red\n---\n\n写一个函数。\n',
    },
    expected: ['coding/1.md:7:1-7:6  错误  信息块中 “color” 有误：Unrecognized key: "color"  (coding-frontmatter)'],
  },
  'coding-solution': {
    files: {
      'coding/1.md': '---\nid: kd-loss\ntitle: 蒸馏损失\nsolution: kd-los.ts\nsignature: f()\nsample: { function: f, args: [], output: 1 }\n---\n\n写一个函数。\n',
    },
    expected: ['coding/1.md:4:11-4:20  错误  参考实现 src/math/kd-los.ts 不存在  (coding-solution)'],
  },
  'coding-duplicate-id': {
    files: {
      'coding/1.md': '---\nid: kd\ntitle: 甲\nsolution: kd-loss.ts\nsignature: f()\nsample: { function: f, args: [], output: 1 }\n---\n\n写一个函数。\n',
      'coding/2.md': '---\nid: kd\ntitle: 乙\nsolution: kd-loss.ts\nsignature: f()\nsample: { function: f, args: [], output: 1 }\n---\n\n写一个函数。\n',
    },
    expected: ['coding/2.md:2:5-2:7  错误  编程题的 id “kd” 与另一题重复  (coding-duplicate-id)'],
  },
};

describe('rules › one small guide per rule, the exact message and range', () => {
  it('has a case for every rule in the table', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(RULES).filter((id) => id !== 'not-utf8').sort());
  });

  it('accepts the valid guide the cases start from', () => {
    expect(check({})).toEqual([]);
  });

  it.each(Object.entries(CASES))('%s', (_, c) => {
    expect(check(c)).toEqual(c.expected);
  });

  it('not-utf8: the first byte that is not UTF-8, with its line and column', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('### 标题\n\n#### 1. 题'), 0xff, 0xfe]);
    expect(decodeSource(bytes, 'bad.md').diagnostics.map(formatDiagnostic)).toEqual(['bad.md:3:10  错误  文件不是 UTF-8 编码  (not-utf8)\n    → 在编辑器里用 UTF-8 编码另存这个文件。']);
  });

  it('gives every diagnostic a hint, printed under it', () => {
    for (const c of Object.values(CASES)) {
      for (const d of diagnose(c)) expect(formatDiagnostic(d), d.ruleId ?? '').toMatch(/\n {4}→ \S/);
    }
  });

  it('explains each rule in the table, with an example, and says why for every warning', () => {
    for (const [id, rule] of Object.entries(RULES)) {
      expect(rule.description, id).not.toBe('');
      expect(rule.example, id).not.toBe('');
      if (rule.severity === 'warning') expect('why' in rule && rule.why, id).toBeTruthy();
    }
  });
});

describe('rules › one cause, one message', () => {
  it('a broken question heading is the only message, though the topics file and later numbers count on it', () => {
    const source = replace('#### 2. 第二题？', '#### 第二题？').concat(`\n${QUESTION_2.replaceAll('2', '3').replace('第二', '第三')}`);
    const messages = check({ source, files: { 'topics.yaml': TOPICS.replace('[1, 2]', '[1, 2, 3]'), 'annotations/2.md': '## 编者注\n\n一条注。\n' } });
    expect(messages).toEqual(['source.md:11:1-11:10  错误  无法识别的题目标题 “第二题？”  (heading-format)']);
  });

  it('a question missing its answer is not reported again by the topics file or its annotation', () => {
    const messages = check({ source: replace('**答案：** 答案二。\n\n', ''), files: { 'annotations/2.md': '## 编者注\n\n一条注。\n' } });
    expect(messages.map((m) => m.split('  ').at(-1))).toEqual(['(missing-section)']);
  });

  it('a file that is not UTF-8 is not reported again as empty', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { readGuideSources } = await import('../../plugins/starlight-study-guides/pipeline/read/read-guides.ts');
    const root = mkdtempSync(join(tmpdir(), 'rules-'));
    try {
      mkdirSync(join(root, 'g/annotations'), { recursive: true });
      writeFileSync(join(root, 'g/source.md'), VALID);
      writeFileSync(join(root, 'g/topics.yaml'), TOPICS);
      writeFileSync(join(root, 'g/annotations/2.md'), new Uint8Array([0xb1, 0xe0, 0xd5, 0xdf]));
      const read = readGuideSources(root, root);
      const checked = checkGuides(read.sources);
      expect([...read.diagnostics, ...checked.diagnostics].map((d) => d.ruleId)).toEqual(['not-utf8']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('warnings alone still let the site build; any error stops it', () => {
    const warned = checkGuides([{ slug: 'g', source: { name: 'source.md', file: 'source.md', text: replace('\n**解析：** 解析二。\n', '') }, extras: [{ name: 'topics.yaml', file: 'topics.yaml', text: TOPICS }] }]);
    expect(warned.diagnostics.some(isError)).toBe(false);
    expect(warned.guides[0]!.questions.map((q) => q.number)).toEqual([1, 2]);
  });

  it('a guide whose question has no 解析 yet says so on its index, instead of promising one for every question', () => {
    const source = { name: 'source.md', file: 'source.md', text: replace('\n**解析：** 解析二。\n', '') };
    const site = generateSite([{ slug: 'g', source, extras: [{ name: 'topics.yaml', file: 'topics.yaml', text: TOPICS }] }]);
    expect(site.pages.get('g/index.md')).toContain('共 2 道题，每题包含题目与答案；第 2 题暂无解析。');
    expect(site.pages.get('g/2.md')).not.toContain('## 解析');
  });
});
