import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectAll } from 'hast-util-select';
import { afterAll, describe, expect, it } from 'vitest';
import { astroEnvironment, buildSite, projectCopy, repoRoot } from '../helpers/build-site.ts';
import { readPage, visibleText } from '../helpers/html.ts';

const QUESTION_31 = `
#### 31. 知识蒸馏中的温度系数应当怎样选？

**题目：** 训练学生模型时，温度系数应当取多大？

**答案：** 常见取值在 2 到 10 之间，通过验证集上的表现来选。

**解析：** 温度越高，教师的输出越平滑，类别之间的相对关系越明显；温度过高则信息被抹平。
`;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir` with its modification time and size. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => statSync(join(dir, f)).isFile())
      .map((f) => [f, `${statSync(join(dir, f)).mtimeMs}:${statSync(join(dir, f)).size}`]),
  );
}

describe('astro build › a broken source', () => {
  it('exits 1 with the diagnostic and the summary only: no stack trace, no unhandled error, earlier pages intact', () => {
    const root = projectCopy('broken');
    made.push(root);
    const env = astroEnvironment({ NODE_ENV: 'production' });
    const generated = spawnSync(process.execPath, ['scripts/generate.ts'], { cwd: root, env, encoding: 'utf8' });
    expect(generated.status, generated.stderr).toBe(0);
    const pages = join(root, 'src/content/docs');
    const before = snapshot(pages);

    const source = join(root, 'src/guides/kd-lifelong-learning/source.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('#### 12. ', '#### 第12题 '));
    const build = spawnSync('npx', ['astro', 'build'], { cwd: root, env, encoding: 'utf8' });
    const output = `${build.stdout}\n${build.stderr}`;

    expect(build.status).toBe(1);
    expect(output).toMatch(/src\/guides\/kd-lifelong-learning\/source\.md:151:1-151:\d+ {2}错误 {2}无法识别的题目标题 “第12题 知识蒸馏在医疗图像分析中的应用示例有哪些？” {2}\(heading-format\)/);
    expect(output).toContain('→ 题目标题应写成 “N. 标题”');
    expect(output).toContain('1 个错误，0 个警告');
    // One cause, one message: topics.yaml and annotations/12.md name question 12, and are not reported.
    expect(output.match(/错误 {2}/g)).toHaveLength(1);
    expect(output).not.toMatch(/at .*\(/);
    expect(output).not.toMatch(/unhandled error/i);
    expect(existsSync(join(root, 'dist'))).toBe(false);
    expect(snapshot(pages)).toEqual(before);
  }, 180_000);
});

describe('astro build › a question appended to the source', () => {
  it('builds its page, warns that no topic lists it, and shows it under 未分类 in the sidebar', () => {
    const guide = mkdtempSync(join(repoRoot, '.test-sites', 'guide-'));
    made.push(guide);
    cpSync(join(repoRoot, 'src/guides/kd-lifelong-learning'), guide, { recursive: true });
    writeFileSync(join(guide, 'source.md'), readFileSync(join(guide, 'source.md'), 'utf8') + QUESTION_31);
    const site = buildSite({ guides: { 'kd-lifelong-learning': { folder: guide } } });
    made.push(site.root);

    expect(site.output).toMatch(/src\/guides\/kd-lifelong-learning\/topics\.yaml:\d+:\d+-\d+:\d+ {2}警告 {2}第 31 题没有归入任何主题，暂列在 “未分类” 下 {2}\(topic-missing-question\)/);
    expect(site.output).toContain('0 个错误，1 个警告');
    const page = readPage(site.dist, 'kd-lifelong-learning/31');
    expect(visibleText(selectAll('h1', page)[0]!)).toBe('31. 知识蒸馏中的温度系数应当怎样选？');
    const groups = selectAll('nav.sidebar details', page).map((group) => visibleText(selectAll('summary', group)[0]!).trim());
    expect(groups.at(-1)).toBe('未分类');
    const last = selectAll('nav.sidebar details', page).at(-1)!;
    expect(selectAll('a', last).map((a) => a.properties.href)).toEqual(['/kd-lifelong-learning/31/']);
  }, 300_000);
});

describe('astro build › a link that leads nowhere', () => {
  it('exits 1 naming the page, the link and what is missing, without a stack trace', () => {
    const root = projectCopy('broken-link');
    made.push(root);
    const annotation = join(root, 'src/guides/kd-lifelong-learning/annotations/25.md');
    writeFileSync(annotation, readFileSync(annotation, 'utf8').replace('[第 12 题](../12/)', '[第 12 题](../40/)').replace('(../20/)', '(../20/#no-such-part)'));
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, env: astroEnvironment({ NODE_ENV: 'production' }), encoding: 'utf8' });
    const output = `${build.stdout}\n${build.stderr}`;

    expect(build.status).toBe(1);
    expect(output).toContain('kd-lifelong-learning/25/index.html → ../40/: 目标文件不存在');
    expect(output).toContain('kd-lifelong-learning/25/index.html → ../20/#no-such-part: 页面中没有 id 为 “no-such-part” 的元素');
    // The print page embeds the annotation too: the same two links, from there.
    expect(output).toContain('kd-lifelong-learning/print/index.html → ../40/: 目标文件不存在');
    expect(output).toContain('4 个站内链接无效');
    expect(output).not.toMatch(/at .*\(/);
    expect(output).not.toMatch(/unhandled error/i);
    // Pagefind indexes the pages while their links are checked, but its index is written only once
    // they pass, and the service worker after it: a site with broken links gets neither.
    expect(existsSync(join(root, 'dist/pagefind'))).toBe(false);
    expect(existsSync(join(root, 'dist/sw.js'))).toBe(false);

    // A run that failed is never replayed: the next build of the same sources fails the same way.
    const again = spawnSync('npm', ['run', 'build'], { cwd: root, env: astroEnvironment({ NODE_ENV: 'production' }), encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(`${again.stdout}\n${again.stderr}`).toContain('4 个站内链接无效');
    expect(existsSync(join(root, 'dist/pagefind'))).toBe(false);
  }, 300_000);
});
