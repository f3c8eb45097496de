import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Diagnostic, formatDiagnostic } from './lib/diagnostic.ts';
import { decodeSource } from './lib/decode-source.ts';
import { EXPORTS_DIR } from './lib/emit-guide-index.ts';
import { type GeneratedSite, type GuideSource, type InputFile, generateSite } from './lib/generate-site.ts';
import { type SyncResult, syncDirectory } from './lib/sync-directory.ts';

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

/** The site's public URL, base path included, as astro.config.mjs sets it from SITE and BASE. */
export function siteUrlFromEnv(env: NodeJS.ProcessEnv = process.env): URL {
  return new URL((env.BASE ?? '/').replace(/\/?$/, '/'), env.SITE ?? 'http://localhost:4321');
}

export interface BuildContentResult extends GeneratedSite, Partial<SyncResult> {}

/** Reads every guide, generates its pages and, only if nothing is wrong, writes them. */
export function buildContent(paths: ContentPaths, displayRoot = process.cwd(), siteUrl = siteUrlFromEnv()): BuildContentResult {
  const { sources, diagnostics } = readGuideSources(paths.guidesDir, displayRoot);
  const site = generateSite(sources, { siteUrl });
  site.diagnostics.unshift(...diagnostics);
  // A file that is not UTF-8 stops the build like any other problem.
  if (site.diagnostics.length > 0) return { ...site, pages: new Map(), files: new Map() };
  if (paths.exportsDir) syncDirectory(paths.exportsDir, site.files);
  return { ...site, ...syncDirectory(paths.contentDir, site.pages) };
}

export function readGuideSources(guidesDir: string, displayRoot: string): { sources: GuideSource[]; diagnostics: Diagnostic[] } {
  const sources: GuideSource[] = [];
  const diagnostics: Diagnostic[] = [];
  const slugs = readdirSync(guidesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const slug of slugs) {
    const dir = join(guidesDir, slug);
    if (!existsSync(join(dir, 'source.md'))) continue;
    const files: InputFile[] = [];
    for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
      const path = join(dir, name);
      if (!statSync(path).isFile()) continue;
      const file = relative(displayRoot, path);
      const decoded = decodeSource(readFileSync(path), file);
      diagnostics.push(...decoded.diagnostics);
      files.push({ name, file, text: decoded.text });
    }
    const source = files.find((f) => f.name === 'source.md')!;
    sources.push({ slug, source, extras: files.filter((f) => f !== source) });
  }
  return { sources, diagnostics };
}

export function describeFailure(diagnostics: Diagnostic[]): string {
  const count = `${diagnostics.length} 个问题，未生成任何页面（已有页面保持不变）：`;
  return [count, ...diagnostics.map(formatDiagnostic)].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  const { values } = parseArgs({ options: { guides: { type: 'string' }, out: { type: 'string' } } });
  const paths = defaultPaths(root);
  const started = performance.now();
  const result = buildContent({
    guidesDir: values.guides ? resolve(values.guides) : paths.guidesDir,
    contentDir: values.out ? resolve(values.out) : paths.contentDir,
    exportsDir: values.out ? undefined : paths.exportsDir,
  });
  if (result.diagnostics.length > 0) {
    console.error(describeFailure(result.diagnostics));
    process.exit(1);
  }
  const ms = Math.round(performance.now() - started);
  console.log(`${result.pages.size} 个页面，写入 ${result.written?.length ?? 0} 个，删除 ${result.removed?.length ?? 0} 个（${ms} ms）`);
}
