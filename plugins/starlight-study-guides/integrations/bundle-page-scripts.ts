import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rolldown } from 'rolldown';
import { detached } from '../utils/detached.ts';
import type { PagesStep } from './built-pages.ts';

/** Below this size (minified, before compression) a page's bundle is inlined instead of fetched. */
const INLINE_LIMIT = 1024;

const ENTRY = '\0page-scripts';

/**
 * After the build, gives each page one script to fetch instead of one per
 * component: Astro emits every component's `<script>` as its own module, and
 * the chunks they share as more, so a question page fetched about ten small
 * files, a round trip each on a phone. Pages that load the same modules (one
 * set per kind of page, whatever the site's size) share one bundle of them,
 * made by Rolldown, Vite's bundler, from the built files, in the order the
 * page loaded them; a module loaded on demand (`import()`, like the search
 * UI) stays a file of its own and still loads on demand. A bundle that is tiny
 * and imports nothing is written into the page instead. New component scripts
 * fold in without being named here.
 */
export function pageScripts(dist: string, base: string): PagesStep {
  const assets = `${base}_astro/`;
  const moduleScript = new RegExp(`<script type="module" src="(${escape(assets)}[^"/]+\\.js)"></script>`, 'g');
  const pages = new Map<string, string[]>();
  return {
    read(file, html) {
      const sources = [...new Set([...html.matchAll(moduleScript)].map((m) => detached(m[1]!)))];
      if (sources.length > 1) pages.set(file, sources);
    },

    async prepare() {
      // One bundle per kind of page, made side by side: Rolldown works in threads of its own.
      const kinds = [...new Set([...pages.values()].map((s) => s.join('\n')))];
      const bundles = await Promise.all(kinds.map((sources) => bundle(join(dist, '_astro'), assets, sources.split('\n'))));
      const tags = new Map(kinds.map((sources, i) => [sources, bundles[i]!]));
      return {
        report: `${pages.size} 个页面的脚本已合并为 ${tags.size} 个按页面类型划分的文件`,
        rewrite(file, html) {
          const sources = pages.get(file);
          if (sources === undefined) return html;
          let first = true;
          return html.replace(moduleScript, (tag, src: string) => {
            if (!sources.includes(src)) return tag;
            if (!first) return '';
            first = false;
            return tags.get(sources.join('\n'))!;
          });
        },
      };
    },
  };
}

/** Bundles the modules at `sources` (URLs under `assets`, the folder `dir`) and returns the <script> that loads them. */
async function bundle(dir: string, assets: string, sources: string[]): Promise<string> {
  const build = await rolldown({
    input: ENTRY,
    logLevel: 'silent',
    plugins: [
      {
        name: 'page-scripts',
        resolveId(id, _importer, options) {
          if (id === ENTRY) return id;
          // Loaded on demand: left to load as before, from its own file beside the bundle.
          if (options.kind === 'dynamic-import') return { id, external: true };
          return undefined;
        },
        load(id) {
          if (id !== ENTRY) return undefined;
          return sources.map((src) => `import ${JSON.stringify(join(dir, src.slice(assets.length)))};`).join('\n');
        },
      },
    ],
  });
  const { output } = await build.generate({ format: 'es', minify: true });
  await build.close();
  const [chunk] = output;
  if (output.length !== 1 || chunk.type !== 'chunk') throw new Error(`页面脚本应打包为一个文件，实际为 ${output.length} 个`);
  if (chunk.code.length < INLINE_LIMIT && chunk.imports.length === 0 && chunk.dynamicImports.length === 0 && !/<\/script/i.test(chunk.code)) {
    return `<script type="module">${chunk.code.trim()}</script>`;
  }
  const name = `page-scripts.${createHash('sha256').update(chunk.code).digest('base64url').slice(0, 10)}.js`;
  writeFileSync(join(dir, name), chunk.code);
  return `<script type="module" src="${assets}${name}"></script>`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
