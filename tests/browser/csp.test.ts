import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { builtPages } from '../helpers/site-pages.ts';
import { type StaticServer, readHeadersFile, serveDirectory } from '../helpers/static-server.ts';

const dist = inject('realSite');
const headers = readHeadersFile(join(dist, '_headers'));
const policy = headers['Content-Security-Policy'] ?? '';
const directive = (name: string) => policy.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name)?.slice(1) ?? [];

let server: StaticServer;
let browser: BrowserContext;
/** Everything the browser complained about, whichever page or worker it came from. */
let problems: string[] = [];

beforeAll(async () => {
  server = await serveDirectory(dist, { headers });
  // With the service worker: it and its registration must fit the policy too.
  browser = await launchBrowser({ serviceWorkers: 'allow' });
  // Reports CSP violations from inside each page, with what was blocked.
  await browser.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type())) problems.push(`${page.url()} ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()} uncaught: ${error.message}`));
  page.on('worker', (worker) => worker.on('console', (message) => {
    if (['error', 'warning'].includes(message.type())) problems.push(`worker ${worker.url()}: ${message.text()}`);
  }));
  return page;
}

describe('security headers › the _headers file', () => {
  it('sends nosniff, a referrer policy, a permissions policy and a CSP to every path', () => {
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toMatch(/^\/\*$/m);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['Permissions-Policy']).toContain('camera=()');
    expect(directive('default-src')).toEqual(["'self'"]);
  });

  it('allows scripts only from the site itself and by hash, with no third-party origin', () => {
    const scripts = directive('script-src');
    expect(scripts.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    for (const source of scripts.slice(2)) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    // Inline scripts are shared by all pages; one per page would bloat the header.
    expect(scripts.length).toBeLessThan(30);
    for (const source of policy.split(/[\s;]+/)) expect(source, 'no origin but our own').not.toMatch(/^(https?:|\*|[a-z0-9.-]+\.[a-z]{2,})/);
  });
});

describe('security headers › the site under its CSP in Chromium', () => {
  it('serves pages with the Content-Security-Policy from _headers', async () => {
    const page = await openPage();
    const response = await page.goto(`${server.url}/`);
    expect(response?.headers()['content-security-policy']).toBe(policy);
    await page.close();
  });

  it('loads every built page without a CSP violation or console error', { timeout: 300_000 }, async () => {
    problems = [];
    const page = await openPage();
    for (const { path } of builtPages(dist)) {
      await page.goto(`${server.url}/${path}`, { waitUntil: 'networkidle' });
    }
    await page.close();
    expect(problems).toEqual([]);
  });

  it('searches, opens a result, switches theme and uses the phone menu without a violation', async () => {
    problems = [];
    const page = await openPage();
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    await page.keyboard.press('Control+k');
    await page.getByRole('textbox', { name: '搜索' }).fill('终身学习');
    await page.locator('.pagefind-ui__result-link').first().click();
    await page.waitForURL(/\/kd-lifelong-learning\//);
    await page.getByRole('combobox', { name: /主题/ }).first().selectOption('dark');
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: '菜单' }).click();
    await expect(page.locator('#starlight__sidebar').evaluate((sidebar) => sidebar.matches(':popover-open'))).resolves.toBe(true);
    await page.waitForLoadState('networkidle');
    await page.close();
    expect(problems).toEqual([]);
  });

  it('runs the study tools and the temperature explorer without a violation', async () => {
    problems = [];
    const page = await openPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.goto(`${server.url}/kd-lifelong-learning/1/`, { waitUntil: 'networkidle' });
    await page.getByRole('switch', { name: /自测模式/ }).click();
    await page.getByRole('button', { name: '显示答案' }).first().click();
    await page.getByRole('button', { name: '已掌握' }).click();
    await page.getByRole('button', { name: '复制链接：答案' }).click();
    const slider = page.getByRole('slider', { name: '温度 T' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.goto(`${server.url}/kd-lifelong-learning/review/`, { waitUntil: 'networkidle' });
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: /^良好/ }).waitFor();
    await page.keyboard.press('3');
    // The progress file's code (zod among it) loads on this click: wait until it has run.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出进度' }).click();
    // Reading a file back is where zod parses, which it would do with `new Function` if let.
    await page.getByLabel('导入进度文件').setInputFiles(await (await download).path());
    await page.locator('[data-data-status]').filter({ hasText: '已导入' }).waitFor();
    await page.goto(`${server.url}/kd-lifelong-learning/`, { waitUntil: 'networkidle' });
    await expect(page.getByText(/已掌握 1 题/).first().isVisible()).resolves.toBe(true);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('blocks a script the build did not hash, and reports it', async () => {
    problems = [];
    const page = await openPage();
    await page.goto(`${server.url}/`);
    await page.addScriptTag({ content: 'document.title = "injected"' }).catch(() => undefined);
    await expect(page.title()).resolves.not.toBe('injected');
    await page.close();
    expect(problems.some((p) => p.includes('CSP violation: script-src'))).toBe(true);
  });
});
