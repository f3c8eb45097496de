import { ExpressiveCodeBlock, ExpressiveCodeEngine, type ExpressiveCodeTheme, type StyleVariant, pluginShiki } from '@astrojs/starlight/expressive-code';
import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import { type HighlightedCode, type LineStyles, codeKey, lineStyle, themesKey } from '../integrations/shiki-ahead-plugin.ts';
import { parseMarkdown } from './markdown-syntax.ts';

/**
 * Syntax highlighting of every code block on the generated pages (the coding
 * page's TypeScript, and any block a guide's text holds), done by the run
 * that generates the pages while Astro starts: highlighting them in Astro's
 * process meant loading Shiki's WebAssembly and grammar and tokenising each
 * block once per theme, about 0.4 s of its critical path for the real guide.
 * Astro's process takes the lines' styles from here (shiki-ahead-plugin.ts).
 *
 * The themes are Starlight's own, set up as Starlight sets them up when the
 * site names none; a block Shiki warns about (an unknown language) is left
 * to Astro's process, which warns where the page shows it.
 */
export async function highlightAhead(pages: Iterable<string>): Promise<HighlightedCode> {
  const styleVariants = await starlightStyleVariants();
  // Named before Shiki sees them: loading a theme adds its default colours to its settings.
  const themes = themesKey(styleVariants);
  const warnings: string[] = [];
  const logger = { debug() {}, info() {}, warn: (message: string) => warnings.push(message), error: (message: string) => warnings.push(message) };
  const highlight = pluginShiki().hooks!.performSyntaxAnalysis!;
  const blocks = new Map<string, LineStyles>();
  for (const code of codeBlocks(pages)) {
    // As rehype-expressive-code makes a block of the <pre> that Markdown gives.
    const block = new ExpressiveCodeBlock({ code: code.value.replace(/\t/g, '  '), language: code.lang ?? '', meta: code.meta ?? '' });
    const key = codeKey(block);
    // Shiki rewrites ANSI escapes in the code itself, which only a live block can take.
    if (block.language === 'ansi' || blocks.has(key)) continue;
    warnings.length = 0;
    // Of the context Expressive Code gives its hook, Shiki's reads only these.
    await highlight({ codeBlock: block, styleVariants, config: { logger } } as never);
    if (warnings.length > 0) continue;
    const lines = block.getLines().map((line) => line.getAnnotations().map(lineStyle));
    if (lines.every((styles) => styles.every((style) => style !== undefined))) blocks.set(key, lines as LineStyles);
  }
  return { themes, blocks: [...blocks] };
}

/** Every fenced or indented code block of the pages' Markdown, read as the site reads it. */
function codeBlocks(pages: Iterable<string>): Code[] {
  const found: Code[] = [];
  for (const page of pages) visit(parseMarkdown(page), 'code', (node) => void found.push(node));
  return found;
}

/**
 * Starlight's default themes, as Expressive Code's engine holds them in
 * Astro's process: loaded and adjusted by Starlight (its theming module, which
 * Starlight does not export), then given the minimum contrast the engine sets.
 */
async function starlightStyleVariants(): Promise<StyleVariant[]> {
  const theming: {
    preprocessThemes: (themes: undefined) => ExpressiveCodeTheme[];
    applyStarlightUiThemeColors: (theme: ExpressiveCodeTheme) => ExpressiveCodeTheme;
  } = await import(new URL('./integrations/expressive-code/theming.js', import.meta.resolve('@astrojs/starlight')).href);
  return new ExpressiveCodeEngine({ themes: theming.preprocessThemes(undefined), customizeTheme: theming.applyStarlightUiThemeColors }).styleVariants;
}
