import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type BuiltSite, astroEnvironment, buildSite } from '../helpers/build-site.ts';

/**
 * Every file of the output, byte for byte. Nothing needs an exception: asset
 * names are content hashes, the pages carry no build time (lastUpdated is
 * off) and Pagefind's index is written deterministically.
 */
function files(dist: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((path) => [path.slice(dist.length + 1), readFileSync(path)]),
  );
}

/** Where two versions of a file part, with a little context, so a failure says what changed. */
function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const context = (x: Buffer) => x.subarray(Math.max(0, i - 40), i + 60).toString('utf8');
  return `byte ${i}: “${context(a)}” ≠ “${context(b)}”`;
}

/** `npm run build` again in a project built before, with the caches that build left. */
function buildAgain(root: string): string {
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', env: astroEnvironment({ NODE_ENV: 'production' }) });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`npm run build failed in ${root}:\n${output}`);
  return output;
}

function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  return [...a].filter(([path, bytes]) => !b.get(path)?.equals(bytes)).map(([path, bytes]) => (b.has(path) ? `${path}: ${firstDifference(bytes, b.get(path)!)}` : `${path}: missing`));
}

let second: BuiltSite | undefined;
afterAll(() => second && rmSync(second.root, { recursive: true, force: true }));

describe('reproducible builds', () => {
  it('gives byte-identical output for two clean builds of the same sources', { timeout: 300_000 }, () => {
    second = buildSite();
    const a = files(inject('realSite'));
    const b = files(second.dist);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect(differences(a, b)).toEqual([]);
  });

  it('replays the steps after Astro when Astro wrote the same files again, with the same output', { timeout: 300_000 }, () => {
    const output = buildAgain(second!.root);
    expect(output).toMatch(/Astro 的输出与上次相同：写回上次处理后的 \d+ 个文件/);
    expect(output).not.toContain('读取页面');
    const a = files(inject('realSite'));
    const b = files(second!.dist);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect(differences(a, b)).toEqual([]);
  });

  it('runs every step again once a question is edited', { timeout: 300_000 }, () => {
    const source = join(second!.root, 'src/guides/kd-lifelong-learning/source.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('知识蒸馏主要应用在以下场景：', '知识蒸馏主要应用在以下几类改过的场景：'));
    const output = buildAgain(second!.root);
    expect(output).toMatch(/Astro 的输出（\d+ 个文件）与上次不同，逐页处理/);
    // Every page was read as Astro wrote it.
    const [, pages, read] = /读取页面：(\d+) 个页面（Astro 渲染时已读取 (\d+) 个）/.exec(output) ?? [];
    expect(Number(pages)).toBeGreaterThan(30);
    expect(read).toBe(pages);
    expect(output).toMatch(/链接检查与 CSP：\d+ 个站内链接均有效/);
    expect(readFileSync(join(second!.dist, 'kd-lifelong-learning/2/index.html'), 'utf8')).toContain('以下几类改过的场景');
    // The search index is made again: its files differ from the unedited site's.
    const index = (dist: string) => new Map([...files(dist)].filter(([path]) => path.startsWith('pagefind/')));
    expect(differences(index(inject('realSite')), index(second!.dist))).not.toEqual([]);
  });
});
