import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fingerprint } from '../utils/fingerprint.ts';

/** What renders a Markdown page besides its own text: our plugins, their wiring, the installed libraries. */
const PIPELINE = ['plugins/starlight-study-guides/rehype', 'astro.config.mjs', 'plugins/starlight-study-guides/index.ts', 'package-lock.json'];
const FINGERPRINT_FILE = 'study-guides-markdown-pipeline.txt';

/**
 * Astro keeps the HTML it rendered from each Markdown page and reuses it while
 * the page's text is unchanged, even after the plugins that render it have
 * changed (https://github.com/withastro/astro/issues/12761): an edited rehype
 * plugin would not reach the pages. This clears Astro's content store, for
 * builds and for `astro dev`, whenever the pipeline differs from the one that
 * filled it, and leaves it alone otherwise.
 */
export function markdownCacheGuard(): AstroIntegration {
  return {
    name: 'markdown-cache-guard',
    hooks: {
      'astro:config:setup'({ config, logger }) {
        const root = fileURLToPath(config.root);
        const record = new URL(FINGERPRINT_FILE, config.cacheDir);
        const pipeline = fingerprint(root, PIPELINE);
        if (existsSync(record) && readFileSync(record, 'utf8') === pipeline) return;
        // Where Astro keeps the store for builds, and for the dev server.
        const stores = [new URL('data-store.json', config.cacheDir), new URL('.astro/data-store.json', config.root)].filter(existsSync);
        for (const store of stores) rmSync(store);
        if (stores.length > 0) logger.info('Markdown 渲染流程已改变：已清除 Astro 缓存的页面，全部重新渲染');
        mkdirSync(config.cacheDir, { recursive: true });
        writeFileSync(record, pipeline);
      },
    },
  };
}
