import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../plugins/starlight-study-guides/model/diagnostic.ts';
import type { InputFile } from '../../plugins/starlight-study-guides/model/source.ts';
import { generateSite } from '../../plugins/starlight-study-guides/pipeline/generate-site.ts';
import { frontmatterOf } from '../helpers/frontmatter.ts';
import { bodyOf, parseGeneratedPage, rawHtml } from '../helpers/generated-page.ts';
import { testDir } from '../helpers/test-dir.ts';

const source = readFileSync(new URL('../../src/guides/kd-lifelong-learning/source.md', import.meta.url), 'utf8');
const script = new URL('../../scripts/generate.ts', import.meta.url).pathname;

function generate(files: Record<string, string>) {
  const extras: InputFile[] = Object.entries(files).map(([name, text]) => ({ name, file: `kd/${name}`, text }));
  return generateSite([{ slug: 'kd', source: { name: 'source.md', file: 'kd/source.md', text: source }, extras }]);
}

const diagnose = (files: Record<string, string>) => {
  const site = generate(files);
  expect(site.pages.size, 'no pages when anything is wrong').toBe(0);
  return site.diagnostics.map((d) => formatDiagnostic(d).split('\n')[0]!);
};

const formula = (tex: string) => `## 公式\n\n### 软化 {#soft group="温度"}\n\n说明文字。\n\n$$\n${tex}\n$$\n`;

