/**
 * What `npm run build` does once `astro build` has exited, in one process:
 * check every link of the built pages, then build the search index, then the
 * service worker, which precaches the index too.
 *
 *   node scripts/after-build.ts [dist]
 *
 * Astro's process holds most of its memory until it exits; these steps read
 * every page again, so they run after it, one page at a time. What they need
 * of the build (base path, site URL, the words indexed on question pages but
 * not shown) comes from the build itself (integrations/build-facts.ts), in
 * Astro's cache directory, which astro.config.mjs leaves at its default.
 */
import { resolve } from 'node:path';
import { readBuildFacts } from '../plugins/starlight-study-guides/integrations/build-facts.ts';
import { checkLinks } from '../plugins/starlight-study-guides/integrations/link-check.ts';
import { buildSearchIndex } from '../plugins/starlight-study-guides/integrations/search-index.ts';
import { buildServiceWorker } from '../plugins/starlight-study-guides/integrations/service-worker.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const facts = readBuildFacts(resolve('node_modules/.astro'));
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

let started = performance.now();
const { problems, checked } = checkLinks(dist, facts.base, facts.site);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`${problems.length} 个站内链接无效：请修改链接所在的注解或题库文本，或补上它指向的页面。`);
  process.exit(1);
}
console.log(`链接检查：${checked} 个站内链接均有效（${seconds(started)} s）`);

started = performance.now();
const pages = await buildSearchIndex(dist, new Map(Object.entries(facts.searchWords)));
console.log(`搜索索引：${pages} 个页面（${seconds(started)} s）`);

started = performance.now();
const { files, bytes } = await buildServiceWorker(dist, facts.base);
console.log(`离线缓存：${files} 个文件（${(bytes / 1024 / 1024).toFixed(1)} MB，${seconds(started)} s）`);
