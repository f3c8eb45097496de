import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../plugins/starlight-study-guides/pipeline/build-content.ts';
import { generateOrReuse } from '../../plugins/starlight-study-guides/pipeline/generate-or-reuse.ts';
import { testDir } from '../helpers/test-dir.ts';

const realSource = new URL('../../src/guides/kd-lifelong-learning/source.md', import.meta.url).pathname;
const script = new URL('../../scripts/generate.ts', import.meta.url).pathname;

function workspace(source = readFileSync(realSource, 'utf8')) {
  const dir = testDir('build-content');
  const guidesDir = join(dir, 'guides');
  const contentDir = join(dir, 'docs');
  mkdirSync(join(guidesDir, 'kd'), { recursive: true });
  writeFileSync(join(guidesDir, 'kd', 'source.md'), source);
  // The guide has no coding problems: no solution modules.
  return { dir, guidesDir, contentDir, solutionsDir: join(dir, 'math') };
}

function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => statSync(join(dir, f)).isFile()).sort();
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('build-content', () => {
  it('writes one page per question plus the guide index, and no second copy of the questions', () => {
    const ws = workspace();
    buildContent(ws, ws.dir);
    const files = Object.keys(snapshot(ws.contentDir));
    expect(files).toHaveLength(31);
    expect(files).toContain('kd/index.md');
    expect(files).toContain('kd/30.md');
    // The print and review pages are rendered from the question pages (plugins/starlight-study-guides/routes/study-view.astro).
    expect(files.filter((f) => f.startsWith('kd/print.'))).toEqual([]);
  });

  it('gives byte-identical output when run twice', () => {
    const a = workspace();
    const b = workspace();
    buildContent(a, a.dir);
    buildContent(b, b.dir);
    expect(snapshot(b.contentDir)).toEqual(snapshot(a.contentDir));
  });

  it('does not rewrite unchanged pages', () => {
    const ws = workspace();
    buildContent(ws, ws.dir);
    const again = buildContent(ws, ws.dir);
    expect(again.written).toEqual([]);
    expect(again.removed).toEqual([]);
  });

  it('removes the page of a question deleted from the source', () => {
    const source = readFileSync(realSource, 'utf8');
    const ws = workspace(source);
    buildContent(ws, ws.dir);
    expect(snapshot(ws.contentDir)).toHaveProperty(['kd/30.md']);
    writeFileSync(join(ws.guidesDir, 'kd', 'source.md'), source.slice(0, source.indexOf('#### 30.')));
    const result = buildContent(ws, ws.dir);
    expect(result.removed).toEqual(['kd/30.md']);
    expect(Object.keys(snapshot(ws.contentDir))).toHaveLength(30);
  });

  it('rewrites a page in place when an annotation gives it an explorer, and back', () => {
    const ws = workspace();
    buildContent(ws, ws.dir);
    const explorer = '## 编者注\n\n```temperature-explorer\nlabels: [猫, 狗]\nteacher: [2, 1]\nstudent: [1, 2]\ntemperature: 2\n```\n';
    mkdirSync(join(ws.guidesDir, 'kd', 'annotations'));
    writeFileSync(join(ws.guidesDir, 'kd', 'annotations', '6.md'), explorer);
    const withExplorer = buildContent(ws, ws.dir);
    expect(withExplorer.diagnostics).toEqual([]);
    expect([withExplorer.written, withExplorer.removed]).toEqual([['kd/6.md'], []]);
    expect(readFileSync(join(ws.contentDir, 'kd/6.md'), 'utf8')).toContain('<kd-temperature-explorer');
    writeFileSync(join(ws.guidesDir, 'kd', 'annotations', '6.md'), '## 编者注\n\n只有文字。\n');
    const textOnly = buildContent(ws, ws.dir);
    expect([textOnly.written, textOnly.removed]).toEqual([['kd/6.md'], []]);
    expect(readFileSync(join(ws.contentDir, 'kd/6.md'), 'utf8')).not.toContain('<kd-temperature-explorer');
  });

  it('removes the pages of a guide whose folder is gone', () => {
    const ws = workspace();
    cpSync(join(ws.guidesDir, 'kd'), join(ws.guidesDir, 'second'), { recursive: true });
    buildContent(ws, ws.dir);
    cpSync(join(ws.guidesDir, 'kd'), join(ws.dir, 'moved'), { recursive: true });
    spawnSync('rm', ['-r', join(ws.guidesDir, 'second')]);
    buildContent(ws, ws.dir);
    expect(readdirSync(ws.contentDir)).toEqual(['kd']);
  });
});

