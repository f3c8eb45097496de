import { readdirSync } from 'node:fs';

/**
 * Every HTML page of a built site, as paths inside `dist` with `/` between folders
 * (`kd/6/index.html`, `404.html`), sorted; Pagefind's folder holds none of the
 * site's pages. Each step after the build walks the pages in this order.
 */
export function builtHtmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true })
    .map((name) => String(name).split('\\').join('/'))
    .filter((name) => name.endsWith('.html') && !name.startsWith('pagefind/'))
    .sort();
}
