import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withTrailingSlash } from '../model/site-url.ts';
import { classNamesIn, katexStylesFor } from './katex-page-styles.ts';

/**
 * The <link> to KaTeX's stylesheet that plugins/starlight-study-guides/overrides/Head.astro
 * puts on pages with formulas. Matched as that component writes it.
 */
const KATEX_LINK = /<link rel="stylesheet" href="([^"]*\/katex\.min\.[\w-]+\.css)">/;

/**
 * After the build, replaces that <link> on every page with a <style> holding
 * only the KaTeX rules and fonts the page uses (plugins/starlight-study-guides/integrations/katex-page-styles.ts):
 * a page then waits for one stylesheet only, the site's, and a formula page
 * carries about 1–4 KB of KaTeX CSS instead of fetching all 28 KB.
 * `astro dev` keeps the <link>.
 */
export function inlineKatexStyles(): AstroIntegration {
  let base = '/';
  return {
    name: 'inline-katex-styles',
    hooks: {
      'astro:config:done'({ config }) {
        base = withTrailingSlash(config.base);
      },
      'astro:build:done'({ dir, logger }) {
        const dist = fileURLToPath(dir);
        const stylesFor = new Map<string, (classes: ReadonlySet<string>) => string>();
        let pages = 0;
        for (const file of readdirSync(dist, { recursive: true }).map(String).sort()) {
          if (!file.endsWith('.html')) continue;
          const path = join(dist, file);
          const html = readFileSync(path, 'utf8');
          const href = KATEX_LINK.exec(html)?.[1];
          if (href === undefined) continue;
          if (!href.startsWith(base)) throw new Error(`${file}: KaTeX stylesheet ${href} is outside the base path ${base}`);
          if (!stylesFor.has(href)) stylesFor.set(href, katexStylesFor(readFileSync(join(dist, href.slice(base.length)), 'utf8')));
          const styles = stylesFor.get(href)!(classNamesIn(html));
          writeFileSync(path, html.replace(KATEX_LINK, () => `<style>${styles}</style>`));
          pages++;
        }
        logger.info(`${pages} 个含公式的页面已内联所需的 KaTeX 样式`);
      },
    },
  };
}