describe('generate-or-reuse › reusing the last clean run', () => {
  const url = new URL('https://example.org/');
  /** A workspace with a cache whose code is one file of the workspace, to stand for the plugin's. */
  function cached(source?: string) {
    const ws = workspace(source);
    const code = join(ws.dir, 'code.ts');
    writeFileSync(code, 'export const version = 1;\n');
    return { ws, code, cache: { file: join(ws.dir, 'cache', 'generation.bin'), code: [code] } };
  }

  it('generates nothing when the guides, code and URL are those of the last run, and gives the same models', async () => {
    const { ws, cache } = cached();
    const first = await generateOrReuse(ws, ws.dir, url, cache);
    const second = await generateOrReuse(ws, ws.dir, url, cache);
    expect([first.reused, first.written!.length]).toEqual([undefined, 31]);
    expect([second.reused, second.written, second.diagnostics]).toEqual([true, [], []]);
    expect(second.guides).toEqual(first.guides);
    expect(second.guides[0]!.titleOf.get(30)).toBe(first.guides[0]!.titleOf.get(30));
  });

  it('generates again when a guide changes, and shows the change', async () => {
    const { ws, cache } = cached();
    await generateOrReuse(ws, ws.dir, url, cache);
    const source = join(ws.guidesDir, 'kd', 'source.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('知识蒸馏的基本概念是什么', '知识蒸馏的定义是什么'));
    const again = await generateOrReuse(ws, ws.dir, url, cache);
    expect(again.reused).toBeUndefined();
    expect(again.written).toContain('kd/1.md');
    expect(readFileSync(join(ws.contentDir, 'kd', '1.md'), 'utf8')).toContain('知识蒸馏的定义是什么');
    expect(again.guides[0]!.titleOf.get(1)).toContain('知识蒸馏的定义是什么');
  });

  it('generates again when the code or the site URL changes', async () => {
    const { ws, code, cache } = cached();
    await generateOrReuse(ws, ws.dir, url, cache);
    writeFileSync(code, 'export const version = 2;\n');
    expect((await generateOrReuse(ws, ws.dir, url, cache)).reused).toBeUndefined();
    expect((await generateOrReuse(ws, ws.dir, url, cache)).reused).toBe(true);
    expect((await generateOrReuse(ws, ws.dir, new URL('https://example.org/kd/'), cache)).reused).toBeUndefined();
  });

  it('generates again, restoring them, when generated pages were edited, removed or added by hand', async () => {
    const { ws, cache } = cached();
    await generateOrReuse(ws, ws.dir, url, cache);
    const page = join(ws.contentDir, 'kd', '6.md');
    const text = readFileSync(page, 'utf8');
    writeFileSync(page, `${text}\n手改的一行\n`);
    expect((await generateOrReuse(ws, ws.dir, url, cache)).written).toEqual(['kd/6.md']);
    expect(readFileSync(page, 'utf8')).toBe(text);
    rmSync(page);
    expect((await generateOrReuse(ws, ws.dir, url, cache)).written).toEqual(['kd/6.md']);
    writeFileSync(join(ws.contentDir, 'kd', 'extra.md'), '---\ntitle: 多余\n---\n');
    expect((await generateOrReuse(ws, ws.dir, url, cache)).removed).toEqual(['kd/extra.md']);
    expect((await generateOrReuse(ws, ws.dir, url, cache)).reused).toBe(true);
  });

  it('keeps no run with warnings, so that they are reported on every build', async () => {
    const withoutExplanation = readFileSync(realSource, 'utf8').replace(/\*\*解析：\*\*[^\n]*\n/, '');
    const { ws, cache } = cached(withoutExplanation);
    const first = await generateOrReuse(ws, ws.dir, url, cache);
    expect(first.diagnostics.length).toBeGreaterThan(0);
    const second = await generateOrReuse(ws, ws.dir, url, cache);
    expect([second.reused, second.diagnostics.map((d) => d.ruleId)]).toEqual([undefined, first.diagnostics.map((d) => d.ruleId)]);
  });
});

describe('build-content › command line', () => {
  it('exits non-zero, prints every problem as file:line:col and leaves existing pages untouched', () => {
    const ws = workspace();
    buildContent(ws, ws.dir);
    const before = snapshot(ws.contentDir);
    const broken = readFileSync(new URL('../fixtures/malformed/several-problems.md', import.meta.url), 'utf8');
    writeFileSync(join(ws.guidesDir, 'kd', 'source.md'), broken);
    const run = spawnSync(process.execPath, [script, '--guides', ws.guidesDir, '--out', ws.contentDir], { cwd: ws.dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('guides/')).map((line) => line.split('  ')[0])).toEqual([
      'guides/kd/source.md:3:1-3:13',
      'guides/kd/source.md:13:1-13:8',
      'guides/kd/source.md:15:14',
    ]);
    // Each diagnostic is followed by its hint, then a summary.
    expect(lines.filter((line) => line.startsWith('    → '))).toHaveLength(3);
    expect(lines.slice(-2)).toEqual(['3 个错误，0 个警告', '未生成任何页面，已有页面保持不变。']);
    expect(snapshot(ws.contentDir)).toEqual(before);
  });

  it('exits zero and reports what it wrote', () => {
    const ws = workspace();
    const run = spawnSync(process.execPath, [script, '--guides', ws.guidesDir, '--out', ws.contentDir], { cwd: ws.dir, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^31 个页面，写入 31 个，删除 0 个/);
  });
});
