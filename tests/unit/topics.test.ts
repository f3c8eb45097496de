import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../plugins/starlight-study-guides/model/diagnostic.ts';
import { generateSite } from '../../plugins/starlight-study-guides/pipeline/generate-site.ts';
import { testDir } from '../helpers/test-dir.ts';

const guideDir = new URL('../../src/guides/kd-lifelong-learning/', import.meta.url);
const source = readFileSync(new URL('source.md', guideDir), 'utf8');
const topicsYaml = readFileSync(new URL('topics.yaml', guideDir), 'utf8');
const script = new URL('../../scripts/generate.ts', import.meta.url).pathname;

function generate(topics: string | undefined) {
  return generateSite([
    {
      slug: 'kd',
      source: { name: 'source.md', file: 'guides/kd/source.md', text: source },
      extras: topics === undefined ? [] : [{ name: 'topics.yaml', file: 'guides/kd/topics.yaml', text: topics }],
    },
  ]);
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('topics', () => {
  it('puts every one of the 30 questions in exactly one topic, in source order', () => {
    const site = generate(topicsYaml);
    expect(site.diagnostics).toEqual([]);
    const topics = site.guides.find((g) => g.slug === 'kd')?.topics!;
    const all = topics.flatMap((t) => t.questions);
    expect([...all].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    for (const topic of topics) expect(topic.questions).toEqual([...topic.questions].sort((a, b) => a - b));
    expect(topics.find((t) => t.name === '医疗影像')?.questions).toEqual([12, 20, 25]);
  });

  it('fails the build, at the value, for a topic naming question 99', () => {
    const broken = topicsYaml.replace('questions: [23, 28]', 'questions: [23, 28, 99]');
    const site = generate(broken);
    expect(site.pages.size).toBe(0);
    const line = lineOf(broken, '[23, 28, 99]');
    const column = broken.split('\n')[line - 1]!.indexOf('99') + 1;
    expect(site.diagnostics.map((d) => formatDiagnostic(d).split('\n')[0])).toEqual([
      `guides/kd/topics.yaml:${line}:${column}-${line}:${column + 2}  错误  主题 “评估与实践” 列出了第 99 题，但指南里没有这道题（共 30 题）  (topic-unknown-question)`,
    ]);
  });

  it('fails the build for a question in two topics, naming both', () => {
    const broken = topicsYaml.replace('questions: [23, 28]', 'questions: [23, 28, 12]');
    const site = generate(broken);
    expect(site.pages.size).toBe(0);
    expect(site.diagnostics).toHaveLength(1);
    expect(site.diagnostics[0]).toMatchObject({ file: 'guides/kd/topics.yaml', line: lineOf(broken, '[23, 28, 12]'), ruleId: 'topic-duplicate-question' });
    expect(site.diagnostics[0]!.reason).toContain('“医疗影像”');
    expect(site.diagnostics[0]!.reason).toContain('“评估与实践”');
  });

  it('warns of a question in no topic, builds its page and lists it under 未分类 after the other topics', () => {
    const site = generate(topicsYaml.replace('questions: [23, 28]', 'questions: [23]'));
    expect(site.diagnostics).toEqual([expect.objectContaining({ file: 'guides/kd/topics.yaml', ruleId: 'topic-missing-question', fatal: false })]);
    expect(site.diagnostics[0]!.reason).toBe('第 28 题没有归入任何主题，暂列在 “未分类” 下');
    expect(site.diagnostics[0]!.note).toBe('把题号加到某个主题的 questions 里，例如 “评估与实践” 的 questions: [23, 28]。');
    expect(site.pages.has('kd/28.md')).toBe(true);
    expect(site.guides[0]!.topics.at(-1)).toEqual({ name: '未分类', questions: [28] });
  });

  it('names the line of a value of the wrong kind and of broken YAML', () => {
    const wrongKind = topicsYaml.replace('questions: [26, 30]', 'questions: [26, "三十"]');
    expect(generate(wrongKind).diagnostics).toEqual([
      expect.objectContaining({ line: lineOf(wrongKind, '"三十"'), ruleId: 'topics-schema' }),
    ]);
    const broken = `${topicsYaml}  - name: 语音: 合成\n`;
    expect(generate(broken).diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'topics-yaml', line: lineOf(broken, '语音: 合成'), reason: 'YAML 语法错误：Nested mappings are not allowed in compact mappings' }),
    ]);
  });

  it('puts every question under one topic when a guide has no topics file', () => {
    const site = generate(undefined);
    expect(site.diagnostics).toEqual([]);
    expect(site.guides.find((g) => g.slug === 'kd')?.topics).toEqual([{ name: '全部题目', questions: Array.from({ length: 30 }, (_, i) => i + 1) }]);
  });

  it('makes the command line exit 1 with file:line for a bad topics file and write nothing', () => {
    const dir = testDir('topics');
    mkdirSync(join(dir, 'guides', 'kd'), { recursive: true });
    writeFileSync(join(dir, 'guides', 'kd', 'source.md'), source);
    writeFileSync(join(dir, 'guides', 'kd', 'topics.yaml'), topicsYaml.replace('[23, 28]', '[23, 28, 99]'));
    const run = spawnSync(process.execPath, [script, '--guides', join(dir, 'guides'), '--out', join(dir, 'docs')], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/guides\/kd\/topics\.yaml:\d+:\d+-\d+:\d+ {2}错误 {2}主题 “评估与实践” 列出了第 99 题/);
    expect(spawnSync('ls', [join(dir, 'docs')]).status).not.toBe(0);
  });
});
