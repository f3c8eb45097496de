import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { HIGHLIGHT_PARAM } from '../../plugins/starlight-study-guides/model/search.ts';
import { SELF_TEST_KEY } from '../../plugins/starlight-study-guides/client/study-storage.ts';
import { freshPages } from '../helpers/fresh-pages.ts';
import { dialogSearch } from '../helpers/search-dialog.ts';

const pages = freshPages(() => inject('realSite'));
const guide = '/kd-lifelong-learning';

/** A fresh profile for each test; `selfTest` turns self-test mode on before the page loads. */
function open(path: string, options: { selfTest?: boolean } = {}): Promise<Page> {
  const beforeLoad = (context: BrowserContext) => context.addInitScript((key) => localStorage.setItem(key, 'on'), SELF_TEST_KEY);
  return pages.open(path, { beforeLoad: options.selfTest ? beforeLoad : undefined });
}

const marks = (page: Page) => page.locator('mark.search-highlight');

describe('browser › a search result lands on the words', () => {
  it('opens question 12 from a traditional query with its words marked and in view, and a clean address', async () => {
    const page = await open('/');
    await dialogSearch(page, '醫療圖像分析');
    await page.locator(`.pagefind-ui__result-link[href^="${guide}/12/?"]`).first().click();
    await page.waitForURL(`${pages.url}${guide}/12/`);
    await marks(page).first().waitFor();
    expect((await marks(page).allTextContents()).join('')).toContain('医疗');
    await expect(marks(page).first().isVisible()).resolves.toBe(true);
    const inView = await marks(page).first().evaluate((mark) => {
      const box = mark.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    expect(new URL(page.url()).search).toBe('');
  });

  it('reveals the answer section that self-test mode hid when the match is inside it', async () => {
    // 软标签 is in question 1's 解析, not in its title or 题目.
    const page = await open(`${guide}/1/?${HIGHLIGHT_PARAM}=${encodeURIComponent('软标签')}`, { selfTest: true });
    const mark = marks(page).first();
    await mark.waitFor();
    await expect(mark.evaluate((m) => m.closest('section')?.getAttribute('data-section'))).resolves.toBe('explanation');
    await expect(mark.isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: '隐藏解析' }).isVisible()).resolves.toBe(true);
    // The answer, with no match, stays hidden.
    await expect(page.getByRole('button', { name: '显示答案' }).isVisible()).resolves.toBe(true);
  });

  it('copies the page’s own link, without the search words, from 复制链接', async () => {
    const page = await open(`${guide}/12/?${HIGHLIGHT_PARAM}=${encodeURIComponent('医疗')}#answer`);
    await pages.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pages.url });
    await marks(page).first().waitFor();
    await page.getByRole('button', { name: '复制链接：答案' }).click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${pages.url}${guide}/12/#answer`);
  });

  it('loads no highlighter on a page opened without search words', async () => {
    const page = await pages.page();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${pages.url}${guide}/12/`);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((url) => /highlight/.test(url))).toEqual([]);
    await expect(marks(page).count()).resolves.toBe(0);
  });
});
