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

/**
 * A step after the build that changes pages, in the two passes over them
 * that scripts/build.ts makes: the first reads every page and notes
 * what it needs; `prepare` then writes the files the pages will point at;
 * the second pass hands every page to `rewrite`, which returns it changed
 * (or as it was). Only what a step notes is kept, never the pages.
 */
export interface PagesStep {
  read(file: string, html: string): void;
  prepare(): Promise<{ report: string; rewrite(file: string, html: string): string }>;
}

