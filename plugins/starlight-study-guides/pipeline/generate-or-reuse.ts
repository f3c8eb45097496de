import type { BuildContentResult } from './build-content.ts';
import type { ContentPaths } from './content-paths.ts';
import { type GenerationCache, generationRun, reusableGeneration } from './generation-cache.ts';

/**
 * What the plugin (index.ts) does as Astro starts and, in `astro dev`, on each
 * change: reuse the last clean run, when it read the same guides, solution
 * modules, code and site URL and its output folders are as it left them
 * (generation-cache.ts), or generate and keep the run. build-content.ts, and
 * with it every parser and emitter, is loaded only to generate: most builds
 * reuse, and Astro waits for this.
 */
export async function generateOrReuse(paths: ContentPaths, displayRoot: string, url: URL, cache: GenerationCache): Promise<BuildContentResult> {
  const run = generationRun(paths, url, cache);
  const reused = reusableGeneration(run);
  if (reused) return { guides: reused, pages: new Map(), files: new Map(), diagnostics: [], written: [], removed: [], reused: true };
  return (await import('./build-content.ts')).buildContent(paths, displayRoot, url, run);
}