describe('annotations › build errors name the file and line', () => {
  it('reports a TeX error at the offending line of the annotation', () => {
    expect(diagnose({ 'annotations/1.md': formula('q_i = \\fra{1}{T}') })).toEqual([
      'kd/annotations/1.md:8:7  错误  公式无法渲染：Undefined control sequence: \\fra  (invalid-tex)',
    ]);
  });

  it('reports Markdown nested too deep to write as a page, at the line where it starts', () => {
    const stars = '**'.repeat(40);
    expect(diagnose({ 'annotations/3.md': `## 编者注\n\n第一段。\n\n${stars}太深${stars}\n` })).toEqual([
      expect.stringMatching(/^kd\/annotations\/3\.md:5:\d+ {2}错误 {2}Markdown 在这里嵌套超过 32 层.*\(nesting-too-deep\)$/),
    ]);
  });

  it('warns of an annotation for question 99, which does not exist, and builds the pages without it', () => {
    const site = generate({ 'annotations/99.md': '## 编者注\n\n一条注释。\n' });
    expect(site.diagnostics.map((d) => formatDiagnostic(d).split('\n')[0])).toEqual([
      'kd/annotations/99.md:1:1  警告  没有第 99 题（本指南共 30 题），这个文件不会显示  (annotation-unknown-question)',
    ]);
    expect(site.pages.size).toBe(31);
  });

  it('reports an annotation without a recognised section at its heading', () => {
    expect(diagnose({ 'annotations/2.md': '## 说明\n\n一段话。\n' })).toEqual([
      'kd/annotations/2.md:1:1-1:6  错误  无法识别的段落标题 “说明”  (annotation-unknown-section)',
    ]);
  });

  it('reports text before the first section, and an empty annotation', () => {
    expect(diagnose({ 'annotations/2.md': '\n一段话。\n', 'annotations/3.md': '' })).toEqual([
      'kd/annotations/2.md:2:1-2:5  错误  这段内容不在任何一段之下  (annotation-outside-section)',
      'kd/annotations/3.md:1:1  错误  第 3 题的补充文件里没有任何可识别的段落  (annotation-no-section)',
    ]);
  });

  it('reports a formula heading without anchor, a formula without a $$ block and a reserved anchor', () => {
    const text = '## 公式\n\n### 没有锚点\n\n$$\nx\n$$\n\n### 只有文字 {#words group="温度"}\n\n没有公式。\n\n### 重名 {#answer group="温度"}\n\n$$\ny\n$$\n';
    expect(diagnose({ 'annotations/1.md': text }).map((line) => line.replace(/  .*\(/, ' (')).sort()).toEqual([
      'kd/annotations/1.md:13:1-13:28 (formula-duplicate-id)',
      'kd/annotations/1.md:3:1-3:9 (formula-heading)',
      'kd/annotations/1.md:9:1-9:29 (formula-without-math)',
    ]);
  });

  it('reserves the id of the related-questions section, like the source sections', () => {
    const text = '## 公式\n\n### 相关 {#related group="温度"}\n\n$$\nx\n$$\n';
    expect(diagnose({ 'annotations/1.md': text }).map((line) => line.replace(/  .*\(/, ' ('))).toEqual(['kd/annotations/1.md:3:1-3:29 (formula-duplicate-id)']);
  });

  it('reports a worked example whose numbers do not match its labels, at the block', () => {
    const text = '## 公式\n\n### 软化 {#soft group="温度"}\n\n$$\nx\n$$\n\n```worked-example\nlabels: [猫, 狗]\nlogits: [1, 2, 3]\ntemperatures: [1]\n```\n';
    const [line] = diagnose({ 'annotations/1.md': text });
    expect(line).toBe('kd/annotations/1.md:10:1-12:18  错误  worked-example 块的内容有误：“labels” 与 “logits” 的个数必须相同  (widget-spec)');
  });

  it('makes the command line exit non-zero and print every problem as file:line:col', () => {
    const dir = testDir('annotations');
    mkdirSync(join(dir, 'guides', 'kd', 'annotations'), { recursive: true });
    writeFileSync(join(dir, 'guides', 'kd', 'source.md'), source);
    writeFileSync(join(dir, 'guides', 'kd', 'annotations', '1.md'), formula('\\badmacro'));
    writeFileSync(join(dir, 'guides', 'kd', 'annotations', '99.md'), '## 编者注\n\n注。\n');
    const run = spawnSync(process.execPath, [script, '--guides', join(dir, 'guides'), '--out', join(dir, 'docs')], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n').filter((line) => line.startsWith('guides/')).map((line) => line.split('  ').slice(0, 2).join('  '))).toEqual([
      'guides/kd/annotations/1.md:8:1  错误',
      'guides/kd/annotations/99.md:1:1  警告',
    ]);
    expect(run.stderr).toContain('1 个错误，1 个警告');
  });
});

describe('annotations › pages', () => {
  const hostile = '## 编者注\n\n{process.exit(1)} <script>alert(1)</script>\n\nimport fs from \'fs\'\n\n## 公式\n\n### 软化 {#soft group="温度"}\n\n$$\nq_i\n$$\n\n```temperature-explorer\nlabels: [猫, "<b>狗"]\nteacher: [1, 2]\nstudent: [2, 1]\ntemperature: 2\n```\n';
  const site = generate({ 'annotations/1.md': hostile });
  const page = site.pages.get('kd/1.md')!;
  const body = bodyOf(page);
  const tree = parseGeneratedPage(page);

  it('puts 公式, 编者注 in page order after the source sections, with anchors in the frontmatter', () => {
    expect(site.diagnostics).toEqual([]);
    expect(frontmatterOf(page)).toMatchObject({
      sections: ['question', 'answer', 'explanation', 'formulas', 'notes', 'related'],
      addedSections: ['formulas', 'notes', 'related'],
      anchors: { formulas: ['soft'] },
    });
    expect(body.indexOf('## 公式')).toBeLessThan(body.indexOf('## 编者注'));
  });

  it('keeps annotation text as text: the only markup is the explorer we construct, its labels escaped', () => {
    const texts: string[] = [];
    visit(tree, 'text', (node) => void texts.push(node.value));
    for (const literal of ['{process.exit(1)}', '<script>alert(1)</script>', "import fs from 'fs'"]) expect(texts.join('')).toContain(literal);
    const html = rawHtml(tree);
    expect(html).toHaveLength(1);
    expect(html[0]).toMatch(/^<kd-temperature-explorer class="not-content explorer">\n/);
    // The label reaches the reader as text: no <b> element, "<b>狗" in the labels and names.
    const elements: string[] = [];
    visit(fromHtml(html[0]!, { fragment: true }), 'element', (node) => void elements.push(node.tagName));
    expect(elements).not.toContain('b');
    expect(html[0]).toContain('<span>&#x3C;b>狗</span>');
    expect(html[0]).toContain('aria-label="教师 logit：<b>狗"');
  });

  it('marks the page as holding an explorer, so that its script and style load with it', () => {
    expect(frontmatterOf(page)).toMatchObject({ explorer: true });
    expect(frontmatterOf(site.pages.get('kd/2.md')!)).not.toHaveProperty('explorer');
  });

  it('lists the formula in the formula index with a link to its anchor', () => {
    const index = site.pages.get('kd/formulas.md')!;
    expect(index).toContain('[第 1 题](../1/#soft)');
    expect(index).toContain('$$\nq_i\n$$');
  });

  it('shows every display block of a formula in the formula index, in order', () => {
    const twoBlocks = '## 公式\n\n### 集成的软目标 {#ensemble group="多教师"}\n\n先平均：\n\n$$\np = \\frac{1}{M}\\sum_m p_m\n$$\n\n再蒸馏：\n\n$$\nL = \\mathrm{KL}(p \\| q)\n$$\n';
    const index = generate({ 'annotations/2.md': twoBlocks }).pages.get('kd/formulas.md')!;
    const first = index.indexOf('$$\np = \\frac{1}{M}\\sum_m p_m\n$$');
    const second = index.indexOf('$$\nL = \\mathrm{KL}(p \\| q)\n$$');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
  });
});
