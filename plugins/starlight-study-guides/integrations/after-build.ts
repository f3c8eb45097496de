import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint } from '../utils/fingerprint.ts';
import { astroOutput, fileDigest, keepAfterBuild, replayAfterBuild } from './after-build-cache.ts';
import { readBuildFacts } from './build-facts.ts';
import { builtHtmlFiles } from './built-pages.ts';
import { pageScripts } from './bundle-page-scripts.ts';
import { inlineScriptSources } from './content-security-policy.ts';
import { katexStyles } from './inline-katex-styles.ts';
import { linkChecker } from './link-check.ts';
import { searchIndexThread } from './search-index.ts';
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

/**
 * Characters of pages read while Astro renders: all of the real guide's (4 M),
 * at 3,000 questions some 60 pages. What reading them leaves to collect adds
 * to Astro's memory at the build's peak; the rest are read once Astro has exited.
 */
const WHILE_RENDERING = 8_000_000;

/** Where the KaTeX font subsets are kept between builds, inside Astro's cache directory. */
const subsetCache = (cacheDir: string) => join(cacheDir, 'katex-subsets');

/** The plugin's code, whose every file the steps may run. */
const PLUGIN_DIR = fileURLToPath(new URL('..', import.meta.url));

/** The steps that finish the pages of one build, started while Astro renders them. */
export interface AfterBuild {
  /** A page Astro has written (a path inside `dist`, `kd/6/index.html`): its first read, while Astro renders the next. */
  pageWritten(file: string): void;
  /**
   * Once Astro has exited: the rest of the steps, or, when Astro wrote the same
   * files as for the last run that passed, that run replayed (after-build-cache.ts).
   * Returns false, having printed why, when a link is broken: the site then gets
   * no search index and no service worker.
   */
  finish(): Promise<boolean>;
}

/**
 * Starts finishing the pages `astro build` writes to `dist` (see
 * scripts/build.ts for the passes and why they run in this process). The
 * first read of a page, what the KaTeX styles and fonts and the script
 * bundles need of it, happens as Astro reports it written, on the core
 * Astro leaves idle while it renders, up to a budget (WHILE_RENDERING); the
 * pages beyond it are read once Astro has exited, as they would all be
 * without it. Pagefind reads every page once Astro has exited, fed from a
 * thread of its own while this one cuts the fonts and bundles the scripts:
 * the words it indexes on question pages but does not show are made when
 * Astro's build is done (build-facts.ts).
 */
export function startAfterBuild(dist: string, cacheDir: string): AfterBuild {
  // The base path is written as the build starts (build-facts.ts).
  const { base } = readBuildFacts(cacheDir);
  const kept = join(cacheDir, 'study-guides-after-build');
  const katex = katexStyles(dist, base, subsetCache(cacheDir));
  const scripts = pageScripts(dist, base);
  const digests = new Map<string, { size: number; digest: string }>();
  let readWhileRendering = 0;
  /** What the KaTeX styles and the script bundles need of a page. */
  const note = (file: string, html: string) => {
    katex.read(file, html);
    scripts.read(file, html);
  };
  // A page that cannot be read now fails the build in finish(), not Astro's process.
  let failure: { error: unknown } | undefined;
  return {
    pageWritten(file) {
      // A page Astro names otherwise than its file is read with the others once Astro has exited.
      if (failure !== undefined || readWhileRendering > WHILE_RENDERING || digests.has(file) || !existsSync(join(dist, file))) return;
      try {
        const bytes = readFileSync(join(dist, file));
        const html = bytes.toString('utf8');
        note(file, html);
        // For the output's key once Astro has exited (astroOutput).
        digests.set(file, fileDigest(bytes));
        readWhileRendering += html.length;
      } catch (error) {
        failure = { error };
      }
    },
    async finish() {
      if (failure !== undefined) throw failure.error;
      const facts = readBuildFacts(cacheDir);
      if (facts.searchWords === undefined) throw new Error('astro build 没有写完构建信息（搜索词）：请重新构建。');
      // Pagefind starts in its own process while this one reads Astro's output.
      const searchIndex = searchIndexThread(dist, new Map(Object.entries(facts.searchWords)));
      try {
        const code = fingerprint('/', [PLUGIN_DIR, join(dist, '../package-lock.json')], JSON.stringify(facts));
        const { output, replayed } = await step(
          '沿用上次的结果',
          () => {
            const output = astroOutput(dist, code, digests);
            return { output, replayed: replayAfterBuild(kept, dist, output) };
          },
          ({ output, replayed }) =>
            replayed === undefined ? `Astro 的输出（${output.files.size} 个文件）与上次不同，逐页处理` : `Astro 的输出与上次相同：写回上次处理后的 ${replayed} 个文件`,
        );
        if (replayed !== undefined) return true;
        const files = builtHtmlFiles(dist);
        await step(
          '读取页面',
          () => {
            const early = files.filter((file) => digests.has(file)).length;
            for (const file of files) if (!digests.has(file)) note(file, readFileSync(join(dist, file), 'utf8'));
            return early;
          },
          (early) => `${files.length} 个页面（Astro 渲染时已读取 ${early} 个）`,
        );
        // Pagefind reads a page's title, metadata and body text, none of which the rewrite
        // below changes (styles and scripts only): it indexes the pages beside the next two steps.
        const indexing = later(step('Pagefind 读取页面', () => searchIndex.read(files), () => `${files.length} 个页面`));
        const [katexRewrite, scriptsRewrite] = await Promise.all([
          step('KaTeX 样式与字体', () => katex.prepare(), ({ report }) => report),
          step('页面脚本', () => scripts.prepare(), ({ report }) => report),
        ]);
        // The rewrite writes the files Pagefind's thread reads.
        await indexing;
        // Pagefind makes the index in its own process while this one finishes and checks the pages.
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
          () => searchIndex.write(),
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
        await searchIndex.close();
      }
    },
  };
}
