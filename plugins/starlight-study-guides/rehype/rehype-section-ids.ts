import type { Element, Root } from 'hast';

interface Frontmatter {
  sections?: unknown;
  addedSections?: unknown;
  anchors?: unknown;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * Gives a generated page's `##` sections the stable ASCII ids listed in its
 * frontmatter (`sections: [question, answer, explanation]`), so that
 * `/guide/6/#answer` keeps working whatever the heading text says; gives the
 * `###` headings of a section the ids in `anchors[section]` (one per formula);
 * and labels every section listed in `addedSections` as ours (本站补充).
 * Astro's heading-id plugin keeps an id that is already set.
 */
export function rehypeSectionIds() {
  return (tree: Root, file: { data: { astro?: { frontmatter?: Frontmatter } } }) => {
    const frontmatter = file.data.astro?.frontmatter;
    const ids = strings(frontmatter?.sections);
    if (ids.length === 0) return;
    const added = new Set(strings(frontmatter?.addedSections));
    const anchors = frontmatter?.anchors && typeof frontmatter.anchors === 'object' ? (frontmatter.anchors as Record<string, unknown>) : {};
    let sectionIndex = -1;
    let pending: string[] = [];
    const children = [...tree.children];
    tree.children = [];
    for (const node of children) {
      tree.children.push(node);
      if (node.type !== 'element') continue;
      if (node.tagName === 'h2') {
        const id = ids[++sectionIndex];
        pending = [];
        if (id === undefined) continue;
        node.properties.id = id;
        pending = [...strings(anchors[id])];
        if (added.has(id)) {
          node.properties.className = ['added-section'];
          tree.children.push(addedBadge());
        }
      } else if (node.tagName === 'h3' && pending.length > 0) {
        node.properties.id = pending.shift()!;
      }
    }
  };
}

/** Under each added heading: says the section is not part of the source text. */
function addedBadge(): Element {
  return {
    type: 'element',
    tagName: 'p',
    properties: { className: ['added-badge'], dataPagefindIgnore: '' },
    children: [
      { type: 'element', tagName: 'span', properties: { className: ['added-badge-label'] }, children: [{ type: 'text', value: '本站补充' }] },
      { type: 'text', value: '本节由本站编写，不是题库原文。' },
    ],
  };
}
