/**
 * The service worker that keeps the site readable offline, written after the
 * search index (scripts/build-service-worker.ts) because it precaches the
 * index too. Workbox's generateSW lists every page, script, stylesheet, font
 * and search file with a hash of its content, and the worker downloads them
 * all once, on the first visit.
 *
 * Updates: a new build changes the hashes; the new worker fetches the new
 * files beside the old ones and takes over only when no tab uses the old one
 * (no skipWaiting), so a reader never gets a page of one build with scripts
 * of another. The next visit after that is entirely the new build.
 */
import { join } from 'node:path';
import { generateSW } from 'workbox-build';
import { SERVICE_WORKER_FILE } from '../model/pages.ts';
import { joinBase } from '../model/site-url.ts';

export interface ServiceWorkerResult {
  files: number;
  bytes: number;
}

export async function buildServiceWorker(dist: string, base: string): Promise<ServiceWorkerResult> {
  const { count, size, warnings } = await generateSW({
    globDirectory: dist,
    // Pages, their assets and Pagefind's index; browsers that run the worker read woff2, so KaTeX's woff and ttf stay out.
    globPatterns: ['**/*.{html,css,js,svg,webmanifest}', '_astro/**/*.woff2', 'pagefind/**/*'],
    globIgnores: [SERVICE_WORKER_FILE, 'pagefind/*-{component,modular}-ui.*'],
    swDest: join(dist, SERVICE_WORKER_FILE),
    modifyURLPrefix: { '': joinBase(base, '') },
    // Astro's file names carry a content hash already.
    dontCacheBustURLsMatching: /\/_astro\//,
    // Pagefind asks for its entry file with `?ts=<build>` to get past HTTP caches.
    ignoreURLParametersMatching: [/^ts$/, /^utm_/],
    directoryIndex: 'index.html',
    cleanupOutdatedCaches: true,
    // One file: the worker needs no second script that the CSP would have to allow.
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  });
  if (warnings.length > 0) throw new Error(`Service worker：\n${warnings.join('\n')}`);
  return { files: count, bytes: size };
}
