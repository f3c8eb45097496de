/**
 * The words a question page is indexed with but never shows: the question's
 * number token and its glossary terms (model/search.ts). They are added to the
 * copy of the page Pagefind reads (search-index.ts), so pages weigh no more for
 * them. The build derives them from the guides it has just read and hands them
 * to the index step (build-facts.ts), which does not read the guides again.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { GuideModel } from '../model/guide-model.ts';
import { sitePath } from '../model/pages.ts';
import { GLOSSARY_WEIGHT, phraseToken, questionToken } from '../model/search.ts';

const paragraph = (text: string): Element => ({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] });

/** Page file inside `dist` (`kd/12/index.html`) → HTML indexed with it, inside its `data-pagefind-body`. */
export function hiddenIndexText(guides: Pick<GuideModel, 'slug' | 'questions' | 'glossary'>[]): Map<string, string> {
  const added = new Map<string, string>();
  for (const guide of guides) {
    for (const { number } of guide.questions) {
      const terms = guide.glossary.filter((t) => t.questions.includes(number)).flatMap((t) => [t.en, t.zh, ...t.synonyms]);
      const phrases = terms.map(phraseToken).filter((t) => t !== undefined);
      const glossary: Element = { type: 'element', tagName: 'div', properties: { dataPagefindWeight: String(GLOSSARY_WEIGHT) }, children: [...terms, ...phrases].map(paragraph) };
      added.set(`${sitePath.question(guide.slug, number).slice(1)}index.html`, toHtml([paragraph(questionToken(number)), ...(terms.length > 0 ? [glossary] : [])]));
    }
  }
  return added;
}
