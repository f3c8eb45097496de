import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeServedPage, openServedPage } from '../helpers/browser.ts';
import { pagefindSearch } from '../helpers/pagefind.ts';
import type { StaticServer } from '../helpers/static-server.ts';

let server: StaticServer;
let browser: BrowserContext;
let page: Page;

/** Result URLs for a search, best first. */
const searchUrls = async (word: string) => (await pagefindSearch(page, word)).map((r) => r.url);

/** Query → the questions whose added sections explain it. */
const explained: [string, number[]][] = [
  ['灾难性遗忘', [6, 21]],
  ['KL散度', [1]],
  ['LwF', [6]],
  ['iCaRL', [6]],
  ['EWC', [6]],
  ['DKD', [3]],
  ['FitNets', [4]],
  ['注意力迁移', [4]],
  ['Hinton', [1]],
  ['Hoiem', [6]],
  ['Rebuffi', [6]],
  ['Kirkpatrick', [6]],
  ['Romero', [4]],
  ['Zagoruyko', [4]],
  ['DistilBERT', [5]],
  ['TinyBERT', [5]],
  ['Born-Again', [1]],
  ['Deep Mutual Learning', [1]],
  ['Papernot', [11]],
  ['Carlini', [11]],
  ['防御性蒸馏', [11]],
  ['CRD', [4]],
  ['Furlanello', [1]],
  ['深度互学习', [1]],
  ['Sanh', [5]],
  ['序列级蒸馏', [5, 22]],
  ['Learning without Forgetting', [6, 21]],
  ['Decoupled Knowledge Distillation', [3]],
  ['Fisher', [6]],
  ['Powers', [28]],
  ['调和平均', [28]],
  ['RKD', [4, 27]],
  ['关系知识蒸馏', [4, 27]],
  ['GEM', [6]],
  ['词级蒸馏', [22]],
  ['对比表示蒸馏', [4]],
  ['自蒸馏', [1]],
  ['TAKD', [8]],
  ['容量差距', [8]],
  ['Micaelli', [4, 15]],
  ['Consistency Models', [4]],
  ['DeepSeek-R1', [10]],
];

beforeAll(async () => {
  ({ server, browser, page } = await openServedPage(inject('realSite')));
  await page.goto(`${server.url}/`);
});

afterAll(() => closeServedPage({ server, browser }));

describe('browser › search finds the added material', () => {
  for (const [word, questions] of explained) {
    it(`${word} returns question ${questions.join(' and ')} in the top 3`, async () => {
      const top = (await searchUrls(word)).slice(0, 3);
      for (const n of questions) expect(top, JSON.stringify(top)).toContain(`/kd-lifelong-learning/${n}/`);
    });
  }
});
