import { join } from 'node:path';
import { type Diagnostic, formatDiagnostic } from '../model/diagnostic.ts';
import { EXPORTS_DIR } from '../model/pages.ts';
import { siteUrl } from '../model/site-url.ts';
import { type SyncResult, syncDirectory } from './emit/sync-directory.ts';
import { type GeneratedSite, generateSite } from './generate-site.ts';
import { readGuideSources } from './read/read-guides.ts';

export interface ContentPaths {
  /** Folder with one sub-folder per guide, each holding `source.md`. */
  guidesDir: string;
  /** Starlight's docs folder; owned entirely by this script. */
  contentDir: string;
  /** Folder for the downloadable exports, copied into the site as `/exports/`; owned by this script. */
  exportsDir?: string;
}

export const defaultPaths = (root: string): ContentPaths => ({
  guidesDir: join(root, 'src/guides'),
  contentDir: join(root, 'src/content/docs'),
  exportsDir: join(root, 'public', EXPORTS_DIR),
});

export interface BuildContentResult extends GeneratedSite, Partial<SyncResult> {}

/** Reads every guide, generates its pages and, only if nothing is wrong, writes them. */
export function buildContent(paths: ContentPaths, displayRoot = process.cwd(), url = siteUrl(process.env.SITE, process.env.BASE)): BuildContentResult {
  const { sources, diagnostics } = readGuideSources(paths.guidesDir, displayRoot);
  const site = generateSite(sources, { siteUrl: url });
  site.diagnostics.unshift(...diagnostics);
  // A file that is not UTF-8 stops the build like any other problem.
  if (site.diagnostics.length > 0) return { ...site, pages: new Map(), files: new Map() };
  if (paths.exportsDir) syncDirectory(paths.exportsDir, site.files);
  return { ...site, ...syncDirectory(paths.contentDir, site.pages) };
}

export function describeFailure(diagnostics: Diagnostic[]): string {
  const count = `${diagnostics.length} 个问题，未生成任何页面（已有页面保持不变）：`;
  return [count, ...diagnostics.map(formatDiagnostic)].join('\n');
}
