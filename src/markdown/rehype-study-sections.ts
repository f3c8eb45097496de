import type { Element, ElementContent, Root, RootContent } from 'hast';

/**
 * Wraps each `##` section of a generated page in `<section data-section="…">`
 * with its content in `<div class="study-section-body">`, so self-test mode,
 * review and print can hide, show and break pages per section. Runs after
 * rehypeSectionIds. Sections listed in `unsearchedSections` stay out of the
 * search index.
 */
export function rehypeStudySections() {
  return (tree: Root, file: { data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
    const frontmatter = file.data.astro?.frontmatter;
    if (!Array.isArray(frontmatter?.sections)) return;
    const unsearched = Array.isArray(frontmatter.unsearchedSections) ? (frontmatter.unsearchedSections as string[]) : [];
    tree.children = wrap(tree.children, (section) => {
      if (unsearched.includes(String(section.properties.dataSection))) section.properties.dataPagefindIgnore = 'all';
    });
  };
}

function wrap(nodes: RootContent[], each: (section: Element) => void): RootContent[] {
  const result: RootContent[] = [];
  const sections: Element[] = [];
  let current: Element | undefined;
  for (const node of nodes) {
    if (node.type === 'element' && node.tagName === 'h2') {
      const body: Element = { type: 'element', tagName: 'div', properties: { className: ['study-section-body'] }, children: [] };
      current = {
        type: 'element',
        tagName: 'section',
        properties: { className: ['study-section'], dataSection: String(node.properties.id ?? '') },
        children: [node, body],
      };
      result.push(current);
      sections.push(current);
    } else if (current) {
      (current.children[1] as Element).children.push(node as ElementContent);
    } else {
      result.push(node);
    }
  }
  sections.forEach(each);
  return result;
}
