import type { ElementContent } from 'hast';
import { h, s } from 'hastscript';
import { Parser } from 'htmlparser2';

/** An element whose end tag has not come yet. */
interface OpenElement {
  tagName: string;
  attributes: Record<string, string>;
  children: ElementContent[];
  svg: boolean;
}

/**
 * KaTeX's HTML for a formula as hast: the tree rehype-katex makes of it
 * (hast-util-from-html-isomorphic, a full HTML parse by parse5), built from
 * htmlparser2's tokens instead, which takes a tenth of the time. Tokens are
 * enough because KaTeX writes well-formed markup: every element is closed,
 * and `/>` ends only SVG's empty elements. Elements are made as
 * hast-util-from-parse5 makes them, with hastscript, in SVG's space from
 * `<svg>` down. tests/unit/katex-hast.test.ts checks the trees are the same
 * for every formula of the real guide and the constructs KaTeX draws in SVG.
 */
export function katexHtmlToHast(html: string): ElementContent[] {
  const top: ElementContent[] = [];
  const open: OpenElement[] = [];
  const childrenNow = () => open.at(-1)?.children ?? top;
  const parser = new Parser(
    {
      onopentag(tagName, attributes) {
        open.push({ tagName, attributes, children: [], svg: tagName === 'svg' || (open.at(-1)?.svg ?? false) });
      },
      ontext(value) {
        // The tokenizer may hand one text over in pieces (at character references).
        const children = childrenNow();
        const last = children.at(-1);
        if (last?.type === 'text') last.value += value;
        else children.push({ type: 'text', value });
      },
      onclosetag() {
        const { tagName, attributes, children, svg } = open.pop()!;
        childrenNow().push((svg ? s : h)(tagName, attributes, children));
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  return top;
}
