import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroOutput, fileDigest, keepAfterBuild, replayAfterBuild } from '../../plugins/starlight-study-guides/integrations/after-build-cache.ts';
import { testDir } from '../helpers/test-dir.ts';

/** What Astro writes in these tests: two pages, a font the steps replace, a stylesheet they leave alone. */
const ASTRO_OUTPUT: Record<string, string> = {
  'index.html': '<html><link rel="stylesheet" href="/_astro/katex.css"><p>首页</p></html>',
  'kd/1/index.html': '<html><p>第 1 题</p></html>',
  '_astro/katex.css': '@font-face{src:url(KaTeX_Main-Regular.woff2)}',
  '_astro/KaTeX_Main-Regular.woff2': 'the whole font',
  '_astro/site.css': 'body{margin:0}',
};

function writeAll(dist: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
}

/** As Astro leaves `dist`: emptied, then written. */
function astroBuild(dist: string, files = ASTRO_OUTPUT) {
  rmSync(dist, { recursive: true, force: true });
  writeAll(dist, files);
}

/** What the steps after the build do in these tests: rewrite two files (one to the same size), add an index, drop the full font and its stylesheet. */
function steps(dist: string) {
  writeAll(dist, {
    'index.html': '<html><style>@font-face{src:url(subset.woff2)}</style><p>首页</p></html>',
    'kd/1/index.html': '<html><p>第 2 题</p></html>',
    'pagefind/pagefind.js': 'index',
    '_astro/subset.woff2': 'a few glyphs',
  });
  rmSync(join(dist, '_astro/KaTeX_Main-Regular.woff2'));
  rmSync(join(dist, '_astro/katex.css'));
}

function contents(dist: string): Record<string, string> {
  const files = readdirSync(dist, { recursive: true }).map(String).filter((f) => statSync(join(dist, f)).isFile()).sort();
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(dist, f), 'utf8')]));
}

/** The files a kept run holds, whatever it names them. */
function keptFiles(cache: string): string[] {
  return readdirSync(cache, { recursive: true })
    .map((f) => join(cache, String(f)))
    .filter((f) => statSync(f).isFile() && !f.endsWith('.json'));
}

function workspace() {
  const dir = testDir('after-build-cache');
  return { dist: join(dir, 'dist'), cache: join(dir, 'cache') };
}

/** A build that runs the steps and keeps them, as after-build.ts does when its links pass; returns what `dist` ends as. */
function fullRun(dist: string, cache: string, code = 'code') {
  astroBuild(dist);
  const output = astroOutput(dist, code);
  steps(dist);
  keepAfterBuild(cache, dist, output);
  return contents(dist);
}

describe('after-build cache', () => {
  it('replays the last run onto the same Astro output: the same files, the removed ones gone', () => {
    const { dist, cache } = workspace();
    const finished = fullRun(dist, cache);

    astroBuild(dist);
    const written = replayAfterBuild(cache, dist, astroOutput(dist, 'code'));

    expect(written).toBe(4);
    expect(contents(dist)).toEqual(finished);
    expect(finished['kd/1/index.html']).toBe('<html><p>第 2 题</p></html>');
    expect(Object.keys(contents(dist))).not.toContain('_astro/KaTeX_Main-Regular.woff2');
  });

  it('keeps only the files the steps wrote, not those Astro left as they were', () => {
    const { dist, cache } = workspace();
    fullRun(dist, cache);
    const kept = keptFiles(cache).map((file) => readFileSync(file, 'utf8'));
    expect(kept.sort()).toEqual(['<html><style>@font-face{src:url(subset.woff2)}</style><p>首页</p></html>', '<html><p>第 2 题</p></html>', 'a few glyphs', 'index'].sort());
  });

  it('does nothing when a page differs, a page is added, or the code or facts the steps read changed', () => {
    const { dist, cache } = workspace();
    fullRun(dist, cache);
    const cases: [string, Record<string, string>, string][] = [
      ['a page edited', { ...ASTRO_OUTPUT, 'kd/1/index.html': '<html><p>第 1 题（改）</p></html>' }, 'code'],
      ['a page added', { ...ASTRO_OUTPUT, 'kd/2/index.html': '<html><p>第 2 题</p></html>' }, 'code'],
      ['a file renamed', Object.fromEntries(Object.entries(ASTRO_OUTPUT).map(([path, text]) => [path.replace('site.css', 'site2.css'), text])), 'code'],
      ['the code changed', ASTRO_OUTPUT, 'other code'],
    ];
    for (const [name, files, code] of cases) {
      astroBuild(dist, files);
      expect(replayAfterBuild(cache, dist, astroOutput(dist, code)), name).toBeUndefined();
      expect(contents(dist), name).toEqual(files);
    }
  });

  it('does nothing when a finished file was edited in place after the build, as a deploy script might', () => {
    const { dist, cache } = workspace();
    fullRun(dist, cache);
    writeFileSync(join(dist, 'index.html'), '<html><p>部署脚本改过</p></html>');
    astroBuild(dist);
    expect(replayAfterBuild(cache, dist, astroOutput(dist, 'code'))).toBeUndefined();
    expect(contents(dist)).toEqual(ASTRO_OUTPUT);
  });

  it('does nothing, leaving dist as Astro wrote it, when a kept file is missing or changed', () => {
    const { dist, cache } = workspace();
    fullRun(dist, cache);
    const [first, second] = keptFiles(cache);
    writeFileSync(first!, '<html>');
    astroBuild(dist);
    expect(replayAfterBuild(cache, dist, astroOutput(dist, 'code'))).toBeUndefined();
    expect(contents(dist)).toEqual(ASTRO_OUTPUT);

    rmSync(second!);
    expect(replayAfterBuild(cache, dist, astroOutput(dist, 'code'))).toBeUndefined();
    expect(contents(dist)).toEqual(ASTRO_OUTPUT);
  });

  it('does nothing when no run was kept', () => {
    const { dist, cache } = workspace();
    astroBuild(dist);
    expect(replayAfterBuild(cache, dist, astroOutput(dist, 'code'))).toBeUndefined();
  });

  it('keeps the newest run only', () => {
    const { dist, cache } = workspace();
    fullRun(dist, cache, 'old code');
    const finished = fullRun(dist, cache, 'new code');
    astroBuild(dist);
    expect(replayAfterBuild(cache, dist, astroOutput(dist, 'old code'))).toBeUndefined();
    expect(replayAfterBuild(cache, dist, astroOutput(dist, 'new code'))).toBe(4);
    expect(contents(dist)).toEqual(finished);
  });

  it('takes the digest of a file read while Astro rendered instead of reading it again', () => {
    const { dist } = workspace();
    astroBuild(dist);
    const page = fileDigest(readFileSync(join(dist, 'kd/1/index.html')));
    expect(astroOutput(dist, 'code', new Map([['kd/1/index.html', page]])).key).toBe(astroOutput(dist, 'code').key);
    const other = fileDigest(Buffer.from('<html><p>第 9 题</p></html>'));
    expect(astroOutput(dist, 'code', new Map([['kd/1/index.html', other]])).files.get('kd/1/index.html')).toEqual(other);
  });
});
