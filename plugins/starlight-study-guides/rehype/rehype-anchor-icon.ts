import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Starlight puts the same 550-byte SVG link icon into every heading's anchor
 * link; the site's stylesheet draws it instead (`.sl-anchor-icon` in
 * src/styles/site.css), once for all pages. Runs after Starlight's
 * heading-link plugin (registered by plugins/starlight-study-guides/index.ts).
 */
export function rehypeAnchorIcon() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties.className;
      if (!Array.isArray(classes)) return undefined;
      if (classes.includes('sl-anchor-icon')) node.children = [];
      return classes.includes('sl-anchor-icon') || classes.includes('katex') ? SKIP : undefined;
    });
  };
}
