import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { detached } from '../utils/detached.ts';
import { FORMULA_START, around } from '../utils/katex-markup.ts';
import { builtHtmlFiles } from './built-pages.ts';

export interface LinkReport {
  /** One line per problem: `page → href: what is wrong`. */
  problems: string[];
  /** How many internal URLs were resolved, so an empty crawl cannot pass unnoticed. */
  checked: number;
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  form: ['action'],
  meta: ['content'],
};

/** What a page links to and which ids it has, from one pass of htmlparser2 (a fifth of a full parse's time). */
interface ScannedPage {
  ids: Set<string>;
  /** URLs from attributes, with the element that holds them. */
  urls: { tag: string; rel: string; value: string }[];
  /** The text of its inline <style> elements. */
  styles: string[];
}

function scanPage(html: string): ScannedPage {
  const page: ScannedPage = { ids: new Set(), urls: [], styles: [] };
  let inStyle = false;
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (attributes.id) page.ids.add(detached(attributes.id));
        if (tag === 'a' && attributes.name) page.ids.add(detached(attributes.name));
        if (tag === 'style') {
          inStyle = true;
          page.styles.push('');
        }
        for (const attribute of URL_ATTRIBUTES[tag] ?? []) {
          const value = attributes[attribute];
          if (value) page.urls.push({ tag, rel: attributes.rel ?? '', value });
        }
      },
      ontext(text) {
        if (inStyle) page.styles[page.styles.length - 1] += text;
      },
      onclosetag(tag) {
        if (tag === 'style') inStyle = false;
      },
    },
    { decodeEntities: true },
  );
  // KaTeX's markup holds no ids or URLs (the site renders formulas without KaTeX's `trust`, so
  // \href and \url are text) and is half of the site's HTML: it is passed over.
  for (const part of around(html, FORMULA_START)) parser.write(part);
  parser.end();
  return page;
}

/** Where a URL leads on the deployed site: not the site's own, nowhere (and why), or a file and its #fragment. */
type Outcome = { kind: 'external' } | { kind: 'missing'; what: string } | { kind: 'file'; file: string; hash: string };

/** Checks the links of a built site's pages, handed one at a time, as a pass over the pages reads them. */
export interface LinkChecker {
  /** Checks one page's links (`file` as builtHtmlFiles names it) and notes its ids; keeps nothing else of the page. */
  page(file: string, html: string): void;
  /** Once every page was handed over: the stylesheets' links and the #anchors into other pages. */
  finish(): LinkReport;
}

/**
 * Resolves every URL in every built page (and every `url()` in the CSS, inline or not) the
 * way a browser on the deployed site would, and reports those that miss: a
 * file that does not exist, an `#anchor` with no element of that id, or a
 * path outside the base path. URLs on the configured `site` origin (canonical,
 * og:url) count as internal. Each distinct URL is resolved once: every page
 * of a 3,000-question site links the same sidebar. The pages must be the
 * finished ones, and every file they link must be in `dist` already.
 */
export function linkChecker(dist: string, base: string, site: string): LinkChecker {
  const origin = new URL(site).origin;
  const problems: { at: number; text: string }[] = [];
  let checked = 0;
  const idsOf = new Map<string, Set<string>>();
  /** Links to an anchor in another page, checked once every page's ids are known. */
  const anchors: { at: number; text: string; file: string; hash: string }[] = [];
  const outcomes = new Map<string, Outcome>();
  /** Whether each file linked is there: the relative links of different pages lead to the same few. */
  const files = new Map<string, boolean>();

  const resolveUrl = (raw: string, fromUrl: URL): Outcome => {
    const url = new URL(raw, fromUrl);
    if (url.origin !== origin || !['http:', 'https:'].includes(url.protocol)) return { kind: 'external' };
    if (!url.pathname.startsWith(base)) return { kind: 'missing', what: `路径不在 base ${base} 之下` };
    const path = decodeURIComponent(url.pathname.slice(base.length));
    const file = join(dist, path.endsWith('/') || path === '' ? join(path, 'index.html') : path);
    let exists = files.get(file);
    if (exists === undefined) files.set(file, (exists = existsSync(file) && statSync(file).isFile()));
    if (!exists) return { kind: 'missing', what: '目标文件不存在' };
    return { kind: 'file', file, hash: decodeURIComponent(url.hash.slice(1)) };
  };

  const check = (from: string, fromUrl: URL, raw: string) => {
    // Only a relative URL depends on the page it is on.
    const key = /^([a-z]+:|\/)/i.test(raw) ? raw : `${fromUrl.pathname} ${raw}`;
    let outcome = outcomes.get(key);
    if (outcome === undefined) outcomes.set(detached(key), (outcome = resolveUrl(raw, fromUrl)));
    if (outcome.kind === 'external') return;
    checked += 1;
    const text = (what: string) => detached(`${from} → ${raw}: ${what}`);
    if (outcome.kind === 'missing') problems.push({ at: checked, text: text(outcome.what) });
    else if (outcome.hash && outcome.file.endsWith('.html')) {
      const problem = { at: checked, text: `页面中没有 id 为 “${outcome.hash}” 的元素`, file: outcome.file, hash: outcome.hash };
      // An anchor in this page or one already read is checked now; one in a later page once it is read.
      const ids = idsOf.get(outcome.file);
      if (ids === undefined) anchors.push({ ...problem, text: text(problem.text) });
      else if (!ids.has(outcome.hash)) problems.push({ at: checked, text: text(problem.text) });
    }
  };

  const checkCss = (from: string, fromUrl: URL, css: string) => {
    for (const [, , raw] of css.matchAll(/url\((["']?)([^"')]+)\1\)/g)) {
      if (!raw!.startsWith('data:')) check(from, fromUrl, raw!);
    }
  };

  return {
    page(file, html) {
      const page = scanPage(html);
      idsOf.set(join(dist, file), page.ids);
      const pageUrl = new URL(`${base}${file.replace(/(^|\/)index\.html$/, '$1')}`, origin);
      // Inline <style>: KaTeX's @font-face rules on formula pages point at the font files.
      for (const style of page.styles) checkCss(file, pageUrl, style);
      for (const { tag, rel, value } of page.urls) {
        // Only <meta> whose content is a URL: og:url, og:image and the like.
        if (tag === 'meta' && !/^(https?:)?\//.test(value)) continue;
        // The 404 page is served at every missing URL and has none of its own;
        // Starlight still gives it canonical and og:url `/404/`, which no host serves.
        if (file === '404.html' && (tag === 'meta' || rel === 'canonical')) continue;
        check(file, pageUrl, value);
      }
    },
    finish() {
      const assets = join(dist, '_astro');
      for (const css of existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.css')) : []) {
        checkCss(`_astro/${css}`, new URL(`${base}_astro/${css}`, origin), readFileSync(join(assets, css), 'utf8'));
      }
      for (const anchor of anchors) if (!idsOf.get(anchor.file)?.has(anchor.hash)) problems.push(anchor);
      return { problems: problems.sort((a, b) => a.at - b.at).map(({ text }) => text), checked };
    },
  };
}

/** Checks the links of every page of a built site, reading the pages one at a time. */
export function checkLinks(dist: string, base: string, site: string): LinkReport {
  const checker = linkChecker(dist, base, site);
  for (const file of builtHtmlFiles(dist)) checker.page(file, readFileSync(join(dist, file), 'utf8'));
  return checker.finish();
}
