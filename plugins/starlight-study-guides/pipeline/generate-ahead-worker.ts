/** The process generate-ahead.ts starts: the plugin's generation, with its cache and the site URL `astro build` will use. */
import { buildContent, defaultPaths, generationCache } from './build-content.ts';

const [root, cacheDir] = process.argv.slice(2) as [string, string];
buildContent(defaultPaths(root), root, undefined, generationCache(root, cacheDir));
