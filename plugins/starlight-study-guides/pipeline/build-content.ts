import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isError } from '../model/diagnostic.ts';
import { EXPORTS_DIR } from '../model/pages.ts';
import { siteUrl } from '../model/site-url.ts';
import { type SyncResult, syncDirectory } from './emit/sync-directory.ts';
import { type GeneratedSite, generateSite } from './generate-site.ts';
import { readGuideSources } from './read/read-guides.ts';
import { readSolutions } from './read/read-solutions.ts';
import { keepGeneration, reusableGeneration } from './generation-cache.ts';
import { fingerprint } from '../utils/fingerprint.ts';

export interface ContentPaths {
  /** Folder with one sub-folder per guide, each holding `source.md`. */
  guidesDir: string;
  /** Starlight's docs folder; owned entirely by this script. */
  contentDir: string;
  /** Folder for the downloadable exports, copied into the site as `/exports/`; owned by this script. */
  exportsDir?: string;
  /** Folder of the modules coding problems name as their solution (src/math); it need not exist when no guide has coding problems. */
  solutionsDir: string;
}

export const defaultPaths = (root: string): ContentPaths => ({
  guidesDir: join(root, 'src/guides'),
  contentDir: join(root, 'src/content/docs'),
  exportsDir: join(root, 'public', EXPORTS_DIR),
  solutionsDir: join(root, 'src/math'),
});

export interface BuildContentResult extends GeneratedSite, Partial<SyncResult> {
  /** True when the last clean run was reused (see GenerationCache): nothing was generated, and `pages` and `files` are empty. */
  reused?: boolean;
}

/** Where to keep the last clean run, so that a run whose inputs have not changed reuses it (generation-cache.ts). */
export interface GenerationCache {
  file: string;
  /** What generating runs besides the guides and the solution modules: the plugin's code, the lockfile. Files or folders. */
  code: string[];
}

/** The plugin's own code: what generating the pages runs. */
const PLUGIN_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * The cache of a site's builds, in Astro's cache directory: the plugin's
 * (index.ts) and scripts/build.ts's run ahead of it (generate-ahead.ts) use
 * this one, so that each finds what the other kept.
 */
export function generationCache(root: string, cacheDir: string): GenerationCache {
  return { file: join(cacheDir, 'study-guides-generation.bin'), code: [PLUGIN_DIR, join(root, 'package-lock.json')] };
}

/**
 * Reads every guide, generates its pages and, unless there is an error,
 * writes them; warnings do not stop it. With a cache, a run whose guides,
 * solution modules, code and site URL are those of the last clean run, and
 * whose output folders are as that run left them, generates nothing.
 */
export function buildContent(paths: ContentPaths, displayRoot = process.cwd(), url = siteUrl(process.env.SITE, process.env.BASE), cache?: GenerationCache): BuildContentResult {
  const outputDirs = [paths.contentDir, ...(paths.exportsDir ? [paths.exportsDir] : [])];
  const key = cache ? fingerprint('/', [paths.guidesDir, paths.solutionsDir, ...cache.code], url.href) : '';
  const reused = cache && reusableGeneration(cache.file, key, outputDirs);
  if (reused) return { guides: reused, pages: new Map(), files: new Map(), diagnostics: [], written: [], removed: [], reused: true };
  const { sources, diagnostics } = readGuideSources(paths.guidesDir, displayRoot);
  const site = generateSite(sources, { siteUrl: url, solutions: readSolutions(paths.solutionsDir) });
  site.diagnostics.unshift(...diagnostics);
  // A file that is not UTF-8 stops the build like any other error.
  if (site.diagnostics.some(isError)) return { ...site, pages: new Map(), files: new Map() };
  if (paths.exportsDir) syncDirectory(paths.exportsDir, site.files);
  const synced = syncDirectory(paths.contentDir, site.pages);
  // Only a run without warnings is kept: a reused run prints nothing, and warnings must show on every build.
  if (cache && site.diagnostics.length === 0) keepGeneration(cache.file, key, outputDirs, site.guides);
  return { ...site, ...synced };
}
