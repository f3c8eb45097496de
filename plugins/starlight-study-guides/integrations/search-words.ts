/**
 * The words a question page is indexed with but never shows: the question's
 * number tokens, its glossary terms and the tokens of the Chinese terms it uses
 * (model/search.ts). They are added to the
 * copy of the page Pagefind reads (search-index.ts), so pages weigh no more for
 * them. The build derives them from the guides it has just read and hands them
 * to the index step (build-facts.ts), which does not read the guides again.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'mdast-util-to-string';
import type { Annotation } from '../model/annotation.ts';
import type { GuideModel } from '../model/guide-model.ts';
import { type Question, sourceSectionsOf } from '../model/guide.ts';
import { sitePath } from '../model/pages.ts';
import { GLOSSARY_WEIGHT, chineseTermToken, guideQuestionToken, phraseToken, questionToken } from '../model/search.ts';

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
 * - the question's number token, and the one scoped to its guide, so that 第12题 asked in one guide
 *   finds that guide's question (the other guides' scoped tokens on every page, to list their question
 *   12 after it, would make the index grow with the square of the guides: 99 words a page at 100);
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
      const html = toHtml([
        paragraph(questionToken(number)),
        paragraph(guideQuestionToken(guide.slug, number)),
        ...weighted(0, used),
        ...weighted(GLOSSARY_WEIGHT, [...terms, ...explained]),
      ]);
      added.set(`${sitePath.question(guide.slug, number).slice(1)}index.html`, html);
    }
  }
  return added;
}
