import { directiveToMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown, mathToMarkdown } from 'mdast-util-math';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import type { Root } from 'mdast';
import type { Options as ParseOptions } from 'mdast-util-from-markdown';
import type { Options as SerializeOptions } from 'mdast-util-to-markdown';

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
