import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** The classes site.css aligns table cells by. */
const ALIGN_CLASSES: Record<string, string> = { left: 'align-left', center: 'align-center', right: 'align-right' };

/**
 * GFM column alignment arrives as `align="right"` on table cells, an attribute
 * HTML deprecated; a class that site.css aligns by keeps the markup valid
 * without a style attribute in every cell.
 */
export function rehypeTableAlign() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if ((node.tagName !== 'td' && node.tagName !== 'th') || typeof node.properties.align !== 'string') return;
      const alignClass = ALIGN_CLASSES[node.properties.align];
      if (alignClass !== undefined) node.properties.className = [...((node.properties.className as string[] | undefined) ?? []), alignClass];
      delete node.properties.align;
    });
  };
}
