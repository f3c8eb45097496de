import { execFileSync } from 'node:child_process';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { type StaticServer, serveDirectory } from './static-server.ts';

/** Debian's Chromium; a missing browser fails the test run rather than skipping it. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium not found: install it with `apt-get install -y chromium fonts-noto-cjk` or set CHROMIUM_PATH.');
  }
}

/** Playwright gives each launch a fresh, throw-away profile directory. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface ContextOptions {
  javaScriptEnabled?: boolean;
  colorScheme?: 'light' | 'dark';
  /** Blocked unless asked for: the site's service worker would answer from its cache, past the
   *  tests' request routing and byte counts, and download the whole site in every fresh profile. */
  serviceWorkers?: 'allow' | 'block';
}

/** A browser with one fresh context; closing the context closes the browser. */
export async function launchBrowser(options: ContextOptions = {}): Promise<BrowserContext> {
  const browser = await launchChromium();
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  context.on('close', () => void browser.close());
  return context;
}

export interface ServedPage {
  server: StaticServer;
  browser: BrowserContext;
  page: Page;
}

/** Serves a built site and opens a page in a fresh browser, for a test file's tests to share. */
export async function openServedPage(dist: string): Promise<ServedPage> {
  const server = await serveDirectory(dist);
  const browser = await launchBrowser();
  return { server, browser, page: await browser.newPage() };
}

/** Closes what openServedPage opened, as far as it got. */
export async function closeServedPage(opened: Partial<ServedPage>): Promise<void> {
  await opened.browser?.close();
  await opened.server?.close();
}
