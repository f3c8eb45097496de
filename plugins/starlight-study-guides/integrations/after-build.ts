import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBuildFacts } from './build-facts.ts';
import { builtHtmlFiles } from './built-pages.ts';
import { bundlePageScripts } from './bundle-page-scripts.ts';
import { inlineScriptSources } from './content-security-policy.ts';
import { inlineKatexStyles } from './inline-katex-styles.ts';
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

/**
 * Finishes the pages `astro build` wrote to `dist` (see scripts/after-build.ts
 * for the steps and why they run after Astro). Returns false, having printed
 * why, when a link is broken: the site then gets no search index and no
 * service worker.
 */
export async function afterBuild(dist: string, cacheDir: string): Promise<boolean> {
  const facts = readBuildFacts(cacheDir);
  // Pagefind's process starts while the pages are being finished; it is sent them once they are.
  const opening = openSearchIndex(dist, new Map(Object.entries(facts.searchWords)));
  opening.catch(() => undefined);
  try {
    await step('KaTeX 样式与字体', () => inlineKatexStyles(dist, facts.base, join(cacheDir, 'katex-subsets')), (line) => line);
    await step('页面脚本', () => bundlePageScripts(dist, facts.base), (line) => line);
    const searchIndex = await opening;
    // One read of each finished page for the three steps that only look at it: Pagefind indexes
    // the page in its own process while this one hashes its inline scripts and checks its links.
    const { links } = await step(
      '链接检查与 CSP',
      async () => {
        const checker = linkChecker(dist, facts.base, facts.site);
        const scripts = new Set<string>();
        for (const file of builtHtmlFiles(dist)) {
          const html = readFileSync(join(dist, file), 'utf8');
          const indexed = searchIndex.add(file, html);
          for (const source of inlineScriptSources(html)) scripts.add(source);
          checker.page(file, html);
          await indexed;
        }
        return { links: checker.finish(), headers: completeSecurityHeaders(dist, scripts) };
      },
      ({ links, headers }) => (links.problems.length === 0 ? `${links.checked} 个站内链接均有效；${headers}` : `${links.problems.length} 个站内链接无效`),
    );
    if (links.problems.length > 0) {
      for (const problem of links.problems) console.error(problem);
      console.error(`${links.problems.length} 个站内链接无效：请修改链接所在的注解或题库文本，或补上它指向的页面。`);
      return false;
    }
    await step('搜索索引', () => searchIndex.write(), (pages) => `${pages} 个页面（与链接检查同一遍读入，此处写出）`);
    await step(
      '离线缓存',
      () => buildServiceWorker(dist, facts.base),
      ({ files, bytes }) => `${files} 个文件，${(bytes / 1024 / 1024).toFixed(1)} MB`,
    );
    return true;
  } finally {
    await (await opening.catch(() => undefined))?.close();
  }
}
