import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSite } from '../../plugins/starlight-study-guides/pipeline/generate-site.ts';
import { synthesizeGuides } from '../helpers/synthesize-guides.ts';

const realSource = readFileSync(new URL('../../src/guides/kd-lifelong-learning/source.md', import.meta.url), 'utf8');

describe('synthetic corpus', () => {
  const guides = synthesizeGuides(realSource, 3);
  const site = generateSite(
    Object.entries(guides).map(([slug, text]) => ({ slug, source: { name: 'source.md', file: `src/guides/${slug}/source.md`, text }, extras: [] })),
  );

  it('makes 3 guides of 30 questions that the real parser accepts without a problem', () => {
    expect(site.diagnostics).toEqual([]);
    expect(site.guides.map((g) => g.questions.length)).toEqual([30, 30, 30]);
  });

  it('gives about a third of the question pages formulas, inline and display', () => {
    const questionPages = [...site.pages].filter(([path]) => /\/\d+\.md$/.test(path));
    const withMath = questionPages.filter(([, mdx]) => mdx.includes('$'));
    expect(withMath.length).toBe(30);
    expect(questionPages.some(([, mdx]) => /^\$\$$/m.test(mdx))).toBe(true);
  });

  it('makes guides that differ from each other and from the real one', () => {
    const texts = Object.values(guides);
    expect(new Set(texts).size).toBe(3);
    expect(texts).not.toContain(realSource);
    expect(guides['synthetic-0002']).toContain('#### 1. 知识蒸馏在机器学习中的应用场景有哪些？（第 2 组）');
  });
});
