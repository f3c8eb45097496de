import { readFileSync } from 'node:fs';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../plugins/starlight-study-guides/pipeline/parse/parse-guide.ts';

const sourcePath = new URL('../../src/guides/kd-lifelong-learning/source.md', import.meta.url);
const source = readFileSync(sourcePath, 'utf8');
const { guide, diagnostics } = parseGuide(source, 'source.md', 'kd-lifelong-learning');

/** The question headings as the source writes them, read with a plain line scan. */
const headingLines = source.split('\n').filter((line) => /^#### \d+\. /.test(line)).map((line) => line.slice(5));

describe('parse › the real source', () => {
  it('has no diagnostics and exactly 30 questions numbered 1–30', () => {
    expect(diagnostics).toEqual([]);
    expect(guide!.questions.map((q) => q.number)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('takes the guide title from the first heading', () => {
    expect(guide!.title).toBe('知识蒸馏如何促进模型的终身学习能力：典型面试题和算法编程题解析');
  });

  it('titles every question with its source heading', () => {
    expect(headingLines).toHaveLength(30);
    expect(guide!.questions.map((q) => q.title)).toEqual(headingLines);
  });

  it('gives every question a non-empty prompt, answer and explanation', () => {
    for (const q of guide!.questions) {
      for (const key of ['prompt', 'answer', 'explanation'] as const) {
        expect(toString({ type: 'root', children: q.sections[key]!.blocks }).trim(), `${q.number} ${key}`).not.toBe('');
      }
    }
  });

  it('drops the bold label from the section text', () => {
    const first = guide!.questions[0]!;
    expect(toString(first.sections.prompt.blocks[0]!)).toBe('请简要解释知识蒸馏（Knowledge Distillation）的基本概念。');
  });

  it('keeps question 9’s nested comparison lists', () => {
    const [intro, list] = guide!.questions[8]!.sections.answer.blocks;
    expect(intro?.type).toBe('paragraph');
    expect(list?.type).toBe('list');
    if (list?.type !== 'list') return;
    expect(list.children.map((item) => toString(item.children[0]!))).toEqual([
      '与剪枝（Pruning）相比：',
      '与量化（Quantization）相比：',
      '与网络架构搜索（Neural Architecture Search, NAS）相比：',
    ]);
    for (const item of list.children) {
      const nested = item.children[1];
      expect(nested?.type).toBe('list');
      if (nested?.type === 'list') expect(nested.children.map((i) => toString(i).slice(0, 3))).toEqual(['优点：', '缺点：']);
    }
  });

  it('keeps answer list items with bold terms (question 3)', () => {
    const list = guide!.questions[2]!.sections.answer.blocks[1];
    expect(list?.type).toBe('list');
    expect(toString(list!)).toContain('知识流失：在从教师模型向学生模型传递知识的过程中');
  });
});

describe('parse › CJK emphasis', () => {
  it('reads **答案：** as a label even with no space before Chinese text', () => {
    const text = '### 指南\n\n#### 1. 问？\n\n**题目：**紧挨着的题目。\n\n**答案：**紧挨着的答案。\n\n**解析：**紧挨着的解析。\n';
    const result = parseGuide(text, 'x.md', 'x');
    expect(result.diagnostics).toEqual([]);
    expect(toString(result.guide!.questions[0]!.sections.answer.blocks[0]!)).toBe('紧挨着的答案。');
  });
});

describe('parse › input variants', () => {
  it('reads CRLF line endings and a UTF-8 byte-order mark like plain LF', () => {
    const crlf = `\uFEFF${source.replace(/\n/g, '\r\n')}`;
    const result = parseGuide(crlf, 'source.md', 'kd');
    expect(result.diagnostics).toEqual([]);
    expect(result.guide!.questions.map((q) => q.title)).toEqual(headingLines);
  });

  it('reports an empty file at 1:1', () => {
    expect(parseGuide('', 'e.md', 'e').diagnostics).toEqual([
      expect.objectContaining({ file: 'e.md', line: 1, column: 1, ruleId: 'no-title', reason: '文件是空的' }),
    ]);
  });

  it('reports a file with only a title after the title', () => {
    expect(parseGuide('### 只有标题\n', 't.md', 't').diagnostics).toEqual([
      expect.objectContaining({ file: 't.md', line: 1, column: 1, ruleId: 'no-questions', reason: '没有找到任何题目', note: '在标题之后用 “#### 1. 题目标题” 开始第一题。' }),
    ]);
  });
});
