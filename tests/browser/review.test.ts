import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { freshPages } from '../helpers/fresh-pages.ts';

const pages = freshPages(() => inject('realSite'));
const guide = '/kd-lifelong-learning';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** A fresh profile (empty storage) for each test, on a desktop or a phone. */
function open(path: string, options: { phone?: boolean; init?: () => void } = {}): Promise<Page> {
  const init = options.init;
  return pages.open(path, {
    context: { acceptDownloads: true, ...(options.phone ? PHONE : {}) },
    beforeLoad: init ? (context) => context.addInitScript(init) : undefined,
  });
}

const dueLine = (page: Page) => page.locator('[data-review-due]');
const position = (page: Page) => page.locator('[data-review-position]');
const visibleCard = (page: Page) => page.locator('.sl-markdown-content > section.study-section:visible');
const answerOf = (page: Page, n: number) => page.locator(`section[data-section="q${n}"] section[data-section="answer"] > .study-section-body`);
const rating = (page: Page, label: string) => page.getByRole('button', { name: new RegExp(`^${label}`) });
const normalized = async (page: Page) => (await dueLine(page).textContent())!.replace(/\s+/g, ' ').trim();

describe('browser › FSRS review', () => {
  it('walks a session: due counts, reveal with space, rate with keys and clicks, intervals on the buttons, kept across reloads', async () => {
    const page = await open(`${guide}/review/`);
    await expect(normalized(page)).resolves.toBe('今天到期：新题 10 题 · 学习中 0 题 · 复习 0 题');
    await expect(position(page).textContent()).resolves.toBe('第 1 题（新题）');
    await expect(visibleCard(page).count()).resolves.toBe(1);
    await expect(answerOf(page, 1).isVisible()).resolves.toBe(false);
    await expect(rating(page, '良好').isVisible()).resolves.toBe(false);

    await page.keyboard.press('Space');
    await expect(answerOf(page, 1).isVisible()).resolves.toBe(true);
    // FSRS's default learning steps for a new card, 1 and 10 minutes; easy skips them and graduates.
    await expect.poll(() => rating(page, '重来').textContent()).toBe('重来（1）1 分钟后');
    await expect.poll(() => rating(page, '困难').textContent()).toBe('困难（2）6 分钟后');
    await expect.poll(() => rating(page, '良好').textContent()).toBe('良好（3）10 分钟后');
    const easy = (await rating(page, '简单').locator('[data-interval]').textContent())!;
    expect(easy).toMatch(/^\d+ 天后$/);

    await page.keyboard.press('4');
    await expect(position(page).textContent()).resolves.toBe('第 2 题（新题）');
    await expect(normalized(page)).resolves.toBe('今天到期：新题 9 题 · 学习中 0 题 · 复习 0 题');
    await expect(answerOf(page, 2).isVisible()).resolves.toBe(false);

    await page.getByRole('button', { name: '显示答案（空格）' }).click();
    await rating(page, '重来').click();
    // Question 2 comes back in a minute: after the new questions, as a learning step.
    await expect(normalized(page)).resolves.toBe('今天到期：新题 8 题 · 学习中 1 题 · 复习 0 题');
    await expect(position(page).textContent()).resolves.toBe('第 3 题（新题）');

    await page.reload();
    await expect.poll(() => normalized(page)).toBe('今天到期：新题 8 题 · 学习中 1 题 · 复习 0 题');
    await page.goto(`${pages.url}${guide}/1/`);
    await expect(page.locator('.card-status').textContent()).resolves.toBe(`复习：下次复习 ${easy}`);
    await page.goto(`${pages.url}${guide}/2/`);
    await expect(page.locator('.card-status').textContent()).resolves.toBe('复习：学习中');
  });

  it('is usable by Tab and Enter alone, with a visible focus ring on every control', async () => {
    const page = await open(`${guide}/review/`);
    const reveal = page.getByRole('button', { name: '显示答案（空格）' });
    await reveal.focus();
    await page.keyboard.press('Enter');
    await expect(answerOf(page, 1).isVisible()).resolves.toBe(true);
    // Focus moves from the vanished reveal button to 良好; Tab goes on to 简单.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('良好（3）10 分钟后');
    await page.keyboard.press('Shift+Tab');
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { text: document.activeElement!.textContent, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(ring.text).toMatch(/^困难（2）/);
    expect(ring.outline).not.toBe('none');
    expect(ring.width).not.toBe('0px');
    await page.keyboard.press('Enter');
    await expect(position(page).textContent()).resolves.toBe('第 2 题（新题）');
  });

  it('rates a question on its own page, showing the intervals, and updates its state', async () => {
    const page = await open(`${guide}/5/`);
    const status = page.locator('.card-status');
    await expect(status.textContent()).resolves.toBe('复习：新');
    const rateButton = page.getByRole('button', { name: '评分本题' });
    await rateButton.click();
    await expect.poll(() => rateButton.getAttribute('aria-expanded')).toBe('true');
    const good = page.getByRole('button', { name: '良好 10 分钟后', exact: true });
    await expect(good.isVisible()).resolves.toBe(true);
    await good.click();
    await expect(status.textContent()).resolves.toBe('复习：学习中');
    await expect.poll(() => page.locator('[data-study-status]').textContent()).toBe('第 5 题：良好，10 分钟后再复习。');
    await page.goto(`${pages.url}${guide}/review/`);
    await expect(normalized(page)).resolves.toBe('今天到期：新题 9 题 · 学习中 1 题 · 复习 0 题');
  });

  it('carries marks of the earlier version over into the new store', async () => {
    const page = await open(`${guide}/6/`, {
      init: () => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('study-guides:progress:kd-lifelong-learning', '{"6":"known","7":"review"}');
      },
    });
    await expect(page.getByRole('button', { name: '已掌握' }).getAttribute('aria-pressed')).resolves.toBe('true');
    const stored = await page.evaluate(() => [localStorage.getItem('study-guides:progress:kd-lifelong-learning'), localStorage.getItem('study-guides:study:kd-lifelong-learning')]);
    expect(stored[0]).toBeNull();
    expect(JSON.parse(stored[1]!)).toMatchObject({ version: 2, marks: { 6: { state: 'known' }, 7: { state: 'review' } } });
    await page.goto(`${pages.url}${guide}/`);
    await expect(page.locator('[data-guide-progress] p').first().textContent()).resolves.toMatch(/已掌握 1 题，待复习 1 题/);
  });
});

