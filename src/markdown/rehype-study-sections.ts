import type { Element, ElementContent, Root, RootContent } from 'hast';

/**
 * Wraps each `##` section of a generated page (and, on whole-guide pages, each
 * `###` part of a question) in `<section data-section="…">` with its content
 * in `<div class="study-section-body">`, so self-test mode, review and print
 * can hide, show and break pages per section. Runs after rehypeSectionIds;
 * the `###` ids become `<question id>-<part id>`, unique on the page.
 * Sections listed in `unsearchedSections` stay out of the search index.
 */
export function rehypeStudySections() {
  return (tree: Root, file: { data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
    const frontmatter = file.data.astro?.frontmatter;
    if (!Array.isArray(frontmatter?.sections)) return;
    const subsections = Array.isArray(frontmatter.subsections) ? (frontmatter.subsections as string[][]) : undefined;
    const unsearched = Array.isArray(frontmatter.unsearchedSections) ? (frontmatter.unsearchedSections as string[]) : [];
    tree.children = wrap(tree.children, 'h2', (section, index) => {
      if (unsearched.includes(String(section.properties.dataSection))) section.properties.dataPagefindIgnore = 'all';
      const parts = subsections?.[index];
      if (!parts) return;
      const body = section.children[1] as Element;
      let part = 0;
      body.children = wrap(body.children, 'h3', (subsection) => {
        const heading = subsection.children[0] as Element;
        const id = parts[part++];
        if (id === undefined) return;
        heading.properties.id = `${section.properties.dataSection}-${id}`;
        subsection.properties.dataSection = id;
      }) as ElementContent[];
    });
  };
}

function wrap(nodes: RootContent[], tagName: 'h2' | 'h3', each: (section: Element, index: number) => void): RootContent[] {
  const result: RootContent[] = [];
  const sections: Element[] = [];
  let current: Element | undefined;
  for (const node of nodes) {
    if (node.type === 'element' && node.tagName === tagName) {
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
