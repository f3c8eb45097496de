import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeKatex from 'rehype-katex';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { memo } from '../utils/memo.ts';
import { formulaSlot } from './formula-slots.ts';
import { katexHtmlToHast } from './katex-hast.ts';
import { type FormulaHtml, formulaKey, katexOptions, renderFormula } from './render-formula.ts';

const MATH_CLASSES = ['language-math', 'math-display', 'math-inline'];
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Each distinct formula's HTML, or undefined for one KaTeX rejects. The budget
 * is in characters of TeX: a formula's HTML is about 30 times its TeX (the real
 * guide's 292 distinct formulas: 30 characters of TeX on average), so at most
 * about 2.5 MB of HTML, several guides' formulas (a guide's formula page comes
 * after its questions).
 */
const rendered = memo<string | undefined>({ entries: 2_000, keyChars: 40_000 });

/**
 * Formulas rendered for this build before Astro's process renders any page
 * (pipeline/formulas-ahead.ts): the site's own, so no budget applies.
 */
let renderedAhead = new Map<string, string>();

/** Takes the formulas rendered ahead of this build; they replace those of an earlier one. */
export function useFormulasAhead(formulas: FormulaHtml[]): void {
  renderedAhead = new Map(formulas);
}

/**
 * rehype-katex, rendering each distinct formula once per process: the same
 * formula stands on its question page, on the guide's formula page and often on
 * several questions (611 formulas, 292 distinct, in the real guide). A formula
 * is rendered as every page shows it (render-formula.ts), unless it was
 * rendered ahead (useFormulasAhead), and takes its place
 * as a slot, filled in once the page is HTML (formula-slots.ts); one in a
 * heading stays a tree, as Astro reads a heading's text for the table of
 * contents from it. One KaTeX rejects goes through rehype-katex itself, alone
 * in a tree of its own, which reports it, on every page it stands on.
 */
export function rehypeKatexMemo() {
  const transform = rehypeKatex(katexOptions);
  return (tree: Root, file: VFile) => {
    visitParents(tree, 'element', (element, parents) => {
      const classes = Array.isArray(element.properties.className) ? element.properties.className : [];
      if (!MATH_CLASSES.some((name) => classes.includes(name))) return undefined;
      const parent = parents.at(-1);
      // As rehype-katex: ```math is a <pre><code class="language-math">, replaced whole and shown as a block.
      const fenced = element.tagName === 'code' && classes.includes('language-math') && parent?.type === 'element' && parent.tagName === 'pre';
      const scope = fenced ? (parent as Element) : element;
      const container = fenced ? parents.at(-2) : parent;
      if (!container) return undefined;
      const displayMode = fenced || classes.includes('math-display');
      const tex = toText(scope, { whitespace: 'pre' });
      const key = formulaKey(tex, displayMode);
      const html = renderedAhead.get(key) ?? rendered(key, () => accepted(tex, displayMode));
      const inHeading = parents.some((node) => node.type === 'element' && HEADINGS.has(node.tagName));
      const nodes = html === undefined ? renderAlone(scope, file, transform) : inHeading ? katexHtmlToHast(html) : [formulaSlot(html)];
      container.children.splice(container.children.indexOf(scope as RootContent & ElementContent), 1, ...nodes);
      return SKIP;
    });
  };
}

/** The formula's HTML, or undefined if KaTeX rejects it (rehype-katex then reports it). */
function accepted(tex: string, displayMode: boolean): string | undefined {
  try {
    return renderFormula(tex, displayMode);
  } catch {
    return undefined;
  }
}

/** rehype-katex on the formula alone, in a tree of its own (it reads the formula and leaves it as it is). */
function renderAlone(scope: Element, file: VFile, transform: (tree: Root, file: VFile) => undefined): ElementContent[] {
  const alone: Root = { type: 'root', children: [scope] };
  transform(alone, file);
  return alone.children as ElementContent[];
}
