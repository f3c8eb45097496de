import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { SUB_PATH } from '../helpers/site-fixtures.ts';
import { type StaticServer, serveDirectory } from '../helpers/static-server.ts';

let server: StaticServer;
let browser: BrowserContext;
let page: Page;
/** Every request that did not get a 2xx/3xx answer: a URL that ignored the base path. */
const failed: string[] = [];

beforeAll(async () => {
  // Anything requested outside /kd-guide/ is a 404, as on a GitHub Pages project site.
  server = await serveDirectory(inject('baseSite'), { base: SUB_PATH });
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`base path › the site served under ${SUB_PATH}`, () => {
  it('loads the landing page, a question page and the guide index with every asset', async () => {
    for (const path of ['', 'kd-lifelong-learning/6/', 'kd-lifelong-learning/']) {
      await page.goto(`${server.url}/${path}`, { waitUntil: 'networkidle' });
    }
    expect(failed).toEqual([]);
  });

  it('finds question 6 in the search dialog and opens it under the base path', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByRole('textbox', { name: '搜索' }).fill('终身学习');
    const results = page.locator('.pagefind-ui__result-link');
    await results.first().waitFor();
    const hrefs = await results.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href.startsWith(SUB_PATH), href).toBe(true);
    await results.filter({ hasText: '6. 知识蒸馏如何促进模型的终身学习能力？' }).first().click();
    await page.waitForURL(`${server.url}/kd-lifelong-learning/6/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('6. 知识蒸馏如何促进模型的终身学习能力？');
    expect(failed).toEqual([]);
  });

  it('follows the guide index’s relative links and the prev/next links under the base path', async () => {
    await page.goto(`${server.url}/kd-lifelong-learning/`);
    await page.getByRole('link', { name: '6. 知识蒸馏如何促进模型的终身学习能力？' }).first().click();
    await page.waitForURL(`${server.url}/kd-lifelong-learning/6/`);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`${server.url}/kd-lifelong-learning/7/`);
    expect(failed).toEqual([]);
  });
});
