import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint } from '../utils/fingerprint.ts';
import { astroOutput, keepAfterBuild, replayAfterBuild } from './after-build-cache.ts';
import { readBuildFacts } from './build-facts.ts';
import { builtHtmlFiles } from './built-pages.ts';
import { pageScripts } from './bundle-page-scripts.ts';
import { inlineScriptSources } from './content-security-policy.ts';
import { katexStyles, startSubsetter } from './inline-katex-styles.ts';
import { linkChecker } from './link-check.ts';
import { openSearchIndex } from './search-index.ts';
import { completeSecurityHeaders } from './security-headers.ts';
import { buildServiceWorker } from './service-worker.ts';

/** Runs a step and prints its report with how long it took: `name：report（N s）`, which scripts/bench/build-phases.ts reads. */
async function step<T>(name: string, run: () => T | Promise<T>, report: (result: T) => string): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`${name}：${report(result)}（${((performance.now() - started) / 1000).toFixed(1)} s）`);
  return result;
}

/** Marks a promise awaited later as handled now, so that a failure waits for its turn to be reported. */
function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Where the KaTeX font subsets are kept between builds, inside Astro's cache directory. */
const subsetCache = (cacheDir: string) => join(cacheDir, 'katex-subsets');

/** The plugin's code, whose every file the steps may run. */
const PLUGIN_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * Finishes the pages `astro build` wrote to `dist` (see scripts/build.ts
 * for the passes and why they run after Astro), or, when Astro wrote the
 * same files as for the last run that passed, replays that run
 * (after-build-cache.ts). Returns false, having printed why, when a link is
 * broken: the site then gets no search index and no service worker.
 */
export async function afterBuild(dist: string, cacheDir: string): Promise<boolean> {
  const facts = readBuildFacts(cacheDir);
  // Pagefind starts in its own process while this one reads Astro's output.
  const opening = later(openSearchIndex(dist, new Map(Object.entries(facts.searchWords))));
  try {
    const kept = join(cacheDir, 'study-guides-after-build');
    const code = fingerprint('/', [PLUGIN_DIR, join(dist, '../package-lock.json')], JSON.stringify(facts));
    const { output, replayed } = await step(
      '沿用上次的结果',
      () => {
        const output = astroOutput(dist, code);
        return { output, replayed: replayAfterBuild(kept, dist, output) };
      },
      ({ output, replayed }) =>
        replayed === undefined ? `Astro 的输出（${output.files.size} 个文件）与上次不同，逐页处理` : `Astro 的输出与上次相同：写回上次处理后的 ${replayed} 个文件`,
    );
    if (replayed !== undefined) return true;
    // HarfBuzz starts while the first read waits on Pagefind; a failure is the subsets' step to report.
    startSubsetter(subsetCache(cacheDir)).catch(() => undefined);
    const files = builtHtmlFiles(dist);
    const katex = katexStyles(dist, facts.base, subsetCache(cacheDir));
    const scripts = pageScripts(dist, facts.base);
    const searchIndex = await opening;
    await step(
      '读取页面',
      async () => {
        for (const file of files) {
          const html = readFileSync(join(dist, file), 'utf8');
          // Pagefind reads a page's title, metadata and body text, none of which the
          // rewrite below changes (styles and scripts only): it indexes the page now.
          const indexed = searchIndex.add(file, html);
          katex.read(file, html);
          scripts.read(file, html);
          await indexed;
        }
      },
      () => `${files.length} 个页面`,
    );
    // Pagefind makes the index in its own process while this one finishes and checks the pages.
    const building = later(searchIndex.build());
    const [katexRewrite, scriptsRewrite] = await Promise.all([
      step('KaTeX 样式与字体', () => katex.prepare(), ({ report }) => report),
      step('页面脚本', () => scripts.prepare(), ({ report }) => report),
    ]);
    const links = await step(
      '链接检查与 CSP',
      () => {
        const checker = linkChecker(dist, facts.base, facts.site);
        const hashes = new Set<string>();
        for (const file of files) {
          const path = join(dist, file);
          const html = readFileSync(path, 'utf8');
          const finished = scriptsRewrite.rewrite(file, katexRewrite.rewrite(file, html));
          if (finished !== html) writeFileSync(path, finished);
          for (const source of inlineScriptSources(finished)) hashes.add(source);
          checker.page(file, finished);
        }
        return { report: checker.finish(), headers: completeSecurityHeaders(dist, hashes) };
      },
      ({ report, headers }) => (report.problems.length === 0 ? `${report.checked} 个站内链接均有效；${headers}` : `${report.problems.length} 个站内链接无效`),
    );
    if (links.report.problems.length > 0) {
      for (const problem of links.report.problems) console.error(problem);
      console.error(`${links.report.problems.length} 个站内链接无效：请修改链接所在的注解或题库文本，或补上它指向的页面。`);
      return false;
    }
    await step(
      '搜索索引',
      async () => {
        const index = await building;
        index.write();
        return index.pages;
      },
      (pages) => `${pages} 个页面`,
    );
    await step(
      '离线缓存',
      () => buildServiceWorker(dist, facts.base),
      ({ files: count, bytes }) => `${count} 个文件，${(bytes / 1024 / 1024).toFixed(1)} MB`,
    );
    await step('保存本次结果', () => keepAfterBuild(kept, dist, output), () => '下次构建若 Astro 的输出不变，直接沿用');
    return true;
  } finally {
    await (await opening.catch(() => undefined))?.close();
  }
}
