// Loaded only when the reader shows intent to search: the UI's code and styles stay off page load.
// @ts-expect-error — @pagefind/default-ui ships no types.
import { PagefindUI } from '@pagefind/default-ui';
// A URL, not a plain import: Astro would link a plain CSS import from every page.
import stylesheet from './search-ui.css?url';
import { HIGHLIGHT_PARAM, SEARCH_RANKING } from '../model/search.ts';
import { withBase } from '../utils/base-path.ts';
import { readableExcerpt, searchTerm } from './search-query.ts';

/** The mounted UI: its text field, and a way to search as if the reader had typed the term. */
export interface SearchUI {
  input: HTMLInputElement;
  search(term: string): void;
}

/** The parts of a Pagefind result that the site's `processResult` hooks change. */
export interface SearchResult {
  url: string;
  excerpt: string;
  sub_results: Array<{ url: string; excerpt: string }>;
}

/** Options on top of the site's (Pagefind's UI options; see its documentation). */
export interface SearchOptions extends Record<string, unknown> {
  processResult?: (result: SearchResult) => void;
}

/** Links the UI's stylesheet, resolving once it has loaded (or failed: the UI works unstyled). */
function loadStylesheet(href: string): Promise<void> {
  return new Promise((resolve) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });
}

/** The guide whose page the reader searches from: the path's first segment under the site's base; none on the home page. */
function currentGuide(): string | undefined {
  const base = withBase('/');
  return location.pathname.startsWith(base) ? location.pathname.slice(base.length).split('/')[0] || undefined : undefined;
}

/**
 * What every search box of the site shares. Starlight's own Pagefind step is off because the
 * index is built after the build (scripts/build.ts). Queries are rewritten before
 * the search (searchTerm; a question number means the reader's guide's question), and each result
 * links to its page with the searched words to highlight (client/search-highlight.ts).
 */
const SEARCH_OPTIONS = {
  ranking: SEARCH_RANKING,
  baseUrl: import.meta.env.BASE_URL,
  bundlePath: withBase('/pagefind/'),
  showImages: false,
  showSubResults: true,
  processTerm: (typed: string) => searchTerm(typed, currentGuide()),
  highlightParam: HIGHLIGHT_PARAM,
};

/** Mounts Pagefind's default UI with the site's options and `options` on top (see Pagefind's UI documentation). */
export async function mountSearchUI(element: HTMLElement, options: SearchOptions): Promise<SearchUI> {
  await loadStylesheet(stylesheet);
  const processResult = (result: SearchResult) => {
    result.excerpt = readableExcerpt(result.excerpt);
    for (const sub of result.sub_results) sub.excerpt = readableExcerpt(sub.excerpt);
    options.processResult?.(result);
  };
  const ui = new PagefindUI({ ...SEARCH_OPTIONS, ...options, processResult, element });
  const input = element.querySelector('input')!;
  // Pagefind names its field only by a title attribute (Pagefind/pagefind#158); give it a real label.
  input.setAttribute('aria-label', input.title);
  return { input, search: (term) => ui.triggerSearch(term) };
}
