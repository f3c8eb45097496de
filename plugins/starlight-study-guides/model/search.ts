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
 * `transferlearning`), indexed beside the term; a query of several such words
 * adds it, so the page whose glossary has the phrase outranks pages that
 * merely use its words apart. Undefined for a single word.
 */
export function phraseToken(text: string): string | undefined {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words.length > 1 ? words.join('') : undefined;
}

/** The URL parameter that carries a result's matched words to its page, to be highlighted there. */
export const HIGHLIGHT_PARAM = 'highlight';

/** How much glossary terms count on their questions' pages, against 1 for the page's own text. */
export const GLOSSARY_WEIGHT = 0.5;

/** How much a question's 题目 counts, against 1 for its answers (and 7 for its title, Pagefind's `h1` weight). */
export const PROMPT_WEIGHT = 3;
