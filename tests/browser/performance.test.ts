import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BuiltSite, buildSite, repoRoot } from '../helpers/build-site.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { type StaticServer, serveDirectory } from '../helpers/static-server.ts';
import { measureTransfer } from '../helpers/measure-page.ts';
import { renderBlockingRequests } from '../helpers/page-resources.ts';
import { synthesizeGuides } from '../helpers/synthesize-guides.ts';

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
const katexLink = /<link[^>]*katex[^>]*>/;
/** KaTeX's rules inlined by plugins/starlight-study-guides/integrations/inline-katex-styles.ts: a <style> with the `.katex` rule. */
const katexStyle = /<style>[^<]*\.katex\{[^<]*<\/style>/;

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
  it('a question page without math arrives in ≤ 30 KB gzip, headers included, with at most 8 KB of JavaScript in at most 3 requests', async () => {
    const t = await transfer(`${realServer.url}/kd-lifelong-learning/2/`);
    expect(t.wireTotal).toBeLessThanOrEqual(30 * KB);
    expect(t.wire.js).toBeLessThanOrEqual(8 * KB);
    expect(t.requests.js).toBeLessThanOrEqual(3);
    expect(t.bytes.html).toBeGreaterThan(0);
  });

  it('a question page with math arrives in ≤ 60 KB gzip, headers and KaTeX fonts included', async () => {
    expect(html(realDist, 'kd-lifelong-learning/1')).toMatch(/class="katex-display"/);
    const t = await transfer(`${realServer.url}/kd-lifelong-learning/1/`);
    expect(t.urls.some((u) => /KaTeX_Main-Regular/.test(u))).toBe(true);
    expect(t.requests.font).toBeGreaterThan(1);
    expect(t.wireTotal).toBeLessThanOrEqual(60 * KB);
  });

  it('carries KaTeX’s rules on exactly the pages that show formulas, inline, and links no KaTeX stylesheet', () => {
    const pages = [...allHtml(realDist), ...allHtml(small.dist)];
    const withMath = pages.filter((page) => page.includes('class="katex"'));
    expect(withMath.length).toBeGreaterThan(10);
    for (const page of pages) {
      expect(page).not.toMatch(katexLink);
      expect(katexStyle.test(page)).toBe(page.includes('class="katex"'));
    }
    expect(katexStyle.test(html(realDist, 'kd-lifelong-learning/2'))).toBe(false);
    expect(katexStyle.test(html(realDist, 'kd-lifelong-learning/1'))).toBe(true);
    expect(katexStyle.test(html(realDist, ''))).toBe(true);
  });

  it('adds only the KaTeX rules and WOFF2 fonts a formula page uses: under 6 KB of its HTML', () => {
    for (const path of ['', 'kd-lifelong-learning/1', 'kd-lifelong-learning/formulas']) {
      const styles = katexStyle.exec(html(realDist, path))![0];
      expect(styles.length, path).toBeLessThan(6 * KB);
      expect(styles, path).toContain('KaTeX_Main-Regular');
      expect(styles, path).not.toMatch(/\.(woff|ttf)\)|data:/);
      // \sqrt is not used on these pages, so its rules stay out.
      expect(styles, path).not.toContain('.sqrt');
    }
  });

  it('holds up the first paint of every page with one stylesheet and nothing else, with or without math', () => {
    for (const path of ['', 'kd-lifelong-learning', 'kd-lifelong-learning/1', 'kd-lifelong-learning/2', 'synthetic-0001/5', 'synthetic-0001/6']) {
      const dist = path.startsWith('synthetic') ? small.dist : realDist;
      const blocking = renderBlockingRequests(html(dist, path));
      expect(blocking, path).toHaveLength(1);
      expect(blocking[0], path).toMatch(/\.css$/);
    }
    expect(html(small.dist, 'synthetic-0001/6')).toMatch(/class="katex-display"/);
    expect(html(realDist, 'kd-lifelong-learning/1')).toMatch(/class="katex-display"/);
  });

  it('does not fetch the search UI or its index when a page loads', async () => {
    const t = await transfer(`${realServer.url}/kd-lifelong-learning/2/`);
    expect(t.urls.filter((u) => /search-ui|\/pagefind\//.test(u))).toEqual([]);
  });
});

