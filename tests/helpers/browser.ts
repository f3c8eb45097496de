import { execFileSync } from 'node:child_process';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

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
}

/** A browser with one fresh context; closing the context closes the browser. */
export async function launchBrowser(options: ContextOptions = {}): Promise<BrowserContext> {
  const browser = await launchChromium();
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
  });
  context.on('close', () => void browser.close());
  return context;
}
