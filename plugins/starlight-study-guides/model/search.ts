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
