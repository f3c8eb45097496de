import { readFileSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite, repoRoot } from './build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    realSite: string;
    hostileSite: string;
    /** The real site built for a sub-path deploy. */
    baseSite: string;
  }
}

/** The base path of `baseSite`, as a GitHub Pages project site would have it. */
export const SUB_PATH = '/kd-guide/';

/** Builds each site the tests look at once, before any test file runs. */
export default function setup(project: TestProject) {
  const real = buildSite();
  project.provide('realSite', real.dist);
  const hostile = buildSite({
    guides: { hostile: readFileSync(`${repoRoot}/tests/fixtures/hostile/source.md`, 'utf8') },
  });
  project.provide('hostileSite', hostile.dist);
  const base = buildSite({ env: { BASE: SUB_PATH } });
  project.provide('baseSite', base.dist);
  return () => {
    for (const site of [real, hostile, base]) rmSync(site.root, { recursive: true, force: true });
  };
}
