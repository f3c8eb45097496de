import type { Html, Root, Text } from 'mdast';
import type { InlineMath } from 'mdast-util-math';
import { visit } from 'unist-util-visit';

/**
 * Raw HTML in a source is shown, never interpreted: the question bank is
 * published verbatim, and an HTML block must not become markup or script.
 */
export function htmlAsText(tree: Root): void {
  visit(tree, 'html', (node: Html, index, parent) => {
    if (!parent || index === undefined) return;
    const text: Text = { type: 'text', value: node.value, position: node.position };
    if (parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem') {
      parent.children[index] = { type: 'paragraph', children: [text], position: node.position };
    } else {
      parent.children[index] = text;
    }
  });
}

/**
 * `$5 and $6` is prices, not math. micromark pairs any two dollars; we apply
 * Pandoc's rule on top: the opening `$` is followed by a non-space, the
 * closing `$` is preceded by a non-space and not followed by a digit.
 */
export function currencyDollarsAsText(tree: Root, source: string): void {
  visit(tree, 'inlineMath', (node: InlineMath, index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (!parent || index === undefined || start === undefined || end === undefined) return;
    const raw = source.slice(start, end);
    const fence = /^\$+/.exec(raw)?.[0].length ?? 1;
    const inner = raw.slice(fence, raw.length - fence);
    const isMath = /^\S/.test(inner) && /\S$/.test(inner) && !/^\d/.test(source.charAt(end));
    if (!isMath) parent.children[index] = { type: 'text', value: raw, position: node.position };
  });
}
