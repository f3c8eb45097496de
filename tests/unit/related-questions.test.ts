import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../plugins/starlight-study-guides/pipeline/parse/parse-guide.ts';
import { parseTopics } from '../../plugins/starlight-study-guides/pipeline/parse/parse-topics.ts';
import { topicByQuestion } from '../../plugins/starlight-study-guides/model/topic.ts';
import { relatedQuestions } from '../../plugins/starlight-study-guides/pipeline/derive/related-questions.ts';
import { generateSite } from '../../plugins/starlight-study-guides/pipeline/generate-site.ts';
import { frontmatterOf } from '../helpers/frontmatter.ts';

const dir = new URL('../../src/guides/kd-lifelong-learning/', import.meta.url);
const source = readFileSync(new URL('source.md', dir), 'utf8');
const topicsFile = { file: 'topics.yaml', text: readFileSync(new URL('topics.yaml', dir), 'utf8') };
const { guide } = parseGuide(source, 'source.md', 'kd');
const related = relatedQuestions(guide!, topicByQuestion(parseTopics(topicsFile, guide!).topics));

describe('related questions', () => {
  for (const group of [[12, 20, 25], [13, 19, 24]]) {
    it(`${group.join(', ')} list each other`, () => {
      for (const n of group) {
        for (const other of group.filter((m) => m !== n)) expect(related.get(n), `question ${n}`).toContain(other);
      }
    });
  }

  it('lists up to 3 other questions for every question, never the question itself', () => {
    expect(related.size).toBe(30);
    for (const [n, list] of related) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.length).toBeLessThanOrEqual(3);
      expect(list).not.toContain(n);
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('ends question 12’s page with 相关题目 linking 20 and 25', () => {
    const site = generateSite([{ slug: 'kd', source: { name: 'source.md', file: 'source.md', text: source }, extras: [{ name: 'topics.yaml', ...topicsFile }] }]);
    const page = site.pages.get('kd/12.md')!;
    expect(frontmatterOf(page)).toMatchObject({ addedSections: ['related'] });
    const section = page.slice(page.lastIndexOf('## '));
    expect(section.startsWith('## 相关题目')).toBe(true);
    expect(section).toContain('[20. 知识蒸馏在医疗影像处理中的应用示例有哪些？](../20/)');
    expect(section).toContain('[25. 知识蒸馏在医疗影像分析中的技术挑战有哪些？](../25/)');
  });

  it('gives identical output across two builds', () => {
    const build = () => generateSite([{ slug: 'kd', source: { name: 'source.md', file: 'source.md', text: source }, extras: [{ name: 'topics.yaml', ...topicsFile }] }]);
    const a = build();
    const b = build();
    expect([...b.pages]).toEqual([...a.pages]);
    expect([...b.files]).toEqual([...a.files]);
  });
});
