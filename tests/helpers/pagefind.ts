import type { Page } from 'playwright-core';

export interface SearchResult {
  url: string;
  subResults: string[];
}

/**
 * Searches through Pagefind's own API in the page (the index the search
 * dialog uses); results best first. A string is evaluated, so the test runner
 * does not rewrite the browser's dynamic import.
 */
export function pagefindSearch(page: Page, term: string): Promise<SearchResult[]> {
  return page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const search = await pagefind.search(${JSON.stringify(term)});
    const data = await Promise.all(search.results.map((r) => r.data()));
    return data.map((d) => ({ url: d.url, subResults: d.sub_results.map((s) => s.url) }));
  })()`);
}