describe('lazy search', () => {
  /** The lazily loaded search UI's script. */
  const SEARCH_UI_SCRIPT = /search-ui\.[^/]*\.js$/;
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
    const uiRequest = page.waitForRequest((r) => SEARCH_UI_SCRIPT.test(r.url()));
    await page.locator('button[data-open-modal]').hover();
    await uiRequest;
    expect(await page.locator('dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await page.close();
  });

  /** Opens question 2 with the search UI's code held back until `release()`: a slow connection. */
  async function pageWithSlowSearchUI() {
    const page = await browser.newPage();
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    await page.route(SEARCH_UI_SCRIPT, async (route) => {
      await arrived;
      await route.continue();
    });
    await page.goto(`${realServer.url}/kd-lifelong-learning/2/`, { waitUntil: 'networkidle' });
    return { page, release };
  }

  /** The search field the reader is typing into, and where the caret is. */
  const focusedField = (page: Page) =>
    page.evaluate(() => {
      const field = document.activeElement;
      return field instanceof HTMLInputElement
        ? { pagefind: field.matches('.pagefind-ui__search-input'), value: field.value, caret: field.selectionStart }
        : undefined;
    });

  it('keeps what the reader types before the search UI has arrived, and searches for it', async () => {
    const { page, release } = await pageWithSlowSearchUI();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('剪枝');
    expect(await page.locator('.pagefind-ui').count()).toBe(0);
    release();
    await page.locator('.pagefind-ui__message', { hasText: /^找到 \d+ 个与 剪枝 相关的结果$/ }).waitFor();
    expect(await focusedField(page)).toEqual({ pagefind: true, value: '剪枝', caret: 2 });
    await expect(page.getByRole('textbox', { name: '搜索' }).count()).resolves.toBe(1);
    // Typing goes on where it left off.
    await page.keyboard.type('与量化');
    await page.locator('.pagefind-ui__message', { hasText: /^找到 \d+ 个与 剪枝与量化 相关的结果$/ }).waitFor();
    await page.close();
  });

  it('lets an input method finish composing before the search UI takes over', async () => {
    const { page, release } = await pageWithSlowSearchUI();
    const ime = await page.context().newCDPSession(page);
    await page.keyboard.press('Control+k');
    // Pinyin typed, the character not yet chosen.
    await ime.send('Input.imeSetComposition', { text: '剪', selectionStart: 1, selectionEnd: 1 });
    release();
    await page.locator('.pagefind-ui').waitFor();
    expect(await focusedField(page)).toEqual({ pagefind: false, value: '剪', caret: 1 });
    // The reader picks the words: the composition ends, and the UI takes it over.
    await ime.send('Input.insertText', { text: '剪枝' });
    await page.locator('.pagefind-ui__message', { hasText: /^找到 \d+ 个与 剪枝 相关的结果$/ }).waitFor();
    expect(await focusedField(page)).toEqual({ pagefind: true, value: '剪枝', caret: 2 });
    await page.close();
  });

  it('says when the search UI cannot be fetched, and fetches it again on the next open', async () => {
    const page = await browser.newPage();
    await page.goto(`${realServer.url}/kd-lifelong-learning/2/`, { waitUntil: 'networkidle' });
    await page.route(SEARCH_UI_SCRIPT, (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: '搜索' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('搜索没能加载');
    await page.keyboard.press('Escape');
    await page.unroute(SEARCH_UI_SCRIPT);
    await page.getByRole('button', { name: '搜索' }).click();
    await page.keyboard.type('医疗');
    await page.locator('.pagefind-ui__result-link').first().waitFor();
    expect(await alert.isHidden()).toBe(true);
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

describe('first paint', () => {
  let browser: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Position, size and font of every piece of every formula on the page, once KaTeX's fonts are in. */
  async function formulaLayout(page: Page): Promise<string[]> {
    await page.evaluate(() => document.fonts.ready);
    return page.locator('.katex-html, .katex-html *').evaluateAll((elements) =>
      elements.map((e) => {
        const r = e.getBoundingClientRect();
        const s = getComputedStyle(e);
        return `${r.x.toFixed(2)},${r.y.toFixed(2)} ${r.width.toFixed(2)}×${r.height.toFixed(2)} ${s.fontFamily} ${s.fontStyle} ${s.fontWeight} ${s.fontSize}`;
      }),
    );
  }

  it('draws every formula exactly as with KaTeX’s whole stylesheet and full fonts', async () => {
    // Both from the katex package, served under a path of their own: the build keeps them out of dist/.
    const katexDist = join(createRequire(import.meta.url).resolve('katex'), '..');
    // The pages share a browser cache, so a font may be fetched for the first page only.
    const fetched: string[] = [];
    for (const path of ['/', '/kd-lifelong-learning/1/', '/kd-lifelong-learning/formulas/']) {
      const page = await browser.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${realServer.url}${path}`, { waitUntil: 'networkidle' });
      const inlined = await formulaLayout(page);
      // The same page with the inline rules and subset fonts swapped for KaTeX's own.
      await page.route(`${realServer.url}/katex-package/**`, (route) =>
        route.fulfill({ path: join(katexDist, new URL(route.request().url()).pathname.slice('/katex-package/'.length)) }),
      );
      await page.route(`${realServer.url}${path}`, async (route) => {
        const body = (await (await route.fetch()).text()).replace(katexStyle, '<link rel="stylesheet" href="/katex-package/katex.min.css">');
        await route.fulfill({ body, contentType: 'text/html' });
      });
      page.on('request', (request) => fetched.push(request.url()));
      await page.reload({ waitUntil: 'networkidle' });
      expect(await page.locator('link[href$="katex.min.css"]').count()).toBe(1);
      const linked = await formulaLayout(page);
      expect(inlined.length, path).toBeGreaterThan(100);
      expect(inlined, path).toEqual(linked);
      await page.close();
    }
    expect(fetched.filter((url) => url.endsWith('/katex-package/fonts/KaTeX_Main-Regular.woff2')).length).toBeGreaterThan(0);
  });

  it('draws the table of contents of a wide screen where it stays, before the page text has arrived', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1350, height: 940 });
    const path = '/kd-lifelong-learning/2/';
    await page.goto(`${realServer.url}${path}`);
    const complete = await page.locator('.right-sidebar').boundingBox();
    // What a slow device paints while the HTML is still arriving: everything before the page text.
    await page.route(`${realServer.url}${path}`, async (route) => {
      const html = await (await route.fetch()).text();
      await route.fulfill({ body: html.slice(0, html.indexOf('<div class="main-pane')), contentType: 'text/html' });
    });
    await page.reload();
    expect(await page.locator('.main-pane').count()).toBe(0);
    expect(await page.locator('.right-sidebar').boundingBox()).toEqual(complete);
    await page.close();
  });

  for (const [what, path, script, shown] of [
    // Each page's scripts come in one bundle (integrations/bundle-page-scripts.ts).
    ['a question page', '/kd-lifelong-learning/2/', /\/page-scripts\.[\w-]+\.js$/, '[data-study-tools]'],
    ['a question page with a formulas section', '/kd-lifelong-learning/1/', /\/page-scripts\.[\w-]+\.js$/, '[data-study-tools]'],
    ['the guide index', '/kd-lifelong-learning/', /\/page-scripts\.[\w-]+\.js$/, '[data-guide-progress]'],
  ] as const) {
    it(`keeps ${what} still on a phone when the script that shows its study tools arrives late`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize({ width: 412, height: 823 });
      // Held back until the page has painted, as on a slow phone.
      await page.route(script, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        await route.continue();
      });
      await page.addInitScript(() => {
        const shifts: number[] = ((window as unknown as { shifts: number[] }).shifts = []);
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${realServer.url}${path}`);
      await page.locator(shown).waitFor({ state: 'visible' });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
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
    expect(sidebar).toMatch(/<a href="\/synthetic-0005\/6\/" aria-current="page"/);
  });

  it('starts each guide at its index: no previous page there from the guide before it', () => {
    expect(html(large.dist, 'synthetic-0005')).not.toContain('rel="prev"');
    expect(html(large.dist, 'synthetic-0005/1')).toMatch(/<a href="\.\.\/" rel="prev"/);
    expect(html(large.dist, 'synthetic-0004/30')).not.toContain('rel="next"');
  });
});
