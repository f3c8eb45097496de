import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { toString } from 'mdast-util-to-string';
import { parse } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { guideExportSchema } from '../../plugins/starlight-study-guides/model/export-schema.ts';
import { parseGuide } from '../../plugins/starlight-study-guides/pipeline/parse/parse-guide.ts';

const dist = inject('realSite');
const guideDir = new URL('../../src/guides/kd-lifelong-learning/', import.meta.url);
const { guide } = parseGuide(readFileSync(new URL('source.md', guideDir), 'utf8'), 'source.md', 'kd-lifelong-learning');
const topics = parse(readFileSync(new URL('topics.yaml', guideDir), 'utf8')).topics as { name: string; questions: number[] }[];
const json = JSON.parse(readFileSync(join(dist, 'exports/kd-lifelong-learning.json'), 'utf8'));
const tsv = readFileSync(join(dist, 'exports/kd-lifelong-learning.tsv'), 'utf8');
const plain = (blocks: Parameters<typeof toString>[0][]) => blocks.map((b) => toString(b)).join('\n\n').trim();

describe('exports › JSON', () => {
  it('validates against the published JSON Schema and the zod schema', () => {
    const schema = JSON.parse(readFileSync(join(dist, 'exports/guide.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(guideExportSchema.safeParse(json).success).toBe(true);
    // The schema really constrains: a question without an answer is rejected.
    const broken = structuredClone(json);
    delete broken.questions[0].answer;
    expect(validate(broken)).toBe(false);
  });

  it('has 30 entries equal to the parsed source, with topic and absolute URL', () => {
    expect(json.questions).toHaveLength(30);
    guide!.questions.forEach((q, i) => {
      const entry = json.questions[i];
      expect(entry.number).toBe(q.number);
      expect(`${q.number}. ${entry.title}`).toBe(q.title);
      expect(entry.prompt.text).toBe(plain(q.sections.prompt.blocks));
      expect(entry.answer.text).toBe(plain(q.sections.answer.blocks));
      expect(entry.explanation.text).toBe(plain(q.sections.explanation!.blocks));
      expect(entry.topic).toBe(topics.find((t) => t.questions.includes(q.number))!.name);
      expect(entry.url).toBe(`http://localhost:4321/kd-lifelong-learning/${q.number}/`);
    });
  });

  it('keeps the source’s Markdown: lists stay lists', () => {
    expect(json.questions[1].answer.markdown).toContain('\n- 模型压缩：');
    expect(json.questions[2].answer.markdown).toContain('- **知识流失**：');
  });
});

describe('exports › Anki TSV', () => {
  const rows = tsv.split('\n').filter((line) => line !== '' && !line.startsWith('#'));

  it('has 30 rows of exactly 3 tab-separated columns: front, back, tags', () => {
    expect(rows).toHaveLength(30);
    for (const row of rows) expect(row.split('\t')).toHaveLength(3);
  });

  it('tells Anki the separator, HTML fields and the tags column', () => {
    expect(tsv.startsWith('#separator:tab\n#html:true\n#tags column:3\n')).toBe(true);
  });

  it('puts the question in front, answer and explanation on the back and the topic in the tags', () => {
    const [front, back, tags] = rows[11]!.split('\t') as [string, string, string];
    expect(front).toContain('12. 知识蒸馏在医疗图像分析中的应用示例有哪些？'.replace(/^12\. /, ''));
    expect(front).toContain('请举例说明知识蒸馏在医疗图像分析中的应用。');
    expect(back).toContain('<b>答案：</b>知识蒸馏在医疗图像分析中的应用示例包括：');
    expect(back).toContain('<b>解析：</b>');
    expect(tags.split(' ')).toEqual(['kd-lifelong-learning', '医疗影像']);
  });
});

describe('exports › links', () => {
  it('links the JSON and the Anki file from the guide index', () => {
    const html = readFileSync(join(dist, 'kd-lifelong-learning/index.html'), 'utf8');
    expect(html).toContain('href="../exports/kd-lifelong-learning.json"');
    expect(html).toContain('href="../exports/kd-lifelong-learning.tsv"');
  });
});
