import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUnifiedProcessor } from '@astrojs/markdown-remark';
import type { StarlightPlugin } from '@astrojs/starlight/types';
import type { Plugin as VitePlugin } from 'vite';
import { rehypeAnchorIcon } from '../src/markdown/rehype-anchor-icon.ts';
import type { GuideSidebarItem } from '../src/utils/guide-sidebar.ts';
import { STUDY_VIEWS } from '../src/utils/study-views.ts';
import { type BuildContentResult, buildContent, defaultPaths, describeFailure } from './build-content.ts';
import { hasPage } from './lib/generate-site.ts';

/** The whole-guide pages in sidebar order: review and print come with every guide, the others when generated. */
const GUIDE_PAGES = [
  { page: 'review', label: STUDY_VIEWS.review.title, always: true },
  { page: 'formulas', label: '公式速查', always: false },
  { page: 'coding', label: '编程题', always: false },
  { page: 'print', label: STUDY_VIEWS.print.title, always: true },
];

/** One group per guide: its index and whole-guide pages, then one sub-group per topic with the questions in source order. */
function guideSidebars(result: BuildContentResult): GuideSidebarItem[] {
  return result.guides.map((guide) => {
    const titleOf = new Map(guide.questions.map((q) => [q.number, q.title]));
    return {
      label: guide.title,
      items: [
        { label: '全部题目', link: `/${guide.slug}/` },
        ...GUIDE_PAGES.filter(({ page, always }) => always || hasPage(result, `${guide.slug}/${page}`)).map(({ page, label }) => ({
          label,
          link: `/${guide.slug}/${page}/`,
        })),
        ...result.topics.get(guide.slug)!.map((topic) => ({
          label: topic.name,
          items: topic.questions.map((n) => ({ label: titleOf.get(n)!, link: `/${guide.slug}/${n}/` })),
        })),
      ],
    };
  });
}

const SIDEBARS_MODULE = 'virtual:study-guides/sidebars';
const SIDEBARS_MODULE_ID = `\0${SIDEBARS_MODULE}`;

/** Serves the guides' sidebars to the Sidebar override as `virtual:study-guides/sidebars`. */
function sidebarsModule(sidebars: () => GuideSidebarItem[]): VitePlugin {
  return {
    name: 'study-guides-sidebars',
    resolveId: (id) => (id === SIDEBARS_MODULE ? SIDEBARS_MODULE_ID : undefined),
    load: (id) => (id === SIDEBARS_MODULE_ID ? `export default ${JSON.stringify(sidebars())};` : undefined),
  };
}

/**
 * Wires the content pipeline into `astro build` and `astro dev`: pages are
 * generated before Starlight loads its docs collection, the Sidebar override
 * gets each guide's sidebar (Starlight's own holds one link per guide, see
 * src/utils/guide-sidebar.ts), and in dev an edited source regenerates its pages.
 */
export function studyGuides(): StarlightPlugin {
  return {
    name: 'study-guides',
    hooks: {
      'config:setup'({ astroConfig, config, updateConfig, addIntegration, logger, command }) {
        const root = fileURLToPath(astroConfig.root);
        const paths = defaultPaths(root);
        const base = astroConfig.base.replace(/\/?$/, '/');
        const siteUrl = new URL(base, astroConfig.site ?? 'http://localhost:4321');
        const result = buildContent(paths, root, siteUrl);
        if (result.diagnostics.length > 0) throw new Error(describeFailure(result.diagnostics));
        let sidebars = guideSidebars(result);
        updateConfig({
          sidebar: result.guides.map((guide) => ({ label: guide.title, link: `/${guide.slug}/` })),
          // Our own Chinese 404 page (src/pages/404.astro) replaces Starlight's.
          disable404Route: true,
          components: { ...config.components, MarkdownContent: './src/components/StudyMarkdownContent.astro' },
          head: [
            ...(config.head ?? []),
            // Inline and tiny: hides answers before first paint when self-test mode is on,
            // without a render-blocking request.
            { tag: 'script', content: readFileSync(new URL('../src/scripts/study-early.js', import.meta.url), 'utf8') },
          ],
        });
        addIntegration({
          name: 'study-guides-sidebars',
          hooks: {
            'astro:config:setup'({ updateConfig: updateAstroConfig }) {
              updateAstroConfig({ vite: { plugins: [sidebarsModule(() => sidebars)] } });
            },
          },
        });
        // Added as an integration so that it runs after Starlight has added its heading links.
        addIntegration({
          name: 'study-guides-anchor-icon',
          hooks: {
            'astro:config:setup'({ config: { markdown } }) {
              if (isUnifiedProcessor(markdown.processor)) markdown.processor.options.rehypePlugins.push(rehypeAnchorIcon);
            },
          },
        });
        if (command !== 'dev') return;
        addIntegration({
          name: 'study-guides-watch',
          hooks: {
            'astro:server:setup'({ server }) {
              server.watcher.add(paths.guidesDir);
              server.watcher.on('change', (path) => {
                if (!path.startsWith(paths.guidesDir)) return;
                const rebuilt = buildContent(paths, root, siteUrl);
                if (rebuilt.diagnostics.length > 0) return logger.error(describeFailure(rebuilt.diagnostics));
                logger.info(`${relative(root, path)}：已重新生成 ${rebuilt.written?.length ?? 0} 个页面`);
                // A changed title or topic shows in the sidebar on the next request.
                sidebars = guideSidebars(rebuilt);
                for (const environment of Object.values(server.environments)) {
                  const module = environment.moduleGraph.getModuleById(SIDEBARS_MODULE_ID);
                  if (module) environment.moduleGraph.invalidateModule(module);
                }
              });
            },
          },
        });
      },
    },
  };
}
