import { join } from 'node:path';
import { isError } from '../model/diagnostic.ts';
import { EXPORTS_DIR } from '../model/pages.ts';
import { siteUrl } from '../model/site-url.ts';
import { type SyncResult, syncDirectory } from './emit/sync-directory.ts';
import { type GeneratedSite, generateSite } from './generate-site.ts';
import { readGuideSources } from './read/read-guides.ts';
import { readSolutions } from './read/read-solutions.ts';

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

export interface BuildContentResult extends GeneratedSite, Partial<SyncResult> {}

/** Reads every guide, generates its pages and, unless there is an error, writes them; warnings do not stop it. */
export function buildContent(paths: ContentPaths, displayRoot = process.cwd(), url = siteUrl(process.env.SITE, process.env.BASE)): BuildContentResult {
  const { sources, diagnostics } = readGuideSources(paths.guidesDir, displayRoot);
  const site = generateSite(sources, { siteUrl: url, solutions: readSolutions(paths.solutionsDir) });
  site.diagnostics.unshift(...diagnostics);
  // A file that is not UTF-8 stops the build like any other error.
  if (site.diagnostics.some(isError)) return { ...site, pages: new Map(), files: new Map() };
  if (paths.exportsDir) syncDirectory(paths.exportsDir, site.files);
  return { ...site, ...syncDirectory(paths.contentDir, site.pages) };
}
