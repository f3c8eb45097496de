import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { katexFontText } from '../../plugins/starlight-study-guides/integrations/katex-font-text.ts';
import { classNamesIn, katexStylesFor } from '../../plugins/starlight-study-guides/integrations/katex-page-styles.ts';

const stylesheet = readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8');
const page = (tex: string) => `<p>见 ${katex.renderToString(tex)}</p>`;
const fontText = katexFontText(stylesheet);
/** The faces a page draws with, each pointed at a stand-in for its subset file. */
const subsetsOf = (html: string) => new Map([...fontText(html).keys()].map((url) => [url, url.replace('fonts/', 'subset/')]));

describe('KaTeX fonts: the characters a page draws with each face', () => {
  it('finds each character in the face that KaTeX\'s rules give it', () => {
    expect(fontText(page('x + \\mathcal{L} + \\mathbf{W} + \\boldsymbol{\\alpha}'))).toEqual(
      new Map([
        ['fonts/KaTeX_Math-Italic.woff2', 'x'],
        ['fonts/KaTeX_Main-Regular.woff2', '+'],
        ['fonts/KaTeX_Caligraphic-Regular.woff2', 'L'],
        ['fonts/KaTeX_Main-Bold.woff2', 'W'],
        ['fonts/KaTeX_Math-BoldItalic.woff2', 'α'],
      ]),
    );
  });

  it('takes large operators and delimiters from the size fonts, as selected by compound and child selectors', () => {
    const display = `<span class="katex-display">${katex.renderToString('\\sum_i \\left(\\frac{a}{b}\\right)', { displayMode: true })}</span>`;
    const text = fontText(display);
    // A display sum is `.op-symbol.large-op`; parentheses around a display fraction are `.delimsizing.size2`.
    expect(text.get('fonts/KaTeX_Size2-Regular.woff2')).toBe('()∑');
    const tall = fontText(page('\\left\\{ \\begin{matrix} a \\\\ b \\\\ c \\\\ d \\\\ e \\end{matrix} \\right.'));
    // A taller brace is built from pieces: `.delimsizing.mult .delim-size4 > span`.
    expect(tall.get('fonts/KaTeX_Size4-Regular.woff2')).toBe('⎧⎨⎩');
  });

  it('leaves out the MathML copy, which no one sees', () => {
    const text = [...fontText(page('\\alpha')).values()].join('');
    expect(text).toBe('α');
  });
});

describe('KaTeX styles for one page', () => {
  const stylesFor = (html: string) => katexStylesFor(stylesheet)(classNamesIn(html), subsetsOf(html));

  it('keeps the rules of a fraction and leaves out those of roots and matrices the page does not have', () => {
    const styles = stylesFor(page('\\frac{a}{b}'));
    expect(styles).toContain('.katex .mfrac .frac-line{');
    expect(styles).toContain('.katex{');
    expect(styles).not.toContain('.sqrt');
    expect(styles).not.toContain('.mtable');
    expect(styles.length).toBeLessThan(stylesheet.length / 4);
  });

  it('keeps a rule with several selectors for the selectors the page matches only', () => {
    // In KaTeX's stylesheet `.sizing.reset-size6.size3` shares one rule with `.fontsize-ensurer.reset-size6.size3`.
    expect(stylesheet).toMatch(/\.katex \.fontsize-ensurer\.reset-size6\.size3,\.katex \.sizing\.reset-size6\.size3\{/);
    const styles = stylesFor(page('x_i'));
    expect(styles).toContain('.katex .sizing.reset-size6.size3{');
    expect(styles).not.toContain('fontsize-ensurer');
  });

  it('declares the faces the page draws with, each from its subset WOFF2 file only', () => {
    const styles = stylesFor(page('x + \\mathcal{L}'));
    const faces = [...styles.matchAll(/@font-face\{[^}]*url\(([^)]*)\)/g)].map((m) => m[1]);
    expect(new Set(faces)).toEqual(
      new Set(['subset/KaTeX_Main-Regular.woff2', 'subset/KaTeX_Math-Italic.woff2', 'subset/KaTeX_Caligraphic-Regular.woff2']),
    );
    expect(styles).not.toMatch(/\.woff\)|\.ttf\)/);
  });

  it('gives pages with the same formulas the same styles, whatever else they hold', () => {
    const stylesForPage = katexStylesFor(stylesheet);
    const a = `<div class="sidebar x">${page('e^{x}')}</div>`;
    const b = `<main class="content">${page('e^{y}')}</main>`;
    expect(stylesForPage(classNamesIn(a), subsetsOf(a))).toBe(stylesForPage(classNamesIn(b), subsetsOf(b)));
  });
});
