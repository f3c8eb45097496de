import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../tests/helpers/build-site.ts';

const BASELINE_DEPENDENCIES = ['@astrojs/markdown-remark', '@astrojs/starlight', 'astro', 'katex', 'rehype-katex', 'remark-math'];

/**
 * A plain Starlight site of the same questions, written as a person would
 * without our plugin: one Markdown page per question (its text as in the
 * question bank, under the question's title, then our notes on it with their
 * formulas), KaTeX through remark-math and
 * rehype-katex with KaTeX's stylesheet, and Starlight's own Pagefind search.
 * The benchmark builds it beside ours to say what our build costs over
 * Starlight's own.
 *
 * `root` must sit inside this repository, so that the build finds its
 * node_modules by walking up.
 */
export function writeStarlightBaseline(root: string, guide: string): number {
  const source = readFileSync(join(guide, 'source.md'), 'utf8');
  rmSync(root, { recursive: true, force: true });
  const docs = join(root, 'src/content/docs/questions');
  mkdirSync(docs, { recursive: true });
  // Its dependencies at our versions: Astro reads them to find the packages (Starlight) it must bundle.
  const ours = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const dependencies = Object.fromEntries(BASELINE_DEPENDENCIES.map((name) => [name, ours.dependencies[name]!]));
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({ name: 'starlight-baseline', private: true, type: 'module', scripts: { build: 'astro build' }, dependencies }, null, 2),
  );
  cpSync(join(repoRoot, 'tsconfig.json'), join(root, 'tsconfig.json'));
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

export default defineConfig({
  site: 'https://example.org',
  markdown: { processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }) },
  integrations: [
    starlight({
      title: '面试题学习指南',
      defaultLocale: 'root',
      locales: { root: { label: '简体中文', lang: 'zh-CN' } },
      customCss: ['katex/dist/katex.min.css'],
      sidebar: [{ label: '题目', items: [{ autogenerate: { directory: 'questions' } }] }],
    }),
  ],
});
`,
  );
  writeFileSync(
    join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
`,
  );
  writeFileSync(join(root, 'src/content/docs/index.md'), '---\ntitle: 面试题学习指南\n---\n\n[第 1 题](questions/1/)\n');
  // Each question: its `#### n. title` heading becomes the page title, the rest is copied as
  // written, and so are our notes on it (annotations/<n>.md: the formulas, in plain Markdown).
  const questions = [...source.matchAll(/^#### (\d+)\. (.+)\n([\s\S]*?)(?=^#### \d+\. |(?![\s\S]))/gm)];
  for (const [, number, title, body] of questions) {
    const notes = join(guide, 'annotations', `${number}.md`);
    const annotation = existsSync(notes) ? `\n\n${readFileSync(notes, 'utf8').trim()}` : '';
    writeFileSync(
      join(docs, `${number}.md`),
      `---\ntitle: ${JSON.stringify(`${number}. ${title!.trim()}`)}\nsidebar:\n  order: ${number}\n---\n\n${body!.trim()}${annotation}\n`,
    );
  }
  return questions.length;
}
