/**
 * Checks the guides under src/guides without building the site, and prints
 * what is wrong, like a compiler:
 *
 *   node scripts/validate.ts [--strict] [--guides DIR]
 *   node scripts/validate.ts --rules     the table of every rule
 *
 * Exits 1 on an error, and with --strict on a warning too.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { failsRun, formatReport } from '../plugins/starlight-study-guides/model/diagnostic.ts';
import { defaultPaths } from '../plugins/starlight-study-guides/pipeline/content-paths.ts';
import { checkGuides } from '../plugins/starlight-study-guides/pipeline/generate-site.ts';
import { readGuideSources } from '../plugins/starlight-study-guides/pipeline/read/read-guides.ts';
import { readSolutions } from '../plugins/starlight-study-guides/pipeline/read/read-solutions.ts';
import { rulesTable } from '../plugins/starlight-study-guides/utils/rules-table.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { guides: { type: 'string' }, strict: { type: 'boolean' }, rules: { type: 'boolean' } } });
if (values.rules) {
  console.log(rulesTable());
  process.exit(0);
}
const read = readGuideSources(values.guides ? resolve(values.guides) : defaultPaths(root).guidesDir, process.cwd());
const checked = checkGuides(read.sources, readSolutions(defaultPaths(root).solutionsDir));
const diagnostics = [...read.diagnostics, ...checked.diagnostics];
const questions = checked.guides.reduce((sum, guide) => sum + guide.questions.length, 0);
if (diagnostics.length === 0) {
  console.log(`${read.sources.length} 份指南，${questions} 道题：没有发现问题。`);
} else {
  console.error(formatReport(diagnostics));
}
process.exit(failsRun(diagnostics, values.strict) ? 1 : 0);
