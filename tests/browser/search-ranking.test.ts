import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { searchTerm } from '../../plugins/starlight-study-guides/overrides/search-query.ts';
import { closeServedPage, openServedPage } from '../helpers/browser.ts';
import { pagefindSearch } from '../helpers/pagefind.ts';
import { dialogSearch } from '../helpers/search-dialog.ts';
import { rankOf, searchCases } from '../helpers/search-queries.ts';
import type { StaticServer } from '../helpers/static-server.ts';

let server: StaticServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openServedPage(inject('realSite')));
  await page.goto(`${server.url}/`);
});

afterAll(() => closeServedPage({ server, browser }));

/** Result paths for a query as the search box sends it (rewritten by searchTerm), best first. */
const search = async (query: string) => (await pagefindSearch(page, searchTerm(query))).map((r) => r.url);

/** How far down each group's explaining question may be (tests/fixtures/search/queries.yaml). */
const allowedRank: Record<string, number> = { source: 3, traditional: 3, mixed: 3, english: 3, number: 1 };

describe('browser › search ranking (the benchmark’s query set)', () => {
  for (const { group, query, expected, rank } of searchCases()) {
    const allowed = rank ?? allowedRank[group]!;
    it(`${group}: ${query} → ${expected.join(' or ')} within rank ${allowed}`, async () => {
      const results = await search(query);
      expect(rankOf(results, expected), JSON.stringify(results.slice(0, 5))).toBeLessThanOrEqual(allowed);
    });
  }

  it('finds the same pages, in the same order, for a traditional query as for its simplified form', async () => {
    expect(await search('災難性遺忘')).toEqual(await search('灾难性遗忘'));
    expect(await search('溫度係數')).toEqual(await search('温度系数'));
  });

  it('ranks the question whose 题目 asks about a word above answers that mention it', async () => {
    // 终身学习 is in the guide's title (on its index and home pages) and in other answers; question 6 asks about it.
    expect((await search('终身学习'))[0]).toBe('/kd-lifelong-learning/6/');
  });

  it('wants a Chinese term whole: the questions on 迁移学习 first, not pages rich in 迁移 and 学习 apart', async () => {
    const results = await search('迁移学习');
    expect(results[0]).toBe('/kd-lifelong-learning/15/');
    // Question 6 says 知识迁移 and 终身学习 many times, and ranked first before.
    expect(results).not.toContain('/kd-lifelong-learning/6/');
  });

  it('still finds every question that uses a term the whole guide is about', async () => {
    const questions = (await search('知识蒸馏')).filter((url) => /^\/kd-lifelong-learning\/\d+\/$/.test(url));
    expect(questions).toHaveLength(30);
    expect(questions[0]).toBe('/kd-lifelong-learning/1/');
  });

  it('rewrites traditional and question-number queries in the search dialog itself', async () => {
    expect((await dialogSearch(page, '醫療圖像分析')).slice(0, 3)).toContain('/kd-lifelong-learning/12/');
    expect((await dialogSearch(page, '第12題'))[0]).toBe('/kd-lifelong-learning/12/');
    expect((await dialogSearch(page, 'catastrophic forgetting')).slice(0, 3)).toContain('/kd-lifelong-learning/6/');
  });
});
