import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Starlight's query for the elements its table of contents observes (starlight-toc.ts, Starlight 0.42). */
const STARLIGHT_QUERY = `document.querySelectorAll([
			\`main :where(\${this.tocHeadingSelector})\`,
			\`main :where(\${this.tocHeadingSelector}, .sl-heading-wrapper) ~ *:not(:has(\${this.tocHeadingSelector}))\`,
			\`main .sl-markdown-content > *:not(:has(\${this.tocHeadingSelector}))\`,
			\`main > *:not(:has(\${this.tocHeadingSelector}))\`
		].join())`;

const TOC_MODULE_ID = /\/@astrojs\/starlight\/.*\/starlight-toc\.[jt]s(\?|$)/;
const tocTargets = fileURLToPath(new URL('../client/toc-targets.ts', import.meta.url));

/**
 * Swaps Starlight's table-of-contents query for `tocTargets` (plugins/starlight-study-guides/client/toc-targets.ts), which
 * finds the same elements without `:has()`: on a page with many formulas the query alone kept a
 * phone's main thread busy for over 100 ms. If Starlight changes the query, the build stops here,
 * so that the two are compared again rather than silently diverging.
 */
export function tocTargetsPlugin(): Plugin {
  return {
    name: 'study-guides-toc-targets',
    transform: {
      // Matched by Rolldown itself: without a filter every module's code, the 2.5 MB content store included, would be handed to JavaScript.
      filter: { id: TOC_MODULE_ID },
      handler(code, id) {
        if (!code.includes(STARLIGHT_QUERY)) {
          this.error(
            `${id}: Starlight's table of contents no longer uses the query that plugins/starlight-study-guides/client/toc-targets.ts reproduces. ` +
              'Compare the two, update tocTargets and STARLIGHT_QUERY in plugins/starlight-study-guides/integrations/toc-targets-plugin.ts, and run tests/browser/toc-targets.test.ts.',
          );
        }
        const swapped = code.replace(STARLIGHT_QUERY, 'tocTargets(this.tocHeadingSelector)');
        // The import shares the first line, so line numbers stay those of Starlight's file.
        return { code: `import { tocTargets } from ${JSON.stringify(tocTargets)}; ${swapped}`, map: null };
      },
    },
  };
}
