import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type BuiltSite, buildSite } from '../helpers/build-site.ts';

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

let second: BuiltSite | undefined;
afterAll(() => second && rmSync(second.root, { recursive: true, force: true }));

describe('reproducible builds', () => {
  it('gives byte-identical output for two clean builds of the same sources', { timeout: 300_000 }, () => {
    second = buildSite();
    const a = files(inject('realSite'));
    const b = files(second.dist);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differing = [...a].filter(([path, bytes]) => !bytes.equals(b.get(path)!)).map(([path, bytes]) => `${path}: ${firstDifference(bytes, b.get(path)!)}`);
    expect(differing).toEqual([]);
  });
});
