/**
 * `npm run build`: `astro build`, and, in this process, the steps that finish
 * its pages (plugins/starlight-study-guides/integrations/after-build.ts),
 * reading each page twice:
 *
 * 1. the first read notes which KaTeX rules and glyphs each page draws
 *    (inline-katex-styles.ts) and which scripts it loads (bundle-page-scripts.ts):
 *    up to a budget as soon as Astro reports the page written, while Astro
 *    renders the next, the rest once Astro has exited;
 * 2. the subset fonts and the script bundles are made, side by side, while
 *    a thread of this process sends every page to Pagefind (search-index.ts),
 *    which indexes it in its own process: the rewrite below touches only
 *    styles and scripts;
 * 3. the second read rewrites each page (KaTeX's rules inlined, one script
 *    per kind of page), hashes its inline scripts into the CSP of `_headers`
 *    (security-headers.ts) and checks its links (link-check.ts), while
 *    Pagefind makes the index in memory. A broken link stops the build here:
 *    the index is never written, and there is no service worker;
 * 4. the search index written to dist/pagefind/;
 * 5. the service worker, which precaches all of the above (service-worker.ts).
 *
 *   node --liftoff-only scripts/build.ts
 *
 * `--liftoff-only` (package.json) is for this process alone: its WebAssembly,
 * HarfBuzz and the WOFF2 encoder's Brotli, runs once a build, and V8's
 * optimising compiler spent about 0.4 s of CPU on their hot functions, on the
 * cores the rest of the build needs, to save less than it cost (the subsets
 * took as long or longer; docs/PERFORMANCE.md). Astro and the run ahead,
 * whose Oniguruma does gain from it, are started without it.
 *
 * While Astro starts, a child process generates the pages, which
 * the plugin would otherwise do once Astro has loaded its modules
 * (plugins/starlight-study-guides/pipeline/generate-ahead.ts).
 *
 * Astro's process holds most of its memory until it exits, so the steps
 * run after it, one page at a time, but for the budgeted part of the first
 * read. Their modules load while Astro renders the pages, on the core it
 * leaves idle; not before, as Vite bundles at Astro's largest. What they
 * need of the build (base path, site URL, the words indexed on question pages
 * but not shown) comes from the build itself (integrations/build-facts.ts),
 * in Astro's cache directory, which astro.config.mjs leaves at its default.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import { generateAhead } from '../plugins/starlight-study-guides/pipeline/generate-ahead.ts';

const cacheDir = resolve('node_modules/.astro');
// Node keeps the compiled code of modules between builds instead of compiling them again (and,
// for our TypeScript, stripping its types), in the directory `astro` keeps its own in (Node's
// default). Set in the environment, so that the processes started below use it too. It must be
// on before the steps' modules load, hence import() below.
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'node-compile-cache');
module.enableCompileCache();

// The pages are generated in a process of its own while Astro loads its modules; its plugin then waits for them (generate-ahead.ts).
const generating = generateAhead(resolve('.'), cacheDir);
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const build = spawn(process.execPath, [astro, 'build'], {
  env: {
    ...process.env,
    ...generating,
    // Astro's heap and allocator settings for large sites (docs/PERFORMANCE.md, “One big process at a time”).
    MIMALLOC_PURGE_DELAY: '0',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=1400`.trim(),
    // Astro's output passes through this process; it keeps its colours in a terminal.
    ...(process.stdout.isTTY && { FORCE_COLOR: '1' }),
  },
  stdio: ['inherit', 'pipe', 'inherit'],
});

/** A page Astro reports as written: `├─ /kd/6/index.html (+12ms)` (the time is printed once the file is). */
const PAGE_WRITTEN = /[├└]─ \/(\S+\.html) \(\+/;
const dist = resolve('dist');
let steps: Promise<import('../plugins/starlight-study-guides/integrations/after-build.ts').AfterBuild> | undefined;
const startSteps = () => (steps ??= import('../plugins/starlight-study-guides/integrations/after-build.ts').then(({ startAfterBuild }) => startAfterBuild(dist, cacheDir)));
createInterface({ input: build.stdout }).on('line', (line) => {
  console.log(line);
  // Astro prints this when Vite has bundled the site and the pages start to render.
  if (line.includes('generating static routes')) void startSteps();
  const page = steps && PAGE_WRITTEN.exec(stripVTControlCharacters(line))?.[1];
  if (page) void steps!.then((run) => run.pageWritten(page));
});

const [code] = (await once(build, 'exit')) as [number | null];
if (code !== 0) process.exit(code ?? 1);
if (!(await (await startSteps()).finish())) process.exitCode = 1;
