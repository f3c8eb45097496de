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
  /** KaTeX styles inlined and fonts subset (the first step of scripts/after-build.ts). */
  katexFonts: number;
  /** Every other step after rendering: sitemap; ours: script bundles, and the pass that checks links, hashes inline scripts and hands Pagefind the pages; for plain Starlight, Pagefind too. */
  postProcessing: number;
  /** Our search index written and the service worker, and the after-build process's start. */
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
  // scripts/after-build.ts prints a line as each step ends; plain Starlight has none of them.
  const katexEnd = at(/^KaTeX 样式与字体：/, astroEnd) ?? astroEnd;
  const linksEnd = at(/^链接检查与 CSP：/, astroEnd) ?? katexEnd;
  return {
    startAndGeneration: syncStart,
    contentSync: syncEnd - syncStart,
    bundle: renderStart - syncEnd,
    render: renderEnd - renderStart,
    katexFonts: katexEnd - astroEnd,
    postProcessing: astroEnd - renderEnd + (linksEnd - katexEnd),
    searchIndex: totalMs - linksEnd,
  };
}
