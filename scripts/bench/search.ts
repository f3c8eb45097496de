/**
 * `npm run bench:search`: runs the query set (tests/fixtures/search/queries.yaml)
 * through the search dialog of a built site in headless Chromium and prints,
 * per group, how often the explaining question comes first (top-1), in the
 * first three (top-3), and the mean reciprocal rank over the dialog's first
 * page of results (MRR@5). Build first: `npm run build`.
 *
 *   npm run bench:search [-- dist]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { dialogSearch } from '../../tests/helpers/search-dialog.ts';
import { rankOf, searchCases } from '../../tests/helpers/search-queries.ts';
import { serveDirectory } from '../../tests/helpers/static-server.ts';

const dist = resolve(process.argv[2] ?? 'dist');
if (!existsSync(resolve(dist, 'pagefind'))) throw new Error(`${dist} has no search index: run \`npm run build\` first.`);

const server = await serveDirectory(dist);
const browser = await launchBrowser();
const rows = new Map<string, { ranks: (number | undefined)[]; misses: string[] }>();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  for (const { group, query, expected } of searchCases()) {
    const rank = rankOf(await dialogSearch(page, query), expected);
    const row = rows.get(group) ?? { ranks: [], misses: [] };
    row.ranks.push(rank);
    if (rank === undefined || rank > 3) row.misses.push(`${query} (${rank ?? '—'})`);
    rows.set(group, row);
  }
} finally {
  await browser.close();
  await server.close();
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;
const lines = ['| group | queries | top-1 | top-3 | MRR@5 | outside top 3 (rank) |', '|---|---:|---:|---:|---:|---|'];
for (const [group, { ranks, misses }] of rows) {
  const n = ranks.length;
  const top1 = ranks.filter((r) => r === 1).length;
  const top3 = ranks.filter((r) => r !== undefined && r <= 3).length;
  const mrr = ranks.reduce<number>((sum, r) => sum + (r ? 1 / r : 0), 0) / n;
  lines.push(`| ${group} | ${n} | ${percent(top1, n)} | ${percent(top3, n)} | ${mrr.toFixed(3)} | ${misses.join('、') || '—'} |`);
}
console.log(lines.join('\n'));
