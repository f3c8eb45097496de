/** The process generate-ahead.ts starts: the plugin's generation, with its cache and the site URL `astro build` will use. */
import { siteUrl } from '../model/site-url.ts';
import { defaultPaths } from './content-paths.ts';
import { generationCache } from './generation-cache.ts';
import { generateOrReuse } from './generate-or-reuse.ts';

const [root, cacheDir] = process.argv.slice(2) as [string, string];
await generateOrReuse(defaultPaths(root), root, siteUrl(process.env.SITE, process.env.BASE), generationCache(root, cacheDir));
