/** `node tests/helpers/run-generation.ts <root> <cacheDir>`: the plugin's generation as Astro's start runs it (index.ts), in a process of its own. */
import { siteUrl } from '../../plugins/starlight-study-guides/model/site-url.ts';
import { defaultPaths } from '../../plugins/starlight-study-guides/pipeline/content-paths.ts';
import { generationCache } from '../../plugins/starlight-study-guides/pipeline/generation-cache.ts';
import { generateOrReuse } from '../../plugins/starlight-study-guides/pipeline/generate-or-reuse.ts';

const [root, cacheDir] = process.argv.slice(2) as [string, string];
await generateOrReuse(defaultPaths(root), root, siteUrl(undefined, undefined), generationCache(root, cacheDir));
