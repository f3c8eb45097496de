import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUnifiedProcessor } from '@astrojs/markdown-remark';
import type { StarlightPlugin, StarlightUserConfig } from '@astrojs/starlight/types';
import type { Plugin as VitePlugin } from 'vite';
import { EARLY_SCRIPT, serviceWorkerScript } from './client/early-script.ts';
import { buildFacts } from './integrations/build-facts.ts';
import { dataStorePlugin } from './integrations/data-store-plugin.ts';
import { errorOverlayPayload, logDiagnostics } from './integrations/guide-reports.ts';
import { markdownCacheGuard } from './integrations/markdown-cache.ts';
import { withShikiAhead } from './integrations/shiki-ahead-plugin.ts';
import { tocTargetsPlugin } from './integrations/toc-targets-plugin.ts';
import { zodLocalesPlugin } from './integrations/zod-locales-plugin.ts';
import { isError } from './model/diagnostic.ts';
import type { GuideModel } from './model/guide-model.ts';
import { sitePath } from './model/pages.ts';
import { joinBase, siteUrl } from './model/site-url.ts';
import { defaultPaths } from './pipeline/content-paths.ts';
import { generationCache } from './pipeline/generation-cache.ts';
import { generatedAhead } from './pipeline/generate-ahead.ts';
import { generateOrReuse } from './pipeline/generate-or-reuse.ts';
import { rehypeAnchorIcon } from './rehype/rehype-anchor-icon.ts';
import { useFormulasAhead } from './rehype/rehype-katex-memo.ts';
import type { GuideSidebarItem } from './utils/guide-sidebar.ts';

/** Starlight's components this plugin replaces, with its own. */
const OVERRIDES = {
  Head: './overrides/Head.astro',
  MarkdownContent: './overrides/MarkdownContent.astro',
  Search: './overrides/Search.astro',
  Sidebar: './overrides/Sidebar.astro',
} as const;

/**
 * Our overrides, as absolute paths. A component the site already overrides is
 * an error naming both files: replacing it silently would drop the site's,
 * and keeping it would drop ours.
 */
export function registerOverrides(components: StarlightUserConfig['components'] = {}): Record<keyof typeof OVERRIDES, string> {
  const ours = Object.fromEntries(
    Object.entries(OVERRIDES).map(([name, path]) => [name, fileURLToPath(new URL(path, import.meta.url))]),
  ) as Record<keyof typeof OVERRIDES, string>;
  const clashes = Object.keys(OVERRIDES).filter((name) => components[name as keyof typeof components] !== undefined) as (keyof typeof OVERRIDES)[];
  if (clashes.length > 0) {
    const lines = clashes.map((name) => `  components.${name}: 网站配置的 ${components[name]}，与 study-guides 插件的 ${ours[name]} 冲突`);
    throw new Error(
      `study-guides 插件需要覆盖 Starlight 的这些组件，但 astro.config.mjs 已经覆盖了它们：\n${lines.join('\n')}\n` +
        '请删除 astro.config.mjs 中的这些 components 项；如果两者都要，在你的组件里渲染插件的组件（import 上面的路径），再把插件的路径换成你的。',
    );
  }
  return ours;
}

/** One group per guide: its index and whole-guide pages, then one sub-group per topic with the questions in source order. */
function guideSidebars(guides: GuideModel[]): GuideSidebarItem[] {
  return guides.map((guide) => ({
    label: guide.title,
    items: [
      { label: '全部题目', link: sitePath.guide(guide.slug) },
      ...guide.pages.map((page) => ({ label: page.title, link: sitePath.page(guide.slug, page.id) })),
      ...guide.topics.map((topic) => ({
        label: topic.name,
        items: topic.questions.map((n) => ({ label: guide.titleOf.get(n)!, link: sitePath.question(guide.slug, n) })),
      })),
    ],
  }));
}

const SIDEBARS_MODULE = 'virtual:study-guides/sidebars';
const SIDEBARS_MODULE_ID = `\0${SIDEBARS_MODULE}`;
const exactly = (id: string) => new RegExp(`^${RegExp.escape(id)}$`);

/** Serves the guides' sidebars (and titles) to our overrides as `virtual:study-guides/sidebars`. */
function sidebarsModule(guides: () => GuideModel[]): VitePlugin {
  const module = () => {
    const titles = Object.fromEntries(guides().map((guide) => [guide.slug, guide.title]));
    return `export default ${JSON.stringify(guideSidebars(guides()))};\nexport const guideTitles = ${JSON.stringify(titles)};`;
  };
  return {
    name: 'study-guides-sidebars',
    // Filters, matched by Rolldown itself, so that JavaScript is not called for every other module.
    resolveId: { filter: { id: exactly(SIDEBARS_MODULE) }, handler: () => SIDEBARS_MODULE_ID },
    load: { filter: { id: exactly(SIDEBARS_MODULE_ID) }, handler: module },
  };
}

/**
 * Wires the content pipeline into `astro build` and `astro dev`: pages are
 * generated before Starlight loads its docs collection; our component
 * overrides, whole-guide routes and build steps (integrations/) are
 * registered; the Sidebar override gets each guide's sidebar (Starlight's own
 * holds one link per guide, see utils/guide-sidebar.ts); and in dev any change
 * under src/guides (an edit, a new, deleted or renamed file or guide) regenerates the pages.
 */
