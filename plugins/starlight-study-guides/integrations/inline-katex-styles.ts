import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { transform } from 'lightningcss';
import { katexFontText } from './katex-font-text.ts';
import { classNamesIn, katexStylesFor } from './katex-page-styles.ts';
import { detached } from '../utils/detached.ts';
import type { PagesStep } from './built-pages.ts';

/**
 * The <link> to KaTeX's stylesheet that plugins/starlight-study-guides/overrides/Head.astro
 * puts on pages with formulas. Matched as that component writes it.
 */
const KATEX_LINK = /<link rel="stylesheet" href="([^"]*\/katex\.min\.[\w-]+\.css)">/;

/** Without TrueType hinting instructions a subset is a fifth smaller; browsers outside old Windows ignore them. */
const SUBSET_OPTIONS = { targetFormat: 'woff2', noHinting: true } as const;

/** What else a cached subset depends on besides the font and the characters: the subsetter and how it is asked. */
const SUBSETTER = `${(createRequire(import.meta.url)('subset-font/package.json') as { version: string }).version} ${JSON.stringify(SUBSET_OPTIONS)}`;

/** What a formula page needs of KaTeX, noted in the first pass. */
interface FormulaPage {
  stylesheet: string;
  /** WOFF2 URLs of the faces the page draws text with. */
  faces: string[];
}

/**
 * After the build, replaces that <link> on every page with a <style> holding
 * only the KaTeX rules and fonts the page uses (plugins/starlight-study-guides/integrations/katex-page-styles.ts):
 * a page then waits for one stylesheet only, the site's, and a formula page
 * carries about 1–4 KB of KaTeX CSS instead of fetching all 28 KB.
 *
 * The fonts are cut down too: each face keeps only the glyphs of the
 * characters some page draws with it (plugins/starlight-study-guides/integrations/katex-font-text.ts),
 * cut by HarfBuzz's subsetter (subset-font) into a file named by its content
 * hash, and KaTeX's full fonts and stylesheet leave dist/. A formula with a
 * new character changes its face's subset, and so its name. Subsets are kept
 * in Astro's cache folder by font and characters, so a warm build cuts none.
 * `astro dev` keeps the <link> and the full fonts.
 */
export function katexStyles(dist: string, base: string, cacheDir: string): PagesStep {
  const inDist = (url: string) => join(dist, url.slice(base.length));
  const fontText = new Map<string, (html: string) => Map<string, string>>();
  const characters = new Map<string, Set<string>>();
  const pages = new Map<string, FormulaPage>();
  return {
    read(file, html) {
      const link = KATEX_LINK.exec(html)?.[1];
      if (link === undefined) return;
      const stylesheet = detached(link);
      if (!stylesheet.startsWith(base)) throw new Error(`${file}: KaTeX stylesheet ${stylesheet} is outside the base path ${base}`);
      if (!fontText.has(stylesheet)) fontText.set(stylesheet, katexFontText(readFileSync(inDist(stylesheet), 'utf8')));
      const text = fontText.get(stylesheet)!(html);
      for (const [face, chars] of text) {
        let set = characters.get(face);
        if (set === undefined) characters.set(face, (set = new Set()));
        for (const char of chars) set.add(char);
      }
      pages.set(file, { stylesheet, faces: [...text.keys()] });
    },

    async prepare() {
      const subsets = new Map<string, string>();
      mkdirSync(cacheDir, { recursive: true });
      await Promise.all(
        [...characters].map(async ([face, chars]) => {
          const full = readFileSync(inDist(face));
          const text = [...chars].sort().join('');
          // A warm build reuses the subset of the same font and characters from Astro's cache folder.
          const cached = join(cacheDir, `${createHash('sha256').update(SUBSETTER).update(full).update(text).digest('base64url')}.woff2`);
          let subset: Buffer;
          if (existsSync(cached)) subset = readFileSync(cached);
          else {
            // Loaded only when a subset is missing: HarfBuzz's WebAssembly is most of this step's start-up, and a warm build needs none.
            const { default: subsetFont } = await import('subset-font');
            subset = await subsetFont(full, text, SUBSET_OPTIONS);
            writeFileSync(cached, subset);
          }
          const hash = createHash('sha256').update(subset).digest('base64url').slice(0, 10);
          const url = `${dirname(face)}/${basename(face).split('.')[0]}.${hash}.woff2`;
          writeFileSync(inDist(url), subset);
          subsets.set(face, url);
        }),
      );
      // Each page's rules are cut from the stylesheet read here; the full stylesheet and fonts leave dist/.
      const stylesFor = new Map<string, ReturnType<typeof katexStylesFor>>();
      const stylesheets = [...fontText.keys()];
      // What the first pass noted of each formula (a memo of up to 20 million characters) is done with.
      fontText.clear();
      characters.clear();
      for (const stylesheet of stylesheets) {
        const css = readFileSync(inDist(stylesheet), 'utf8');
        stylesFor.set(stylesheet, katexStylesFor(css));
        for (const font of fontUrls(css)) rmSync(inDist(font), { force: true });
        rmSync(inDist(stylesheet));
      }
      return {
        report: `${pages.size} 个含公式的页面已内联所需的 KaTeX 样式；${subsets.size} 个 KaTeX 字体已按全站所用字符裁剪`,
        rewrite(file, html) {
          const page = pages.get(file);
          if (page === undefined) return html;
          const styles = stylesFor.get(page.stylesheet)!(classNamesIn(html), new Map(page.faces.map((face) => [face, subsets.get(face)!])));
          return html.replace(KATEX_LINK, () => `<style>${styles}</style>`);
        },
      };
    },
  };
}

/** Every file a stylesheet's `url()`s name: KaTeX's fonts, WOFF2, WOFF and TrueType. */
function fontUrls(css: string): string[] {
  const { dependencies } = transform({ filename: 'katex.css', code: Buffer.from(css), analyzeDependencies: true });
  return (dependencies ?? []).flatMap((dependency) => (dependency.type === 'url' ? [dependency.url] : []));
}
