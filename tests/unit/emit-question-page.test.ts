import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { emitPage, emitQuestionPage, firstSentence } from '../../plugins/starlight-study-guides/pipeline/emit/emit-question-page.ts';
import { parseGuide } from '../../plugins/starlight-study-guides/pipeline/parse/parse-guide.ts';
import { frontmatterOf } from '../helpers/frontmatter.ts';
import { parseGeneratedPage, rawHtml } from '../helpers/generated-page.ts';

const hostileText = readFileSync(new URL('../fixtures/hostile/source.md', import.meta.url), 'utf8');
const { guide } = parseGuide(hostileText, 'hostile.md', 'hostile');
const page = emitQuestionPage(guide!, guide!.questions[0]!);
const tree = parseGeneratedPage(page);

describe('emit › hostile source text', () => {
  it('produces Markdown in which nothing is raw HTML', () => {
    expect(rawHtml(tree)).toEqual([]);
  });

  it('keeps every hostile string as text', () => {
    const texts: string[] = [];
    visit(tree, 'text', (node) => void texts.push(node.value));
    const visible = texts.join('');
    for (const literal of ['{process.exit(1)}', '<script>alert(1)</script>', 'a<b', '<!-- x -->', '$5 and $6', '<Tag prop="1" />', "import fs from 'fs'", 'export const secret = 1', ':::note']) {
      expect(visible).toContain(literal);
    }
  });

  it('keeps real math as math', () => {
    const formulas: string[] = [];
    visit(tree, (node) => {
      if (node.type === 'inlineMath' || node.type === 'math') formulas.push(node.value);
    });
    expect(formulas).toEqual(['E = mc^2', '\\frac{a}{b}']);
  });

  it('writes the title, question number and sections into frontmatter that Astro reads', () => {
    expect(frontmatterOf(page)).toMatchObject({
      title: '1. 花括号 {process.exit(1)} 会执行吗？',
      question: 1,
      sections: ['question', 'answer', 'explanation'],
      addedSections: [],
    });
  });
});

describe('emit › frontmatter', () => {
  const empty: Root = { type: 'root', children: [] };
  const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

  it('gives Astro back any title exactly, whatever characters it holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: anyCodeUnit }), fc.string({ unit: 'binary' })), (title) => {
        expect(frontmatterOf(emitPage({ title, guide: 'g' }, empty))).toEqual({ title, guide: 'g' });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('emit › which pages load KaTeX', () => {
  const source = [
    '### 指南',
    '',
    '#### 1. 没有公式',
    '',
    '**题目：** 价格是 $5 and $6。',
    '',
    '**答案：** 没有。',
    '',
    '**解析：** 也没有。',
    '',
    '#### 2. 公式藏在列表深处',
    '',
    '**题目：** 看解析。',
    '',
    '**答案：** 见下。',
    '',
    '**解析：**',
    '',
    '- 外层',
    '  - 内层有 *强调里的 $x^2$*',
    '',
  ].join('\n');
  const { guide: mathGuide } = parseGuide(source, 'math.md', 'math');

  it('marks a page with a formula anywhere, and names the section it is in', () => {
    expect(frontmatterOf(emitQuestionPage(mathGuide!, mathGuide!.questions[1]!))).toMatchObject({ math: true, mathSections: ['explanation'] });
  });

  it('leaves a page without formulas unmarked, dollar prices included', () => {
    const frontmatter = frontmatterOf(emitQuestionPage(mathGuide!, mathGuide!.questions[0]!)) as Record<string, unknown>;
    expect(frontmatter).not.toHaveProperty('math');
    expect(frontmatter).not.toHaveProperty('mathSections');
  });
});

describe('emit › description', () => {
  it('is the first sentence of the answer', () => {
    const blocks = [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value: '第一句。第二句。' }] }];
    expect(firstSentence(blocks)).toBe('第一句。');
  });
});
