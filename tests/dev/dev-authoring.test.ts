import { appendFileSync, cpSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { projectCopy, repoRoot } from '../helpers/build-site.ts';
import { type DevServer, startDevServer } from '../helpers/dev-server.ts';

/**
 * An author at work with `npm run dev` running: files and whole guides come
 * and go, and the site follows without a restart.
 */
let root: string;
let server: DevServer;
let guides: string;
const kd = (...path: string[]) => join(guides, 'kd-lifelong-learning', ...path);

const QUESTION_31 = '\n#### 31. 新加的一题？\n\n**题目：** 新的题目。\n\n**答案：** 新的答案。\n\n**解析：** 新的解析。\n';

/**
 * Applies `change`, then fetches `path` until `done` holds. Every few seconds it
 * touches the real source, which regenerates everything from what is on disk,
 * in case the change landed while Vite was restarting and its event was lost.
 */
async function after(change: () => void, path: string, done: (page: { status: number; html: string }) => boolean, ms = 30_000): Promise<string> {
  change();
  const deadline = Date.now() + ms;
  let last = { status: 0, html: '' };
  for (let attempt = 1; Date.now() < deadline; attempt++) {
    const response = await fetch(server.url + path).catch(() => undefined);
    last = { status: response?.status ?? 0, html: (await response?.text()) ?? '' };
    if (done(last)) return last.html;
    if (attempt % 20 === 0) utimesSync(kd('source.md'), new Date(), new Date());
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${path} did not change as expected within ${ms} ms (status ${last.status}):\n${last.html.slice(0, 300)}`);
}

const shows = (text: string) => (page: { status: number; html: string }) => page.status === 200 && page.html.includes(text);
const lacks = (text: string) => (page: { status: number; html: string }) => page.status === 200 && !page.html.includes(text);
const gone = (page: { status: number }) => page.status === 404;

/** The labels of the sidebar's groups on a page. */
const sidebarGroups = (html: string) => selectAll('nav.sidebar summary', fromHtml(html)).map((summary) => toString(summary).trim());

beforeAll(async () => {
  root = projectCopy('dev-authoring');
  guides = join(root, 'src/guides');
  server = await startDevServer(root, '/kd-lifelong-learning/1/', (html) => html.includes('<h1'));
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('astro dev › the site follows every file', () => {
  it('serves a question appended to the source, under 未分类, and drops its page when it is deleted again', async () => {
    const original = readFileSync(kd('source.md'), 'utf8');
    try {
      const unfiled = (page: { status: number; html: string }) => shows('31. 新加的一题？')(page) && sidebarGroups(page.html).at(-1) === '未分类';
      const html = await after(() => appendFileSync(kd('source.md'), QUESTION_31), '/kd-lifelong-learning/31/', unfiled);
      expect(selectAll('nav.sidebar details', fromHtml(html)).at(-1)!.children.length).toBeGreaterThan(0);
      expect(server.output()).toMatch(/警告 {2}第 31 题没有归入任何主题/);
    } finally {
      await after(() => writeFileSync(kd('source.md'), original), '/kd-lifelong-learning/31/', gone);
    }
  }, 90_000);

  it('follows an annotation renamed to another question, and a coding problem deleted and restored', async () => {
    await after(() => renameSync(kd('annotations/30.md'), kd('annotations/31.md')), '/kd-lifelong-learning/30/', lacks('id="notes"'));
    expect(server.output()).toMatch(/annotations\/31\.md:1:1 {2}警告 {2}没有第 31 题/);
    await after(() => renameSync(kd('annotations/31.md'), kd('annotations/30.md')), '/kd-lifelong-learning/30/', shows('id="notes"'));

    const coding = readFileSync(kd('coding/5.md'), 'utf8');
    await after(() => rmSync(kd('coding/5.md')), '/kd-lifelong-learning/coding/', lacks('实现注意力迁移损失'));
    await after(() => writeFileSync(kd('coding/5.md'), coding), '/kd-lifelong-learning/coding/', shows('实现注意力迁移损失'));
  }, 120_000);

  it('groups every question under 全部题目 while topics.yaml is renamed away, and by topic again when it is back', async () => {
    const html = await after(() => renameSync(kd('topics.yaml'), kd('topics.old')), '/kd-lifelong-learning/7/', (page) => sidebarGroups(page.html).includes('全部题目'));
    expect(sidebarGroups(html)).not.toContain('计算机视觉');
    await after(() => renameSync(kd('topics.old'), kd('topics.yaml')), '/kd-lifelong-learning/7/', (page) => sidebarGroups(page.html).includes('计算机视觉'));
  }, 90_000);

  it('serves a guide folder copied in, follows its files, and drops it when the folder is deleted', async () => {
    const folder = join(guides, 'model-compression');
    await after(() => cpSync(join(repoRoot, 'tests/fixtures/guides/model-compression'), folder, { recursive: true }), '/model-compression/2/', shows('id="affine-quantization"'));
    expect((await (await fetch(`${server.url}/kd-lifelong-learning/1/`)).text())).toContain('切换指南：全部 2 份指南');
    await after(() => renameSync(join(folder, 'annotations/2.md'), join(folder, 'annotations/3.md')), '/model-compression/3/', shows('id="affine-quantization"'));
    await after(() => undefined, '/model-compression/2/', lacks('id="affine-quantization"'));
    await after(() => rmSync(folder, { recursive: true }), '/model-compression/1/', gone);
  }, 120_000);
});

describe('astro dev › a mistake', () => {
  let browser: Browser | undefined;
  afterAll(() => browser?.close());

  it('shows in the terminal and over the page, keeps the last good pages, and clears when the file is fixed', async () => {
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`${server.url}/kd-lifelong-learning/7/`);
    const original = readFileSync(kd('source.md'), 'utf8');
    writeFileSync(kd('source.md'), original.replace('#### 7. ', '#### 第七题 '));

    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ timeout: 30_000 });
    await expect.poll(() => overlay.locator('#message-content').textContent()).toContain('(heading-format)');
    expect(await overlay.locator('#title').textContent()).toBe('题库有错误');
    expect(server.output()).toMatch(/source\.md:\d+:1-\d+:\d+ {2}错误 {2}无法识别的题目标题 “第七题/);
    expect(server.output()).not.toMatch(/at .*\(|unhandled error/i);

    // The last good page keeps serving, and a page opened now shows the errors too.
    expect(await (await fetch(`${server.url}/kd-lifelong-learning/7/`)).text()).toContain('7. 知识蒸馏在计算机视觉（CV）中的应用示例有哪些？');
    const opened = await browser.newPage();
    await opened.goto(`${server.url}/kd-lifelong-learning/8/`);
    await opened.locator('vite-error-overlay').waitFor({ timeout: 30_000 });

    writeFileSync(kd('source.md'), original.replace('#### 7. 知识蒸馏在计算机视觉（CV）中', '#### 7. 知识蒸馏在计算机视觉中'));
    await after(() => undefined, '/kd-lifelong-learning/7/', shows('>7. 知识蒸馏在计算机视觉中的应用示例有哪些？</h1>'));
    const fixed = await browser.newPage();
    const connected = fixed.waitForEvent('console', (message) => message.text().includes('[vite] connected'));
    await fixed.goto(`${server.url}/kd-lifelong-learning/7/`);
    expect(await fixed.locator('main h1').textContent()).toBe('7. 知识蒸馏在计算机视觉中的应用示例有哪些？');
    // A broken guide's errors are sent right after the HMR connection opens; give them a moment to arrive.
    await connected;
    await fixed.waitForTimeout(1000);
    const overlays = await fixed.locator('vite-error-overlay #message-content').allTextContents();
    expect(overlays).toEqual([]);
    writeFileSync(kd('source.md'), original);
  }, 120_000);
});
