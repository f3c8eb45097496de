import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import type { Plugin } from 'vite';

/** Astro's content store, in its cache directory: the pages' rendered Markdown among the rest. */
export const CONTENT_STORE_FILE = 'data-store.json';

/** The module through which Astro's runtime reads its content store (`ImmutableDataStore.fromModule`). */
const DATA_STORE_MODULE = /^\0astro:data-layer-content$/;

/**
 * The content store read from its file when the pages render, instead of
 * bundled into the prerender build as one module. Astro's own module is the
 * whole of `data-store.json` as a string literal, `JSON.parse("…")`: 29 MB of
 * code at 3,000 questions, mostly the pages' HTML. Importing it cost Astro's
 * process about 200 MB at once, as it starts rendering, on top of what Vite
 * left it (the build's peak), and kept about 90 MB of it until the end: V8
 * keeps a module's source (48 MB, two bytes a character with the Chinese) and
 * the literal, held by the module's code (43 MB), besides the parsed store.
 * Read from the file, the text is garbage once parsed. The store is the one
 * Astro wrote when it synced the content, before Vite, and nothing writes it
 * during the build, so the pages get the same data.
 *
 * Only for `astro build`, in the prerender environment, with the store in one
 * file (`experimental.collectionStorage` unset) and no incremental builds
 * (whose module metadata Astro attaches to its own module); otherwise Astro's
 * module is left as it is.
 */
export function dataStorePlugin(config: AstroConfig): Plugin {
  const storeFile = fileURLToPath(new URL(CONTENT_STORE_FILE, config.cacheDir));
  const applies = (config.experimental.collectionStorage ?? 'single-file') === 'single-file' && !config.experimental.incrementalBuild;
  return {
    name: 'study-guides-data-store',
    apply: 'build',
    applyToEnvironment: (environment) => applies && environment.name === 'prerender',
    // Before Astro's own load of the module, which reads the store, parses it to check it and quotes it:
    // about 250 MB more while Vite bundles, for a module that no longer needs them.
    load: {
      order: 'pre',
      filter: { id: DATA_STORE_MODULE },
      handler: () =>
        existsSync(storeFile)
          ? `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));\n`
          : null,
    },
  };
}
