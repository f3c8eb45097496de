import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BuiltSite, buildSite, repoRoot } from './helpers/build-site.ts';
import { launchBrowser } from './helpers/browser.ts';
import { type StaticServer, serveDirectory } from './helpers/static-server.ts';
import { measureTransfer } from '../scripts/bench/measure-page.ts';
import { renderBlockingRequests } from '../scripts/bench/page-resources.ts';
import { synthesizeGuides } from '../scripts/lib/synthesize-guides.ts';

const KB = 1024;
const realSource = readFileSync(join(repoRoot, 'src/guides/kd-lifelong-learning/source.md'), 'utf8');

let realDist: string;
let small: BuiltSite;
let large: BuiltSite;
let realServer: StaticServer;
let smallServer: StaticServer;

beforeAll(() => {
  // Served gzip-compressed, which writes .gz files: into a copy, not the shared build.
  realDist = mkdtempSync(join(repoRoot, '.test-sites', 'real-gzip-'));
  cpSync(inject('realSite'), realDist, { recursive: true });
  small = buildSite({ guides: synthesizeGuides(realSource, 1) });
  large = buildSite({ guides: synthesizeGuides(realSource, 10) });
}, 600_000);

beforeAll(async () => {
  realServer = await serveDirectory(realDist, { gzip: true });
  smallServer = await serveDirectory(small.dist, { gzip: true });
});

afterAll(async () => {
  await realServer?.close();
  await smallServer?.close();
  for (const dir of [realDist, small?.root, large?.root]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const html = (dist: string, path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const allHtml = (dist: string) =>
  readdirSync(dist, { recursive: true }).map(String).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(dist, f), 'utf8'));
const katexLink = /<link rel="stylesheet" href="[^"]*\/katex\.min\.[^"]*\.css">/;

/** Loads a page in a fresh browser (empty cache) and returns what came over the wire. */
async function transfer(url: string) {
  const context = await launchBrowser();
  try {
    return await measureTransfer(context, url);
  } finally {
    await context.close();
  }
}

describe('byte budgets', () => {
  it('a question page without math arrives in ≤ 35 KB gzip, at most 8 KB of it JavaScript', async () => {
    const t = await transfer(`${realServer.url}/kd-lifelong-learning/2/`);
    expect(t.total).toBeLessThanOrEqual(35 * KB);
    expect(t.bytes.js).toBeLessThanOrEqual(8 * KB);
    expect(t.bytes.html).toBeGreaterThan(0);
  });

  it('a question page with math arrives in ≤ 100 KB gzip, KaTeX fonts included', async () => {
    expect(html(small.dist, 'synthetic-0001/6')).toMatch(/class="katex-display"/);
    const t = await transfer(`${smallServer.url}/synthetic-0001/6/`);
    expect(t.bytes.font).toBeGreaterThan(10 * KB);
    expect(t.urls.some((u) => /KaTeX_Main-Regular/.test(u))).toBe(true);
    expect(t.total).toBeLessThanOrEqual(100 * KB);
  });

  it('links KaTeX’s stylesheet from exactly the pages that show formulas', () => {
    const pages = [...allHtml(realDist), ...allHtml(small.dist)];
    const withMath = pages.filter((page) => page.includes('class="katex"'));
    expect(withMath.length).toBeGreaterThan(10);
    for (const page of pages) expect(katexLink.test(page)).toBe(page.includes('class="katex"'));
    expect(katexLink.test(html(realDist, 'kd-lifelong-learning/2'))).toBe(false);
    expect(katexLink.test(html(realDist, 'kd-lifelong-learning/1'))).toBe(true);
    expect(katexLink.test(html(realDist, ''))).toBe(true);
  });

  it('holds up the first paint of a page without math with one stylesheet and nothing else', () => {
    for (const path of ['kd-lifelong-learning', 'kd-lifelong-learning/2', 'synthetic-0001/5']) {
      const dist = path.startsWith('synthetic') ? small.dist : realDist;
      const blocking = renderBlockingRequests(html(dist, path));
      expect(blocking, path).toHaveLength(1);
      expect(blocking[0], path).toMatch(/\.css$/);
    }
  });

  it('holds up a page with math only with stylesheets (the site’s and KaTeX’s), never a script', () => {
    const blocking = renderBlockingRequests(html(small.dist, 'synthetic-0001/6'));
    expect(blocking).toHaveLength(2);
    for (const href of blocking) expect(href).toMatch(/\.css$/);
  });

  it('does not fetch the search UI or its index when a page loads', async () => {
    const t = await transfer(`${realServer.url}/kd-lifelong-learning/2/`);
    expect(t.urls.filter((u) => /search-ui|\/pagefind\//.test(u))).toEqual([]);
  });
});

describe('lazy search', () => {
  let browser: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens and finds 剪枝 on the very first click, with no hover or focus before it', async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(`${realServer.url}/kd-lifelong-learning/2/`, { waitUntil: 'networkidle' });
    expect(fetched.filter((u) => u.includes('search-ui'))).toEqual([]);
    // A click event alone, as a tap on a phone can arrive without hover.
    await page.locator('button[data-open-modal]').dispatchEvent('click');
    const input = page.getByRole('textbox', { name: '搜索' });
    await input.waitFor();
    await page.waitForFunction(() => document.activeElement?.matches('input[type="text"]') === true);
    await input.fill('剪枝');
    await page.locator('.pagefind-ui__message', { hasText: /^找到 \d+ 个与 剪枝 相关的结果$/ }).waitFor();
    await page.locator('.pagefind-ui__result-link').first().waitFor();
    await page.close();
  });

  it('starts fetching the search UI when the reader hovers the search button', async () => {
    const page = await browser.newPage();
    await page.goto(`${realServer.url}/kd-lifelong-learning/2/`, { waitUntil: 'networkidle' });
    const uiRequest = page.waitForRequest((r) => /search-ui\.[^/]*\.js$/.test(r.url()));
    await page.locator('button[data-open-modal]').hover();
    await uiRequest;
    expect(await page.locator('dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await page.close();
  });

  for (const key of ['Control+k', '/']) {
    it(`opens the search with ${key} and puts the cursor in the input`, async () => {
      const page = await browser.newPage();
      await page.goto(`${realServer.url}/kd-lifelong-learning/2/`, { waitUntil: 'networkidle' });
      await page.keyboard.press(key);
      await page.waitForFunction(() => document.activeElement?.matches('dialog[open] input[type="text"]') === true);
      await page.keyboard.type('医疗');
      await page.locator('.pagefind-ui__result-link').first().waitFor();
      await page.close();
    });
  }
});

describe('scale', () => {
  const questionPage = (site: BuiltSite, n: number) => statSync(join(site.dist, 'synthetic-0001', String(n), 'index.html')).size;

  it('keeps every question page of a guide within 1.2× of its size when 9 more guides are added (300 questions)', () => {
    for (let n = 1; n <= 30; n++) {
      expect(questionPage(large, n) / questionPage(small, n), `question ${n}`).toBeLessThanOrEqual(1.2);
    }
  });

  it('lists only the page’s own guide in the sidebar, with one link to all 10 guides', () => {
    const page = html(large.dist, 'synthetic-0005/6');
    const sidebar = page.slice(page.indexOf('id="starlight__sidebar"'), page.indexOf('<main'));
    expect(sidebar).toContain('href="/synthetic-0005/6/"');
    expect(sidebar).not.toMatch(/href="\/synthetic-000[1-46-9]\//);
    expect(sidebar).toMatch(/<a href="\/#guides"[^>]*>切换指南：全部 10 份指南<\/a>/);
  });
});
