/**
 * Builds the Pagefind index of a built site; `npm run build` runs it after `astro build`:
 *
 *   node scripts/build-search-index.ts [dist]
 *
 * The guides are read again (from `src/guides/`, as the build read them) for the words
 * indexed on their question pages but not shown there: question numbers and glossary terms.
 */
import { join, resolve } from 'node:path';
import { hiddenIndexText, buildSearchIndex } from '../plugins/starlight-study-guides/integrations/search-index.ts';
import { generateSite } from '../plugins/starlight-study-guides/pipeline/generate-site.ts';
import { readGuideSources } from '../plugins/starlight-study-guides/pipeline/read/read-guides.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const started = performance.now();
const { sources } = readGuideSources(join(process.cwd(), 'src/guides'), process.cwd());
const pages = await buildSearchIndex(dist, hiddenIndexText(generateSite(sources).guides));
console.log(`搜索索引：${pages} 个页面（${((performance.now() - started) / 1000).toFixed(1)} s）`);
