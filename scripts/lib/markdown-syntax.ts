import { directiveToMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown, mathToMarkdown } from 'mdast-util-math';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { defaultHandlers, toMarkdown } from 'mdast-util-to-markdown';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import type { Root, Text } from 'mdast';
import type { Options as ParseOptions } from 'mdast-util-from-markdown';
import type { Handle, Options as SerializeOptions, State, Unsafe } from 'mdast-util-to-markdown';

// The extensions are built once and shared by every call, as a unified
// processor shares them across files; the serialiser then also keeps the
// regular expressions it compiles from them. Each call gets its own options object.
const syntax = {
  extensions: [gfm(), math(), cjkFriendlyExtension()],
  mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
} satisfies ParseOptions;

const mdxExtensions = [mdxToMarkdown(), directiveToMarkdown(), gfmToMarkdown(), mathToMarkdown()];
const markdownExtensions = [gfmToMarkdown(), mathToMarkdown()];

/**
 * The serialiser runs each of its ~100 escaping patterns over every text node,
 * the biggest cost of writing pages. A pattern only ever escapes the character
 * it names, so text that holds none of them, and no backslash, comes out as it
 * went in: about half the text nodes of a Chinese guide.
 */
const text: Handle = (node: Text, parent, state, info) =>
  mayNeedEscapes(state, node.value) ? defaultHandlers.text(node, parent, state, info) : node.value;

const escapableCharacters = new WeakMap<Unsafe[], RegExp>();

function mayNeedEscapes(state: State, value: string): boolean {
  let characters = escapableCharacters.get(state.unsafe);
  if (!characters) {
    const all = new Set(['\\', ...state.unsafe.map((pattern) => pattern.character)]);
    characters = new RegExp(`[${[...all].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('')}]`, 'u');
    escapableCharacters.set(state.unsafe, characters);
  }
  return characters.test(value);
}

const style = { bullet: '-', emphasis: '*', rule: '-', handlers: { text } } satisfies SerializeOptions;

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
const mdxSerialization = {
  extensions: mdxExtensions,
  // mdast-util-mdx escapes `{` and `<` but not a line that starts with
  // `import`/`export`, which MDX would run as JavaScript.
  unsafe: [
    { atBreak: true, character: 'i', after: 'mport\\b' },
    { atBreak: true, character: 'e', after: 'xport\\b' },
  ],
  ...style,
} satisfies SerializeOptions;

/** Serialises mdast as MDX (see mdxSerialization). */
export function serializeMdx(tree: Root): string {
  return toMarkdown(tree, { ...mdxSerialization });
}

/** Serialises mdast as plain Markdown (GFM + `$` math), for readers and tools outside the site. */
export function serializeMarkdown(tree: Root): string {
  return toMarkdown(tree, { extensions: markdownExtensions, ...style }).trim();
}
