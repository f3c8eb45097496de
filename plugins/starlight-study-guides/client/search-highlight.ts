// Loaded only when a page's URL has a query string (overrides/Search.astro), and runs then; Pagefind's highlighter loads only when it has HIGHLIGHT_PARAM.
import { HIGHLIGHT_PARAM } from '../model/search.ts';
import { withBase } from '../utils/base-path.ts';
// A URL, not a plain import: Astro would link a plain CSS import from every page.
import stylesheet from './search-highlight.css?url';

/** Pagefind's highlighter (dist/pagefind/pagefind-highlight.js, written with the index): mark.js over the page's indexed content. */
type PagefindHighlight = new (options: {
  highlightParam: string;
  addStyles: boolean;
  markOptions: { className: string; exclude: string[] };
}) => unknown;

/**
 * Marks the words the reader searched for, reveals the first one if self-test
 * mode hid it, and scrolls to it. The words then leave the address bar, so a
 * link copied from it (or from a 复制链接 button) is the page's own.
 */
async function highlightSearchedWords(): Promise<void> {
  if (!new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) return;
  document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: stylesheet }));
  const module: { default: PagefindHighlight } = await import(/* @vite-ignore */ withBase('/pagefind/pagefind-highlight.js'));
  new module.default({
    highlightParam: HIGHLIGHT_PARAM,
    addStyles: false,
    markOptions: {
      className: 'search-highlight',
      // What Pagefind leaves out of the index, except our English glosses (overrides of the words' own page text).
      exclude: ['[data-pagefind-ignore]:not(.term-gloss)', '[data-pagefind-ignore]:not(.term-gloss) *'],
    },
  });
  const url = new URL(location.href);
  url.searchParams.delete(HIGHLIGHT_PARAM);
  history.replaceState(history.state, '', url);

  const first = document.querySelector<HTMLElement>('mark.search-highlight');
  if (!first) return;
  // Self-test mode hides answers with hidden="until-found"; `beforematch` is how the browser's own find reveals them.
  first.closest('[hidden="until-found"]')?.dispatchEvent(new Event('beforematch'));
  if (!location.hash) first.scrollIntoView({ block: 'center' });
}

void highlightSearchedWords();
