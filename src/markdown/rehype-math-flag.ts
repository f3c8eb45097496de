import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { EXIT, visit } from 'unist-util-visit';

/**
 * Marks a page whose rendered content holds KaTeX output with `math: true` in
 * the frontmatter Astro hands back from `render()`, so the page head can load
 * KaTeX's stylesheet only where formulas are.
 */
export function rehypeMathFlag() {
  return (tree: Root, file: VFile) => {
    let hasMath = false;
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties.className;
      if (Array.isArray(classes) && classes.includes('katex')) {
        hasMath = true;
        return EXIT;
      }
      return undefined;
    });
    if (!hasMath) return;
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.math = true;
  };
}
