import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ServedPage, closeServedPage, openServedPage } from '../helpers/browser.ts';
import { dialogSearch } from '../helpers/search-dialog.ts';

/** The hostile fixture and a small real guide, built side by side (tests/helpers/site-fixtures.ts). */
let opened: Partial<ServedPage> = {};

beforeAll(async () => {
  opened = await openServedPage(inject('hostileSite'));
  await opened.page!.goto(`${opened.server!.url}/model-compression/1/`);
});

afterAll(() => closeServedPage(opened));

/** Result URLs for `term` through Pagefind's API, narrowed to one guide when `guide` is given. */
function search(term: string, guide?: string): Promise<string[]> {
  const filters = guide ? { 指南: guide } : {};
  return opened.page!.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const search = await pagefind.search(${JSON.stringify(term)}, { filters: ${JSON.stringify(filters)} });
    return (await Promise.all(search.results.map((r) => r.data()))).map((d) => d.url);
  })()`);
}

describe('search › two guides', () => {
  it('offers each guide as a filter, with its pages counted', async () => {
    const filters = await opened.page!.evaluate(`import('/pagefind/pagefind.js').then((p) => p.filters())`);
    expect(filters).toEqual({ 指南: { '模型压缩：剪枝与量化面试题': 5, '恶意输入测试指南': expect.any(Number) } });
  });

  it('narrows results to one guide', async () => {
    const everywhere = await search('题目');
    expect(everywhere.some((url) => url.startsWith('/hostile/'))).toBe(true);
    expect(everywhere.some((url) => url.startsWith('/model-compression/'))).toBe(true);
    const compression = await search('题目', '模型压缩：剪枝与量化面试题');
    expect(compression.length).toBeGreaterThan(0);
    expect(compression.every((url) => url.startsWith('/model-compression/'))).toBe(true);
  });

  it('finds the small guide’s question by its own words', async () => {
    expect((await search('缩放系数'))[0]).toBe('/model-compression/2/');
  });

  it('takes a question number to the reader’s own guide, and to every guide’s from the home page', async () => {
    const page = opened.page!;
    await page.goto(`${opened.server!.url}/model-compression/3/`);
    expect(await dialogSearch(page, '第1题')).toEqual(['/model-compression/1/']);
    await page.goto(`${opened.server!.url}/hostile/2/`);
    expect(await dialogSearch(page, 'Q1')).toEqual(['/hostile/1/']);
    await page.goto(`${opened.server!.url}/`);
    expect((await dialogSearch(page, '#1')).sort()).toEqual(['/hostile/1/', '/model-compression/1/']);
  });
});
