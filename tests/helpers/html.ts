import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { SKIP, visit } from 'unist-util-visit';

export function readPage(dist: string, path: string): Root {
  return fromHtml(readFileSync(join(dist, path, 'index.html'), 'utf8'));
}

export function mainOf(tree: Root): Element {
  const main = select('main', tree);
  if (!main) throw new Error('page has no <main>');
  return main;
}

const HIDDEN_CLASSES = ['katex-html', 'sr-only'];

/** Text a sighted reader sees: no scripts, no screen-reader-only labels, formulas once; nor elements of `skippedClasses`. */
export function visibleText(node: Nodes, skippedClasses: readonly string[] = []): string {
  let text = '';
  visit(node, (child) => {
    if (child.type === 'element') {
      const classes = child.properties.className;
      if (['script', 'style', 'template'].includes(child.tagName)) return SKIP;
      if (Array.isArray(classes) && classes.some((c) => HIDDEN_CLASSES.includes(String(c)) || skippedClasses.includes(String(c)))) return SKIP;
    }
    if (child.type === 'text') text += child.value;
    return undefined;
  });
  return text;
}
