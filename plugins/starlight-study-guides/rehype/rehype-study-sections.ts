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
    tree.children = wrapSections(tree.children, new Set(unsearched));
  };
}

function wrapSections(nodes: RootContent[], unsearched: ReadonlySet<string>): RootContent[] {
  const result: RootContent[] = [];
  let current: Element | undefined;
  for (const node of nodes) {
    if (node.type === 'element' && node.tagName === 'h2') {
      const id = String(node.properties.id ?? '');
      const body: Element = { type: 'element', tagName: 'div', properties: { className: ['study-section-body'] }, children: [] };
      current = {
        type: 'element',
        tagName: 'section',
        properties: { className: ['study-section'], dataSection: id, ...(unsearched.has(id) ? { dataPagefindIgnore: 'all' } : {}) },
        children: [node, body],
      };
      result.push(current);
    } else if (current) {
      (current.children[1] as Element).children.push(node as ElementContent);
    } else {
      result.push(node);
    }
  }
  return result;
}
