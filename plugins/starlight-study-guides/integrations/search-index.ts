/**
 * Builds the Pagefind index of a built site: `npm run build` runs this
 * (scripts/build-search-index.ts) after `astro build` has exited.
 *
 * Starlight would run Pagefind at the end of the build, inside Astro's
 * process, which at that point still holds about 1.2 GB at 3,000 questions
 * while Pagefind needs 0.6 GB more: one after the other, the build's peak is
 * the larger of the two, not their sum. Pagefind reads the pages Starlight
 * marks with `data-pagefind-body` and segments Chinese words because the
 * pages say `lang="zh-CN"`.
 *
 * Question pages are indexed with words the reader never sees: the question's
 * number token and its glossary terms. They are added to the copy Pagefind
 * reads, not to the page, so pages weigh no more for them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'mdast-util-to-string';
import * as pagefind from 'pagefind';
import type { Annotation } from '../model/annotation.ts';
import type { GuideModel } from '../model/guide-model.ts';
import { sitePath } from '../model/pages.ts';
import { type Question, SOURCE_SECTIONS, sourceSectionsOf } from '../model/guide.ts';
import { GLOSSARY_WEIGHT, PROMPT_WEIGHT, chineseTermToken, guideQuestionToken, phraseToken, questionToken } from '../model/search.ts';

const paragraph = (text: string): Element => ({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] });
const weighted = (weight: number, texts: string[]): Element[] =>
  texts.length > 0 ? [{ type: 'element', tagName: 'div', properties: { dataPagefindWeight: String(weight) }, children: texts.map(paragraph) }] : [];

/** A question page's words: its title, 题目, 答案 and 解析, and our annotations (formulas, notes, references). */
function pageText(question: Question, annotation: Annotation | undefined): string {
  const blocks = [...sourceSectionsOf(question), ...(annotation?.sections ?? [])].flatMap((s) => s.blocks);
  return [question.title, ...blocks.map((b) => toString(b))].join('\n');
}

/**
 * Page file inside `dist` (`kd/12/index.html`) → HTML indexed with it, inside its `data-pagefind-body`:
 * - the question's number token, and the one scoped to its guide (the other guides' scoped tokens at
 *   weight 0, so that 第12题 asked in one guide finds that guide's question first and the others after);
 * - its glossary terms at GLOSSARY_WEIGHT, with their phrase tokens;
 * - at weight 0 (found, not ranked up), the token of every Chinese glossary term of any guide that the
 *   page uses: a query for a term wants the token, and so finds the pages that use it whole
 *   and the questions that explain it. Guide-wide pages (index, formulas, coding, home) carry no
 *   tokens and drop out of such a query (docs/PERFORMANCE.md, “Chinese terms searched whole”).
 */
export function hiddenIndexText(guides: Pick<GuideModel, 'slug' | 'questions' | 'glossary' | 'annotations'>[]): Map<string, string> {
  const chineseTerms = new Map<string, string>();
  for (const text of guides.flatMap((g) => g.glossary.flatMap((t) => [t.zh, ...t.synonyms]))) {
    const token = chineseTermToken(text);
    if (token) chineseTerms.set(text, token);
  }
  const added = new Map<string, string>();
  for (const guide of guides) {
    const annotationOf = new Map(guide.annotations.map((a) => [a.question, a]));
    for (const question of guide.questions) {
      const { number } = question;
      const terms = guide.glossary.filter((t) => t.questions.includes(number)).flatMap((t) => [t.en, t.zh, ...t.synonyms]);
      const explained = [...terms.map(phraseToken), ...terms.map(chineseTermToken)].filter((t) => t !== undefined);
      const text = pageText(question, annotationOf.get(number));
      const used = [...chineseTerms].filter(([term, token]) => text.includes(term) && !explained.includes(token)).map(([, token]) => token);
      const otherGuides = guides.filter((g) => g.slug !== guide.slug).map((g) => guideQuestionToken(g.slug, number));
      const html = toHtml([
        paragraph(questionToken(number)),
        paragraph(guideQuestionToken(guide.slug, number)),
        ...weighted(0, [...otherGuides, ...used]),
        ...weighted(GLOSSARY_WEIGHT, [...terms, ...explained]),
      ]);
      added.set(`${sitePath.question(guide.slug, number).slice(1)}index.html`, html);
    }
  }
  return added;
}

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
    const files = readdirSync(dist, { recursive: true })
      .map((name) => String(name).split('\\').join('/'))
      .filter((name) => name.endsWith('.html') && !name.startsWith('pagefind/'))
      .sort();
    let pages = 0;
    for (const sourcePath of files) {
      const html = readFileSync(join(dist, sourcePath), 'utf8');
      const extra = added.get(sourcePath);
      const result = await index.addHTMLFile({ sourcePath, content: extra ? forSearchIndex(html, extra) : html });
      if (result.errors.length > 0) fail(result.errors);
      // Pages without `data-pagefind-body` are skipped once any page has one.
      if (html.includes('data-pagefind-body')) pages++;
    }
    const written = await index.writeFiles({ outputPath: resolve(dist, 'pagefind') });
    if (written.errors.length > 0) fail(written.errors);
    return pages;
  } finally {
    await pagefind.close();
  }
}
