import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import * as fontkit from 'fontkit';
import { selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { describe, expect, inject, it } from 'vitest';
import { readPage } from '../helpers/html.ts';
import { builtPages } from '../helpers/site-pages.ts';

const katexFonts = join(createRequire(import.meta.url).resolve('katex'), '../fonts');

/** The font files a page's inline `@font-face` rules load, by family and style, read with fontkit. */
function pageFonts(dist: string, page: Root): { face: string; url: string; font: fontkit.Font }[] {
  const css = selectAll('style', page).map((node) => textOf(node)).join('');
  return [...css.matchAll(/@font-face\{[^}]*font-family:(KaTeX_\w+);font-style:(\w+);font-weight:(\d+);src:url\(([^)]+)\)/g)].map(
    ([, family, style, weight, url]) => ({
      face: `${family} ${style} ${weight}`,
      url: url!,
      font: fontkit.create(readFileSync(join(dist, url!))) as fontkit.Font,
    }),
  );
}

const codePoint = (char: string) => char.codePointAt(0)!;

describe('built site › KaTeX fonts cut to the characters the site draws', () => {
  it('draws a letter that only one formula uses from a subset that has it, and lacks the letters no formula uses', () => {
    const dist = inject('hostileSite');
    const fraktur = pageFonts(dist, readPage(dist, 'hostile/2')).find((font) => font.face === 'KaTeX_Fraktur normal 400');
    expect(fraktur).toBeDefined();
    const { font, url } = fraktur!;
    expect(font.hasGlyphForCodePoint(codePoint('G'))).toBe(true);
    expect(font.hasGlyphForCodePoint(codePoint('H'))).toBe(false);
    const full = fontkit.create(readFileSync(join(katexFonts, 'KaTeX_Fraktur-Regular.woff2'))) as fontkit.Font;
    expect(full.hasGlyphForCodePoint(codePoint('H'))).toBe(true);
    expect(readFileSync(join(dist, url)).length).toBeLessThan(readFileSync(join(katexFonts, 'KaTeX_Fraktur-Regular.woff2')).length / 3);
  });

  it('has a glyph for every character of every formula on every page, in the fonts that page declares', () => {
    const dist = inject('realSite');
    let formulas = 0;
    for (const { file } of builtPages(dist)) {
      const page = fromHtml(readFileSync(join(dist, file), 'utf8'));
      const formulaText = selectAll('.katex-html', page)
        .map((node) => textOf(node))
        .join('');
      if (formulaText === '') continue;
      formulas++;
      const fonts = pageFonts(dist, page).map(({ font }) => font);
      // KaTeX pads with spaces and zero-width spaces, which no font needs to draw.
      const missing = [...new Set(formulaText.replace(/[\s\u200b]/g, ''))].filter((char) => !fonts.some((font) => font.hasGlyphForCodePoint(codePoint(char))));
      expect(missing, file).toEqual([]);
    }
    expect(formulas).toBeGreaterThan(10);
  });

  it('leaves KaTeX’s full fonts and stylesheet out of the site', () => {
    for (const dist of [inject('realSite'), inject('hostileSite')]) {
      const assets = readdirSync(join(dist, '_astro'));
      expect(assets.filter((name) => /^katex.*\.css$|^KaTeX_.*\.(woff|ttf)$/.test(name))).toEqual([]);
      const full = new Set(readdirSync(katexFonts).map((name) => readFileSync(join(katexFonts, name)).toString('base64')));
      expect(assets.filter((name) => name.startsWith('KaTeX_') && full.has(readFileSync(join(dist, '_astro', name)).toString('base64')))).toEqual([]);
    }
  });
});
