import type { Page } from 'playwright-core';

/** Results the dialog shows on its first page. */
const PAGE_SIZE = 5;

/**
 * Searches as a reader does, through the search dialog of the page `page` has
 * open (the query rewriting included), and returns the result pages' paths,
 * best first, at most the first page of results. The dialog stays open.
 */
export async function dialogSearch(page: Page, term: string): Promise<string[]> {
  const input = page.getByRole('textbox', { name: '搜索' });
  if (!(await input.isVisible())) await page.getByRole('button', { name: '搜索' }).click();
  // Pagefind's UI replaces the early field; wait for it, so the text is not typed into the one being removed.
  await page.locator('#starlight__search .pagefind-ui__search-input').waitFor();
  await input.fill('');
  await page.locator('.pagefind-ui__message').waitFor({ state: 'detached' });
  await input.fill(term);
  const message = page.locator('.pagefind-ui__message').filter({ hasText: /^(找到|没有找到)/ });
  await message.waitFor();
  const count = Number(/^找到 (\d+)/.exec((await message.textContent()) ?? '')?.[1] ?? 0);
  const links = page.locator('.pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link');
  await page.waitForFunction(
    ([selector, expected]) => document.querySelectorAll(selector as string).length >= (expected as number),
    ['.pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link', Math.min(count, PAGE_SIZE)] as const,
  );
  const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map((href) => new URL(href).pathname);
}
