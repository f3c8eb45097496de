import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../plugins/starlight-study-guides/model/diagnostic.ts';
import { generateSite } from '../../plugins/starlight-study-guides/pipeline/generate-site.ts';
import { GLOSSARY_FILE } from '../../plugins/starlight-study-guides/pipeline/parse/parse-glossary.ts';
import { rehypeGlosses } from '../../plugins/starlight-study-guides/rehype/rehype-glosses.ts';

const guideDir = new URL('../../src/guides/kd-lifelong-learning/', import.meta.url);
const source = readFileSync(new URL('source.md', guideDir), 'utf8');
const glossaryYaml = readFileSync(new URL(GLOSSARY_FILE, guideDir), 'utf8');

function generate(glossary: string) {
  return generateSite([
    {
      slug: 'kd',
      source: { name: 'source.md', file: 'guides/kd/source.md', text: source },
      extras: [{ name: GLOSSARY_FILE, file: 'guides/kd/annotations/glossary.yaml', text: glossary }],
    },
  ]);
}

/** 1-based line and column of the first `needle` in `text`. */
function placeOf(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

const HEADER = '# 术语表\nterms:\n';

/** A diagnostic's start, reason and rule (its range and hint are checked in rules.test.ts). */
const where = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}  ${d.reason}  (${d.ruleId})`;

describe('glossary', () => {
  it('reads the guide glossary: every term names questions of the guide, each English term once', () => {
    const site = generate(glossaryYaml);
    expect(site.diagnostics).toEqual([]);
    const glossary = site.guides[0]!.glossary;
    expect(glossary.find((t) => t.en === 'catastrophic forgetting')).toEqual({ en: 'catastrophic forgetting', zh: '灾难性遗忘', synonyms: ['catastrophic interference'], questions: [6, 21] });
    expect(glossary.find((t) => t.zh === '剪枝')?.en).toBe('pruning');
  });

  it('points at the question number a term lists that the guide does not have', () => {
    const text = `${HEADER}  - { en: pruning, zh: 剪枝, questions: [9, 31] }\n`;
    const site = generate(text);
    expect(site.pages.size).toBe(0);
    expect(site.diagnostics.map(where)).toEqual([
      `guides/kd/annotations/glossary.yaml:${placeOf(text, '31')}  术语 “pruning” 列出了第 31 题，但指南里没有这道题（共 30 题）  (glossary-unknown-question)`,
    ]);
  });

  it('points at the second entry of an English term, whatever its case', () => {
    const text = `${HEADER}  - { en: Pruning, zh: 剪枝, questions: [9] }\n  - { en: pruning, zh: 修剪, questions: [29] }\n`;
    expect(generate(text).diagnostics.map(where)).toEqual([
      `guides/kd/annotations/glossary.yaml:${placeOf(text, 'pruning, zh: 修剪')}  英文术语 “pruning” 已在第 1 条出现过  (glossary-duplicate-term)`,
    ]);
  });

  it('points at a misspelt key, a missing term and broken YAML', () => {
    const misspelt = `${HEADER}  - { en: pruning, zh: 剪枝, question: [9] }\n`;
    expect(generate(misspelt).diagnostics.map(where)).toEqual([
      `guides/kd/annotations/glossary.yaml:${placeOf(misspelt, '{ en')}  terms.0.questions：缺少字段 “questions”  (glossary-schema)`,
      `guides/kd/annotations/glossary.yaml:${placeOf(misspelt, 'question:')}  terms.0：不认识的字段 “question”  (glossary-schema)`,
    ]);
    const empty = `${HEADER}  - { en: '', zh: 剪枝, questions: [9] }\n`;
    expect(generate(empty).diagnostics.map(where)).toEqual([`guides/kd/annotations/glossary.yaml:${placeOf(empty, "''")}  terms.0.en：术语不能为空  (glossary-schema)`]);
    const broken = `${HEADER}  - { en: pruning, zh: 剪枝, questions: [9 }\n`;
    const problems = generate(broken).diagnostics;
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatchObject({ file: 'guides/kd/annotations/glossary.yaml', line: 3, ruleId: 'glossary-yaml' });
  });
});

describe('glosses on question pages', () => {
  const page = (n: number) => generate(glossaryYaml).pages.get(`kd/${n}.md`)!;

  it('lists the terms a question uses in Chinese only, not those the source already names in English', () => {
    expect(page(12)).toContain('"zh": "医疗图像分析"');
    expect(page(12)).toContain('"en": "medical image analysis"');
    // Question 9 writes 剪枝（Pruning） itself.
    expect(page(9)).not.toContain('"en": "pruning"');
  });

  /** Runs the plugin as Astro's Markdown pipeline would, on a page's rendered sections. */
  function gloss(html: string, glosses: { zh: string; en: string }[]): string {
    const tree = fromHtml(html, { fragment: true });
    rehypeGlosses()(tree, { data: { astro: { frontmatter: { glosses } } } });
    return toHtml(tree);
  }

  it('adds the English name after the first use in the source sections only, once, marked as ours and kept out of search', () => {
    const html = gloss(
      '<section data-section="question"><p>请说明<a href="#x">剪枝</a>和剪枝、剪枝。</p></section><section data-section="notes"><p>剪枝</p></section>',
      [{ zh: '剪枝', en: 'pruning' }],
    );
    expect(html).toBe(
      '<section data-section="question"><p>请说明<a href="#x">剪枝</a>和剪枝<span class="term-gloss" data-pagefind-ignore="" title="英文术语（本站补充）"><span class="sr-only">，本站补充的英文术语：</span><span lang="en">pruning</span></span>、剪枝。</p><p class="gloss-legend" data-pagefind-ignore=""><span class="gloss-legend-label">本站补充</span>术语后括注的英文名<span class="term-gloss"><span lang="en">pruning</span></span>由本站添加，不是题库原文。</p></section><section data-section="notes"><p>剪枝</p></section>',
    );
  });

  it('explains the glosses once, right after the block with the first one, not under a section heading', () => {
    const html = gloss(
      '<section data-section="question"><p>无术语</p></section><section data-section="answer"><h2>答案</h2><div class="study-section-body"><p>开头</p><ul><li>量化与剪枝</li></ul><p>剪枝</p></div></section><section data-section="explanation"><p>剪枝</p></section>',
      [
        { zh: '剪枝', en: 'pruning' },
        { zh: '量化', en: 'quantization' },
      ],
    );
    expect(html.match(/gloss-legend"/g)).toHaveLength(1);
    expect(html).toContain(
      '</ul><p class="gloss-legend" data-pagefind-ignore=""><span class="gloss-legend-label">本站补充</span>术语后括注的英文名<span class="term-gloss"><span lang="en">quantization</span></span>由本站添加，不是题库原文。</p><p>剪枝</p>',
    );
  });

  it('skips a use the source already explains in parentheses, and prefers the longer of two terms', () => {
    const html = gloss('<section data-section="answer"><p>自然语言处理（NLP）与软标签蒸馏；自然语言处理</p></section>', [
      { zh: '自然语言处理', en: 'natural language processing' },
      { zh: '软标签', en: 'soft labels' },
      { zh: '软标签蒸馏', en: 'soft-label distillation' },
    ]);
    expect(html.replace(/<p class="gloss-legend"[^]*?<\/p>/, '').replaceAll(/<span class="term-gloss"[^]*?<span lang="en">([^<]*)<\/span><\/span>/g, '[$1]')).toBe(
      '<section data-section="answer"><p>自然语言处理（NLP）与软标签蒸馏[soft-label distillation]；自然语言处理[natural language processing]</p></section>',
    );
  });
});
