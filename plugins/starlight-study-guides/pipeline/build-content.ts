import { isError } from '../model/diagnostic.ts';
import { siteUrl } from '../model/site-url.ts';
import type { ContentPaths } from './content-paths.ts';
import { type SyncResult, syncDirectory } from './emit/sync-directory.ts';
import { type GeneratedSite, generateSite } from './generate-site.ts';
import { readGuideSources } from './read/read-guides.ts';
import { readSolutions } from './read/read-solutions.ts';
import { type GenerationRun, keepGeneration } from './generation-cache.ts';

export interface BuildContentResult extends GeneratedSite, Partial<SyncResult> {
  /** True when the last clean run was reused (generate-or-reuse.ts): nothing was generated, and `pages` and `files` are empty. */
  reused?: boolean;
}

/**
 * Reads every guide, generates its pages and, unless there is an error,
 * writes them; warnings do not stop it. Given the cache's view of this `run`
 * (generationRun, taken before anything is read), a run without diagnostics
 * is kept for the next build to reuse (generate-or-reuse.ts).
 */
export function buildContent(paths: ContentPaths, displayRoot = process.cwd(), url = siteUrl(process.env.SITE, process.env.BASE), run?: GenerationRun): BuildContentResult {
  const { sources, diagnostics } = readGuideSources(paths.guidesDir, displayRoot);
  const site = generateSite(sources, { siteUrl: url, solutions: readSolutions(paths.solutionsDir) });
  site.diagnostics.unshift(...diagnostics);
  // A file that is not UTF-8 stops the build like any other error.
  if (site.diagnostics.some(isError)) return { ...site, pages: new Map(), files: new Map() };
  if (paths.exportsDir) syncDirectory(paths.exportsDir, site.files);
  const synced = syncDirectory(paths.contentDir, site.pages);
  // Only a run without warnings is kept: a reused run prints nothing, and warnings must show on every build.
  if (run && site.diagnostics.length === 0) keepGeneration(run, site.guides);
  return { ...site, ...synced };
}
