import type { BuildContentResult } from './build-content.ts';
import type { ContentPaths } from './content-paths.ts';
import { type GenerationCache, generationRun, reusableGeneration } from './generation-cache.ts';

/**
 * What the plugin (index.ts) and the run ahead of Astro (generate-ahead-worker.ts)
 * do: reuse the last clean run, when it read the same guides, solution modules,
 * code and site URL and its output folders are as it left them
 * (generation-cache.ts), or generate and keep the run. build-content.ts, and
 * with it every parser and emitter, is loaded only to generate: most builds
 * reuse, and both callers run while Astro starts, on a core it would use.
 */
export async function generateOrReuse(paths: ContentPaths, displayRoot: string, url: URL, cache: GenerationCache): Promise<BuildContentResult> {
  const run = generationRun(paths, url, cache);
  const reused = reusableGeneration(run);
  if (reused) return { guides: reused, pages: new Map(), files: new Map(), diagnostics: [], written: [], removed: [], reused: true };
  return (await import('./build-content.ts')).buildContent(paths, displayRoot, url, run);
}
