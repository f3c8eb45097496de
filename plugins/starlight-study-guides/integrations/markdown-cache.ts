import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

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
        const fingerprint = pipelineFingerprint(root);
        if (existsSync(record) && readFileSync(record, 'utf8') === fingerprint) return;
        // Where Astro keeps the store for builds, and for the dev server.
        const stores = [new URL('data-store.json', config.cacheDir), new URL('.astro/data-store.json', config.root)].filter(existsSync);
        for (const store of stores) rmSync(store);
        if (stores.length > 0) logger.info('Markdown 渲染流程已改变：已清除 Astro 缓存的页面，全部重新渲染');
        mkdirSync(config.cacheDir, { recursive: true });
        writeFileSync(record, fingerprint);
      },
    },
  };
}

/** A hash of every file of the pipeline under `root`, by path and content. */
function pipelineFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const path of PIPELINE.flatMap((entry) => filesAt(root, entry))) {
    hash.update(`${path}\0`).update(readFileSync(join(root, path))).update('\0');
  }
  return hash.digest('hex');
}

function filesAt(root: string, entry: string): string[] {
  const path = join(root, entry);
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [entry];
  return readdirSync(path, { recursive: true })
    .map((name) => join(entry, String(name)))
    .filter((name) => statSync(join(root, name)).isFile())
    .sort();
}
