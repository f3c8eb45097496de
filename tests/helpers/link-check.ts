import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { builtPages } from './site-pages.ts';

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

/**
 * Resolves every URL in every built page (and every `url()` in the CSS, inline or not) the
 * way a browser on the deployed site would, and reports those that miss: a
 * file that does not exist, an `#anchor` with no element of that id, or a
 * path outside the base path. URLs on the configured `site` origin (canonical,
 * og:url) count as internal.
 */
export function checkLinks(dist: string, base: string, site: string): LinkReport {
  const origin = new URL(site).origin;
  const problems: string[] = [];
  let checked = 0;
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set();
      visit(fromHtml(readFileSync(file, 'utf8')), 'element', (node: Element) => {
        if (typeof node.properties.id === 'string') set!.add(node.properties.id);
        if (node.tagName === 'a' && typeof node.properties.name === 'string') set!.add(node.properties.name);
      });
      ids.set(file, set);
    }
    return set;
  };

  const check = (from: string, fromUrl: URL, raw: string) => {
    const url = new URL(raw, fromUrl);
    if (url.origin !== origin || !['http:', 'https:'].includes(url.protocol)) return;
    checked += 1;
    const say = (what: string) => problems.push(`${from} → ${raw}: ${what}`);
    if (!url.pathname.startsWith(base)) return say(`路径不在 base ${base} 之下`);
    const path = decodeURIComponent(url.pathname.slice(base.length));
    const file = join(dist, path.endsWith('/') || path === '' ? join(path, 'index.html') : path);
    if (!existsSync(file) || !statSync(file).isFile()) return say('目标文件不存在');
    const hash = decodeURIComponent(url.hash.slice(1));
    if (hash && file.endsWith('.html') && !idsOf(file).has(hash)) say(`页面中没有 id 为 “${hash}” 的元素`);
  };

  const checkCss = (from: string, fromUrl: URL, css: string) => {
    for (const [, , raw] of css.matchAll(/url\((["']?)([^"')]+)\1\)/g)) {
      if (!raw!.startsWith('data:')) check(from, fromUrl, raw!);
    }
  };

  for (const page of builtPages(dist)) {
    const pageUrl = new URL(`${base}${page.path}`, origin);
    visit(fromHtml(readFileSync(join(dist, page.file), 'utf8')), 'element', (node: Element) => {
      // Inline <style>: KaTeX's @font-face rules on formula pages point at the font files.
      if (node.tagName === 'style') checkCss(page.file, pageUrl, toString(node));
      for (const attribute of URL_ATTRIBUTES[node.tagName] ?? []) {
        const value = node.properties[attribute];
        if (typeof value !== 'string' || value === '') continue;
        // Only <meta> whose content is a URL: og:url, og:image and the like.
        if (node.tagName === 'meta' && !/^(https?:)?\//.test(value)) continue;
        // The 404 page is served at every missing URL and has none of its own;
        // Starlight still gives it canonical and og:url `/404/`, which no host serves.
        if (page.file === '404.html' && (node.tagName === 'meta' || node.properties.rel?.toString() === 'canonical')) continue;
        check(page.file, pageUrl, value);
      }
    });
  }
  const assets = join(dist, '_astro');
  for (const css of existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.css')) : []) {
    checkCss(`_astro/${css}`, new URL(`${base}_astro/${css}`, origin), readFileSync(join(assets, css), 'utf8'));
  }
  return { problems, checked };
}
