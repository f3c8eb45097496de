import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { mdxjs } from 'micromark-extension-mdxjs';
import { visit } from 'unist-util-visit';

/** A generated page's body: the text after its frontmatter. */
export function bodyOf(page: string): string {
  return page.slice(page.indexOf('\n---\n') + 5);
}

/** Reads a generated page's body the way the site does: a `.mdx` page as MDX, a `.md` page as Markdown. */
export function parseGeneratedPage(path: string, page: string): Root {
  const mdx = path.endsWith('.mdx');
  return fromMarkdown(bodyOf(page), {
    extensions: [...(mdx ? [mdxjs()] : []), gfm(), math(), cjkFriendlyExtension()],
    mdastExtensions: [...(mdx ? [mdxFromMarkdown()] : []), gfmFromMarkdown(), mathFromMarkdown()],
  });
}

/** What would reach the page as markup or code rather than text: raw HTML in Markdown; imports, components and expressions in MDX. */
const ACTIVE = new Set(['html', 'mdxjsEsm', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression']);

/** Each node of `tree` that is markup or code, as `type: value or name`. */
export function activeNodes(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, (node) => {
    if (!ACTIVE.has(node.type)) return;
    found.push(`${node.type}: ${'value' in node ? String(node.value) : 'name' in node ? String(node.name) : ''}`);
  });
  return found;
}
