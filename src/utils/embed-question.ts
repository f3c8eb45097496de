import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';

export interface EmbedOptions {
  /** Put before every id on the page, e.g. `q6-`, so thirty questions share a page without clashes. */
  prefix: string;
  /** Top-level sections (`data-section`) to leave out, e.g. our additions on the review page. */
  omitSections?: ReadonlySet<string>;
}

/** Attributes that point at ids on the same page; hast parses each into a list. */
const ID_REFERENCES = ['htmlFor', 'ariaLabelledBy', 'ariaDescribedBy', 'ariaControls', 'headers'] as const;
const DEMOTED: Record<string, string> = { h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6' };
/** Starlight wraps each heading in `<div class="sl-heading-wrapper level-h2">`, styled by level. */
const LEVEL_CLASS = /^level-(h[1-5])$/;

/**
 * Turns a question page's rendered content into a part of a whole-guide page
 * (print, review), so those pages reuse the compiled question instead of
 * compiling a copy of every question: headings move one level down under the
 * question's own heading, ids and the links and labels that point at them get
 * the question's prefix, and scripts are dropped, so widgets stay in their
 * static, readable form.
 */
export function embedQuestionHtml(html: string, { prefix, omitSections = new Set() }: EmbedOptions): string {
  const tree: Root = fromHtml(html, { fragment: true });
  tree.children = tree.children.filter((node) => !(node.type === 'element' && omitSections.has(String(node.properties.dataSection))));
  visit(tree, 'element', (node: Element, index, parent) => {
    if ((node.tagName === 'script' || isAnchorLink(node)) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    node.tagName = DEMOTED[node.tagName] ?? node.tagName;
    const { properties } = node;
    if (Array.isArray(properties.className)) {
      properties.className = properties.className.map((name) => {
        const level = LEVEL_CLASS.exec(String(name))?.[1];
        return level ? `level-${DEMOTED[level]}` : name;
      });
    }
    if (typeof properties.id === 'string') properties.id = prefix + properties.id;
    if (typeof properties.href === 'string' && properties.href.startsWith('#') && properties.href.length > 1) {
      properties.href = `#${prefix}${properties.href.slice(1)}`;
    }
    for (const name of ID_REFERENCES) {
      const value = properties[name];
      if (Array.isArray(value)) properties[name] = value.map((id) => prefix + String(id));
    }
    return undefined;
  });
  return toHtml(tree);
}

/** The `#` link Starlight puts beside each heading, with its icon. */
function isAnchorLink(node: Element): boolean {
  return node.tagName === 'a' && Array.isArray(node.properties.className) && node.properties.className.includes('sl-anchor-link');
}
