import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../plugins/starlight-study-guides/model/diagnostic.ts';
import { decodeSource } from '../../plugins/starlight-study-guides/pipeline/read/decode-source.ts';
import { generateSite } from '../../plugins/starlight-study-guides/pipeline/generate-site.ts';

function diagnose(name: string): string[] {
  const text = readFileSync(new URL(`../fixtures/malformed/${name}`, import.meta.url), 'utf8');
  const site = generateSite([{ slug: 'test', source: { name: 'source.md', file: name, text }, extras: [] }]);
  expect(site.pages.size, 'no pages when anything is wrong').toBe(0);
  return site.diagnostics.map(formatDiagnostic);
}

describe('diagnostics › malformed sources', () => {
  it.each([
    ['reports a question without 答案 at its heading line', 'missing-answer.md', 'missing-answer.md:3:1  第 1 题缺少 **答案：**：每题都要有 **题目：**、**答案：** 和 **解析：** 三段。  (missing-section)'],
    ['reports an empty section at its label', 'empty-section.md', 'empty-section.md:7:1  第 1 题的 **答案：** 是空的：请在标签后写上内容。  (empty-section)'],
    ['reports a duplicated number at the second heading, naming the first', 'duplicate-number.md', 'duplicate-number.md:11:1  题号 1 重复：第 3 行已有第 1 题。请改成正确的题号。  (duplicate-number)'],
    ['reports a missing number at the heading after the gap', 'missing-number.md', 'missing-number.md:11:1  题号应为 2，这里是 3（缺少第 2 题）。题号须从 1 开始连续编号。  (missing-number)'],
    ['reports a heading that is not “N. title”', 'bad-heading.md', 'bad-heading.md:3:1  无法识别的题目标题 “第一题：什么是蒸馏？”：题目标题应写成 “N. 标题”，例如 “6. 知识蒸馏如何促进模型的终身学习能力？”。  (heading-format)'],
    ['explains full-width digits in a question number', 'full-width-number.md', 'full-width-number.md:3:1  无法识别的题目标题 “１. 第一题？”：题号请用半角数字和半角句点，例如 “6. ”。  (heading-format)'],
    ['reports an unknown bold label', 'unknown-label.md', 'unknown-label.md:9:1  未知的标签 “**结论：**”：每题只能有 **题目：**、**答案：** 和 **解析：** 三段。  (unknown-label)'],
    ['reports invalid TeX at the offending command', 'invalid-tex.md', 'invalid-tex.md:7:23  公式无法渲染：Undefined control sequence: \\fra。请修正这段 TeX。  (invalid-tex)'],
  ])('%s', (_, file, line) => {
    expect(diagnose(file)).toEqual([line]);
  });

  it('reports every problem of a file at once, in line order', () => {
    expect(diagnose('several-problems.md')).toEqual([
      'several-problems.md:3:1  第 1 题缺少 **答案：**：每题都要有 **题目：**、**答案：** 和 **解析：** 三段。  (missing-section)',
      'several-problems.md:13:1  第 2 题的 **答案：** 是空的：请在标签后写上内容。  (empty-section)',
      'several-problems.md:15:14  公式无法渲染：Undefined control sequence: \\badmacro。请修正这段 TeX。  (invalid-tex)',
    ]);
  });

  it('reports a guide folder name that cannot be a URL', () => {
    const text = readFileSync(new URL('../fixtures/hostile/source.md', import.meta.url), 'utf8');
    const site = generateSite([{ slug: 'Bad Name', source: { name: 'source.md', file: 'g.md', text }, extras: [] }]);
    expect(site.diagnostics.map((d) => d.ruleId)).toEqual(['guide-slug']);
  });

  it('reports a guide folder that would take the place of the exports or the search index', () => {
    const text = readFileSync(new URL('../fixtures/hostile/source.md', import.meta.url), 'utf8');
    const site = generateSite(['exports', 'pagefind'].map((slug) => ({ slug, source: { name: 'source.md', file: `${slug}/source.md`, text }, extras: [] })));
    expect(site.diagnostics.map(formatDiagnostic)).toEqual([
      'exports/source.md:1:1  指南文件夹名 “exports” 已被下载文件占用：请换一个名字。  (guide-slug)',
      'pagefind/source.md:1:1  指南文件夹名 “pagefind” 已被搜索索引占用：请换一个名字。  (guide-slug)',
    ]);
  });
});

describe('diagnostics › encoding', () => {
  it('reports the first byte that is not UTF-8 with its line and column', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('### 标题\n\n#### 1. 题'), 0xff, 0xfe]);
    expect(decodeSource(bytes, 'bad.md').diagnostics.map(formatDiagnostic)).toEqual([
      'bad.md:3:10  文件不是 UTF-8 编码：请用 UTF-8 保存。  (not-utf8)',
    ]);
  });
});
