// Loaded only when the reader shows intent to search: the UI's code and styles stay off page load.
// @ts-expect-error — @pagefind/default-ui ships no types.
import { PagefindUI } from '@pagefind/default-ui';
// A URL, not a plain import: Astro would link a plain CSS import from every page.
import stylesheet from './search-ui.css?url';

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
export async function mountSearchUI(element: HTMLElement, options: Record<string, unknown>): Promise<void> {
  await loadStylesheet(stylesheet);
  new PagefindUI({ ...options, element });
  // Pagefind names its field only by a title attribute (Pagefind/pagefind#158); give it a real label.
  const input = element.querySelector('input');
  input?.setAttribute('aria-label', input.title);
}
