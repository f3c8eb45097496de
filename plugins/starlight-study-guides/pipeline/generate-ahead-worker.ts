/** The worker generate-ahead.ts starts: the plugin's generation, with its cache and the site URL `astro build` will use. */
import { workerData } from 'node:worker_threads';
import { buildContent, defaultPaths, generationCache } from './build-content.ts';

const { root, cacheDir } = workerData as { root: string; cacheDir: string };
buildContent(defaultPaths(root), root, undefined, generationCache(root, cacheDir));
