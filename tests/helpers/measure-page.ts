import type { BrowserContext, Request } from 'playwright-core';

export type ResourceKind = 'html' | 'css' | 'js' | 'font' | 'other';

export interface PageTransfer {
  /** Response body bytes as sent (compressed where the server compressed), by kind. */
  bytes: Record<ResourceKind, number>;
  total: number;
  /** Response headers and bodies, by kind: what a round trip costs beyond its body shows here. */
  wire: Record<ResourceKind, number>;
  wireTotal: number;
  requests: Record<ResourceKind, number>;
  urls: string[];
}

const KIND_BY_TYPE: Record<string, ResourceKind> = { document: 'html', stylesheet: 'css', script: 'js', font: 'font' };

/**
 * Loads `url` in a fresh page of `context` (an empty cache when the context is
 * new) and adds up what came over the wire once the page and its fonts settled.
 */
export async function measureTransfer(context: BrowserContext, url: string): Promise<PageTransfer> {
  const page = await context.newPage();
  const finished: Request[] = [];
  page.on('requestfinished', (request) => finished.push(request));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState('networkidle');
  const byKind = (): Record<ResourceKind, number> => ({ html: 0, css: 0, js: 0, font: 0, other: 0 });
  const bytes = byKind();
  const wire = byKind();
  const requests = byKind();
  for (const request of finished) {
    const kind = KIND_BY_TYPE[request.resourceType()] ?? 'other';
    const sizes = await request.sizes();
    bytes[kind] += sizes.responseBodySize;
    wire[kind] += sizes.responseBodySize + sizes.responseHeadersSize;
    requests[kind]++;
  }
  await page.close();
  const sum = (values: Record<ResourceKind, number>) => Object.values(values).reduce((a, b) => a + b, 0);
  return { bytes, total: sum(bytes), wire, wireTotal: sum(wire), requests, urls: finished.map((r) => r.url()) };
}

export interface SearchTiming {
  /** Until the dialog's field has the cursor: what the reader types from then on is kept. */
  typingMs: number;
  /** Until Pagefind's UI has taken over the field and can show results. */
  uiMs: number;
}

/** Times from clicking the search button on a freshly loaded page (the UI loads on intent). */
export async function timeSearchReady(context: BrowserContext, url: string): Promise<SearchTiming> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  const button = page.locator('button[data-open-modal]');
  await button.waitFor();
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('button[data-open-modal]')?.disabled);
  const started = Date.now();
  await button.click();
  await page.waitForFunction(() => document.activeElement?.matches('dialog[open] input') === true);
  const typingMs = Date.now() - started;
  await page.waitForFunction(() => document.activeElement?.matches('.pagefind-ui__search-input') === true);
  const uiMs = Date.now() - started;
  await page.close();
  return { typingMs, uiMs };
}
