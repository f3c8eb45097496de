import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ExpressiveCodeAnnotation,
  type ExpressiveCodeBlock,
  type ExpressiveCodePlugin,
  type ExpressiveCodeTheme,
  InlineStyleAnnotation,
  type StyleVariant,
  getStableObjectHash,
  pluginShiki,
} from '@astrojs/starlight/expressive-code';
import type { StarlightUserConfig } from '@astrojs/starlight/types';
import type { AstroConfig } from 'astro';

/**
 * What Shiki gives one code block, as Expressive Code's Shiki plugin keeps it:
 * each line's styles, every one for a run of columns in one theme and drawn
 * first (`renderPhase: 'earliest'`), as
 * `[styleVariantIndex, columnStart, columnEnd, color, fontStyle, bgColor]`, where
 * fontStyle sums italic 1, bold 2, underline 4 and strikethrough 8, as Shiki's does.
 * (The annotations as objects would make the real guide's 15 blocks 880 KB of JSON, 120 KB this way.)
 */
export type LineStyles = LineStyle[][];
type LineStyle = [number, number, number, string | undefined, number, string?];

/** One of Shiki's annotations, as LineStyles keeps it; undefined for any other kind, which only a live block can take. */
export function lineStyle(annotation: ExpressiveCodeAnnotation): LineStyle | undefined {
  if (!(annotation instanceof InlineStyleAnnotation) || annotation.renderPhase !== 'earliest' || !annotation.inlineRange || annotation.styleVariantIndex === undefined) return undefined;
  const { styleVariantIndex, inlineRange, color, bgColor, italic, bold, underline, strikethrough } = annotation;
  const fontStyle = Number(italic) | (Number(bold) << 1) | (Number(underline) << 2) | (Number(strikethrough) << 3);
  return [styleVariantIndex, inlineRange.columnStart, inlineRange.columnEnd, color, fontStyle, ...(bgColor ? [bgColor] : [])] as LineStyle;
}

/** The annotation a style kept by lineStyle stands for. */
function styleAnnotation([styleVariantIndex, columnStart, columnEnd, color, fontStyle, bgColor]: LineStyle): InlineStyleAnnotation {
  return new InlineStyleAnnotation({
    styleVariantIndex,
    inlineRange: { columnStart, columnEnd },
    color,
    bgColor,
    italic: (fontStyle & 1) !== 0,
    bold: (fontStyle & 2) !== 0,
    underline: (fontStyle & 4) !== 0,
    strikethrough: (fontStyle & 8) !== 0,
    renderPhase: 'earliest',
  });
}

/** The code blocks of a build, highlighted by the run ahead, for the themes named by `themes`; each block by its codeKey. */
export interface HighlightedCode {
  themes: string;
  blocks: [key: string, lines: LineStyles][];
}

/**
 * The themes Shiki colours a block for, named by what the colours depend on,
 * as Expressive Code's Shiki plugin names them: a build whose themes differ
 * from those of the run ahead highlights every block itself.
 */
export function themesKey(styleVariants: StyleVariant[]): string {
  return styleVariants.map(({ theme }) => themeKey(theme)).join('\n');
}

// Kept from the first time a theme is named, which is before Shiki loads it (see pipeline/code-ahead.ts).
const themeKeys = new WeakMap<ExpressiveCodeTheme, string>();
function themeKey(theme: ExpressiveCodeTheme): string {
  let key = themeKeys.get(theme);
  if (key === undefined) themeKeys.set(theme, (key = `${theme.name}-${getStableObjectHash({ bg: theme.bg, fg: theme.fg, settings: theme.settings })}`));
  return key;
}

/** A block as Shiki sees it: its language and its code, once Expressive Code has trimmed it. */
export const codeKey = (block: ExpressiveCodeBlock): string => `${block.language}\n${block.code}`;

/**
 * Starlight's `expressiveCode` option with Shiki's plugin replaced by
 * pluginShikiAhead, or undefined when the site sets Shiki up in a way of its
 * own (its themes, languages, options or Shiki plugin, or an `ec.config.mjs`), which the run
 * ahead does not know: Expressive Code then highlights every block, as usual.
 */
export function withShikiAhead(
  expressiveCode: StarlightUserConfig['expressiveCode'],
  astroConfig: Pick<AstroConfig, 'root' | 'markdown'>,
  highlighted: () => Promise<HighlightedCode | undefined>,
): StarlightUserConfig['expressiveCode'] | undefined {
  if (expressiveCode === false) return undefined;
  const options = expressiveCode === true || expressiveCode === undefined ? {} : expressiveCode;
  const { langs = [], langAlias = {} } = astroConfig.markdown.shikiConfig;
  const ownSetup =
    (options.shiki !== undefined && options.shiki !== true) ||
    options.themes !== undefined ||
    options.plugins?.flat().some((plugin) => plugin.name === 'Shiki') ||
    langs.length > 0 ||
    Object.keys(langAlias).length > 0 ||
    existsSync(join(fileURLToPath(astroConfig.root), 'ec.config.mjs'));
  if (ownSetup) return undefined;
  // Expressive Code adds its own Shiki plugin only when none of the plugins is named Shiki; put first, as its own would be.
  return { ...options, plugins: [pluginShikiAhead(highlighted), ...(options.plugins ?? [])] };
}

/**
 * Expressive Code's Shiki plugin, taking each block's highlighting from the
 * run ahead (pipeline/code-ahead.ts) when it holds the block for the same
 * themes, and highlighting any other block itself, as Expressive Code would.
 * `highlighted` is asked the first time a block is highlighted: the run ahead
 * may still be at it.
 */
export function pluginShikiAhead(highlighted: () => Promise<HighlightedCode | undefined>): ExpressiveCodePlugin {
  const highlight = pluginShiki().hooks!.performSyntaxAnalysis!;
  let ahead: Promise<{ themes: string; blocks: Map<string, LineStyles> } | undefined> | undefined;
  return {
    name: 'Shiki',
    hooks: {
      async performSyntaxAnalysis(context) {
        ahead ??= highlighted().then((code) => code && { themes: code.themes, blocks: new Map(code.blocks) });
        const found = await ahead;
        const { codeBlock, styleVariants } = context;
        const lines = found?.themes === themesKey(styleVariants) ? found.blocks.get(codeKey(codeBlock)) : undefined;
        if (!lines) return highlight(context);
        codeBlock.getLines().forEach((line, index) => {
          for (const style of lines[index] ?? []) line.addAnnotation(styleAnnotation(style));
        });
      },
    },
  };
}
