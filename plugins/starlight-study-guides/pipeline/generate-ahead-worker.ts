/** The process generate-ahead.ts starts: the plugin's generation, with its cache and the site URL `astro build` will use, and the formulas of the pages it generated. */
import { writeFileSync } from 'node:fs';
import { siteUrl } from '../model/site-url.ts';
import { defaultPaths } from './content-paths.ts';
import { generationCache } from './generation-cache.ts';
import { generateOrReuse } from './generate-or-reuse.ts';

const [root, cacheDir, formulasFile] = process.argv.slice(2) as [string, string, string];
const result = await generateOrReuse(defaultPaths(root), root, siteUrl(process.env.SITE, process.env.BASE), generationCache(root, cacheDir));
// A run that reused the last one leaves Astro's content cache as it was: nothing to render.
if (result.diagnostics.length === 0 && !result.reused) {
  const { formulasAhead } = await import('./formulas-ahead.ts');
  writeFileSync(formulasFile, JSON.stringify(formulasAhead(result.guides)));
}
