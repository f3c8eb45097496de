import { cpSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDir } from '../helpers/test-dir.ts';

const repo = new URL('../..', import.meta.url).pathname;

/** The modules a Node process loads to run `args` (a module and its arguments), as file URLs. */
function modulesLoaded(args: string[]): string[] {
  const hook = `
    import { registerHooks } from 'node:module';
    const loaded = [];
    registerHooks({ load: (url, context, next) => (loaded.push(url), next(url, context)) });
    process.on('exit', () => console.log(JSON.stringify(loaded)));`;
  const output = execFileSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, ...args], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1)!);
}

/** The modules that parse and emit the guides, and YAML: what generating loads. */
const generating = (url: string) => /pipeline\/(build-content|generate-site|parse\/|emit\/)|\/node_modules\/yaml\//.test(url);

describe('generating the pages as Astro starts', () => {
  it('loads none of the modules that generate until there is something to generate', { timeout: 60_000 }, () => {
    const plugin = modulesLoaded([join(repo, 'plugins/starlight-study-guides/index.ts')]).filter((url) => url.includes('/starlight-study-guides/'));
    expect(plugin).toContainEqual(expect.stringMatching(/pipeline\/generation-cache\.ts$/));
    expect(plugin.filter(generating)).toEqual([]);

    // A build that can reuse the last run loads none of them either.
    const root = testDir('generate-or-reuse');
    for (const folder of ['src/guides', 'src/math']) cpSync(join(repo, folder), join(root, folder), { recursive: true });
    cpSync(join(repo, 'package-lock.json'), join(root, 'package-lock.json'));
    const generation = [join(repo, 'tests/helpers/run-generation.ts'), root, join(root, 'node_modules/.astro')];
    expect(modulesLoaded(generation).filter(generating).length).toBeGreaterThan(0);
    expect(existsSync(join(root, 'src/content/docs/kd-lifelong-learning/1.md'))).toBe(true);
    expect(modulesLoaded(generation).filter(generating)).toEqual([]);
  });
});
