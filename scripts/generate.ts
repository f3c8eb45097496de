/**
 * Generates the guides' pages and exports from src/guides, as `astro build` and `astro dev` do:
 *
 *   node scripts/generate.ts [--strict] [--guides DIR --out DIR]
 *
 * With --out, the pages go to DIR and no exports are written. Exits 1 on an
 * error (nothing is written then), and with --strict on a warning too.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { failsRun, formatReport, isError } from '../plugins/starlight-study-guides/model/diagnostic.ts';
import { buildContent } from '../plugins/starlight-study-guides/pipeline/build-content.ts';
import { defaultPaths } from '../plugins/starlight-study-guides/pipeline/content-paths.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { guides: { type: 'string' }, out: { type: 'string' }, strict: { type: 'boolean' } } });
const paths = defaultPaths(root);
const started = performance.now();
const result = buildContent({
  guidesDir: values.guides ? resolve(values.guides) : paths.guidesDir,
  contentDir: values.out ? resolve(values.out) : paths.contentDir,
  exportsDir: values.out ? undefined : paths.exportsDir,
  solutionsDir: paths.solutionsDir,
});
if (result.diagnostics.length > 0) console.error(formatReport(result.diagnostics));
if (result.diagnostics.some(isError)) {
  console.error('未生成任何页面，已有页面保持不变。');
  process.exit(1);
}
const ms = Math.round(performance.now() - started);
console.log(`${result.pages.size} 个页面，写入 ${result.written?.length ?? 0} 个，删除 ${result.removed?.length ?? 0} 个（${ms} ms）`);
if (failsRun(result.diagnostics, values.strict)) process.exit(1);
