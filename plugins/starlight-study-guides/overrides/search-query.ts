// Loaded with the search UI (search-ui.ts), never on page load: the conversion table is ~50 kB gzipped.
import { Converter } from 'opencc-js/t2cn';
import { chineseTermToken, guideQuestionToken, phraseToken, questionToken } from '../model/search.ts';

/**
 * OpenCC's traditional-to-simplified tables, with Hong Kong's and Taiwan's variant characters:
 * 溫度係數 → 温度系数; simplified text passes unchanged. Character conversion only: the
 * regional phrase tables would also rewrite words (評價指標 → 评价指针), finding other pages.
 */
const fromHongKong = Converter({ from: 'hk', to: 'cn' });
const fromTaiwan = Converter({ from: 'tw', to: 'cn' });
const toSimplified = (text: string) => fromTaiwan(fromHongKong(text));

/** 第12题, 第 12 题, 12题, 题12, Q12, q 12, #12 (after conversion, so 第12題 too). */
const QUESTION_NUMBER = /第\s*(\d+)\s*题|(\d+)\s*题|题\s*(\d+)|\bq\s*(\d+)\b|#\s*(\d+)/giu;

/**
 * What the reader typed → what the index is searched for: full-width forms
 * folded (＃１２ → #12), traditional characters made simplified, as the pages
 * are, a question number made the token indexed on that question alone (on a
 * page of `guide`, the token of that guide's question), the words of an English
 * phrase joined as they are indexed from the glossary, and each Chinese word
 * group's token added, so a glossary term is wanted whole (model/search.ts,
 * chineseTermToken); the token of a group that is no term matches nothing and
 * is ignored.
 */
export function searchTerm(typed: string, guide?: string): string {
  const term = toSimplified(typed.normalize('NFKC'))
    .replace(QUESTION_NUMBER, (...groups: (string | undefined)[]) => {
      const n = Number(groups.slice(1, 6).find((g) => g !== undefined)!);
      return ` ${guide ? guideQuestionToken(guide, n) : questionToken(n)} `;
    })
    .replace(/\s+/g, ' ')
    .trim();
  const phrase = phraseToken(term.replace(/\bq\d+q\S*/g, ''));
  const chinese = term.split(' ').map(chineseTermToken);
  return [term, phrase, ...chinese].filter((t) => t !== undefined).join(' ');
}

/** The index's own tokens (question numbers, joined phrases, Chinese terms) as they appear in an excerpt, marked or not. */
const TOKENS = /\s*(?:<mark>)?(?:q\d+q[\p{L}\p{N}]*|[\p{L}\p{N}]+(?:‿[\p{L}\p{N}]+)+|ⓩ[\p{L}\p{N}]+)(?:<\/mark>)?\.?(?=\s|$)/gu;

/**
 * A result's excerpt without the tokens indexed for search: they are not words for the reader.
 * An excerpt that matched only tokens is dropped: what is left is glossary terms out of context.
 * Pagefind ends each block with `. `, so an excerpt that starts at the tokens after a title
 * would start with the title's: that is dropped too.
 */
export function readableExcerpt(excerpt: string): string {
  const readable = excerpt.replace(TOKENS, '').replace(/^[\s.]+/, '').trim();
  return excerpt.includes('<mark>') && !readable.includes('<mark>') ? '' : readable;
}
