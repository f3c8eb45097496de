import {
  ExpressiveCode,
  ExpressiveCodeBlock,
  type ExpressiveCodeLine,
  ExpressiveCodeTheme,
  type ExpressiveCodePlugin,
  type StyleVariant,
  pluginShiki,
} from '@astrojs/starlight/expressive-code';
import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { type HighlightedCode, codeKey, pluginShikiAhead, themesKey } from '../../plugins/starlight-study-guides/integrations/shiki-ahead-plugin.ts';
import { siteUrl } from '../../plugins/starlight-study-guides/model/site-url.ts';
import { highlightAhead } from '../../plugins/starlight-study-guides/pipeline/code-ahead.ts';
import { generateSite } from '../../plugins/starlight-study-guides/pipeline/generate-site.ts';
import { parseMarkdown } from '../../plugins/starlight-study-guides/pipeline/markdown-syntax.ts';
import { readGuideSources } from '../../plugins/starlight-study-guides/pipeline/read/read-guides.ts';
import { readSolutions } from '../../plugins/starlight-study-guides/pipeline/read/read-solutions.ts';

const guidesDir = new URL('../../src/guides/', import.meta.url).pathname;

/**
 * Expressive Code's engine as Starlight sets it up in Astro's process for
 * this site (astro.config.mjs: Starlight's default themes, lines wrapped),
 * from Starlight's own configuration of it. A new engine each time: Shiki
 * changes the themes it is given.
 */
async function starlightEngine(): Promise<ExpressiveCode> {
  const preprocessor = new URL('./integrations/expressive-code/preprocessor.js', import.meta.resolve('@astrojs/starlight')).href;
  const { getStarlightEcConfigPreprocessor } = await import(/* @vite-ignore */ preprocessor);
  const untranslated = Object.assign(() => undefined, { exists: () => false });
  const starlightConfig = { defaultLocale: { lang: 'zh-CN' }, locales: { root: { lang: 'zh-CN' } }, isMultilingual: false };
  const preprocess = getStarlightEcConfigPreprocessor({ docsPath: '', starlightConfig, useTranslations: () => untranslated });
  return new ExpressiveCode(preprocess({ ecConfig: { defaultProps: { wrap: true } }, astroConfig: {} }));
}

/** The pages the plugin generates from the real guides. */
function realPages(): string[] {
  const { sources } = readGuideSources(guidesDir, guidesDir);
  const site = generateSite(sources, { siteUrl: siteUrl(undefined), solutions: readSolutions(new URL('../../src/math/', import.meta.url).pathname) });
  expect(site.diagnostics).toEqual([]);
  return [...site.pages.values()];
}

/** Every code block of `pages`, as Expressive Code gets it from the Markdown. */
function codeBlocksOf(pages: string[]): ExpressiveCodeBlock[] {
  const blocks: ExpressiveCodeBlock[] = [];
  for (const page of pages) {
    visit(parseMarkdown(page), 'code', (node: Code) => void blocks.push(new ExpressiveCodeBlock({ code: node.value, language: node.lang ?? '', meta: node.meta ?? '' })));
  }
  return blocks;
}

/** The lines' annotations once `plugin` has highlighted `block` for `styleVariants`, as plain data. */
async function highlighted(plugin: ExpressiveCodePlugin, block: ExpressiveCodeBlock, styleVariants: StyleVariant[]) {
  const copy = new ExpressiveCodeBlock({ code: block.code, language: block.language, meta: block.meta });
  const warnings: string[] = [];
  const logger = { debug() {}, info() {}, warn: (message: string) => warnings.push(message), error: (message: string) => warnings.push(message) };
  await plugin.hooks!.performSyntaxAnalysis!({ codeBlock: copy, styleVariants, config: { logger } } as never);
  return { warnings, lines: copy.getLines().map((line: ExpressiveCodeLine) => line.getAnnotations().map((annotation) => ({ ...annotation }))) };
}

const handedOver = (code: HighlightedCode) => () => Promise.resolve(code);

let pages: string[];
let ahead: HighlightedCode;
beforeAll(async () => {
  pages = realPages();
  ahead = await highlightAhead(pages);
});

describe('code blocks highlighted ahead', () => {
  it('are every code block of the generated pages, for the themes Starlight gives Expressive Code in Astro’s process', async () => {
    const blocks = codeBlocksOf(pages);
    expect(blocks.length).toBeGreaterThanOrEqual(15);
    const keys = new Set(ahead.blocks.map(([key]) => key));
    for (const block of blocks) expect(keys.has(codeKey(block)), codeKey(block)).toBe(true);
    expect(ahead.themes).toBe(themesKey((await starlightEngine()).styleVariants));
  });

  it('put on each line the styles Shiki would, with nothing highlighted again in Astro’s process', async () => {
    const live = pluginShiki();
    for (const block of codeBlocksOf(pages)) {
      const taken = await highlighted(pluginShikiAhead(handedOver(ahead)), block, (await starlightEngine()).styleVariants);
      const own = await highlighted(live, block, (await starlightEngine()).styleVariants);
      expect(taken.lines.flat().length).toBeGreaterThan(0);
      expect(taken, codeKey(block)).toEqual(own);
    }

    // The styles come from the run ahead: one it changed shows.
    const [key, lines] = ahead.blocks[0]!;
    const recoloured: HighlightedCode = { ...ahead, blocks: [[key, lines.map((styles) => styles.map((style) => Object.assign([...style], { 3: '#123456' }) as typeof style))]] };
    const block = codeBlocksOf(pages).find((candidate) => codeKey(candidate) === key)!;
    const taken = await highlighted(pluginShikiAhead(handedOver(recoloured)), block, (await starlightEngine()).styleVariants);
    expect(new Set(taken.lines.flat().map((annotation) => (annotation as { color?: string }).color))).toEqual(new Set(['#123456']));
  });

  it('leave to Astro’s process a block they do not hold, other themes, and a language Shiki does not know', async () => {
    const newBlock = new ExpressiveCodeBlock({ code: 'const added = 1;', language: 'ts', meta: '' });
    const live = await highlighted(pluginShiki(), newBlock, (await starlightEngine()).styleVariants);
    expect(await highlighted(pluginShikiAhead(handedOver(ahead)), newBlock, (await starlightEngine()).styleVariants)).toEqual(live);
    expect(await highlighted(pluginShikiAhead(() => Promise.resolve(undefined)), newBlock, (await starlightEngine()).styleVariants)).toEqual(live);

    // Themes of the site's own: the colours of the run ahead would be wrong for them.
    const [key] = ahead.blocks[0]!;
    const block = codeBlocksOf(pages).find((candidate) => codeKey(candidate) === key)!;
    const theme = { name: 'plain', type: 'dark', colors: { 'editor.foreground': '#eeeeee', 'editor.background': '#000000' }, tokenColors: [{ scope: ['keyword', 'storage'], settings: { foreground: '#ffee00' } }] };
    const otherThemes = () => new ExpressiveCode({ themes: [ExpressiveCodeTheme.fromJSONString(JSON.stringify(theme))] }).styleVariants;
    const taken = await highlighted(pluginShikiAhead(handedOver(ahead)), block, otherThemes());
    expect(taken).toEqual(await highlighted(pluginShiki(), block, otherThemes()));
    expect(taken.lines.flat().some((annotation) => (annotation as { color?: string }).color?.toLowerCase() === '#ffee00')).toBe(true);

    const unknown = await highlightAhead(['```nosuchlanguage\nlet x = 1\n```\n']);
    expect(unknown.blocks).toEqual([]);
  });
});
