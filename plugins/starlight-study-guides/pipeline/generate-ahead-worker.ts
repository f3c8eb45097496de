/** The process generate-ahead.ts starts: the plugin's generation, with its cache and the site URL `astro build` will use. */
import { siteUrl } from '../model/site-url.ts';
import { defaultPaths } from './content-paths.ts';
import { generationCache, generationRun, reusableGeneration } from './generation-cache.ts';

const [root, cacheDir] = process.argv.slice(2) as [string, string];
const paths = defaultPaths(root);
const cache = generationCache(root, cacheDir);
// When the last run can be reused, the plugin reuses it too: this process then loads none of generating's modules,
// which would take a core from Astro while it starts.
if (!reusableGeneration(generationRun(paths, siteUrl(process.env.SITE, process.env.BASE), cache))) {
  const { buildContent } = await import('./build-content.ts');
  buildContent(paths, root, undefined, cache);
}
