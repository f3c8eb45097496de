/**
 * What `npm run build` does once `astro build` has exited, in one process:
 * the search index, then the service worker, which precaches the index too.
 *
 *   node scripts/after-build.ts [dist]
 *
 * The words indexed on question pages but not shown there come from the build
 * (integrations/search-words.ts), in Astro's cache directory, which
 * astro.config.mjs leaves at its default. The base path comes from BASE, as in
 * astro.config.mjs.
 */
import { resolve } from 'node:path';
import { buildSearchIndex } from '../plugins/starlight-study-guides/integrations/search-index.ts';
import { readSearchWords } from '../plugins/starlight-study-guides/integrations/search-words.ts';
import { buildServiceWorker } from '../plugins/starlight-study-guides/integrations/service-worker.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

let started = performance.now();
const pages = await buildSearchIndex(dist, readSearchWords(resolve('node_modules/.astro')));
console.log(`搜索索引：${pages} 个页面（${seconds(started)} s）`);

started = performance.now();
const { files, bytes } = await buildServiceWorker(dist, process.env.BASE ?? '/');
console.log(`离线缓存：${files} 个文件（${(bytes / 1024 / 1024).toFixed(1)} MB，${seconds(started)} s）`);
