import { builtHtmlFiles } from '../../plugins/starlight-study-guides/integrations/built-pages.ts';

export interface BuiltPage {
  /** Path of the HTML file inside dist, e.g. `kd-lifelong-learning/6/index.html`. */
  file: string;
  /** URL path the page is served at, below the base: `kd-lifelong-learning/6/`, `404.html`. */
  path: string;
}

/** Every HTML page of a built site, so each gate covers pages added later without being told. */
export function builtPages(dist: string): BuiltPage[] {
  return builtHtmlFiles(dist).map((file) => ({ file, path: file.replace(/(^|\/)index\.html$/, '$1') }));
}
