import type { Element, Root } from 'hast';

/**
 * Gives a generated page's `##` sections the stable ASCII ids listed in its
 * frontmatter (`sections: [question, answer, explanation]`), so that
 * `/guide/6/#answer` keeps working whatever the heading text says.
 * Astro's heading-id plugin keeps an id that is already set.
 */
export function rehypeSectionIds() {
  return (tree: Root, file: { data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
    const ids = file.data.astro?.frontmatter?.sections;
    if (!Array.isArray(ids)) return;
    const headings = tree.children.filter(
      (node): node is Element => node.type === 'element' && node.tagName === 'h2',
    );
    headings.forEach((heading, index) => {
      const id = ids[index];
      if (typeof id === 'string') heading.properties.id = id;
    });
  };
}
