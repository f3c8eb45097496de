/**
 * What `npm run build` does once `astro build` has exited, in one process, in
 * this order:
 *
 * 1. KaTeX's rules and subset fonts inlined per page (inline-katex-styles.ts);
 * 2. one script bundle per kind of page (bundle-page-scripts.ts);
 * 3. the inline scripts' hashes into the CSP of `_headers` (security-headers.ts);
 * 4. every link of the finished pages checked (link-check.ts): a broken one
 *    stops the build here, with no search index and no service worker;
 * 5. the search index (search-index.ts);
 * 6. the service worker, which precaches all of the above (service-worker.ts).
 *
 *   node scripts/after-build.ts [dist]
 *
 * Each step reads every page again, and Astro's process holds most of its
 * memory until it exits, so they run after it, one page at a time. What they
 * need of the build (base path, site URL, the words indexed on question pages
 * but not shown) comes from the build itself (integrations/build-facts.ts), in
 * Astro's cache directory, which astro.config.mjs leaves at its default.
 */
import { join, resolve } from 'node:path';
import { readBuildFacts } from '../plugins/starlight-study-guides/integrations/build-facts.ts';
import { bundlePageScripts } from '../plugins/starlight-study-guides/integrations/bundle-page-scripts.ts';
import { inlineKatexStyles } from '../plugins/starlight-study-guides/integrations/inline-katex-styles.ts';
import { checkLinks } from '../plugins/starlight-study-guides/integrations/link-check.ts';
import { buildSearchIndex } from '../plugins/starlight-study-guides/integrations/search-index.ts';
import { completeSecurityHeaders } from '../plugins/starlight-study-guides/integrations/security-headers.ts';
import { buildServiceWorker } from '../plugins/starlight-study-guides/integrations/service-worker.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const cacheDir = resolve('node_modules/.astro');
const facts = readBuildFacts(cacheDir);

/** Runs a step and prints its report with how long it took. */
async function step(name: string, run: () => string | Promise<string>): Promise<void> {
  const started = performance.now();
  const report = await run();
  console.log(`${name}：${report}（${((performance.now() - started) / 1000).toFixed(1)} s）`);
}

await step('KaTeX 样式与字体', () => inlineKatexStyles(dist, facts.base, join(cacheDir, 'katex-subsets')));
await step('页面脚本', () => bundlePageScripts(dist, facts.base));
await step('CSP', () => completeSecurityHeaders(dist));
await step('链接检查', () => {
  const { problems, checked } = checkLinks(dist, facts.base, facts.site);
  if (problems.length === 0) return `${checked} 个站内链接均有效`;
  for (const problem of problems) console.error(problem);
  console.error(`${problems.length} 个站内链接无效：请修改链接所在的注解或题库文本，或补上它指向的页面。`);
  process.exit(1);
});
await step('搜索索引', async () => `${await buildSearchIndex(dist, new Map(Object.entries(facts.searchWords)))} 个页面`);
await step('离线缓存', async () => {
  const { files, bytes } = await buildServiceWorker(dist, facts.base);
  return `${files} 个文件，${(bytes / 1024 / 1024).toFixed(1)} MB`;
});
