import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import katex from 'katex';
import { rehypeKatexSearch } from './rehype-katex-search.ts';
import { rehypeScrollableFormulas } from './rehype-scrollable-formulas.ts';
import { katexOptions } from './plugins.ts';

/**
 * Renders TeX written in a component (not in Markdown) exactly as the
 * Markdown pipeline does: same KaTeX options, same search-index treatment, same keyboard focus.
 * A TeX error throws, which fails the build.
 */
export function renderFormula(tex: string, displayMode: boolean): string {
  const html = katex.renderToString(tex, { ...katexOptions, displayMode, throwOnError: true });
  const tree = fromHtml(html, { fragment: true });
  rehypeKatexSearch()(tree);
  rehypeScrollableFormulas()(tree);
  return toHtml(tree);
}
