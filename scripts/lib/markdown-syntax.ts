import { directiveToMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown, mathToMarkdown } from 'mdast-util-math';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { type Handle, defaultHandlers, toMarkdown } from 'mdast-util-to-markdown';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import type { Root } from 'mdast';
import type { Options as ParseOptions } from 'mdast-util-from-markdown';
import type { Options as SerializeOptions } from 'mdast-util-to-markdown';
import { memo } from './memo.ts';

// The extensions are built once and shared by every call, as a unified
// processor shares them across files; the serialiser then also keeps the
// regular expressions it compiles from them. Each call gets its own options object.
const syntax = {
  extensions: [gfm(), math(), cjkFriendlyExtension()],
  mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
} satisfies ParseOptions;

const mdxExtensions = [mdxToMarkdown(), directiveToMarkdown(), gfmToMarkdown(), mathToMarkdown()];
const markdownExtensions = [gfmToMarkdown(), mathToMarkdown()];
const style = { bullet: '-', emphasis: '*', rule: '-' } satisfies SerializeOptions;

/**
 * The one Markdown dialect of our sources: CommonMark + GFM + `$` math, with
 * CJK-friendly emphasis so `**答案：**知识` is bold as the author meant.
 * The site renders generated MDX with the same extensions (see astro.config.mjs).
 */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { ...syntax });
}

/**
 * How mdast is serialised as MDX. The MDX extension makes the serialiser
 * escape `{` and `<` wherever MDX would read them as code, and the directive
 * extension escapes `:::` that Starlight would turn into an aside, so source
 * text stays text.
 */
export const mdxSerialization = {
  extensions: mdxExtensions,
  // mdast-util-mdx escapes `{` and `<` but not a line that starts with
  // `import`/`export`, which MDX would run as JavaScript.
  unsafe: [
    { atBreak: true, character: 'i', after: 'mport\\b' },
    { atBreak: true, character: 'e', after: 'xport\\b' },
  ],
  ...style,
} satisfies SerializeOptions;

/** Serialises mdast as MDX (see mdxSerialization), reusing the text of blocks serialised before. */
export function serializeMdx(tree: Root): string {
  return toMarkdown(tree, { ...mdxSerialization, handlers: { root: rootWithBlockCache } });
}

/** Serialises mdast as plain Markdown (GFM + `$` math), for readers and tools outside the site. */
export function serializeMarkdown(tree: Root): string {
  return toMarkdown(tree, { extensions: markdownExtensions, ...style }).trim();
}

/** Block types that only ever stand on their own, so a root made of them is serialised block by block. */
const FLOW_BLOCKS = new Set(['paragraph', 'heading', 'list', 'code', 'blockquote', 'thematicBreak', 'table', 'math', 'mdxjsEsm', 'mdxJsxFlowElement']);

/** A top-level block's MDX, and the bullet it leaves for a list right after it. */
interface SerializedBlock {
  text: string;
  bullet: string | undefined;
}

/**
 * Each question's blocks are serialised for its page, the print page and the
 * review page, and again for every page on each regeneration in `astro dev`.
 * Between top-level blocks the serialiser carries one thing: the bullet of a
 * list, so that adjacent lists alternate bullets. So a block's MDX depends on
 * its content and that bullet alone, and is reused; the joins between blocks
 * are still made by the serialiser.
 */
const serializedBlocks = memo<SerializedBlock>({ entries: 20_000, keyChars: 16_000_000 });

const rootWithBlockCache: Handle = (node: Root, parent, state, info) => {
  if (parent !== undefined || !node.children.every((child) => FLOW_BLOCKS.has(child.type))) {
    return defaultHandlers.root(node, parent, state, info);
  }
  const handle = state.handle;
  const cached: Handle = (child, childParent, _, childInfo) => {
    if (childParent !== node) return handle.call(state, child, childParent, state, childInfo);
    const block = serializedBlocks(`${state.bulletLastUsed ?? ''}${JSON.stringify(child)}`, () => ({
      text: handle.call(state, child, childParent, state, childInfo),
      bullet: state.bulletLastUsed,
    }));
    state.bulletLastUsed = block.bullet;
    return block.text;
  };
  // `handle` also carries its table of handlers, which the serialiser looks into.
  state.handle = Object.assign(cached, handle);
  try {
    return defaultHandlers.root(node, parent, state, info);
  } finally {
    state.handle = handle;
  }
};
