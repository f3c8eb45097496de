import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * KaTeX writes every formula twice (MathML for readers and assistive tech,
 * HTML for the eye). Pagefind should index it once, or excerpts repeat it.
 */
export function rehypeKatexSearch() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties.className;
      if (!Array.isArray(classes)) return undefined;
      if (classes.includes('katex-html')) node.properties.dataPagefindIgnore = '';
      // A formula's two renderings are hundreds of nodes with nothing more to mark.
      return classes.includes('katex-html') || classes.includes('katex-mathml') ? SKIP : undefined;
    });
  };
}
