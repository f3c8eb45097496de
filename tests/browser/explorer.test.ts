import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeServedPage, launchBrowser, openServedPage } from '../helpers/browser.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { softmaxWithTemperature } from '../../src/math/softmax-with-temperature.ts';

const dist = inject('realSite');
let server: StaticServer;
let browser: BrowserContext;
let page: Page;

// The logits question 1's annotation gives the explorer.
const teacher = [5, 2, -1];
const student = [3, 2.5, 0];
const shown = (logits: number[], t: number) => softmaxWithTemperature(logits, t).map((p) => p.toFixed(4));
const read = (role: string) => page.locator(`kd-temperature-explorer [data-role="${role}"]`).allTextContents();

beforeAll(async () => {
  ({ server, browser, page } = await openServedPage(dist));
});

afterAll(() => closeServedPage({ server, browser }));

describe('browser › temperature explorer', () => {
  it('moving the temperature slider by keyboard shows the probabilities the math module gives for that T', async () => {
    await page.goto(`${server.url}/kd-lifelong-learning/1/`);
    const slider = page.getByRole('slider', { name: '温度 T' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(slider.inputValue()).resolves.toBe('5');
    expect(await read('temperature-value')).toEqual(['5']);
    expect(await read('teacher-p')).toEqual(shown(teacher, 5));
    expect(await read('student-p')).toEqual(shown(student, 5));
    await page.keyboard.press('Home');
    expect(await read('teacher-p')).toEqual(shown(teacher, 0.5));
  });

  it('lets a keyboard user Tab from the slider to the teacher’s logits and edit them', async () => {
    await page.goto(`${server.url}/kd-lifelong-learning/1/`);
    await page.getByRole('slider', { name: '温度 T' }).focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('教师 logit：猫');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('8');
    expect(await read('teacher-p')).toEqual(shown([8, 2, -1], 4));
    await page.getByRole('spinbutton', { name: '学生 logit：汽车' }).fill('1');
    expect(await read('student-p')).toEqual(shown([3, 2.5, 1], 4));
  });

  it('labels its controls and probability bars for screen readers', async () => {
    await page.goto(`${server.url}/kd-lifelong-learning/1/`);
    for (const name of ['教师 logit：猫', '教师 logit：狗', '学生 logit：汽车']) {
      await expect(page.getByRole('spinbutton', { name }).count()).resolves.toBe(1);
    }
    await expect(page.getByRole('meter', { name: '教师概率：猫' }).count()).resolves.toBe(1);
    await expect(page.getByRole('list', { name: '学生概率' }).count()).resolves.toBe(1);
  });

  it('is on the formula index page too', async () => {
    await page.goto(`${server.url}/kd-lifelong-learning/formulas/`);
    await expect(page.getByRole('slider', { name: '温度 T' }).isVisible()).resolves.toBe(true);
  });

  it('a page with no explorer loads no explorer code', async () => {
    await page.goto(`${server.url}/kd-lifelong-learning/2/`);
    await expect(page.evaluate(() => customElements.get('kd-temperature-explorer') === undefined)).resolves.toBe(true);
    expect(readFileSync(join(dist, 'kd-lifelong-learning/2/index.html'), 'utf8')).not.toContain('kd-temperature-explorer');
    await page.goto(`${server.url}/kd-lifelong-learning/1/`);
    await expect(page.evaluate(() => customElements.get('kd-temperature-explorer') !== undefined)).resolves.toBe(true);
  });

  it('ships under 5 KB of gzipped JavaScript', () => {
    const html = readFileSync(join(dist, 'kd-lifelong-learning/1/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script type="module"( src="([^"]+)")?>([\s\S]*?)<\/script>/g)]
      .map((m) => (m[2] ? readFileSync(join(dist, m[2]), 'utf8') : m[3]!))
      .filter((code) => code.includes('kd-temperature-explorer'));
    expect(scripts).toHaveLength(1);
    expect(gzipSync(scripts[0]!).length).toBeLessThan(5 * 1024);
  });
});

describe('browser › temperature explorer without JavaScript', () => {
  it('hides the controls and still shows the worked-example table', async () => {
    const noJs = await launchBrowser({ javaScriptEnabled: false });
    try {
      const p = await noJs.newPage();
      await p.goto(`${server.url}/kd-lifelong-learning/1/`);
      await expect(p.getByRole('slider', { name: '温度 T' }).count()).resolves.toBe(0);
      const firstRow = await p.locator('table tbody tr').first().locator('td').allTextContents();
      expect(firstRow.slice(1, 4)).toEqual(shown(teacher, 1));
    } finally {
      await noJs.close();
    }
  });
});
