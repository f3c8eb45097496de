/** A build's output lines, each with when it arrived (ms from the start of `npm run build`). */
export type BuildLines = readonly { ms: number; text: string }[];

/** Where a build's time went, in ms, told apart by the lines Astro and our integrations print. */
export interface BuildPhases {
  /** Astro's start and the integrations' setup: for our site, loading the plugin and generating the pages. */
  startAndGeneration: number;
  /** Rendering the Markdown into the content layer. */
  contentSync: number;
  /** Vite bundling the pages' code. */
  bundle: number;
  /** Rendering every page, ours and the whole-guide pages alike. */
  render: number;
  /** Every other step after rendering: the sitemap; for plain Starlight, Pagefind too. */
  postProcessing: number;
  /** Ours, after Astro (scripts/build.ts): its start, Astro's output read and hashed, and, when it is as last time, the last run's files written back (after-build-cache.ts). */
  afterBuildReplay: number;
  /** The first read of the pages not read while Astro rendered them. */
  afterBuildRead: number;
  /** KaTeX fonts subset, script bundles made and every page read by Pagefind, side by side. */
  afterBuildPrepare: number;
  /** Every page rewritten (KaTeX styles, scripts), its inline scripts hashed and its links checked. */
  afterBuildRewrite: number;
  /** The search index (made during the two steps above) written, and the service worker. */
  searchIndex: number;
}

/**
 * Splits a build's wall time at the lines that start and end each phase. A
 * phase whose lines are missing (plain Starlight subsets no fonts) takes no time.
 */
export function buildPhases(lines: BuildLines, totalMs: number): BuildPhases {
  const at = (pattern: RegExp, after = 0) => lines.find((line) => line.ms >= after && pattern.test(line.text))?.ms;
  const syncStart = at(/\[content\] Syncing content/) ?? 0;
  const syncEnd = at(/\[content\] Synced content/) ?? syncStart;
  const bundleStart = at(/Building static entrypoints/) ?? syncEnd;
  const renderStart = at(/generating static routes/) ?? bundleStart;
  const renderEnd = at(/✓ Completed in/, renderStart) ?? renderStart;
  const astroEnd = at(/\[build\] Complete!/) ?? totalMs;
  // scripts/build.ts prints a line as each step ends; plain Starlight has none of them.
  const replayEnd = at(/^沿用上次的结果：/, astroEnd) ?? astroEnd;
  const readEnd = at(/^读取页面：/, astroEnd) ?? replayEnd;
  const prepareEnd = Math.max(...[/^KaTeX 样式与字体：/, /^页面脚本：/, /^Pagefind 读取页面：/].map((step) => at(step, astroEnd) ?? readEnd));
  const rewriteEnd = at(/^链接检查与 CSP：/, astroEnd) ?? prepareEnd;
  return {
    startAndGeneration: syncStart,
    contentSync: syncEnd - syncStart,
    bundle: renderStart - syncEnd,
    render: renderEnd - renderStart,
    postProcessing: astroEnd - renderEnd,
    afterBuildReplay: replayEnd - astroEnd,
    afterBuildRead: readEnd - replayEnd,
    afterBuildPrepare: prepareEnd - readEnd,
    afterBuildRewrite: rewriteEnd - prepareEnd,
    searchIndex: totalMs - rewriteEnd,
  };
}
