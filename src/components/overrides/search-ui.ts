// Loaded only when the reader shows intent to search: the UI's code and styles stay off page load.
// @ts-expect-error — @pagefind/default-ui ships no types.
import { PagefindUI } from '@pagefind/default-ui';
// A URL, not a plain import: Astro would link a plain CSS import from every page.
import stylesheet from './search-ui.css?url';

/** The mounted UI: its text field, and a way to search as if the reader had typed the term. */
export interface SearchUI {
  input: HTMLInputElement;
  search(term: string): void;
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

/** Mounts Pagefind's default UI with the given options (see Pagefind's UI documentation). */
export async function mountSearchUI(element: HTMLElement, options: Record<string, unknown>): Promise<SearchUI> {
  await loadStylesheet(stylesheet);
  const ui = new PagefindUI({ ...options, element });
  const input = element.querySelector('input')!;
  // Pagefind names its field only by a title attribute (Pagefind/pagefind#158); give it a real label.
  input.setAttribute('aria-label', input.title);
  return { input, search: (term) => ui.triggerSearch(term) };
}
