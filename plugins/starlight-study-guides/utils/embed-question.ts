import { ELEMENT_NODE, type ElementNode, type Node, parse, renderSync } from 'ultrahtml';
import { FORMULA_START, spansOf } from './katex-markup.ts';

export interface EmbedOptions {
  /** Put before every id on the page, e.g. `q6-`, so thirty questions share a page without clashes. */
  prefix: string;
  /** Top-level sections (`data-section`) to leave out, e.g. our additions on the review page. */
  omitSections?: ReadonlySet<string>;
}

/** Attributes that point at ids on the same page, as space-separated lists. */
const ID_REFERENCES = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'headers'];
const DEMOTED: Record<string, string> = { h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6' };
/** Starlight wraps each heading in `<div class="sl-heading-wrapper level-h2">`, styled by level. */
const LEVEL_CLASS = /\blevel-(h[1-5])\b/;

/** A question's content fitted into a whole-guide page: each top-level node's HTML, with its `data-section`. */
interface EmbeddedPart {
  section: string;
  html: string;
}

/**
 * The latest embeddings, by the question's HTML: the print and review pages of
 * a guide embed the same questions one page after the other, so each is
 * parsed once for both. Oldest first; what they hold stays under
 * MEMO_CHARACTERS, a few guides' worth, however large the site.
 */
const memo = new Map<string, { prefix: string; parts: EmbeddedPart[] }>();
const MEMO_CHARACTERS = 4_000_000;
let memoCharacters = 0;

/**
 * Turns a question page's rendered content into a part of a whole-guide page
 * (print, review), so those pages reuse the rendered question instead of
 * compiling a copy of every question: headings move one level down under the
 * question's own heading, ids and the links and labels that point at them get
 * the question's prefix, scripts are dropped, so widgets stay in their static,
 * readable form, and so are the headings' own anchor links: the question
 * pages are where sections are linked to.
 *
 * The HTML is Astro's rendering of our own content, so ultrahtml's fast,
 * lenient parser is enough; attribute values stay as written, and only ASCII
 * prefixes are added to them.
 */
export function embedQuestionHtml(html: string, { prefix, omitSections = new Set() }: EmbedOptions): string {
  return embeddedParts(html, prefix)
    .filter((part) => !omitSections.has(part.section))
    .map((part) => part.html)
    .join('');
}

function embeddedParts(html: string, prefix: string): EmbeddedPart[] {
  const known = memo.get(html);
  if (known?.prefix === prefix) return known.parts;
  const { text, formulas } = withoutFormulas(html);
  const root: { children: Node[] } = parse(text);
  rewrite(root, prefix);
  const parts = root.children.map((node) => ({ section: (isElement(node) && node.attributes['data-section']) || '', html: withFormulas(renderSync(node), formulas) }));
  forget(html);
  memo.set(html, { prefix, parts });
  memoCharacters += html.length;
  for (const oldest of memo.keys()) {
    if (memoCharacters <= MEMO_CHARACTERS) break;
    forget(oldest);
  }
  return parts;
}

/** Where withoutFormulas set a formula aside. */
const FORMULA_MARK = /<katex-formula-mark data-n="(\d+)"><\/katex-formula-mark>/g;

/**
 * The question's HTML with each formula set aside, an empty element in its
 * place (not a comment: ultrahtml drops the text before one):
 * nothing in KaTeX's markup needs rewriting (no ids, headings, links or
 * scripts), and its hundreds of elements per formula were most of what
 * ultrahtml parsed and wrote again, unchanged (utils/katex-markup.ts finds each formula).
 */
function withoutFormulas(html: string): { text: string; formulas: string[] } {
  const formulas: string[] = [];
  let text = '';
  let from = 0;
  for (const [start, end] of spansOf(html, FORMULA_START)) {
    text += `${html.slice(from, start)}<katex-formula-mark data-n="${formulas.length}"></katex-formula-mark>`;
    formulas.push(html.slice(start, end));
    from = end;
  }
  return { text: text + html.slice(from), formulas };
}

function withFormulas(html: string, formulas: readonly string[]): string {
  return html.replace(FORMULA_MARK, (_, index: string) => formulas[Number(index)]!);
}

function forget(html: string): void {
  if (memo.delete(html)) memoCharacters -= html.length;
}

function rewrite(parent: { children: Node[] }, prefix: string): void {
  parent.children = parent.children.filter((node) => !(isElement(node) && (node.name === 'script' || isAnchorLink(node))));
  for (const node of parent.children) {
    if (!isElement(node)) continue;
    node.name = DEMOTED[node.name] ?? node.name;
    const { attributes } = node;
    if (attributes.id) attributes.id = prefix + attributes.id;
    if (attributes.href?.startsWith('#') && attributes.href.length > 1) attributes.href = `#${prefix}${attributes.href.slice(1)}`;
    for (const name of ID_REFERENCES) {
      const value = attributes[name];
      if (value) attributes[name] = value.trim().split(/\s+/).map((id) => prefix + id).join(' ');
    }
    if (attributes.class) attributes.class = attributes.class.replace(LEVEL_CLASS, (_, level: string) => `level-${DEMOTED[level]}`);
    rewrite(node, prefix);
  }
}

function isElement(node: Node): node is ElementNode {
  return node.type === ELEMENT_NODE;
}

/** The `#` link Starlight puts beside each heading, with its icon. */
function isAnchorLink(node: ElementNode): boolean {
  return node.name === 'a' && /(?:^|\s)sl-anchor-link(?:\s|$)/.test(node.attributes.class ?? '');
}
