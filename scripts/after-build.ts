/**
 * What `npm run build` does once `astro build` has exited, in one process
 * (plugins/starlight-study-guides/integrations/after-build.ts):
 *
 * 1. KaTeX's rules and subset fonts inlined per page (inline-katex-styles.ts);
 * 2. one script bundle per kind of page (bundle-page-scripts.ts);
 * 3. one read of each finished page for three steps at once: Pagefind indexes
 *    it in its own process (search-index.ts) while this one hashes its inline
 *    scripts into the CSP of `_headers` (security-headers.ts) and checks its
 *    links (link-check.ts). A broken link stops the build here: the index
 *    is never written, and there is no service worker;
 * 4. the search index written to dist/pagefind/;
 * 5. the service worker, which precaches all of the above (service-worker.ts).
 *
 *   node scripts/after-build.ts [dist]
 *
 * Astro's process holds most of its memory until it exits, so these run
 * after it, one page at a time. What they need of the build (base path, site
 * URL, the words indexed on question pages but not shown) comes from the
 * build itself (integrations/build-facts.ts), in Astro's cache directory,
 * which astro.config.mjs leaves at its default.
 */
import module from 'node:module';
import { join, resolve } from 'node:path';

const cacheDir = resolve('node_modules/.astro');
// Node keeps the compiled code of the modules below between builds: importing them was a third
// of this process's time. It must be on before they load, hence the import() after it.
module.enableCompileCache(join(cacheDir, 'node-compile-cache'));
const { afterBuild } = await import('../plugins/starlight-study-guides/integrations/after-build.ts');
if (!(await afterBuild(resolve(process.argv[2] ?? 'dist'), cacheDir))) process.exitCode = 1;
