/**
 * The service worker that keeps the site readable offline, written after the
 * search index (scripts/build.ts) because it precaches the index too.
 * The build lists every page, script, stylesheet, font and search file with a
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
 * more than Pagefind. Rolldown bundles the worker in milliseconds. The list is
 * the one workbox-build made (each file's URL under the base path, and an MD5
 * of its content as its revision unless its name carries a hash), made here
 * with Node's own glob: loading workbox-build's took longer than listing the files.
 */
import { createHash } from 'node:crypto';
import { globSync, readFileSync, writeFileSync } from 'node:fs';
import { join, matchesGlob, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { SERVICE_WORKER_FILE } from '../model/pages.ts';
import { joinBase } from '../model/site-url.ts';

const WORKER_SOURCE = fileURLToPath(new URL('../client/service-worker.ts', import.meta.url));

/** Pages, their assets and Pagefind's index; browsers that run the worker read woff2, so KaTeX's woff and ttf stay out. */
const PRECACHED = ['**/*.{html,css,js,svg,webmanifest}', '_astro/**/*.woff2', 'pagefind/**/*'];
/** The worker itself, and Pagefind's UIs that the site does not use. */
const NOT_PRECACHED = [SERVICE_WORKER_FILE, 'pagefind/*-{component,modular}-ui.*'];
/** Above this a file is surely a mistake: every reader would download it on the first visit. */
const LARGEST = 8 * 1024 * 1024;

/** A file the worker downloads on the first visit; `revision` changes with its content, null when its name does (workbox-precaching's PrecacheEntry). */
export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/** What the worker precaches of `dist`, in the order of the URLs, and how many bytes that is. */
export function precacheEntries(dist: string, base: string): { entries: PrecacheEntry[]; bytes: number } {
  let bytes = 0;
  const files = globSync(PRECACHED, { cwd: dist, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)))
    .filter((file) => !NOT_PRECACHED.some((pattern) => matchesGlob(file, pattern)))
    .sort();
  const entries = files.map((file) => {
    const content = readFileSync(join(dist, file));
    if (content.length > LARGEST) throw new Error(`Service worker：${file} 有 ${(content.length / 1024 / 1024).toFixed(1)} MB，超过了离线缓存单个文件的上限 ${LARGEST / 1024 / 1024} MB。`);
    bytes += content.length;
    // Astro's file names carry a content hash already.
    const revision = file.startsWith('_astro/') ? null : createHash('md5').update(content).digest('hex');
    return { url: joinBase(base, file), revision };
  });
  return { entries, bytes };
}

export interface ServiceWorkerResult {
  files: number;
  bytes: number;
}

export async function buildServiceWorker(dist: string, base: string): Promise<ServiceWorkerResult> {
  const { entries, bytes } = precacheEntries(dist, base);
  const build = await rolldown({
    input: WORKER_SOURCE,
    logLevel: 'silent',
    // Workbox's development logging goes when NODE_ENV is production.
    transform: { define: { PRECACHE_MANIFEST: JSON.stringify(entries), 'process.env.NODE_ENV': '"production"' } },
  });
  // One file: the worker needs no second script that the CSP would have to allow.
  const { output } = await build.generate({ format: 'iife', minify: true });
  await build.close();
  if (output.length !== 1) throw new Error(`Service worker 应打包为一个文件，实际为 ${output.length} 个`);
  writeFileSync(join(dist, SERVICE_WORKER_FILE), output[0].code);
  return { files: entries.length, bytes };
}
