import katex from 'katex';
import { VISIBLE } from '../utils/katex-markup.ts';

/** Strict: what KaTeX would only warn about is an error, as in the build check. */
export const katexOptions = { strict: 'error' } as const;

/**
 * The start tags of KaTeX's output that take our marks, exactly as KaTeX
 * writes them (a formula's visible rendering, utils/katex-markup.ts, and a block formula's box):
 * - KaTeX writes every formula twice (MathML for readers and assistive tech,
 *   HTML for the eye). Pagefind should index it once, or excerpts repeat it.
 * - A display formula wider than the column scrolls sideways (src/styles/site.css).
 *   Which ones do depends on the screen and the fonts, so every display formula
 *   takes keyboard focus, as Expressive Code does for its code blocks: a reader
 *   without a mouse can then scroll it with the arrow keys.
 */
const DISPLAY = { tag: '<span class="katex-display">', mark: ' tabindex="0"' };

/**
 * A formula's HTML as every page shows it, in Markdown (rehype-katex-memo.ts)
 * or in a component: KaTeX's rendering with the site's options, indexed once
 * by search, a display formula taking keyboard focus. A TeX error throws.
 *
 * The marks go into KaTeX's text: parsing its hundreds of elements per formula
 * into a tree to set two attributes took twice as long as KaTeX itself. A tag
 * not found as KaTeX wrote it stops the build rather than leave a formula unmarked.
 */
export function renderFormula(tex: string, displayMode: boolean): string {
  const html = katex.renderToString(tex, { ...katexOptions, displayMode, throwOnError: true });
  return [VISIBLE, ...(displayMode ? [DISPLAY] : [])].reduce((marked, { tag, mark }) => {
    const at = marked.indexOf(tag);
    if (at === -1 || marked.indexOf(tag, at + 1) !== -1) throw new Error(`KaTeX 的输出中 ${tag} 不是恰好一处：无法为公式 ${tex} 加上标记。`);
    return `${marked.slice(0, at + tag.length - 1)}${mark}${marked.slice(at + tag.length - 1)}`;
  }, html);
}

/** What identifies a formula's rendering: its text, block or inline. */
export const formulaKey = (tex: string, displayMode: boolean) => `${displayMode}\n${tex}`;

/** A formula's key (formulaKey) and its HTML. */
export type FormulaHtml = [key: string, html: string];
