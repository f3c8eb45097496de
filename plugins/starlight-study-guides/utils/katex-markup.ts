/**
 * KaTeX's markup as the site's pages hold it (rehype/render-formula.ts), for
 * the steps that read built pages and can pass over a formula: KaTeX writes
 * well-formed markup, so a formula, or a part of one, ends where its spans balance.
 */

/** How every formula starts: KaTeX's outermost element. */
export const FORMULA_START = '<span class="katex">';

/** KaTeX's start tag of a formula's visible rendering (its MathML copy comes before it), and the mark it takes: Pagefind leaves it out. */
export const VISIBLE = { tag: '<span class="katex-html" aria-hidden="true">', mark: ' data-pagefind-ignore=""' };

/** A formula's visible rendering as the pages hold it, marked. */
export const MARKED_VISIBLE_START = `${VISIBLE.tag.slice(0, -1)}${VISIBLE.mark}>`;

/** Each span of `html` that opens with `startTag`, as its start and end offsets, in order. */
export function* spansOf(html: string, startTag: string): Generator<[start: number, end: number]> {
  for (let start = html.indexOf(startTag); start !== -1; ) {
    const end = spanEnd(html, start);
    yield [start, end];
    start = html.indexOf(startTag, end);
  }
}

/** The text of `html` around the spans that open with `startTag`, in order. */
export function* around(html: string, startTag: string): Generator<string> {
  let from = 0;
  for (const [start, end] of spansOf(html, startTag)) {
    yield html.slice(from, start);
    from = end;
  }
  yield html.slice(from);
}

/** Where the span opening at `start` closes. */
function spanEnd(html: string, start: number): number {
  let depth = 0;
  let at = start;
  for (;;) {
    const open = html.indexOf('<span', at);
    const close = html.indexOf('</span>', at);
    if (close === -1) throw new Error(`KaTeX 公式的 <span> 没有闭合（第 ${start} 个字符起）`);
    if (open !== -1 && open < close) {
      depth++;
      at = open + '<span'.length;
    } else {
      depth--;
      at = close + '</span>'.length;
      if (depth === 0) return at;
    }
  }
}
