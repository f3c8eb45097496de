/** The process generate-ahead.ts starts: the plugin's generation, with its cache and the site URL `astro build` will use. */
import { buildContent } from './build-content.ts';
import { defaultPaths } from './content-paths.ts';
import { generationCache } from './generation-cache.ts';

const [root, cacheDir] = process.argv.slice(2) as [string, string];
buildContent(defaultPaths(root), root, undefined, generationCache(root, cacheDir));
