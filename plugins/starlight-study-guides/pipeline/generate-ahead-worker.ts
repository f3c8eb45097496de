/** The process generate-ahead.ts starts: the plugin's generation, with its cache and the site URL `astro build` will use, and the formulas of the pages it generated. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_STORE_FILE } from '../integrations/data-store-plugin.ts';
import { siteUrl } from '../model/site-url.ts';
import { defaultPaths } from './content-paths.ts';
import { generationCache } from './generation-cache.ts';
import { generateOrReuse } from './generate-or-reuse.ts';

const [root, cacheDir, formulasFile] = process.argv.slice(2) as [string, string, string];
const result = await generateOrReuse(defaultPaths(root), root, siteUrl(process.env.SITE, process.env.BASE), generationCache(root, cacheDir));
// Only for a build that renders every page: after a run that reused the last one, or with Astro's
// content store there, Astro renders none or only the pages that changed, and the few formulas on those.
if (result.diagnostics.length === 0 && !result.reused && !existsSync(join(cacheDir, CONTENT_STORE_FILE))) {
  const { formulasAhead } = await import('./formulas-ahead.ts');
  writeFileSync(formulasFile, JSON.stringify(formulasAhead(result.guides)));
}
