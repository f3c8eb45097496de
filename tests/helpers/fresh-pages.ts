import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium } from './browser.ts';
import { type StaticServer, serveDirectory } from './static-server.ts';

export interface FreshPages {
  /** The served site's origin. */
  readonly url: string;
  /** The current test's browser context. */
  readonly context: BrowserContext;
  /**
   * A blank page in a fresh profile (empty storage, no service worker: it would download the
   * whole site in every profile; offline.test.ts tests it). `beforeLoad` runs on the new context
   * before any page loads, to seed storage with `addInitScript`.
   */
  page(options?: PageOptions): Promise<Page>;
  /** `page(options)`, at `path` of the site. */
  open(path: string, options?: PageOptions): Promise<Page>;
  /** The errors thrown in the pages so far, which the test then owns (the rest fail it after it). */
  takeErrors(): string[];
}

export interface PageOptions {
  context?: BrowserContextOptions;
  beforeLoad?: (context: BrowserContext) => Promise<unknown>;
}

/**
 * Serves a built site to a test file's tests, each in a fresh profile, and
 * fails a test on any error thrown in its pages. Registers the file's hooks.
 */
export function freshPages(dist: () => string): FreshPages {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext | undefined;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await serveDirectory(dist());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    await context?.close();
    expect(errors.splice(0), 'errors thrown in the page').toEqual([]);
  });

  return {
    get url() {
      return server.url;
    },
    get context() {
      return context!;
    },
    async page(options = {}) {
      context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', ...options.context });
      await options.beforeLoad?.(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(`${error.message}\n${error.stack}`));
      return page;
    },
    async open(path, options = {}) {
      const page = await this.page(options);
      await page.goto(`${server.url}${path}`);
      return page;
    },
    takeErrors: () => errors.splice(0),
  };
}
