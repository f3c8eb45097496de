/**
 * The service worker (integrations/service-worker.ts bundles it into `sw.js`,
 * with the list of the site's files in place of PRECACHE_MANIFEST). Workbox
 * downloads every listed file on the first visit, serves them from then on, and
 * drops the caches of older builds once this worker is active.
 */
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';

declare const PRECACHE_MANIFEST: PrecacheEntry[];

cleanupOutdatedCaches();
precacheAndRoute(PRECACHE_MANIFEST, {
  // `/kd/6/` is served from the cached `/kd/6/index.html`.
  directoryIndex: 'index.html',
  // Pagefind asks for its entry file with `?ts=<build>` to get past HTTP caches.
  ignoreURLParametersMatching: [/^ts$/, /^utm_/],
});
