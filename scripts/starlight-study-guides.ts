import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StarlightPlugin } from '@astrojs/starlight/types';
import { buildContent, defaultPaths, describeFailure } from './build-content.ts';

/**
 * Wires the content pipeline into `astro build` and `astro dev`: pages are
 * generated before Starlight loads its docs collection, the sidebar gets one
 * group per guide, and in dev an edited source regenerates its pages.
 */
export function studyGuides(): StarlightPlugin {
  return {
    name: 'study-guides',
    hooks: {
      'config:setup'({ astroConfig, updateConfig, addIntegration, logger, command }) {
        const root = fileURLToPath(astroConfig.root);
        const paths = defaultPaths(root);
        const result = buildContent(paths, root);
        if (result.diagnostics.length > 0) throw new Error(describeFailure(result.diagnostics));
        updateConfig({
          sidebar: result.guides.map((guide) => ({
            label: guide.title,
            items: [{ autogenerate: { directory: guide.slug } }],
          })),
        });
        if (command !== 'dev') return;
        addIntegration({
          name: 'study-guides-watch',
          hooks: {
            'astro:server:setup'({ server }) {
              server.watcher.add(paths.guidesDir);
              server.watcher.on('change', (path) => {
                if (!path.startsWith(paths.guidesDir)) return;
                const rebuilt = buildContent(paths, root);
                if (rebuilt.diagnostics.length > 0) logger.error(describeFailure(rebuilt.diagnostics));
                else logger.info(`${relative(root, path)}：已重新生成 ${rebuilt.written?.length ?? 0} 个页面`);
              });
            },
          },
        });
      },
    },
  };
}
