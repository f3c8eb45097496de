import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const repoRoot = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

export interface BuiltSite {
  root: string;
  dist: string;
  output: string;
}

export interface BuildOptions {
  /** Guide slug → source text, or the path of a whole guide folder to copy; replaces the repo's guides when given. */
  guides?: Record<string, string | { folder: string }>;
  env?: Record<string, string>;
}

/**
 * The environment without what Vitest adds: NODE_ENV=test, and in test
 * workers Vite's DEV=1, MODE, BASE_URL…, which Astro would read as
 * `import.meta.env` and so build a development site (no search, for one).
 */
function buildEnvironment(): NodeJS.ProcessEnv {
  const vitestKeys = /^(VITEST.*|TEST|DEV|PROD|SSR|MODE|BASE_URL|NODE_ENV)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !vitestKeys.test(key)));
}

/** The environment Astro runs in from the tests: the Node running the tests first on PATH, no telemetry. */
export function astroEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...buildEnvironment(), PATH: `${dirname(process.execPath)}:${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/**
 * Copies what a build needs into `root` (an empty folder inside the repo);
 * `guides` (slug → source text) replaces the repo's guides, otherwise the real
 * ones come along with their annotations and topics.
 */
export function copyProject(root: string, guides?: BuildOptions['guides']): void {
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'plugins', 'public', 'scripts', 'src']) {
    cpSync(join(repoRoot, entry), join(root, entry), {
      recursive: true,
      filter: (path) => !path.startsWith(join(repoRoot, 'src/content/docs')) && !(guides && path.startsWith(join(repoRoot, 'src/guides'))),
    });
  }
  for (const [slug, guide] of Object.entries(guides ?? {})) {
    mkdirSync(join(root, 'src/guides', slug), { recursive: true });
    if (typeof guide === 'string') writeFileSync(join(root, 'src/guides', slug, 'source.md'), guide);
    else cpSync(guide.folder, join(root, 'src/guides', slug), { recursive: true });
  }
}

/** A fresh copy of the project in .test-sites (see copyProject), named `<prefix>-…`. */
export function projectCopy(prefix: string, guides?: BuildOptions['guides']): string {
  const sitesDir = join(repoRoot, '.test-sites');
  mkdirSync(sitesDir, { recursive: true });
  const root = mkdtempSync(join(sitesDir, `${prefix}-`));
  copyProject(root, guides);
  return root;
}

/**
 * Builds the site in a throw-away copy of the project, so tests never touch
 * the working tree's generated pages and can use their own guides. The copy
 * sits inside the repo (git-ignored) so it finds `node_modules` by walking up,
 * as Node and Vite expect; a symlinked `node_modules` confuses Vite.
 */
export function buildSite(options: BuildOptions = {}): BuiltSite {
  const root = projectCopy('site', options.guides);
  // `npm run build`, as a deploy runs it: astro build, then the search index.
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: astroEnvironment({ NODE_ENV: 'production', ...options.env }),
  });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`npm run build failed in ${root}:\n${output}`);
  return { root, dist: join(root, 'dist'), output };
}
