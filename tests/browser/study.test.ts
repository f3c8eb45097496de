import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { freshPages } from '../helpers/fresh-pages.ts';
import { pagefindSearch } from '../helpers/pagefind.ts';

const pages = freshPages(() => inject('realSite'));
const guide = '/kd-lifelong-learning';

/** A fresh profile (empty localStorage) for each test. */
function open(path: string, options: { javaScriptEnabled?: boolean; init?: () => void } = {}): Promise<Page> {
  const init = options.init;
  return pages.open(path, {
    context: { javaScriptEnabled: options.javaScriptEnabled ?? true },
    beforeLoad: init ? (context) => context.addInitScript(init) : undefined,
  });
}

const answerBody = (page: Page) => page.locator('.sl-markdown-content > section[data-section="answer"] > .study-section-body');
const selfTestSwitch = (page: Page) => page.getByRole('switch', { name: /自测模式/ });

describe('browser › share links', () => {
  it('copies …/6/#answer to the clipboard and confirms it', async () => {
    const page = await open(`${guide}/6/`);
    await pages.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pages.url });
    await page.getByRole('button', { name: '复制链接：答案' }).click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${pages.url}${guide}/6/#answer`);
    await expect.poll(() => page.locator('[data-study-status]').textContent()).toBe(`已复制链接：${pages.url}${guide}/6/#answer`);
    await expect(page.getByRole('button', { name: '复制链接：答案' }).textContent()).resolves.toBe('已复制');
  });

  // Sections are laid out lazily (content-visibility); a link used to leave the reader in the
  // formulas, far above 参考文献, on about one load in ten. Twenty loads catch that nearly always.
  it('opens a link to a section at that section, on every one of 20 loads', async () => {
    const page = await open(`${guide}/1/`);
    const landings = new Set<string>();
    for (let load = 0; load < 20; load++) {
      const fresh = await pages.context.newPage();
      await fresh.goto(`${pages.url}${guide}/1/#references`);
      const { top, headerBottom } = await fresh.locator('#references').evaluate((h) => ({
        top: h.getBoundingClientRect().top,
        headerBottom: document.querySelector('header.header')?.getBoundingClientRect().bottom ?? 0,
      }));
      landings.add(top >= headerBottom && top < 200 ? 'just under the site header' : `at ${Math.round(top)} px`);
      await fresh.close();
    }
    await page.close();
    expect([...landings]).toEqual(['just under the site header']);
  });

  it('offers a copy button for every section heading, reachable by keyboard', async () => {
    const page = await open(`${guide}/6/`);
    for (const label of ['题目', '答案', '解析', '相关题目']) {
      const button = page.getByRole('button', { name: `复制链接：${label}`, exact: true });
      await button.focus();
      await expect(button.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    }
  });
});

describe('browser › self-test mode', () => {
  it('hides the answer, reveals it with the button, and keeps the choice on the next page', async () => {
    const page = await open(`${guide}/6/`);
    await expect(answerBody(page).isVisible()).resolves.toBe(true);
    await selfTestSwitch(page).check();
    await expect(answerBody(page).isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: '显示答案' }).click();
    await expect(answerBody(page).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: '隐藏答案' }).getAttribute('aria-expanded')).resolves.toBe('true');

    await page.goto(`${pages.url}${guide}/7/`);
    await expect(selfTestSwitch(page).isChecked()).resolves.toBe(true);
    await expect(answerBody(page).isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: '展开全部' }).click();
    await expect(answerBody(page).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: '收起全部' }).click();
    await expect(answerBody(page).isVisible()).resolves.toBe(false);
  });

  it('shows a hidden answer when a search result links into it', async () => {
    const page = await open(`${guide}/`, { init: () => localStorage.setItem('study-guides:self-test', 'on') });
    // The search dialog's own result: a sub-result pointing at an answer heading.
    const results = await pagefindSearch(page, '医疗图像分析');
    const url = results.flatMap((r) => r.subResults).find((u) => u.endsWith('#answer'));
    expect(url).toMatch(/^\/kd-lifelong-learning\/\d+\/#answer$/);
    await page.goto(`${pages.url}${url}`);
    await expect(selfTestSwitch(page).isChecked()).resolves.toBe(true);
    await expect(answerBody(page).isVisible()).resolves.toBe(true);
    await expect(page.locator('.sl-markdown-content > section[data-section="explanation"] > .study-section-body').isVisible()).resolves.toBe(false);
  });

  it('shows a hidden answer when a link on the same page jumps to it', async () => {
    const page = await open(`${guide}/6/`, { init: () => localStorage.setItem('study-guides:self-test', 'on') });
    await expect(answerBody(page).isVisible()).resolves.toBe(false);
    await page.evaluate(() => (location.hash = '#answer'));
    await expect.poll(() => answerBody(page).isVisible()).toBe(true);
  });

  it('lets find-in-page reach hidden text (hidden="until-found")', async () => {
    const page = await open(`${guide}/6/`, { init: () => localStorage.setItem('study-guides:self-test', 'on') });
    await expect(answerBody(page).getAttribute('hidden')).resolves.toBe('until-found');
    // A text fragment link uses the same search-and-reveal as the browser's find bar.
    await page.goto(`${pages.url}${guide}/12/#:~:text=${encodeURIComponent('疾病诊断')}`);
    await expect.poll(() => answerBody(page).isVisible()).toBe(true);
  });
});

