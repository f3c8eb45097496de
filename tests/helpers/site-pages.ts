import { readdirSync } from 'node:fs';

export interface BuiltPage {
  /** Path of the HTML file inside dist, e.g. `kd-lifelong-learning/6/index.html`. */
  file: string;
  /** URL path the page is served at, below the base: `kd-lifelong-learning/6/`, `404.html`. */
  path: string;
}

/** Every HTML page of a built site, so each gate covers pages added later without being told. */
export function builtPages(dist: string): BuiltPage[] {
  return readdirSync(dist, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
    .sort()
    .map((file) => ({ file, path: file.replace(/(^|\/)index\.html$/, '$1') }));
}
