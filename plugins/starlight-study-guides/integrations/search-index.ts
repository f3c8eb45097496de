/**
 * Builds the Pagefind index of a built site: `npm run build` runs this
 * (scripts/build.ts) after `astro build` has exited.
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
import { on } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { SOURCE_SECTIONS } from '../model/guide.ts';
import { PROMPT_WEIGHT } from '../model/search.ts';
import { MARKED_VISIBLE_START, around } from '../utils/katex-markup.ts';
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

/**
 * A page without Starlight's header and sidebar (its PageFrame.astro), a
 * third of a page's HTML and the same on every page, when they hold none of
 * Pagefind's attributes: Pagefind indexes neither, but parses both.
 */
function withoutPageFrame(html: string): string {
  const start = html.indexOf('<header class="header');
  const end = html.indexOf('<div class="main-frame', start);
  if (start < 0 || end < 0) return html;
  const attribute = html.indexOf('data-pagefind', start);
  return attribute >= 0 && attribute < end ? html : html.slice(0, start) + html.slice(end);
}

/** A Pagefind index being filled, one page at a time. */
export interface SearchIndex {
  /** Sends a page (`file` as builtHtmlFiles names it) to Pagefind, if it is one Pagefind indexes; resolves once Pagefind has read it. */
  add(file: string, html: string): Promise<void>;
  /** Once every page was added: the index, made in Pagefind's process while this one goes on, and held in memory. */
  build(): Promise<BuiltSearchIndex>;
  /** Ends Pagefind's process. */
  close(): Promise<void>;
}

/** A finished index, not yet in `dist`: a build that fails after it was made leaves none. */
export interface BuiltSearchIndex {
  pages: number;
  /** Writes the index's files into `dist/pagefind/`, as Pagefind's writeFiles would. */
  write(): void;
}

/**
 * Starts Pagefind (its own process, which indexes while ours goes on) for
 * the pages under `dist`, with `added` text on the pages it names.
 */
export async function openSearchIndex(dist: string, added: ReadonlyMap<string, string> = new Map()): Promise<SearchIndex> {
  const fail = (errors: string[]) => {
    throw new Error(`Pagefind 建索引失败：\n${errors.join('\n')}`);
  };
  const { index, errors } = await pagefind.createIndex();
  if (!index || errors.length > 0) {
    await pagefind.close();
    return fail(errors);
  }
  const send = async (sourcePath: string, html: string) => {
    const extra = added.get(sourcePath);
    // Each formula's visible rendering, which Pagefind is told to leave out, is left out of
    // its copy (a third of the site's HTML, which its process would otherwise parse), as is
    // Starlight's page frame.
    const content = withoutPageFrame([...around(extra ? forSearchIndex(html, extra) : html, MARKED_VISIBLE_START)].join(''));
    const result = await index.addHTMLFile({ sourcePath, content });
    if (result.errors.length > 0) fail(result.errors);
  };
  let pages = 0;
  return {
    // Pagefind indexes only the pages with `data-pagefind-body` once any page has one, so the
    // others (the 1 MB print page among them) are not sent to it at all.
    async add(file, html) {
      if (!html.includes('data-pagefind-body')) return;
      pages++;
      await send(file, html);
    },
    async build() {
      // A site none of whose pages marks its body: Pagefind indexes them all, read once more.
      if (pages === 0) for (const file of builtHtmlFiles(dist)) await send(file, readFileSync(join(dist, file), 'utf8'));
      const built = await index.getFiles();
      if (built.errors.length > 0) fail(built.errors);
      return {
        pages,
        write() {
          for (const { path, content } of built.files) {
            const target = join(dist, 'pagefind', path);
            mkdirSync(dirname(target), { recursive: true });
            writeFileSync(target, content);
          }
        },
      };
    },
    async close() {
      await pagefind.close();
    },
  };
}

/** Pagefind fed from a thread of its own (search-index-worker.ts), which reads the pages from `dist` itself. */
export interface SearchIndexThread {
  /** Sends Pagefind every page of `files`; resolves once it has read them all, and starts making the index. */
  read(files: readonly string[]): Promise<void>;
  /** Once read: writes the index into `dist/pagefind/` when it is made, and resolves then with how many pages it holds. */
  write(): Promise<number>;
  /** Ends the thread and Pagefind's process, whatever was done before. */
  close(): Promise<void>;
}

/** What the thread is told, in this order: the pages, then whether to write the index. */
export type SearchIndexCommand = { files: readonly string[] } | 'write' | 'close';

/**
 * Starts Pagefind as openSearchIndex does, but from a thread of its own. A
 * page reaches Pagefind through a pipe that only the thread which sends it
 * writes: sent from the build's own thread, the pages waited while that
 * thread cut the KaTeX fonts (HarfBuzz, synchronous WebAssembly), so Pagefind
 * read them before the fonts were cut rather than beside it. A failure in the
 * thread (Pagefind's, or a page it cannot index) rejects the call waiting on it.
 */
export function searchIndexThread(dist: string, added: ReadonlyMap<string, string> = new Map()): SearchIndexThread {
  const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url), { workerData: { dist, added: [...added] } });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // Its replies in order; a thread that fails ends the iteration with its error.
  const replies = on(worker, 'message', { close: ['exit'] });
  const reply = async () => {
    const { value, done } = await replies.next();
    if (done) throw new Error('Pagefind 的线程提前退出了：请重新构建。');
    return (value as [unknown])[0];
  };
  const tell = (command: SearchIndexCommand) => worker.postMessage(command);
  return {
    async read(files) {
      tell({ files });
      await reply();
    },
    async write() {
      tell('write');
      return (await reply()) as number;
    },
    async close() {
      tell('close');
      await exited;
    },
  };
}
