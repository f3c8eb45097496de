/**
 * Builds the Pagefind index of a built site; `npm run build` runs it after `astro build`:
 *
 *   node scripts/build-search-index.ts [dist]
 */
import { resolve } from 'node:path';
import { buildSearchIndex } from '../plugins/starlight-study-guides/integrations/search-index.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const started = performance.now();
const pages = await buildSearchIndex(dist);
console.log(`搜索索引：${pages} 个页面（${((performance.now() - started) / 1000).toFixed(1)} s）`);
