import { readFileSync } from 'node:fs';
import type { Root } from 'hast';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import katex from 'katex';
import { removePosition } from 'unist-util-remove-position';
import { describe, expect, it } from 'vitest';
import { katexHtmlToHast } from '../../plugins/starlight-study-guides/rehype/katex-hast.ts';

/** The tree rehype-katex makes of KaTeX's HTML, without the positions in that HTML, which no page shows. */
function asRehypeKatexParses(html: string) {
  const root = fromHtmlIsomorphic(html, { fragment: true }) as Root;
  removePosition(root, { force: true });
  return root.children;
}

const guide = new URL('../../src/guides/kd-lifelong-learning/', import.meta.url);
/** Every formula of the real guide's source and annotations, as remark-math delimits them. */
function guideFormulas(): { tex: string; displayMode: boolean }[] {
  const texts = [readFileSync(new URL('source.md', guide), 'utf8')];
  for (let n = 1; n <= 30; n++) {
    try {
      texts.push(readFileSync(new URL(`annotations/${n}.md`, guide), 'utf8'));
    } catch {
      // Not every question has an annotation.
    }
  }
  const found = new Map<string, { tex: string; displayMode: boolean }>();
  for (const text of texts) {
    for (const [, display, inline] of text.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$\n]+)\$/g)) {
      const tex = (display ?? inline)!.trim();
      found.set(`${display !== undefined}${tex}`, { tex, displayMode: display !== undefined });
    }
  }
  return [...found.values()];
}

/** What KaTeX draws in SVG or with unusual markup: stretchy arrows and braces, roots, cancels, colours, text, arrays, line breaks. */
const CONSTRUCTS = [
  String.raw`\xrightarrow[\text{下}]{\text{上}} \overbrace{a+b}^{n} \underbrace{x}_{k} \widehat{xyz} \overrightarrow{AB}`,
  String.raw`\sqrt[3]{\frac{a}{b}} \sqrt{\sqrt{\sqrt{x}}} \cancel{x} \bcancel{y} \xcancel{z} \sout{w}`,
  String.raw`\color{red}{a} \textcolor{#00f}{b} \colorbox{yellow}{c} \fbox{d} \boxed{e}`,
  String.raw`\begin{array}{c|l} a & b \\ \hline c & d \end{array} \begin{cases} 1 & x<0 \\ 0 & \text{否则} \end{cases}`,
  String.raw`a \\ b \newline c \quad d \; e \! f \mathrm{g} \mathbb{R} \mathcal{L} \mathfrak{g} \operatorname*{arg\,max}_\theta`,
  String.raw`\left( \frac{1}{2} \right\rangle \Big\| \lVert x \rVert \overline{x} \underline{y} \vec{v} \dot{x} \tilde{y}`,
  String.raw`\text{"quotes" & <angle> 'apostrophe'} \href{https://example.org/?a=1&b=2}{link}`,
];

describe('KaTeX’s HTML as a tree', () => {
  const formulas = [
    ...guideFormulas(),
    ...CONSTRUCTS.flatMap((tex) => [
      { tex, displayMode: false },
      { tex, displayMode: true },
    ]),
  ];

  it('finds the guide’s formulas', () => {
    expect(formulas.length).toBeGreaterThan(150);
  });

  it('is the tree rehype-katex makes, for every formula of the real guide and what KaTeX draws in SVG', () => {
    for (const { tex, displayMode } of formulas) {
      const html = katex.renderToString(tex, { displayMode, strict: 'ignore', trust: true, throwOnError: false });
      expect(katexHtmlToHast(html), tex).toEqual(asRehypeKatexParses(html));
    }
  });
});
