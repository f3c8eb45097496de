import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import katex from 'katex';
import { katexHtmlToHast } from './katex-hast.ts';
import { rehypeKatexSearch } from './rehype-katex-search.ts';
import { rehypeScrollableFormulas } from './rehype-scrollable-formulas.ts';

/** Strict: what KaTeX would only warn about is an error, as in the build check. */
export const katexOptions = { strict: 'error' } as const;

/**
 * A formula's HTML as every page shows it, in Markdown (rehype-katex-memo.ts)
 * or in a component: KaTeX's rendering with the site's options, indexed once
 * by search, a display formula taking keyboard focus. A TeX error throws.
 */
export function renderFormula(tex: string, displayMode: boolean): string {
  const html = katex.renderToString(tex, { ...katexOptions, displayMode, throwOnError: true });
  const tree: Root = { type: 'root', children: katexHtmlToHast(html) };
  rehypeKatexSearch()(tree);
  rehypeScrollableFormulas()(tree);
  return toHtml(tree);
}
