/**
 * Builds the Pagefind index of a built site: `npm run build` runs this
 * (scripts/after-build.ts) after `astro build` has exited.
 *
 * Starlight would run Pagefind at the end of the build, inside Astro's
 * process, which at that point still holds about 1.2 GB at 3,000 questions
 * while Pagefind needs 0.6 GB more: one after the other, the build's peak is
 * the larger of the two, not their sum. Pagefind reads the pages Starlight
 * marks with `data-pagefind-body` and segments Chinese words because the
 * pages say `lang="zh-CN"`.
 *
 * Question pages are indexed with words the reader never sees (search-words.ts),
 * added to the copy Pagefind reads, not to the page.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { SOURCE_SECTIONS } from '../model/guide.ts';
import { PROMPT_WEIGHT } from '../model/search.ts';
import { builtHtmlFiles } from './built-pages.ts';

/** The 题目 section as rehypeStudySections writes it. */
const PROMPT_SECTION = `data-section="${SOURCE_SECTIONS[0].id}"`;

/**
 * A question page as Pagefind reads it: `extra` right after its title, so a
 * match there is the page's (a result for its title) rather than the last
 * section's; and its 题目 weighted above the answers, so the question that
 * asks about a word outranks answers that mention it.
 */
function forSearchIndex(html: string, extra: string): string {
  const title = html.indexOf('</h1>', html.indexOf(' data-pagefind-body')) + '</h1>'.length;
  if (title < '</h1>'.length || !html.includes(PROMPT_SECTION)) throw new Error('题目页缺少标题或题目一节，无法加入搜索词。');
  const rest = html.slice(title).replace(PROMPT_SECTION, `${PROMPT_SECTION} data-pagefind-weight="${PROMPT_WEIGHT}"`);
  return `${html.slice(0, title)}${extra}${rest}`;
}

/** Indexes every page under `dist` into `dist/pagefind/`, with `added` text on the pages it names; returns how many it indexed. */
export async function buildSearchIndex(dist: string, added: ReadonlyMap<string, string> = new Map()): Promise<number> {
  const fail = (errors: string[]) => {
    throw new Error(`Pagefind 建索引失败：\n${errors.join('\n')}`);
  };
  try {
    const { index, errors } = await pagefind.createIndex();
    if (!index || errors.length > 0) return fail(errors);
    const files = builtHtmlFiles(dist);
    const add = async (sourcePath: string, html: string) => {
      const extra = added.get(sourcePath);
      const result = await index.addHTMLFile({ sourcePath, content: extra ? forSearchIndex(html, extra) : html });
      if (result.errors.length > 0) fail(result.errors);
    };
    // Pagefind indexes only the pages with `data-pagefind-body` once any page has one, so the
    // others (the 1 MB print page among them) are not sent to it at all. One page in memory at a time.
    let pages = 0;
    for (const sourcePath of files) {
      const html = readFileSync(join(dist, sourcePath), 'utf8');
      if (!html.includes('data-pagefind-body')) continue;
      await add(sourcePath, html);
      pages++;
    }
    if (pages === 0) for (const sourcePath of files) await add(sourcePath, readFileSync(join(dist, sourcePath), 'utf8'));
    const written = await index.writeFiles({ outputPath: resolve(dist, 'pagefind') });
    if (written.errors.length > 0) fail(written.errors);
    return pages;
  } finally {
    await pagefind.close();
  }
}
