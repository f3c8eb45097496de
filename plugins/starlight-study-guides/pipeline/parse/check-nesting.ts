import type { Nodes, Root } from 'mdast';
import { type Diagnostic, diagnostic } from '../../model/diagnostic.ts';
import { parseMarkdown } from '../markdown-syntax.ts';

/**
 * How deep Markdown may nest: lists in lists in quotes, emphasis in links,
 * and so on. Real text stays far below it. Above it the serialiser slows
 * down faster than the square of the depth: two lines ending in 2,000 `*`
 * each nest 1,100 levels of bold and took minutes to write as a page.
 */
const MAX_NESTING = 32;

/**
 * Parses a file, or says why its Markdown cannot become pages: nested past
 * MAX_NESTING, or so deep (thousands of `>`) that the parser runs out of
 * stack. Callers stop there, before anything else walks the tree.
 */
export function parseWithinNesting(text: string, file: string): { tree: Root; diagnostics: Diagnostic[] } | { tree: undefined; diagnostics: Diagnostic[] } {
  let tree: Root;
  try {
    tree = parseMarkdown(text);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { tree: undefined, diagnostics: [diagnostic(file, undefined, 'nesting-too-deep', `Markdown 嵌套得太深，无法解析（上限 ${MAX_NESTING} 层）`, '多半是某一行连续多打了 >、* 或 _：删掉多余的标记。')] };
  }
  const tooDeep = firstTooDeep(tree, 0);
  if (!tooDeep) return { tree, diagnostics: [] };
  const reason = `Markdown 在这里嵌套超过 ${MAX_NESTING} 层（强调、链接、列表或引用一层套一层）`;
  return { tree: undefined, diagnostics: [diagnostic(file, tooDeep.position?.start, 'nesting-too-deep', reason, '多半是连续多打了 * 或 _：删掉多余的标记。')] };
}

/** The first node deeper than MAX_NESTING; recursion stops one level below the limit, so its own depth is bounded. */
function firstTooDeep(node: Nodes, depth: number): Nodes | undefined {
  if (depth > MAX_NESTING) return node;
  if (!('children' in node)) return undefined;
  for (const child of node.children) {
    const found = firstTooDeep(child, depth + 1);
    if (found) return found;
  }
  return undefined;
}
