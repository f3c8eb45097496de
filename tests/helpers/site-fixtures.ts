import { readFileSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { type BuiltSite, buildSite, repoRoot } from './build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    realSite: string;
    /** Two guides side by side: the hostile source, and a small real guide with topics and annotations. */
    hostileSite: string;
    /** The real site built for a sub-path deploy. */
    baseSite: string;
  }
}

/** The base path of `baseSite`, as a GitHub Pages project site would have it. */
export const SUB_PATH = '/kd-guide/';

interface Fixtures {
  sites: Record<'realSite' | 'hostileSite' | 'baseSite', BuiltSite>;
  /** Projects that have not torn down yet; the last one removes the sites. */
  users: number;
}

// Each project loads this file through its own module runner, so a module-level
// variable would build the sites once per project; the process is shared.
const shared = globalThis as typeof globalThis & { studyGuideFixtures?: Fixtures };

function buildFixtures(): Fixtures {
  return {
    users: 0,
    sites: {
      realSite: buildSite(),
      hostileSite: buildSite({
        guides: {
          hostile: readFileSync(`${repoRoot}/tests/fixtures/hostile/source.md`, 'utf8'),
          'model-compression': { folder: `${repoRoot}/tests/fixtures/guides/model-compression` },
        },
      }),
      baseSite: buildSite({ env: { BASE: SUB_PATH } }),
    },
  };
}

/** Builds each site the `site` and `browser` tests look at once per run, before their first test file. */
export default function setup(project: TestProject) {
  const fixtures = (shared.studyGuideFixtures ??= buildFixtures());
  fixtures.users++;
  for (const [name, site] of Object.entries(fixtures.sites)) project.provide(name as keyof Fixtures['sites'], site.dist);
  return () => {
    if (--fixtures.users > 0) return;
    for (const site of Object.values(fixtures.sites)) rmSync(site.root, { recursive: true, force: true });
    delete shared.studyGuideFixtures;
  };
}
