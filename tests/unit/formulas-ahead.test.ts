import { unified } from '@astrojs/markdown-remark';
import { visit } from 'unist-util-visit';
import { afterEach, describe, expect, it } from 'vitest';
import { siteUrl } from '../../plugins/starlight-study-guides/model/site-url.ts';
import { formulasAhead } from '../../plugins/starlight-study-guides/pipeline/formulas-ahead.ts';
import { generateSite } from '../../plugins/starlight-study-guides/pipeline/generate-site.ts';
import { parseMarkdown } from '../../plugins/starlight-study-guides/pipeline/markdown-syntax.ts';
import { readGuideSources } from '../../plugins/starlight-study-guides/pipeline/read/read-guides.ts';
import { readSolutions } from '../../plugins/starlight-study-guides/pipeline/read/read-solutions.ts';
import { withFormulaSlots } from '../../plugins/starlight-study-guides/rehype/formula-slots.ts';
import { rehypePlugins, remarkPlugins } from '../../plugins/starlight-study-guides/rehype/plugins.ts';
import { useFormulasAhead } from '../../plugins/starlight-study-guides/rehype/rehype-katex-memo.ts';
import { formulaKey, renderFormula } from '../../plugins/starlight-study-guides/rehype/render-formula.ts';

const guidesDir = new URL('../../src/guides/', import.meta.url).pathname;

afterEach(() => useFormulasAhead([]));

describe('formulas rendered ahead', () => {
  it('are every formula of the generated pages, as Astro’s process would render each', () => {
    const { sources } = readGuideSources(guidesDir, guidesDir);
    const site = generateSite(sources, { siteUrl: siteUrl(undefined), solutions: readSolutions(new URL('../../src/math/', import.meta.url).pathname) });
    expect(site.diagnostics).toEqual([]);
    const onPages = new Map<string, { tex: string; display: boolean }>();
    for (const page of site.pages.values()) {
      visit(parseMarkdown(page), (node) => {
        if (node.type === 'math' || node.type === 'inlineMath') onPages.set(formulaKey(node.value, node.type === 'math'), { tex: node.value, display: node.type === 'math' });
      });
    }

    const ahead = new Map(formulasAhead(site.guides));
    expect(onPages.size).toBeGreaterThan(200);
    for (const [key, { tex, display }] of onPages) expect(ahead.get(key), key).toBe(renderFormula(tex, display));
    // Nor more than the pages show.
    expect([...ahead.keys()].filter((key) => !onPages.has(key))).toEqual([]);
  });

  it('leave a formula KaTeX rejects to the page, which reports it', () => {
    const { sources } = readGuideSources(guidesDir, guidesDir);
    const broken = sources.map((source) => ({ ...source, source: { ...source.source, text: source.source.text.replace('温度', '温度 $\\frac{1}{$') } }));
    const site = generateSite(broken, { siteUrl: siteUrl(undefined) });
    expect(site.diagnostics.map((d) => d.ruleId)).toContain('invalid-tex');
    expect(new Map(formulasAhead(site.guides)).has(formulaKey('\\frac{1}{', false))).toBe(false);
  });

  it('are what Astro’s Markdown pipeline puts on a page, in place of rendering them', async () => {
    useFormulasAhead([[formulaKey('T', false), '<span class="katex">rendered ahead</span>']]);
    const processor = withFormulaSlots(unified({ smartypants: false, remarkPlugins, rehypePlugins: [...rehypePlugins] }));
    const { code } = await (await processor.createRenderer({ syntaxHighlight: false })).render('温度 $T$ 与 $x$');
    expect(code).toContain('<span class="katex">rendered ahead</span>');
    // A formula not rendered ahead is rendered here, as before.
    expect(code).toContain(renderFormula('x', false));
    expect(code).not.toContain(renderFormula('T', false));
  });
});
