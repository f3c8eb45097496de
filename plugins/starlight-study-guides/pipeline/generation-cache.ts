import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { GuideModel } from '../model/guide-model.ts';
import { type GuidePageId, guidePage } from '../model/pages.ts';
import { fingerprint } from '../utils/fingerprint.ts';
import type { ContentPaths } from './content-paths.ts';

/**
 * The last clean generation, kept so that a build whose inputs have not
 * changed skips generating (generate-or-reuse.ts): its guides' models, the key of
 * everything it read, and the size and modification time of every file it
 * left in the output folders. It is reused only while all of those still hold,
 * so a page edited, removed or added by hand is generated again.
 */
interface Generation {
  key: string;
  outputs: Record<string, string>;
  /** The models, each whole-guide page by its id: the pages' table (model/pages.ts) holds functions, which cannot be kept. */
  guides: (Omit<GuideModel, 'pages'> & { pages: GuidePageId[] })[];
}

/** Where to keep the last clean run, so that a run whose inputs have not changed reuses it. */
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

/** A run of the generation as the cache sees it: a digest of everything it reads, and the folders it writes. */
export interface GenerationRun {
  cache: GenerationCache;
  key: string;
  outputDirs: string[];
}

/** Takes the digest of a run's inputs; before they are read, so that an edit made while it runs is not taken for what it read. */
export function generationRun(paths: ContentPaths, url: URL, cache: GenerationCache): GenerationRun {
  return {
    cache,
    key: fingerprint('/', [paths.guidesDir, paths.solutionsDir, ...cache.code], url.href),
    outputDirs: [paths.contentDir, ...(paths.exportsDir ? [paths.exportsDir] : [])],
  };
}

/**
 * The guides of the last clean run, if it read the same guides, solution
 * modules, code and site URL, and its output folders are as it left them.
 */
export function reusableGeneration({ cache, key, outputDirs }: GenerationRun): GuideModel[] | undefined {
  let last: Generation;
  try {
    last = deserialize(readFileSync(cache.file)) as Generation;
  } catch {
    return undefined;
  }
  if (last.key !== key) return undefined;
  const outputs = outputState(outputDirs);
  const same = Object.keys(outputs).length === Object.keys(last.outputs).length && Object.entries(outputs).every(([path, state]) => last.outputs[path] === state);
  return same ? last.guides.map((guide) => ({ ...guide, pages: guide.pages.map(guidePage) })) : undefined;
}

export function keepGeneration({ cache, key, outputDirs }: GenerationRun, guides: GuideModel[]): void {
  const kept = guides.map((guide) => ({ ...guide, pages: guide.pages.map((page) => page.id) }));
  const generation: Generation = { key, outputs: outputState(outputDirs), guides: kept };
  mkdirSync(dirname(cache.file), { recursive: true });
  writeFileSync(cache.file, serialize(generation));
}

/** Each file under the folders → its size and modification time. */
function outputState(dirs: string[]): Record<string, string> {
  const state: Record<string, string> = {};
  for (const dir of dirs) {
    let entries;
    try {
      entries = readdirSync(dir, { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries.filter((e) => e.isFile())) {
      const path = join(entry.parentPath, entry.name);
      const { size, mtimeMs } = statSync(path);
      state[path] = `${size} ${mtimeMs}`;
    }
  }
  return state;
}
