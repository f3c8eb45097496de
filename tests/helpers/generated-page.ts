import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { visit } from 'unist-util-visit';

/** A generated page's body: the text after its frontmatter. */
export function bodyOf(page: string): string {
  return page.slice(page.indexOf('\n---\n') + 5);
}

/** Reads a generated page's body the way the site does, as Markdown. */
export function parseGeneratedPage(page: string): Root {
  return fromMarkdown(bodyOf(page), {
    extensions: [gfm(), math(), cjkFriendlyExtension()],
    mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
  });
}

/** The raw HTML of a page's tree: what reaches the page as markup rather than text. */
export function rawHtml(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, 'html', (node) => void found.push(node.value));
  return found;
}
