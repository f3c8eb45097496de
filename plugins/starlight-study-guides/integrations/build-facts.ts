/**
 * What `astro build` hands to the steps that finish its pages, which start
 * while it renders them (scripts/build.ts: link check, search index, service worker), in
 * Astro's cache directory: the site's base path and URL as the build used
 * them, and the words indexed on question pages but not shown (search-words.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { GuideModel } from '../model/guide-model.ts';
import { DEFAULT_SITE, withTrailingSlash } from '../model/site-url.ts';

export interface BuildFacts {
  /** The base path, with a trailing slash: `/`, `/kd-guide/`. */
  base: string;
  /** The site's URL (astro.config.mjs's `site`). */
  site: string;
  /**
   * Page file inside `dist` → HTML indexed with it (hiddenIndexText); written
   * when the build is done: made as it starts, at 3,000 questions, they added
   * 57 MB to Astro's process at its peak.
   */
  searchWords?: Record<string, string>;
}

const BUILD_FACTS_FILE = 'study-guides-build.json';

/** Writes the BuildFacts of each build into Astro's cache directory: the base path and site URL as the build starts, before any page renders; all of them when it is done. */
export function buildFacts(guides: () => GuideModel[]): AstroIntegration {
  let file = '';
  let facts: Omit<BuildFacts, 'searchWords'> = { base: '/', site: '' };
  return {
    name: 'build-facts',
    hooks: {
      'astro:config:done'({ config }) {
        file = join(fileURLToPath(config.cacheDir), BUILD_FACTS_FILE);
        facts = { base: withTrailingSlash(config.base), site: config.site ?? DEFAULT_SITE };
      },
      'astro:build:start'() {
        mkdirSync(join(file, '..'), { recursive: true });
        writeFileSync(file, JSON.stringify(facts));
      },
      async 'astro:build:done'() {
        // Imported here: the process after the build reads the facts through this module and needs none of search-words'.
        const { hiddenIndexText } = await import('./search-words.ts');
        const all: BuildFacts = { ...facts, searchWords: Object.fromEntries(hiddenIndexText(guides())) };
        writeFileSync(file, JSON.stringify(all));
      },
    },
  };
}

/** What the last `astro build` left in `cacheDir`. */
export function readBuildFacts(cacheDir: string): BuildFacts {
  const path = join(cacheDir, BUILD_FACTS_FILE);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as BuildFacts;
  } catch (error) {
    throw new Error(`无法读取 ${path}（${(error as Error).message}）：请先运行 astro build。`);
  }
}
