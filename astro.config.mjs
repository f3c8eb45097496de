// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import { rehypePlugins, remarkPlugins } from './plugins/starlight-study-guides/rehype/plugins.ts';
import { withFormulaSlots } from './plugins/starlight-study-guides/rehype/formula-slots.ts';
import { studyGuides } from './plugins/starlight-study-guides/index.ts';
import { DEFAULT_SITE } from './plugins/starlight-study-guides/model/site-url.ts';

// Deploy targets set these (see README, “部署”); the defaults serve a local preview.
const site = process.env.SITE ?? DEFAULT_SITE;
const base = process.env.BASE ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  vite: {
    // Test and benchmark builds write whole sites inside the project; `astro dev` should not watch
    // them. Only this project's own: a copy of the project inside .test-sites watches itself.
    server: { watch: { ignored: ['.test-sites/**', 'bench-results/**'].map((dir) => fileURLToPath(new URL(dir, import.meta.url))) } },
    build: {
      // KaTeX's fonts stay files: pages inline the @font-face rules they need
      // (plugins/starlight-study-guides/integrations/inline-katex-styles.ts), and a font as data: would be copied into each.
      assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
      rollupOptions: {
        output: {
          // One file for the study tools' shared code: a question page needs both, and each file costs a request and its own compression.
          manualChunks: (id) => (/client\/(hideable-section|study-storage)\.ts$/.test(id) ? 'study-tools' : undefined),
        },
      },
    },
  },
  markdown: {
    // Formulas go into each page's HTML once Astro is done with its tree (formula-slots.ts).
    processor: withFormulaSlots(
      unified({
        // Source text is published verbatim: no curly quotes or dashes added.
        smartypants: false,
        remarkPlugins,
        rehypePlugins,
      }),
    ),
  },
  integrations: [
    starlight({
      title: '面试题学习指南',
      description: '把中文面试题库整理成可搜索、可逐题链接的学习指南。',
      defaultLocale: 'root',
      locales: { root: { label: '简体中文', lang: 'zh-CN' } },
      favicon: '/favicon.svg',
      // The search index is built after `astro build` has exited (`npm run build`,
      // scripts/build.ts), not inside its process; pages keep Starlight's
      // `data-pagefind-body`, and the search box is our override.
      pagefind: false,
      // KaTeX's stylesheet is linked by the plugin's Head override, on pages with formulas only.
      customCss: ['./src/styles/site.css'],
      lastUpdated: false,
      // Long lines wrap instead of scrolling: readable on phones, and no unlabelled scroll regions.
      expressiveCode: { defaultProps: { wrap: true } },
      // `npm run build` checks every link of the built pages (scripts/build.ts).
      plugins: [studyGuides()],
    }),
  ],
});
