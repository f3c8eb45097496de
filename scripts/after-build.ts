/**
 * What `npm run build` does once `astro build` has exited, in one process
 * (plugins/starlight-study-guides/integrations/after-build.ts), reading each
 * page twice:
 *
 * 1. the first read notes which KaTeX rules and glyphs each page draws
 *    (inline-katex-styles.ts) and which scripts it loads (bundle-page-scripts.ts),
 *    and hands the page to Pagefind (search-index.ts), which indexes it in
 *    its own process: the rewrite below touches only styles and scripts;
 * 2. the subset fonts and the script bundles are made, side by side;
 * 3. the second read rewrites each page (KaTeX's rules inlined, one script
 *    per kind of page), hashes its inline scripts into the CSP of `_headers`
 *    (security-headers.ts) and checks its links (link-check.ts), while
 *    Pagefind makes the index in memory. A broken link stops the build here:
 *    the index is never written, and there is no service worker;
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
// Node keeps the compiled code of the modules below between builds instead of compiling them
// again (about 0.15 s of this process's start). It must be on before they load, hence import().
module.enableCompileCache(join(cacheDir, 'node-compile-cache'));
const { afterBuild } = await import('../plugins/starlight-study-guides/integrations/after-build.ts');
if (!(await afterBuild(resolve(process.argv[2] ?? 'dist'), cacheDir))) process.exitCode = 1;
