/**
 * The process generate-ahead.ts starts: the plugin's generation, with its cache and the site URL `astro build` will use;
 * then the formulas and the code blocks of the pages it generated.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_STORE_FILE } from '../integrations/data-store-plugin.ts';
import { siteUrl } from '../model/site-url.ts';
import { defaultPaths } from './content-paths.ts';
import { aheadFiles, writeWhole } from './generate-ahead.ts';
import { generationCache } from './generation-cache.ts';
import { generateOrReuse } from './generate-or-reuse.ts';

const [root, cacheDir, marker] = process.argv.slice(2) as [string, string, string];
const result = await generateOrReuse(defaultPaths(root), root, siteUrl(process.env.SITE, process.env.BASE), generationCache(root, cacheDir));
// Only for a build that renders every page: after a run that reused the last one, or with Astro's
// content store there, Astro renders none or only the pages that changed, and the few formulas and blocks on those.
if (result.diagnostics.length === 0 && !result.reused && !existsSync(join(cacheDir, CONTENT_STORE_FILE))) {
  const files = aheadFiles(marker);
  const { formulasAhead } = await import('./formulas-ahead.ts');
  // The formulas first: the plugin's setup waits for them (or for this process to end) before Astro renders a page;
  // the code is needed only later, when Astro's content sync reaches the first block.
  writeWhole(files.formulas, JSON.stringify(formulasAhead(result.guides)));
  // Shiki is loaded only for pages with a fenced block: most guides have none.
  const withCode = [...result.pages.values()].filter((page) => page.includes('```') || page.includes('~~~'));
  if (withCode.length > 0) {
    const { highlightAhead } = await import('./code-ahead.ts');
    writeWhole(files.code, JSON.stringify(await highlightAhead(withCode)));
  }
}
