import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { Parser } from 'htmlparser2';

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
        if (attributes.id) page.ids.add(attributes.id);
        if (tag === 'a' && attributes.name) page.ids.add(attributes.name);
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
  parser.end(html);
  return page;
}

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
  const files = readdirSync(dist, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
    .sort();
  const pages = new Map(files.map((file) => [join(dist, file), scanPage(readFileSync(join(dist, file), 'utf8'))]));

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
    if (hash && file.endsWith('.html') && !pages.get(file)?.ids.has(hash)) say(`页面中没有 id 为 “${hash}” 的元素`);
  };

  const checkCss = (from: string, fromUrl: URL, css: string) => {
    for (const [, , raw] of css.matchAll(/url\((["']?)([^"')]+)\1\)/g)) {
      if (!raw!.startsWith('data:')) check(from, fromUrl, raw!);
    }
  };

  for (const file of files) {
    const page = pages.get(join(dist, file))!;
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
  }
  const assets = join(dist, '_astro');
  for (const css of existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.css')) : []) {
    checkCss(`_astro/${css}`, new URL(`${base}_astro/${css}`, origin), readFileSync(join(assets, css), 'utf8'));
  }
  return { problems, checked };
}

/**
 * Checks the built site's links once every other step has rewritten the pages
 * (scripts bundled, fonts subset): a broken one is printed with the page it is
 * on and fails the build. Links are checked in the HTML rather than while the
 * Markdown renders (as starlight-links-validator does), so relative links, the
 * base path, whole-guide pages and font files are covered, and Astro can keep
 * the Markdown it rendered in the previous build.
 */
export function linkCheck(): AstroIntegration {
  let base = '/';
  let site = '';
  return {
    name: 'link-check',
    hooks: {
      'astro:config:done'({ config }) {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        site = config.site ?? 'http://localhost';
      },
      'astro:build:done'({ dir, logger }) {
        const { problems, checked } = checkLinks(fileURLToPath(dir), base, site);
        if (problems.length === 0) return logger.info(`${checked} 个站内链接均有效`);
        for (const problem of problems) logger.error(problem);
        logger.error(`${problems.length} 个站内链接无效：请修改链接所在的注解或题库文本，或补上它指向的页面。`);
        // Like a broken guide, a broken link is the author's to fix: a report, not a stack trace.
        process.exit(1);
      },
    },
  };
}