export function studyGuides(): StarlightPlugin {
  return {
    name: 'study-guides',
    hooks: {
      async 'config:setup'({ astroConfig, config, updateConfig, addIntegration, logger, command }) {
        const components = { ...config.components, ...registerOverrides(config.components) };
        const root = fileURLToPath(astroConfig.root);
        const paths = defaultPaths(root);
        const url = siteUrl(astroConfig.site, astroConfig.base);
        // A build whose guides and code have not changed reuses the last run's pages and models;
        // under `npm run build` that last run is usually the one made while Astro started.
        const cache = generationCache(root, fileURLToPath(astroConfig.cacheDir));
        // The run ahead renders the formulas and highlights the code blocks of a build that renders every page.
        const ahead = command === 'build' ? await generatedAhead() : undefined;
        if (ahead) useFormulasAhead(ahead.formulas);
        const expressiveCode = ahead && withShikiAhead(config.expressiveCode, astroConfig, ahead.code);
        const result = await generateOrReuse(paths, root, url, cache);
        logDiagnostics(logger, result.diagnostics);
        let errors = result.diagnostics.filter(isError);
        // A broken guide is the author's to fix, not a crash: print the report and stop, with no stack trace.
        // In dev the server starts anyway, serving the last good pages, and follows the fix.
        if (errors.length > 0 && command !== 'dev') process.exit(1);
        let guides = result.guides;
        updateConfig({
          sidebar: result.guides.map((guide) => ({ label: guide.title, link: sitePath.guide(guide.slug) })),
          // Our own Chinese 404 page (routes/404.astro) replaces Starlight's.
          disable404Route: true,
          components,
          ...(expressiveCode && { expressiveCode }),
          head: [
            ...(config.head ?? []),
            { tag: 'script', content: EARLY_SCRIPT },
            // Installable and offline (integrations/service-worker.ts); the worker exists only in a built site.
            { tag: 'link', attrs: { rel: 'manifest', href: joinBase(astroConfig.base, 'manifest.webmanifest') } },
            ...(command === 'build' ? [{ tag: 'script' as const, content: serviceWorkerScript(astroConfig.base) }] : []),
          ],
        });
        // Astro must not reuse Markdown rendered by an older pipeline; this runs before anything renders.
        addIntegration(markdownCacheGuard());
        addIntegration({
          name: 'study-guides-routes',
          hooks: {
            'astro:config:setup'({ updateConfig: updateAstroConfig, injectRoute }) {
              // The table of contents finds the elements it observes without `:has()` (integrations/toc-targets-plugin.ts);
              // the pages read Astro's content store from its file (integrations/data-store-plugin.ts).
              updateAstroConfig({
                vite: { plugins: [sidebarsModule(() => guides), tocTargetsPlugin(), zodLocalesPlugin(), dataStorePlugin(astroConfig)] },
              });
              injectRoute({ pattern: '/404', entrypoint: new URL('./routes/404.astro', import.meta.url) });
              injectRoute({ pattern: '/[guide]/[view]', entrypoint: new URL('./routes/study-view.astro', import.meta.url) });
            },
          },
        });
        // For the steps that finish the pages once Astro has exited (scripts/build.ts).
        addIntegration(buildFacts(() => guides));
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
              const hot = server.environments.client.hot;
              const showErrors = () => {
                if (errors.length > 0) hot.send(errorOverlayPayload(errors));
              };
              // A page opened while a guide is broken shows the errors too.
              // (Sent to all pages, not only the new one: Astro dresses up only what goes through hot.send.)
              hot.on('vite:client:connect', showErrors);
              server.watcher.add(paths.guidesDir);
              // Renaming a file, or copying in a guide folder, is a burst of events: regenerate once after it.
              let timer: ReturnType<typeof setTimeout> | undefined;
              // The coding page shows the solution modules' code: an edit there regenerates it too.
              const sources = [paths.guidesDir, paths.solutionsDir];
              server.watcher.on('all', (_event, path) => {
                if (!sources.some((dir) => path.startsWith(dir))) return;
                clearTimeout(timer);
                timer = setTimeout(() => void regenerate(path), 50);
              });
              const regenerate = async (path: string) => {
                const rebuilt = await generateOrReuse(paths, root, url, cache);
                logDiagnostics(logger, rebuilt.diagnostics);
                errors = rebuilt.diagnostics.filter(isError);
                if (errors.length > 0) return showErrors();
                logger.info(`${relative(root, path)}：已重新生成 ${rebuilt.written?.length ?? 0} 个页面，删除 ${rebuilt.removed?.length ?? 0} 个`);
                // A changed title, topic or guide shows in the sidebar on the next request.
                guides = rebuilt.guides;
                for (const environment of Object.values(server.environments)) {
                  const module = environment.moduleGraph.getModuleById(SIDEBARS_MODULE_ID);
                  if (module) environment.moduleGraph.invalidateModule(module);
                }
              };
            },
          },
        });
      },
    },
  };
}
