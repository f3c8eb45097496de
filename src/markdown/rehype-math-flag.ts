import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { EXIT, visit } from 'unist-util-visit';

/**
 * Marks a page whose rendered content holds KaTeX output with `math: true` in
 * the frontmatter Astro hands back from `render()`, so the page head can load
 * KaTeX's stylesheet only where formulas are; `mathSections` lists the study
 * sections with formulas, for whole-guide pages that show only some sections.
 * Runs after rehypeStudySections has wrapped the sections.
 */
export function rehypeMathFlag() {
  return (tree: Root, file: VFile) => {
    if (!hasKatex(tree)) return;
    const mathSections = tree.children
      .filter((node): node is Element => node.type === 'element' && node.properties.dataSection !== undefined && hasKatex(node))
      .map((section) => String(section.properties.dataSection));
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.math = true;
    data.astro.frontmatter.mathSections = mathSections;
  };
}

function hasKatex(tree: Root | Element): boolean {
  let found = false;
  visit(tree, 'element', (node: Element) => {
    const classes = node.properties.className;
    if (Array.isArray(classes) && classes.includes('katex')) {
      found = true;
      return EXIT;
    }
    return undefined;
  });
  return found;
}
