import { unified } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { removePosition } from 'unist-util-remove-position';
import rehypeKatex from 'rehype-katex';
import { describe, expect, it } from 'vitest';
import { fillFormulaSlots, withFormulaSlots } from '../../plugins/starlight-study-guides/rehype/formula-slots.ts';
import { rehypePlugins, remarkPlugins } from '../../plugins/starlight-study-guides/rehype/plugins.ts';
import { rehypeKatexMemo } from '../../plugins/starlight-study-guides/rehype/rehype-katex-memo.ts';
import { katexOptions } from '../../plugins/starlight-study-guides/rehype/render-formula.ts';

/*
 * Formulas reach a page's HTML after Astro's own last steps over its tree
 * (rehype-raw, the serialiser). These tests render Markdown through Astro's
 * processor, as the content sync does, with the site's plugins.
 */

const page = [
  '## 温度 $T$ 的作用',
  '',
  '设 $p_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}$，其中 $T > 1$。',
  '',
  '$$',
  'L = \\alpha T^2 \\, \\mathrm{KL}(p^T \\| q^T)',
  '$$',
  '',
  '| 量 | 公式 |',
  '| --- | --- |',
  '| 损失 | $T^2$ |',
  '',
  '- 列表里的 $\\sqrt{x}$ 与[链接里的 $x^2$](/a/)',
  '',
].join('\n');

/** HTML as a parser reads it, without positions in the text. */
const asRead = (html: string) => {
  const tree = fromHtml(html, { fragment: true });
  removePosition(tree, { force: true });
  return tree;
};
const render = async (processor: ReturnType<typeof unified>) => (await processor.createRenderer({ syntaxHighlight: false })).render(page);
const site = () => withFormulaSlots(unified({ smartypants: false, remarkPlugins, rehypePlugins: [...rehypePlugins] }));
// The same pipeline with rehype-katex in place of ours: every formula a tree until the end.
const inTree = () => unified({ smartypants: false, remarkPlugins, rehypePlugins: rehypePlugins.map((plugin) => (plugin === rehypeKatexMemo ? [rehypeKatex, katexOptions] : plugin)) });

describe('formula slots', () => {
  it('give a page the HTML and headings it has when its formulas stay in the tree to the end', async () => {
    const [withSlots, reference] = await Promise.all([render(site()), render(inTree())]);
    expect(reference.code).toContain('class="katex-display"');
    // The same document, as a browser reads it: a slot's formula is KaTeX's own text, which writes some characters otherwise.
    expect(asRead(withSlots.code)).toEqual(asRead(reference.code));
    expect(withSlots.metadata.headings).toEqual(reference.metadata.headings);
    // Astro takes a heading's text from its tree: the formula's text is in it.
    expect(withSlots.metadata.headings[0]!.text).toMatch(/^温度 T.*的作用$/);
  });

  it('keep KaTeX out of the tree Astro re-parses, but for a formula in a heading', async () => {
    let seen: Root | undefined;
    const processor = site();
    processor.options.rehypePlugins.push(() => (tree: Root) => void (seen = structuredClone(tree)));
    await render(processor);
    expect(selectAll('katex-formula-slot', seen!)).toHaveLength(6);
    expect(selectAll('.katex', seen!).map((formula) => formula.tagName)).toEqual(['span']);
    expect(selectAll('h2 .katex', seen!)).toHaveLength(1);
  });

  it('are filled once: a slot no formula waits for is an error, not an empty formula', async () => {
    expect(() => fillFormulaSlots('<p><katex-formula-slot data-slot="999999"></katex-formula-slot></p>')).toThrow(/formula slot 999999/);
    expect(fillFormulaSlots('<p>没有公式</p>')).toBe('<p>没有公式</p>');
  });

  it('refuse an MDX page with a message instead of showing it without its formulas', async () => {
    const processor = site();
    await expect(async () => processor.createMdxRenderer!({}, { optimize: false })).rejects.toThrow(/MDX/);
  });
});
