import { existsSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeServedPage, openServedPage } from '../helpers/browser.ts';
import { pagefindSearch } from '../helpers/pagefind.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { parseGuide } from '../../plugins/starlight-study-guides/pipeline/parse/parse-guide.ts';
import { toString } from 'mdast-util-to-string';

let server: StaticServer;
let browser: BrowserContext;
let page: Page;

const source = readFileSync(new URL('../../src/guides/kd-lifelong-learning/source.md', import.meta.url), 'utf8');
const { guide } = parseGuide(source, 'source.md', 'kd-lifelong-learning');

const annotationsDir = new URL('../../src/guides/kd-lifelong-learning/annotations/', import.meta.url);

/** Question numbers whose source text or added notes (all indexed) contain the word: what search must find. */
function questionsContaining(word: string): number[] {
  const added = (n: number) => (existsSync(new URL(`${n}.md`, annotationsDir)) ? readFileSync(new URL(`${n}.md`, annotationsDir), 'utf8') : '');
  return guide!.questions
    .filter((q) => [q.title, ...Object.values(q.sections).flatMap((s) => s.blocks.map((b) => toString(b))), added(q.number)].join('\n').includes(word))
    .map((q) => q.number);
}

/** Result URLs for a search, best first. */
const searchUrls = async (word: string) => (await pagefindSearch(page, word)).map((r) => r.url);

beforeAll(async () => {
  ({ server, browser, page } = await openServedPage(inject('realSite')));
});

afterAll(() => closeServedPage({ server, browser }));

describe('browser › search', () => {
  it('finds question 6 for 终身学习 in the search dialog, and the result opens it', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: '搜索' }).click();
    const input = page.getByRole('textbox', { name: '搜索' });
    await input.fill('终身学习');
    const result = page.locator('.pagefind-ui__result-link', { hasText: '6. 知识蒸馏如何促进模型的终身学习能力？' });
    await result.first().click();
    await page.waitForURL(/\/kd-lifelong-learning\/6\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('6. 知识蒸馏如何促进模型的终身学习能力？');
  });

  it('speaks Chinese in the result summary', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByRole('textbox', { name: '搜索' }).fill('剪枝');
    // Wait for the final summary, not the “正在搜索 剪枝……” shown while results load.
    const message = page.locator('.pagefind-ui__message', { hasText: /^找到 / });
    await message.waitFor();
    expect(await message.textContent()).toMatch(/^找到 \d+ 个与 剪枝 相关的结果$/);
  });

  for (const word of ['剪枝', '医疗']) {
    it(`returns exactly the questions that contain ${word}`, async () => {
      const expected = questionsContaining(word).map((n) => `/kd-lifelong-learning/${n}/`);
      expect(expected.length).toBeGreaterThan(0);
      const urls = await searchUrls(word);
      expect(urls.filter((u) => /^\/kd-lifelong-learning\/\d+\/$/.test(u)).sort()).toEqual([...expected].sort());
    });
  }
});

describe('browser › the 404 page', () => {
  /** Paths of the search UI's script that a page requests while `act` runs. */
  const searchUiLoads = async (act: () => Promise<unknown>) => {
    const paths: string[] = [];
    const record = (request: { url(): string }) => paths.push(new URL(request.url()).pathname);
    page.on('request', record);
    await act();
    await page.locator('.pagefind-ui__result-link').first().waitFor();
    page.off('request', record);
    return paths.filter((path) => /\/_astro\/search-ui\.[\w-]+\.js$/.test(path));
  };

  it('searches from its own box, focused, with the same search script as the dialog on every page', async () => {
    const fromNotFound = await searchUiLoads(async () => {
      await page.goto(`${server.url}/404.html`);
      const input = page.getByRole('textbox', { name: '搜索' });
      await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
      await input.fill('终身学习');
    });
    const fromDialog = await searchUiLoads(async () => {
      await page.goto(`${server.url}/kd-lifelong-learning/2/`);
      await page.getByRole('button', { name: '搜索' }).click();
      await page.getByRole('textbox', { name: '搜索' }).fill('终身学习');
    });
    // One file, cached once for both: not a second copy of the search UI inside the 404 page's own script.
    expect(fromNotFound).toHaveLength(1);
    expect(fromNotFound).toEqual(fromDialog);
  });
});

describe('browser › math', () => {
  it('shows the landing page formula as rendered KaTeX', async () => {
    await page.goto(`${server.url}/`);
    const formula = page.locator('.katex-display .katex-html').first();
    await expect(formula.isVisible()).resolves.toBe(true);
    const box = await formula.boundingBox();
    expect(box!.height).toBeGreaterThan(30);
    const fontLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px KaTeX_Main') && [...document.fonts].some((f) => f.family === 'KaTeX_Main' && f.status === 'loaded');
    });
    expect(fontLoaded).toBe(true);
  });
});