describe('browser › progress file', () => {
  it('exports progress, and after a wipe, importing the file restores it', async () => {
    const page = await open(`${guide}/review/`);
    await page.keyboard.press('Space');
    await rating(page, '良好').click();
    await page.keyboard.press('Space');
    await page.keyboard.press('4');
    await expect(page.locator('[data-stats-summary]').textContent()).resolves.toBe('已掌握 0 题（下次复习在 21 天以后）；学过 2 题；共复习 2 次。');
    const before = await normalized(page);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出进度' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported).toMatchObject({ format: 'study-guides-progress', version: 2 });
    expect(Object.keys(exported.guides['kd-lifelong-learning'].cards).sort()).toEqual(['1', '2']);
    expect(exported.guides['kd-lifelong-learning'].reviews.map((r: { question: number; rating: number }) => [r.question, r.rating])).toEqual([[1, 3], [2, 4]]);

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(normalized(page)).resolves.toBe('今天到期：新题 10 题 · 学习中 0 题 · 复习 0 题');

    await page.getByLabel('导入进度文件').setInputFiles(file);
    await expect.poll(() => page.locator('[data-data-status]').textContent()).toBe(
      '已导入。kd-lifelong-learning：2 题采用文件中的记录，0 题本机记录较新已保留，新增 2 条复习记录。',
    );
    await expect(normalized(page)).resolves.toBe(before);
    await expect(page.locator('[data-stats-summary]').textContent()).resolves.toBe('已掌握 0 题（下次复习在 21 天以后）；学过 2 题；共复习 2 次。');
    await expect(page.locator('.review-heatmap').getAttribute('aria-label')).resolves.toBe('过去 12 周共复习 2 次，其中 1 天有复习。');
  });

  it('rejects a malformed file with a message, and leaves the progress alone', async () => {
    const page = await open(`${guide}/review/`);
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    const stored = () => page.evaluate(() => localStorage.getItem('study-guides:study:kd-lifelong-learning'));
    const before = await stored();
    const status = page.locator('[data-data-status]');
    const input = page.getByLabel('导入进度文件');

    await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "study-guides-progress", broken') });
    await expect.poll(() => status.textContent()).toBe('无法导入：这不是 JSON 文件。请选择本站“导出进度”保存的 .json 文件。');

    const bad = { format: 'study-guides-progress', version: 2, exportedAt: 'yesterday', guides: { 'kd-lifelong-learning': { marks: {}, cards: { 1: { due: 'soon' } }, reviews: [] } } };
    await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect.poll(() => status.textContent()).toMatch(/^无法导入：进度文件有误，本机进度未改动。exportedAt：.+；guides\.kd-lifelong-learning\.cards\.1\.due：/);

    await input.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"guide": "kd-lifelong-learning", "questions": []}') });
    await expect.poll(() => status.textContent()).toBe('无法导入：这不是本站的学习进度文件（缺少 "format": "study-guides-progress"）。');
    await expect(stored()).resolves.toBe(before);
  });
});

describe('browser › phone', () => {
  it('puts the question on the first screen, the study tools in one line, and 复制链接 right after its heading', async () => {
    const page = await open(`${guide}/6/`, { phone: true });
    await page.locator('[data-study-tools]:not([hidden])').waitFor();
    const bar = await page.locator('.study-tools-bar > *').evaluateAll((items) => items.map((item) => item.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
    // One line: every item of the bar side by side.
    expect(new Set(bar.map((r) => Math.round(r.top + r.bottom))).size).toBe(1);
    await expect(page.getByRole('button', { name: '已掌握' }).isVisible()).resolves.toBe(false);

    const prompt = await page.locator('#question').boundingBox();
    const promptText = page.locator('section[data-section="question"] > .study-section-body > p').first();
    expect(prompt!.y).toBeGreaterThan(0);
    expect((await promptText.boundingBox())!.y + (await promptText.boundingBox())!.height).toBeLessThanOrEqual(844);

    const gap = await page.locator('#question').evaluate((heading) => {
      const range = document.createRange();
      range.selectNodeContents(heading);
      const text = range.getBoundingClientRect();
      const button = heading.parentElement!.querySelector('.copy-link-button')!.getBoundingClientRect();
      return button.left - text.right;
    });
    expect(gap).toBeGreaterThan(0);
    expect(gap).toBeLessThanOrEqual(16);

    await page.getByRole('button', { name: '更多' }).click();
    await expect(page.getByRole('button', { name: '已掌握' }).isVisible()).resolves.toBe(true);
    const small = await page.locator('.study-tools button:visible, .study-tools label, .copy-link-button').evaluateAll((elements) =>
      elements.map((e) => ({ text: e.textContent!.trim(), ...e.getBoundingClientRect().toJSON() })).filter((r) => r.height < 44 || r.width < 44),
    );
    expect(small).toEqual([]);
  });
});
