import { directiveToMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown, mathToMarkdown } from 'mdast-util-math';
import { defaultHandlers, toMarkdown } from 'mdast-util-to-markdown';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import type { Root, Text } from 'mdast';
import type { Options as ParseOptions } from 'mdast-util-from-markdown';
import type { Handle, Options as SerializeOptions, Unsafe } from 'mdast-util-to-markdown';

// The extensions are built once and shared by every call, as a unified
// processor shares them across files; the serialiser then also keeps the
// regular expressions it compiles from them. Each call gets its own options object.
const syntax = {
  extensions: [gfm(), math(), cjkFriendlyExtension()],
  mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
} satisfies ParseOptions;

const pageExtensions = [directiveToMarkdown(), gfmToMarkdown(), mathToMarkdown()];
const markdownExtensions = [gfmToMarkdown(), mathToMarkdown()];

/**
 * The serialiser runs each of its ~100 escaping patterns over every text node:
 * the biggest cost of writing pages. A pattern only ever escapes the character
 * it names (backslashes have patterns of their own), so each text node is
 * checked against the patterns of the characters it holds. One that holds none
 * comes out as it went in, as about half the text nodes of a Chinese guide do.
 */
const text: Handle = (node: Text, parent, state, info) => {
  const all = state.unsafe;
  const relevant = patternsFor(all, node.value);
  if (relevant === undefined) return node.value;
  // Only `state.safe` reads the patterns, and a text node has no children.
  state.unsafe = relevant;
  try {
    return defaultHandlers.text(node, parent, state, info);
  } finally {
    state.unsafe = all;
  }
};

interface PatternIndex {
  byCharacter: Map<string, Unsafe[]>;
  /** Matches any character some pattern escapes. */
  escapable: RegExp;
}

const patternIndexes = new WeakMap<Unsafe[], PatternIndex>();

/** The patterns that can apply to `value`; undefined when it needs no escaping at all. */
function patternsFor(all: Unsafe[], value: string): Unsafe[] | undefined {
  let index = patternIndexes.get(all);
  if (!index) {
    const byCharacter = Map.groupBy(all, (pattern) => pattern.character);
    const escapable = new RegExp(`[${[...byCharacter.keys()].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('')}]`, 'gu');
    index = { byCharacter, escapable };
    patternIndexes.set(all, index);
  }
  const found = value.match(index.escapable);
  return found ? [...new Set(found)].flatMap((character) => index.byCharacter.get(character)!) : undefined;
}

const style = { bullet: '-', emphasis: '*', rule: '-', handlers: { text } } satisfies SerializeOptions;

/**
 * The one Markdown dialect of our sources: CommonMark + GFM + `$` math, with
 * CJK-friendly emphasis so `**答案：**知识` is bold as the author meant.
 * The site renders generated pages with the same extensions (see astro.config.mjs).
 */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { ...syntax });
}

/**
 * How mdast is serialised as a page. The serialiser escapes `<` wherever it
 * would open raw HTML or an autolink, and the directive extension escapes
 * `:::` that Starlight would turn into an aside, so source text stays text:
 * the only raw HTML on a page is markup our emitters build as `html` nodes.
 */
export function serializePage(tree: Root): string {
  return toMarkdown(tree, { extensions: pageExtensions, ...style });
}

/** Serialises mdast as plain Markdown (GFM + `$` math), for readers and tools outside the site. */
export function serializeMarkdown(tree: Root): string {
  return toMarkdown(tree, { extensions: markdownExtensions, ...style }).trim();
}
