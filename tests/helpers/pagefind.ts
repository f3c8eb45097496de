import type { Page } from 'playwright-core';
import { SEARCH_RANKING } from '../../plugins/starlight-study-guides/model/search.ts';

export interface SearchResult {
  url: string;
  subResults: string[];
}

/**
 * Searches through Pagefind's own API in the page (the index the search
 * dialog uses, ranked as the dialog ranks); results best first. A string is
 * evaluated, so the test runner does not rewrite the browser's dynamic import.
 */
export function pagefindSearch(page: Page, term: string): Promise<SearchResult[]> {
  return page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.options({ ranking: ${JSON.stringify(SEARCH_RANKING)} });
    const search = await pagefind.search(${JSON.stringify(term)});
    const data = await Promise.all(search.results.map((r) => r.data()));
    // Without the words to highlight that the search dialog, once opened, has Pagefind add.
    const page = (url) => url.replace(/[?][^#]*/, '');
    return data.map((d) => ({ url: page(d.url), subResults: d.sub_results.map((s) => page(s.url)) }));
  })()`);
}
