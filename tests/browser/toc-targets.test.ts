import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeServedPage, openServedPage } from '../helpers/browser.ts';
import { builtPages } from '../helpers/site-pages.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { tocTargetsPlugin } from '../../plugins/starlight-study-guides/integrations/toc-targets-plugin.ts';
import { tocTargets } from '../../plugins/starlight-study-guides/client/toc-targets.ts';

const dist = inject('realSite');
let server: StaticServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openServedPage(dist));
});

afterAll(() => closeServedPage({ server, browser }));

/** Starlight's own query, run in the page, against `tocTargets`: same elements, same order. */
async function compareWithStarlight(headingSelector: string) {
  return page.evaluate(
    ({ source, headingSelector: h }) => {
      // The function's own source, as the browser test cannot import modules into the page.
      const ours = (0, eval)(`(${source})`) as (selector: string) => Element[];
      const starlight = [
        ...document.querySelectorAll(
          [
            `main :where(${h})`,
            `main :where(${h}, .sl-heading-wrapper) ~ *:not(:has(${h}))`,
            `main .sl-markdown-content > *:not(:has(${h}))`,
            `main > *:not(:has(${h}))`,
          ].join(),
        ),
      ];
      const found = ours(h);
      return { same: found.length === starlight.length && found.every((el, i) => el === starlight[i]), count: starlight.length };
    },
    { source: tocTargets.toString(), headingSelector },
  );
}

const DEFAULT_HEADINGS = 'h1#_top,:where(h2,h3)[id]';

describe('table of contents › the elements it observes', () => {
  it('are those of Starlight’s query on every built page', async () => {
    const pages = builtPages(dist).filter((p) => p.path !== '404.html');
    expect(pages.length).toBeGreaterThan(30);
    for (const { path } of pages) {
      await page.goto(`${server.url}/${path}`);
      const { same, count } = await compareWithStarlight(DEFAULT_HEADINGS);
      expect({ path, same }).toEqual({ path, same: true });
      if (path === 'kd-lifelong-learning/1/') expect(count).toBeGreaterThan(20);
    }
  }, 120_000);

  it('are those of Starlight’s query on markup unlike our pages', async () => {
    await page.setContent(`
      <main>
        <div><h1 id="_top">标题</h1></div>
        <div class="sl-markdown-content">
          <p>前言</p>
          <h2 id="a">甲</h2><p>一</p><ul><li>二</li></ul><section><h3 id="b">乙</h3><p>三</p></section><p>四</p>
          <div class="sl-heading-wrapper"><h2 id="c">丙</h2></div><p>五</p><h4 id="d">丁</h4><div><div><h3 id="e">戊</h3></div></div><p>六</p>
          <h2>无 id</h2><p>七</p>
        </div>
        <aside><p>旁注</p></aside>
        <main><h2 id="f">内</h2><p>八</p></main>
      </main>
      <p>main 之外</p>`);
    for (const selector of [DEFAULT_HEADINGS, 'h1#_top,:where(h2)[id]', 'h1#_top,:where(h2,h3,h4)[id]']) {
      const { same, count } = await compareWithStarlight(selector);
      expect({ selector, same }).toEqual({ selector, same: true });
      expect(count).toBeGreaterThan(5);
    }
  });
});

describe('table of contents › current section', () => {
  it('follows the reader down question 1, on the desktop and in the phone’s “本页内容” menu', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${server.url}/kd-lifelong-learning/1/#references`);
    await expect.poll(() => page.locator('starlight-toc a[aria-current="true"]').getAttribute('href')).toBe('#references');

    // A new page: going to another #fragment of the same page would not load it again.
    const phone = await browser.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${server.url}/kd-lifelong-learning/1/#notes`);
    await expect.poll(() => phone.locator('mobile-starlight-toc .display-current').textContent()).toBe('编者注');
    await phone.close();
  });
});

describe('table of contents › the swap in the build', () => {
  it('the built contents script finds its elements with tocTargets, not with :has()', () => {
    const scripts = readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.js'));
    // Each kind of page has one script bundle (integrations/bundle-page-scripts.ts); those with a contents list carry its code.
    const toc = scripts.map((f) => readFileSync(join(dist, '_astro', f), 'utf8')).filter((js) => js.includes('tocHeadingSelector'));
    expect(toc.length).toBeGreaterThan(0);
    for (const js of toc) expect(js).not.toContain(':has(');
  });

  it('stops the build when Starlight’s query changes, saying what to compare', () => {
    const plugin = tocTargetsPlugin();
    const { filter, handler: transform } = plugin.transform as { filter: { id: RegExp }; handler: (this: unknown, code: string, id: string) => unknown };
    const id = '/x/node_modules/@astrojs/starlight/dist/components-internals/TableOfContents/starlight-toc.js';
    const context = {
      error(message: string): never {
        throw new Error(message);
      },
    };
    expect(() => transform.call(context, 'const toObserve = document.querySelectorAll(`main h2`);', id)).toThrow(/toc-targets\.ts/);
    // Rolldown hands the plugin Starlight's module alone.
    expect([id, `${id}?v=1`, '/x/src/other.ts'].map((module) => filter.id.test(module))).toEqual([true, true, false]);
  });
});
