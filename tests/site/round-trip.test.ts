import { readFileSync } from 'node:fs';
import { toString } from 'mdast-util-to-string';
import { describe, expect, inject, it } from 'vitest';
import { parseGuide } from '../../plugins/starlight-study-guides/pipeline/parse/parse-guide.ts';
import { mainOf, readPage, visibleText } from '../helpers/html.ts';

const source = readFileSync(new URL('../../src/guides/kd-lifelong-learning/source.md', import.meta.url), 'utf8');
const { guide } = parseGuide(source, 'source.md', 'kd-lifelong-learning');
const dist = inject('realSite');

/** Characters a reader sees, counted; whitespace is layout, not content. */
function characterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text.replace(/\s+/g, '')) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

describe('round trip › source text to built page', () => {
  it('shows every character of every question’s three sections on its page', () => {
    expect(guide!.questions).toHaveLength(30);
    for (const q of guide!.questions) {
      const page = characterCounts(visibleText(mainOf(readPage(dist, `kd-lifelong-learning/${q.number}`))));
      for (const key of ['prompt', 'answer', 'explanation'] as const) {
        // The section as the source writes it, minus Markdown syntax (**, -, #, $ …).
        const sectionText = toString({ type: 'root', children: q.sections[key]!.blocks });
        const missing = [...characterCounts(sectionText)].filter(([char, n]) => (page.get(char) ?? 0) < n);
        expect(missing, `question ${q.number} ${key}`).toEqual([]);
      }
    }
  });

  it('shows each section’s text in order, word for word, on every page without formulas', () => {
    const plain = guide!.questions.filter((q) => !/"type":"(inlineMath|math)"/.test(JSON.stringify(q.sections)));
    expect(plain.length).toBeGreaterThan(20);
    for (const q of plain) {
      // Without the English glosses we add after a term and their legend (labelled as ours, and left out when the text is copied).
      const page = visibleText(mainOf(readPage(dist, `kd-lifelong-learning/${q.number}`)), ['term-gloss', 'gloss-legend']).replace(/\s+/g, '');
      for (const key of ['prompt', 'answer', 'explanation'] as const) {
        const text = toString({ type: 'root', children: q.sections[key]!.blocks }).replace(/\s+/g, '');
        expect(page, `question ${q.number} ${key}`).toContain(text);
      }
    }
  });
});
