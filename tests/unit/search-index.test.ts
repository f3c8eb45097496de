import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import { openSearchIndex, searchIndexThread } from '../../plugins/starlight-study-guides/integrations/search-index.ts';
import { renderFormula } from '../../plugins/starlight-study-guides/rehype/render-formula.ts';
import { testDir } from '../helpers/test-dir.ts';

/** A built page with formulas inline and as a block, marked as Starlight marks what Pagefind indexes. */
const page = `<!doctype html><html lang="zh-CN"><head><title>温度</title></head><body><main data-pagefind-body><h1>温度的作用</h1>
<p>设 ${renderFormula('p_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}', false)}，蒸馏损失为</p>
${renderFormula('L = \\alpha T^2 \\, \\mathrm{KL}(p^T \\| q^T)', true)}
<p>其中 ${renderFormula('T > 1', false)} 为温度，软化教师的分布。</p></main></body></html>`;

/** Pagefind's own index of `pages`, file by file. */
async function pagefindIndex(pages: Record<string, string>): Promise<Map<string, Buffer>> {
  const reference = await pagefind.createIndex();
  try {
    for (const [sourcePath, content] of Object.entries(pages)) await reference.index!.addHTMLFile({ sourcePath, content });
    const { files } = await reference.index!.getFiles();
    return new Map(files.map(({ path, content }) => [path, Buffer.from(content)]));
  } finally {
    await pagefind.close();
  }
}

/** `files` written under a new `dist`. */
function builtSite(name: string, files: Record<string, string>): string {
  const dist = testDir(name);
  for (const [file, html] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), html);
  }
  return dist;
}

/** Starlight's page frame around a question, as PageFrame.astro writes it; `sidebar` goes inside its sidebar. */
const framed = (sidebar: string) => `<!doctype html><html lang="zh-CN"><head><title>温度</title></head><body><div class="page sl-flex">
<header class="header astro-hdfmbqvh"><a href="/">面试题学习指南</a><button>搜索</button></header>
<nav class="sidebar print:hidden astro-hdfmbqvh" aria-label="主要"><a href="/kd/1/">1. 温度的作用</a>${sidebar}</nav>
<div class="main-frame astro-hdfmbqvh"><main data-pagefind-body><h1>温度的作用</h1><p>温度软化教师的分布。</p></main></div></div></body></html>`;

/** Checks that our index of `html` is, file for file, the one Pagefind makes of the page itself. */
async function expectPagefindsOwnIndex(html: string): Promise<void> {
  const dist = testDir('search-index');
  const index = await openSearchIndex(dist);
  try {
    await index.add('kd/1/index.html', html);
    const built = await index.build();
    expect(built.pages).toBe(1);
    built.write();
  } finally {
    await index.close();
  }
  const reference = await pagefindIndex({ 'kd/1/index.html': html });
  expect(reference.size).toBeGreaterThan(3);
  for (const [path, content] of reference) expect(readFileSync(join(dist, 'pagefind', path)), path).toEqual(content);
}

describe('search index', () => {
  it('is the index Pagefind makes of the pages themselves, though each formula reaches it without its visible rendering', { timeout: 30_000 }, async () => {
    await expectPagefindsOwnIndex(page);
  });

  it('is the same though Starlight’s header and sidebar do not reach Pagefind', { timeout: 30_000 }, async () => {
    await expectPagefindsOwnIndex(framed('<a href="/kd/2/">2. 蒸馏的场景</a>'));
  });

  it('keeps what Pagefind reads in the header or sidebar, such as a filter', { timeout: 30_000 }, async () => {
    await expectPagefindsOwnIndex(framed('<span data-pagefind-filter="指南">知识蒸馏</span>'));
  });

  it('is made from a thread of its own, which reads the pages from dist, as Pagefind makes it of them', { timeout: 30_000 }, async () => {
    const unindexed = '<!doctype html><html lang="zh-CN"><head><title>打印</title></head><body><main><h1>全部题目</h1></main></body></html>';
    const dist = builtSite('search-index-thread', { 'kd/1/index.html': page, 'kd/print/index.html': unindexed });
    const index = searchIndexThread(dist);
    try {
      // The page without `data-pagefind-body` is read but not indexed.
      await index.read(['kd/1/index.html', 'kd/print/index.html']);
      expect(await index.write()).toBe(1);
    } finally {
      await index.close();
    }
    const reference = await pagefindIndex({ 'kd/1/index.html': page });
    expect(reference.size).toBeGreaterThan(3);
    for (const [path, content] of reference) expect(readFileSync(join(dist, 'pagefind', path)), path).toEqual(content);
  });

  it('reports a page its thread cannot index to the caller, and still ends', { timeout: 30_000 }, async () => {
    // Words to add to a page that has no 题目 section to add them after.
    const dist = builtSite('search-index-thread-error', { 'kd/1/index.html': page });
    const index = searchIndexThread(dist, new Map([['kd/1/index.html', '<p>蒸馏</p>']]));
    try {
      await expect(index.read(['kd/1/index.html'])).rejects.toThrow('题目页缺少标题或题目一节');
    } finally {
      await index.close();
    }
  });

  it('stops reading when closed, so that a failing build need not wait for the rest of the pages', { timeout: 30_000 }, async () => {
    const files = Array.from({ length: 200 }, (_, i) => `kd/${i + 1}/index.html`);
    const index = searchIndexThread(builtSite('search-index-thread-stopped', Object.fromEntries(files.map((file) => [file, page]))));
    const reading = index.read(files);
    await index.close();
    // It ended before it had read them all, and so never said it had.
    await expect(reading).rejects.toThrow('Pagefind 的线程提前退出');
  });

  it('ends its thread and Pagefind when closed before any page was sent', { timeout: 30_000 }, async () => {
    const index = searchIndexThread(builtSite('search-index-thread-closed', {}));
    await index.close();
  });
});
