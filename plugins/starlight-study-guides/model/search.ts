/**
 * What the search index and the search box agree on (integrations/search-index.ts,
 * overrides/search-query.ts).
 */

/**
 * The word indexed on question n's page alone, and what a query naming the
 * question (第12题, 12题, Q12, #12) is rewritten to: a query for it finds that
 * page and no other. The closing letter keeps `q1q` from being a prefix of
 * `q12q`, which Pagefind would also match.
 */
export const questionToken = (n: number): string => `q${n}q`;

/**
 * Question n's token within its guide, indexed on that page beside questionToken: what a question
 * number becomes when the reader searches from a guide's page (`q12qkdlifelonglearning`). Letters
 * and digits only: Pagefind would index the parts of a word joined by `-` or `‿` as words too.
 */
export const guideQuestionToken = (slug: string, n: number): string => `${questionToken(n)}${slug.replaceAll('-', '')}`;

/**
 * A glossary term of several Latin-script words as one word (`transfer learning` →
 * `transfer‿learning`: Pagefind keeps `‿` inside a word), indexed beside the term.
 * A query of several such words adds it; Pagefind then wants every query word
 * the index has, so a glossary phrase finds the questions the glossary lists
 * for it, not every page that uses its words apart. Undefined for a single word.
 */
export function phraseToken(text: string): string | undefined {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words.length > 1 ? words.join('‿') : undefined;
}

/**
 * A Chinese term as one word of letters and digits, indexed on the pages that use
 * or explain it (`迁移学习` → `ⓩ13u10ufr0mr60jj0z`: each character's code point in
 * base 32 after a circled z, then `z`). Pagefind cuts Chinese into words, in the
 * index and in the query alike, and ranks each word on its own: 迁移学习 became
 * 迁移 + 学习, and pages full of 学习 won. Searching for the token as well wants
 * the whole term.
 * - For a query word it does not know, Pagefind searches the longest indexed word
 *   that begins it; every letter and digit, and `‿`, is one. The token starts with
 *   ⓩ, a letter to both segmenters that no text of ours uses, so an unknown token
 *   matches nothing and is ignored.
 * - The closing `z`, outside base 32, keeps one token from beginning another
 *   (迁移's from 迁移学习's).
 * Undefined for text without Chinese characters or with spaces.
 */
export function chineseTermToken(text: string): string | undefined {
  if (!/\p{Script=Han}/u.test(text) || /\s/u.test(text)) return undefined;
  return `ⓩ${[...text].map((c) => c.codePointAt(0)!.toString(32).padStart(4, '0')).join('')}z`;
}

/** The URL parameter that carries a result's matched words to its page, to be highlighted there. */
export const HIGHLIGHT_PARAM = 'highlight';

/** How much glossary terms count on their questions' pages, against 1 for the page's own text. */
export const GLOSSARY_WEIGHT = 0.5;

/** How much a question's 题目 counts, against 1 for its answers (and 7 for its title, Pagefind's `h1` weight). */
export const PROMPT_WEIGHT = 3;

/**
 * Pagefind's ranking for every search box: Starlight's defaults (its schemas/pagefind.ts), kept
 * after measuring others with `npm run bench:search` (docs/PERFORMANCE.md, “Search ranking”).
 */
export const SEARCH_RANKING = { pageLength: 0.1, termFrequency: 0.1, termSaturation: 2, termSimilarity: 9, diacriticSimilarity: 0.8 };
