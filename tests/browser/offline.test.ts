import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { SUB_PATH } from '../helpers/site-fixtures.ts';
import { type StaticServer, serveDirectory } from '../helpers/static-server.ts';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  // Under a base path, as a GitHub Pages project site: the worker's scope and every cached URL carry it.
  server = await serveDirectory(inject('baseSite'), { base: SUB_PATH });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('offline › after one visit to the home page', () => {
  it('installs the web app manifest and a service worker scoped to the base path', async () => {
    await page.goto(`${server.url}/`);
    const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifest).toBe(`${SUB_PATH}manifest.webmanifest`);
    const response = await page.request.get(new URL(manifest!, server.url).href);
    expect(await response.json()).toMatchObject({ start_url: './', scope: './', display: 'standalone' });
    // `ready` resolves once the worker is active, that is once it has cached the whole site.
    const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((registration) => registration.scope));
    expect(new URL(scope).pathname).toBe(SUB_PATH);
  });

  it('reads the home page, a question page, searches and reviews with the network cut', async () => {
    await context.setOffline(true);
    await page.goto(`${server.url}/`);
    await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();

    await page.goto(`${server.url}/kd-lifelong-learning/6/`);
    await expect(page.locator('h1').textContent()).resolves.toContain('知识蒸馏如何促进模型的终身学习能力');
    await expect(page.locator('.card-status').textContent()).resolves.toBe('复习：新');

    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByRole('textbox', { name: '搜索' }).fill('终身学习');
    const results = page.locator('.pagefind-ui__result-link');
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');

    await page.goto(`${server.url}/kd-lifelong-learning/review/`);
    await expect(page.locator('[data-review-position]').textContent()).resolves.toBe('第 1 题（新题）');
    await page.keyboard.press('Space');
    // The rating buttons' intervals come from ts-fsrs, loaded on demand: from the cache now.
    await expect.poll(() => page.getByRole('button', { name: /^良好/ }).textContent()).toBe('良好（3）10 分钟后');
    await page.keyboard.press('3');
    await expect(page.locator('[data-review-position]').textContent()).resolves.toBe('第 2 题（新题）');
    await context.setOffline(false);
    expect(errors).toEqual([]);
  });
});
