import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { classNamesIn, katexStylesFor } from '../../plugins/starlight-study-guides/integrations/katex-page-styles.ts';

const stylesheet = readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8');
const page = (tex: string) => `<p>见 ${katex.renderToString(tex)}</p>`;

describe('KaTeX styles for one page', () => {
  const stylesFor = katexStylesFor(stylesheet);

  it('keeps the rules of a fraction and leaves out those of roots and matrices the page does not have', () => {
    const styles = stylesFor(classNamesIn(page('\\frac{a}{b}')));
    expect(styles).toContain('.katex .mfrac .frac-line{');
    expect(styles).toContain('.katex{');
    expect(styles).not.toContain('.sqrt');
    expect(styles).not.toContain('.mtable');
    expect(styles.length).toBeLessThan(stylesheet.length / 4);
  });

  it('keeps a rule with several selectors for the selectors the page matches only', () => {
    // In KaTeX's stylesheet `.sizing.reset-size6.size3` shares one rule with `.fontsize-ensurer.reset-size6.size3`.
    expect(stylesheet).toMatch(/\.katex \.fontsize-ensurer\.reset-size6\.size3,\.katex \.sizing\.reset-size6\.size3\{/);
    const styles = stylesFor(classNamesIn(page('x_i')));
    expect(styles).toContain('.katex .sizing.reset-size6.size3{');
    expect(styles).not.toContain('fontsize-ensurer');
  });

  it('declares the fonts of the families its rules use, each from its WOFF2 file only', () => {
    const styles = stylesFor(classNamesIn(page('x + \\mathcal{L}')));
    const families = [...styles.matchAll(/@font-face\{[^}]*font-family:(KaTeX_\w+)/g)].map((m) => m[1]);
    expect(new Set(families)).toEqual(new Set(['KaTeX_Main', 'KaTeX_Math', 'KaTeX_Caligraphic']));
    expect(styles).toContain('url(fonts/KaTeX_Main-Regular.woff2)format("woff2")');
    expect(styles).not.toMatch(/\.woff\)|\.ttf\)/);
  });

  it('gives pages with the same formulas the same styles, whatever else they hold', () => {
    const a = stylesFor(classNamesIn(`<div class="sidebar x">${page('e^{x}')}</div>`));
    const b = stylesFor(classNamesIn(`<main class="content">${page('e^{y}')}</main>`));
    expect(a).toBe(b);
  });
});
