import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import katex from 'katex';
import rehypeKatex from 'rehype-katex';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { memo } from '../utils/memo.ts';
import { katexHtmlToHast } from './katex-hast.ts';

type Options = Parameters<typeof rehypeKatex>[0];

const MATH_CLASSES = ['language-math', 'math-display', 'math-inline'];

type Rendered = (key: string, compute: () => ElementContent[] | undefined) => ElementContent[] | undefined;
/** By options object: Astro makes a processor, so calls this plugin, for every page, with the same options. */
const renderedBy = new WeakMap<object, Rendered>();
const NO_OPTIONS = {};
/**
 * A rendered formula is about 26 KB of tree (the real guide's 292, 30 characters of TeX on
 * average: 7.7 MB), so the budget is in characters of TeX: about 35 MB at most, several
 * guides' formulas (a guide's formula page comes after its questions).
 */
const LIMITS = { entries: 2_000, keyChars: 40_000 };

/**
 * rehype-katex, rendering each distinct formula once per process: the same
 * formula stands on its question page, on the guide's formula page and often on
 * several questions (611 formulas, 292 distinct, in the real guide), and most
 * of rehype-katex's time is KaTeX's HTML parsed back into a tree. Each distinct
 * formula is rendered by KaTeX as rehype-katex calls it, and its HTML made the
 * same tree by htmlparser2 (katex-hast.ts) instead of parse5; one KaTeX rejects
 * goes through rehype-katex itself, alone in a tree of its own, which reports
 * it. The key is what rehype-katex renders (the formula's text, block or
 * inline) and the options object it renders with.
 */
export function rehypeKatexMemo(options: Options) {
  const transform = rehypeKatex(options);
  const optionsKey = options ?? NO_OPTIONS;
  const rendered = renderedBy.get(optionsKey) ?? renderedBy.set(optionsKey, memo(LIMITS)).get(optionsKey)!;
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
      const render = () => renderAccepted(tex, displayMode, options) ?? renderAlone(scope, file, transform);
      let rendering: ElementContent[] | undefined;
      const remembered = rendered(`${displayMode}\n${tex}`, () => {
        const reported = file.messages.length;
        rendering = render();
        // A formula KaTeX reports on is not remembered, so every page it stands on reports it.
        return file.messages.length === reported ? structuredClone(rendering) : undefined;
      });
      // Pages get copies: later plugins change the nodes of their page.
      const nodes = rendering ?? (remembered ? structuredClone(remembered) : render());
      container.children.splice(container.children.indexOf(scope as RootContent & ElementContent), 1, ...nodes);
      return SKIP;
    });
  };
}

/**
 * A formula KaTeX renders without complaint, as rehype-katex renders it (the
 * same call), its HTML made a tree by katex-hast.ts rather than by parse5,
 * which took most of the time; undefined for one KaTeX rejects, which
 * rehype-katex then renders and reports as it always does.
 */
function renderAccepted(tex: string, displayMode: boolean, options: Options): ElementContent[] | undefined {
  let html: string;
  try {
    html = katex.renderToString(tex, { ...options, displayMode, throwOnError: true });
  } catch {
    return undefined;
  }
  return katexHtmlToHast(html);
}

/** rehype-katex on the formula alone, in a tree of its own (it reads the formula and leaves it as it is). */
function renderAlone(scope: Element, file: VFile, transform: (tree: Root, file: VFile) => undefined): ElementContent[] {
  const alone: Root = { type: 'root', children: [scope] };
  transform(alone, file);
  return alone.children as ElementContent[];
}
