import type { Element } from 'hast';
import type { MarkdownProcessor } from '@astrojs/markdown-remark';

/**
 * Formulas written into a page's HTML after Astro's last step over its tree.
 * Astro ends every Markdown pipeline with rehype-raw, which feeds the whole
 * tree through parse5 again, then serialises it: KaTeX's hundreds of elements
 * per formula made most of that work (the real guide's pages: 0.3 s of
 * rehype-raw and 0.2 s of serialising, every cold build). So the tree holds an
 * empty slot where a formula goes, and the finished HTML gets the formula's
 * HTML, made once per distinct formula (rehype-katex-memo.ts): the same bytes
 * as a formula serialised in place, as rehype-raw leaves KaTeX's well-formed
 * markup as it is.
 */
const TAG = 'katex-formula-slot';
const SLOT = new RegExp(`<${TAG} data-slot="(\\d+)"></${TAG}>`, 'g');

/** Formulas waiting for their slot, by slot number; each is taken when its page is finished. */
const waiting = new Map<number, string>();
let nextSlot = 0;

/** An element standing for `html` until withFormulaSlots fills it in. */
export function formulaSlot(html: string): Element {
  const slot = nextSlot++;
  waiting.set(slot, html);
  return { type: 'element', tagName: TAG, properties: { dataSlot: slot }, children: [] };
}

/** `html` with every formula slot replaced by its formula. */
export function fillFormulaSlots(html: string): string {
  return html.replace(SLOT, (_, number: string) => {
    const slot = Number(number);
    const formula = waiting.get(slot);
    if (formula === undefined) throw new Error(`formula slot ${slot} is not waiting for a formula: was the page rendered twice?`);
    waiting.delete(slot);
    return formula;
  });
}

/**
 * Astro's Markdown processor, with the formulas filled into each page it renders.
 * The options object stays the processor's own: integrations add their plugins to it
 * (Starlight's Expressive Code does). MDX compiles a page's tree to JavaScript, where
 * no slot could be filled, so an MDX page is refused with a message rather than
 * shown without its formulas; every page the plugin generates is Markdown.
 */
export function withFormulaSlots<Options extends object>(processor: MarkdownProcessor<Options>): MarkdownProcessor<Options> {
  return {
    name: processor.name,
    options: processor.options,
    async createRenderer(shared) {
      const renderer = await processor.createRenderer(shared);
      return {
        async render(content, options) {
          const result = await renderer.render(content, options);
          return { ...result, code: fillFormulaSlots(result.code) };
        },
      };
    },
    createMdxRenderer() {
      throw new Error('本站的 Markdown 流程不渲染 MDX 页面（其中的公式无法填入，见 rehype/formula-slots.ts）：请把页面改为 .md。');
    },
  };
}
