import { defineConfig } from 'vitest/config';

/**
 * Tests by cost: `unit` needs no site and runs alone with `npm run test:unit`; `site` and
 * `browser` read the sites that tests/helpers/site-fixtures.ts builds once per run; `dev`
 * starts Astro's dev server. `npm test` runs all four.
 */
const project = (name: string, options: { fixtures?: boolean; testTimeout?: number } = {}) => ({
  extends: true as const,
  test: {
    name,
    include: [`tests/${name}/**/*.test.ts`],
    ...(options.fixtures ? { globalSetup: ['tests/helpers/site-fixtures.ts'] } : {}),
    ...(options.testTimeout ? { testTimeout: options.testTimeout } : {}),
  },
});

export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [project('unit'), project('site', { fixtures: true }), project('browser', { fixtures: true }), project('dev')],
  },
});