describe('browser › progress', () => {
  it('marking 已掌握 updates the index counts and the sidebar, survives reload, and resets', async () => {
    const page = await open(`${guide}/6/`);
    await page.getByRole('button', { name: '已掌握' }).click();
    await expect(page.getByRole('button', { name: '已掌握' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.goto(`${pages.url}${guide}/`);
    const counts = page.locator('[data-guide-progress] p').first();
    await expect(counts.textContent()).resolves.toMatch(/已掌握 1 题，待复习 0 题，未标记\s*29 题/);
    await expect(page.locator('[data-progress-bar]').evaluate((bar: HTMLProgressElement) => bar.value)).resolves.toBe(1);
    const sidebarLink = page.locator(`nav.sidebar a[href="${guide}/6/"]`);
    await expect(sidebarLink.locator('.progress-mark').textContent()).resolves.toBe('✓（已掌握）');
    await page.reload();
    await expect(counts.textContent()).resolves.toMatch(/已掌握 1 题/);
    await page.getByRole('button', { name: '重置进度' }).click();
    await expect(counts.textContent()).resolves.toMatch(/已掌握 0 题，待复习 0 题，未标记\s*30 题/);
    await expect(sidebarLink.locator('.progress-mark').count()).resolves.toBe(0);
  });

  it('keeps working when localStorage holds garbage', async () => {
    const page = await open(`${guide}/`, {
      init: () => {
        // Only before the first page: later pages must see what the site stored.
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('study-guides:progress:kd-lifelong-learning', '{"6": "known", broken');
        localStorage.setItem('study-guides:self-test', 'yes please');
      },
    });
    await expect(page.locator('[data-guide-progress] p').first().textContent()).resolves.toMatch(/已掌握 0 题/);
    await page.goto(`${pages.url}${guide}/6/`);
    await expect(answerBody(page).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: '待复习' }).click();
    await page.goto(`${pages.url}${guide}/`);
    await expect(page.locator('[data-guide-progress] p').first().textContent()).resolves.toMatch(/待复习 1 题/);
  });

  it('keeps working when localStorage is blocked', async () => {
    const page = await open(`${guide}/6/`, {
      init: () => Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('blocked', 'SecurityError'); } }),
    });
    await expect(answerBody(page).isVisible()).resolves.toBe(true);
    await selfTestSwitch(page).check();
    await expect(answerBody(page).isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: '已掌握' }).click();
    await expect(page.getByRole('button', { name: '已掌握' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(() => page.locator('[data-study-status]').textContent()).toContain('浏览器不允许保存');
    // Starlight's own inline theme scripts throw without storage; our bundled scripts must not.
    const ours = pages.takeErrors().filter((error) => error.includes('/_astro/'));
    expect(ours).toEqual([]);
  });
});

describe('browser › print', () => {
  it('the print page under print media shows every answer and no sidebar, even in self-test mode', async () => {
    const page = await open(`${guide}/print/`, { init: () => localStorage.setItem('study-guides:self-test', 'on') });
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('nav.sidebar').isVisible()).resolves.toBe(false);
    await expect(page.locator('header.header').isVisible()).resolves.toBe(false);
    const answers = page.locator('section[data-section="answer"] > .study-section-body');
    await expect(answers.count()).resolves.toBe(30);
    for (const body of await answers.all()) await expect(body.isVisible()).resolves.toBe(true);
    const breaks = await page.locator('.sl-markdown-content > section.study-section').evaluateAll((sections) =>
      sections.map((s) => getComputedStyle(s).breakBefore),
    );
    expect(breaks.slice(1).every((b) => b === 'page')).toBe(true);
  });

  it('prints a question page with its answer even when self-test hides it on screen', async () => {
    const page = await open(`${guide}/6/`, { init: () => localStorage.setItem('study-guides:self-test', 'on') });
    await expect(answerBody(page).isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'print' });
    await expect(answerBody(page).isVisible()).resolves.toBe(true);
  });
});

describe('browser › without JavaScript', () => {
  it('shows every answer and explanation on every question page, and no controls that would not work', async () => {
    const page = await open(`${guide}/1/`, { javaScriptEnabled: false });
    for (let n = 1; n <= 30; n++) {
      await page.goto(`${pages.url}${guide}/${n}/`);
      for (const id of ['answer', 'explanation']) {
        const body = page.locator(`.sl-markdown-content > section[data-section="${id}"] > .study-section-body`);
        await expect(body.isVisible(), `${n}#${id}`).resolves.toBe(true);
      }
      await expect(page.locator('[data-study-tools]').isVisible()).resolves.toBe(false);
    }
  });

  it('lists every question with its answer on the review page', async () => {
    const page = await open(`${guide}/review/`, { javaScriptEnabled: false });
    const answers = page.locator('section[data-section="answer"] > .study-section-body');
    await expect(answers.count()).resolves.toBe(30);
    for (const body of await answers.all()) await expect(body.isVisible()).resolves.toBe(true);
  });
});
