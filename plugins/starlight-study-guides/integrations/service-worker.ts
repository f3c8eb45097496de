/**
 * The service worker that keeps the site readable offline, written after the
 * search index (scripts/build.ts) because it precaches the index too.
 * Workbox lists every page, script, stylesheet, font and search file with a
 * hash of its content, and the worker (client/service-worker.ts, with
 * workbox-precaching) downloads them all once, on the first visit.
 *
 * Updates: a new build changes the hashes; the new worker fetches the new
 * files beside the old ones and takes over only when no tab uses the old one
 * (no skipWaiting), so a reader never gets a page of one build with scripts
 * of another. The next visit after that is entirely the new build.
 *
 * Workbox's generateSW would do both steps, but it bundles the worker with
 * Rollup and Babel, and loading workbox-build's entry alone took a second:
 * more than Pagefind. Its file listing (imported from its own module) lists
 * the files, and Rolldown bundles the worker in milliseconds. The listing is
 * the one getManifest runs once it has checked its options with ajv, which
 * took a tenth of a second to load and compile the schema for options that
 * are written here once: so every option getManifest would default is set.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { getFileManifestEntries } from 'workbox-build/build/lib/get-file-manifest-entries.js';
import { SERVICE_WORKER_FILE } from '../model/pages.ts';
import { joinBase } from '../model/site-url.ts';

const WORKER_SOURCE = fileURLToPath(new URL('../client/service-worker.ts', import.meta.url));

export interface ServiceWorkerResult {
  files: number;
  bytes: number;
}

export async function buildServiceWorker(dist: string, base: string): Promise<ServiceWorkerResult> {
  const { manifestEntries, count, size, warnings } = await getFileManifestEntries({
    globDirectory: dist,
    globFollow: true,
    // Pages, their assets and Pagefind's index; browsers that run the worker read woff2, so KaTeX's woff and ttf stay out.
    globPatterns: ['**/*.{html,css,js,svg,webmanifest}', '_astro/**/*.woff2', 'pagefind/**/*'],
    globIgnores: [SERVICE_WORKER_FILE, 'pagefind/*-{component,modular}-ui.*'],
    modifyURLPrefix: { '': joinBase(base, '') },
    // Astro's file names carry a content hash already.
    dontCacheBustURLsMatching: /\/_astro\//,
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  });
  if (warnings.length > 0) throw new Error(`Service worker：\n${warnings.join('\n')}`);
  const build = await rolldown({
    input: WORKER_SOURCE,
    logLevel: 'silent',
    // Workbox's development logging goes when NODE_ENV is production.
    transform: { define: { PRECACHE_MANIFEST: JSON.stringify(manifestEntries), 'process.env.NODE_ENV': '"production"' } },
  });
  // One file: the worker needs no second script that the CSP would have to allow.
  const { output } = await build.generate({ format: 'iife', minify: true });
  await build.close();
  if (output.length !== 1) throw new Error(`Service worker 应打包为一个文件，实际为 ${output.length} 个`);
  writeFileSync(join(dist, SERVICE_WORKER_FILE), output[0].code);
  return { files: count, bytes: size };
}
