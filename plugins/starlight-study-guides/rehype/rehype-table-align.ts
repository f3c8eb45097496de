import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * GFM column alignment arrives as `align="right"` on table cells, an attribute
 * HTML deprecated; the same alignment as a style keeps the markup valid.
 */
export function rehypeTableAlign() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if ((node.tagName !== 'td' && node.tagName !== 'th') || typeof node.properties.align !== 'string') return;
      node.properties.style = `text-align: ${node.properties.align}`;
      delete node.properties.align;
    });
  };
}
