import fc from 'fast-check';
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { directiveToMarkdown } from 'mdast-util-directive';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mathToMarkdown } from 'mdast-util-math';
import { defaultHandlers, toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, serializePage } from '../../plugins/starlight-study-guides/pipeline/markdown-syntax.ts';

/** The serialiser as the library ships it: every escaping pattern over every text node. */
function serializePageAsTheLibraryDoes(tree: Root): string {
  return toMarkdown(tree, {
    extensions: [directiveToMarkdown(), gfmToMarkdown(), mathToMarkdown()],
    bullet: '-',
    emphasis: '*',
    rule: '-',
    handlers: { text: defaultHandlers.text },
  });
}

/** Pieces that put text in every construct the serialiser escapes differently: headings, lists, tables, links, emphasis, math. */
const piece = fc.constantFrom(
  '知识蒸馏', '温度', 'abc', 'KD', '42', ' ', '  ', '\n', '\n\n', '\t', '# ', '### ', '- ', '* ', '+ ', '1. ', '2) ', '> ',
  '*', '**', '_', '__', '~', '~~', '`', '```', '[', ']', '(', ')', '![', '<', '>', '{', '}', '$', '$$', '\\', '\\*',
  '|', '|-|', ':', ':::', '!', '&', '&amp;', '#', '=', '-', '---', '"', "'", '@', 'import', 'export', 'www.a.cn', 'a@b.cn',
  'https://a.cn/x_y', '[^1]', '[ ]', '（', '）', '：', '。', '\u3000',
);
const markdown = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

/** Trees as our emitters build them: any text, next to any inline construct. */
const text = fc
  .oneof(
    fc.array(piece, { minLength: 1, maxLength: 6 }),
    // Chinese prose with nothing to escape but, maybe, a backslash before the next construct.
    fc.array(fc.constantFrom('知识蒸馏', '温度', '42', '（', '）', '。', '\\'), { minLength: 1, maxLength: 4 }),
  )
  .map((pieces): PhrasingContent => ({ type: 'text', value: pieces.join('') }));
const phrasing: fc.Arbitrary<PhrasingContent> = fc.oneof(
  { arbitrary: text, weight: 4 },
  text.map((t): PhrasingContent => ({ type: 'emphasis', children: [t] })),
  text.map((t): PhrasingContent => ({ type: 'strong', children: [t] })),
  text.map((t): PhrasingContent => ({ type: 'link', url: 'https://a.cn/', children: [t] })),
  fc.constantFrom<PhrasingContent>({ type: 'inlineCode', value: 'x' }, { type: 'break' }, { type: 'inlineMath', value: 'x^2' }),
);
const built = fc
  .tuple(fc.array(phrasing, { minLength: 1, maxLength: 6 }), fc.constantFrom('paragraph', 'heading', 'listItem', 'tableCell'))
  .map(([children, place]): Root => {
    const paragraph: Paragraph = { type: 'paragraph', children };
    if (place === 'heading') return { type: 'root', children: [{ type: 'heading', depth: 3, children }] };
    if (place === 'listItem') return { type: 'root', children: [{ type: 'list', children: [{ type: 'listItem', children: [paragraph] }] }] };
    if (place === 'tableCell') return { type: 'root', children: [{ type: 'table', children: [{ type: 'tableRow', children: [{ type: 'tableCell', children }] }] }] };
    return { type: 'root', children: [paragraph] };
  });

describe('markdown syntax › serialising pages', () => {
  it('writes every text exactly as the library’s own text handler does', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const tree = parseMarkdown(text);
        expect(serializePage(tree)).toBe(serializePageAsTheLibraryDoes(tree));
      }),
      { numRuns: 3000 },
    );
  });

  it('does so for trees built in code, where text sits next to any inline construct', () => {
    fc.assert(
      fc.property(built, (tree) => {
        expect(serializePage(tree)).toBe(serializePageAsTheLibraryDoes(tree));
      }),
      { numRuns: 3000 },
    );
  });
});
