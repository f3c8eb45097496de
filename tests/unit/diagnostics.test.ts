import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnostic, formatDiagnostic, formatReport } from '../../plugins/starlight-study-guides/model/diagnostic.ts';
import { generateSite } from '../../plugins/starlight-study-guides/pipeline/generate-site.ts';

function diagnose(name: string): string[] {
  const text = readFileSync(new URL(`../fixtures/malformed/${name}`, import.meta.url), 'utf8');
  const site = generateSite([{ slug: 'test', source: { name: 'source.md', file: name, text }, extras: [] }]);
  expect(site.pages.size, 'no pages when anything is wrong').toBe(0);
  return site.diagnostics.map(formatDiagnostic);
}

describe('diagnostics › format', () => {
  it('reads like a compiler: file, range, severity, reason and rule on one line, the hint under it', () => {
    const d = diagnostic('g/source.md', { start: { line: 11, column: 1 }, end: { line: 11, column: 13 } }, 'duplicate-number', '题号 1 重复', '改成正确的题号。');
    expect(formatDiagnostic(d)).toBe('g/source.md:11:1-11:13  错误  题号 1 重复  (duplicate-number)\n    → 改成正确的题号。');
  });

  it('takes its severity from the rules table, and ends a report with the count of each', () => {
    const error = diagnostic('a.md', { line: 1, column: 1 }, 'missing-section', '缺少 **答案：**');
    const warning = diagnostic('a.md', { line: 3, column: 1 }, 'missing-explanation', '没有 **解析：**');
    expect([error.fatal, warning.fatal]).toEqual([true, false]);
    expect(formatReport([error, warning, warning]).split('\n').at(-1)).toBe('1 个错误，2 个警告');
  });
});

describe('diagnostics › malformed sources', () => {
  it('reports every problem of a file at once, in line order', () => {
    expect(diagnose('several-problems.md')).toEqual([
      'several-problems.md:3:1-3:13  错误  第 1 题缺少 **答案：**  (missing-section)\n    → 每题至少要有 **题目：** 和 **答案：** 两段。',
      'several-problems.md:13:1-13:8  错误  第 2 题的 **答案：** 是空的  (empty-section)\n    → 在标签后写上内容。',
      'several-problems.md:15:14  错误  公式无法渲染：Undefined control sequence: \\badmacro  (invalid-tex)\n    → 修正这段 TeX；KaTeX 支持的命令见 https://katex.org/docs/supported',
    ]);
  });

  it('explains full-width digits in a question number', () => {
    expect(diagnose('full-width-number.md')).toEqual([
      'full-width-number.md:3:1-3:13  错误  无法识别的题目标题 “１. 第一题？”  (heading-format)\n    → 题号请用半角数字和半角句点，例如 “6. ”。',
    ]);
  });

  it('reports a guide folder that would take the place of the exports or the search index', () => {
    const text = readFileSync(new URL('../fixtures/hostile/source.md', import.meta.url), 'utf8');
    const site = generateSite(['exports', 'pagefind'].map((slug) => ({ slug, source: { name: 'source.md', file: `${slug}/source.md`, text }, extras: [] })));
    expect(site.diagnostics.map((d) => formatDiagnostic(d).split('\n')[0])).toEqual([
      'exports/source.md:1:1  错误  指南文件夹名 “exports” 已被下载文件占用  (guide-slug)',
      'pagefind/source.md:1:1  错误  指南文件夹名 “pagefind” 已被搜索索引占用  (guide-slug)',
    ]);
  });
});
