import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGuideSources } from '../../plugins/starlight-study-guides/pipeline/read/read-guides.ts';
import { checkGuides } from '../../plugins/starlight-study-guides/pipeline/generate-site.ts';
import { repoRoot } from '../helpers/build-site.ts';
import { testDir } from '../helpers/test-dir.ts';

/** An empty guides folder, as `src/guides` of a project with no guide yet. */
function project(): string {
  const dir = testDir('new-guide');
  mkdirSync(join(dir, 'src/guides'), { recursive: true });
  return dir;
}

/** Runs one of the repo's scripts on `dir`'s guides, from `dir`, as `npm run` would from a project there. */
const run = (dir: string, script: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, 'scripts', script), ...args, '--guides', join(dir, 'src/guides')], { cwd: dir, encoding: 'utf8' });

describe('npm run new-guide', () => {
  it('creates a two-question guide with topics and an annotation that validates with no warning', () => {
    const dir = project();
    const created = run(dir, 'new-guide.ts', 'model-compression', '模型压缩面试题');
    expect(created.status, created.stderr).toBe(0);
    expect(readdirSync(join(dir, 'src/guides/model-compression'), { recursive: true }).map(String).sort()).toEqual(['annotations', 'annotations/1.md', 'source.md', 'topics.yaml']);
    expect(readFileSync(join(dir, 'src/guides/model-compression/source.md'), 'utf8')).toMatch(/^### 模型压缩面试题\n/);

    const { sources, diagnostics } = readGuideSources(join(dir, 'src/guides'), dir);
    const checked = checkGuides(sources);
    expect([...diagnostics, ...checked.diagnostics]).toEqual([]);
    expect(checked.guides[0]!.questions.map((q) => q.number)).toEqual([1, 2]);
    expect(checked.guides[0]!.annotations.map((a) => a.question)).toEqual([1]);

    const validated = run(dir, 'validate.ts', '--strict');
    expect(validated.stdout).toBe('1 份指南，2 道题：没有发现问题。\n');
    expect(validated.status).toBe(0);
  });

  it('refuses a folder name that cannot be a URL, or one that exists, and writes nothing', () => {
    const dir = project();
    const bad = run(dir, 'new-guide.ts', 'My Guide', '标题');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('不能用作网址');
    expect(run(dir, 'new-guide.ts', 'kd', '标题').status).toBe(0);
    const again = run(dir, 'new-guide.ts', 'kd', '另一个标题');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已经存在');
    expect(readFileSync(join(dir, 'src/guides/kd/source.md'), 'utf8')).toMatch(/^### 标题\n/);
    expect(readdirSync(join(dir, 'src/guides'))).toEqual(['kd']);
  });
});

describe('npm run validate', () => {
  it('prints the diagnostics and the summary, exits 1 on an error, and on a warning only with --strict', () => {
    const dir = project();
    run(dir, 'new-guide.ts', 'g', '标题');
    const topics = join(dir, 'src/guides/g/topics.yaml');
    writeFileSync(topics, readFileSync(topics, 'utf8').replace('[1, 2]', '[1]'));
    const lenient = run(dir, 'validate.ts');
    expect(lenient.status).toBe(0);
    expect(lenient.stderr.trim().split('\n').at(-1)).toBe('0 个错误，1 个警告');
    expect(run(dir, 'validate.ts', '--strict').status).toBe(1);
    writeFileSync(topics, readFileSync(topics, 'utf8').replace('[1]', '[1, 2, 3]'));
    const failing = run(dir, 'validate.ts');
    expect(failing.status).toBe(1);
    expect(failing.stderr).toMatch(/^src\/guides\/g\/topics\.yaml:5:\d+-5:\d+ {2}错误 {2}主题 “第一个主题” 列出了第 3 题/);
  });

  it('prints the rules table that README.md shows', () => {
    const dir = project();
    const table = run(dir, 'validate.ts', '--rules').stdout.trim();
    expect(table.split('\n')[0]).toBe('| 规则 | 级别 | 检查什么 | 例子 | 为什么是这个级别 |');
    expect(readFileSync(join(repoRoot, 'README.md'), 'utf8'), 'README.md shows the table `npm run validate -- --rules` prints').toContain(table);
  });
});
