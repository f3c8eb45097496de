import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * KaTeX writes every formula twice (MathML for readers and assistive tech,
 * HTML for the eye). Pagefind should index it once, or excerpts repeat it.
 */
export function rehypeKatexSearch() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties.className;
      if (Array.isArray(classes) && classes.includes('katex-html')) {
        node.properties.dataPagefindIgnore = '';
      }
    });
  };
}
