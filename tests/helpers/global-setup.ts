import { readFileSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite, repoRoot } from './build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    realSite: string;
    hostileSite: string;
  }
}

/** Builds each site the tests look at once, before any test file runs. */
export default function setup(project: TestProject) {
  const real = buildSite();
  project.provide('realSite', real.dist);
  const hostile = buildSite({
    guides: { hostile: readFileSync(`${repoRoot}/tests/fixtures/hostile/source.md`, 'utf8') },
  });
  project.provide('hostileSite', hostile.dist);
  return () => {
    for (const site of [real, hostile]) rmSync(site.root, { recursive: true, force: true });
  };
}
