import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * A display formula wider than the column scrolls sideways (src/styles/site.css).
 * Which ones do depends on the screen and the fonts, so every display formula
 * takes keyboard focus, as Expressive Code does for its code blocks: a reader
 * without a mouse can then scroll it with the arrow keys.
 */
export function rehypeScrollableFormulas() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties.className;
      if (!Array.isArray(classes) || !classes.includes('katex-display')) return undefined;
      node.properties.tabIndex = 0;
      return SKIP;
    });
  };
}
