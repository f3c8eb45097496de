import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { hiddenIndexText } from '../../plugins/starlight-study-guides/integrations/search-words.ts';
import { GLOSSARY_WEIGHT, chineseTermToken, guideQuestionToken, questionToken } from '../../plugins/starlight-study-guides/model/search.ts';
import { generateSite } from '../../plugins/starlight-study-guides/pipeline/generate-site.ts';
import { GLOSSARY_FILE } from '../../plugins/starlight-study-guides/pipeline/parse/parse-glossary.ts';

const question = (n: number, answer: string) => `#### ${n}. 第 ${n} 个问题\n\n**题目：** 请回答。\n\n**答案：** ${answer}\n\n**解析：** 见上。\n`;

/** Two guides: `a` has a glossary naming 迁移学习 for its question 2; both use the term, or its words apart. */
const site = generateSite([
  {
    slug: 'guide-a',
    source: { name: 'source.md', file: 'guide-a/source.md', text: `### 指南 A\n\n${question(1, '迁移学习很常见。')}\n${question(2, '这里讲解它。')}` },
    extras: [{ name: GLOSSARY_FILE, file: 'guide-a/annotations/glossary.yaml', text: 'terms:\n  - { en: transfer learning, zh: 迁移学习, questions: [2] }\n' }],
  },
  {
    slug: 'b',
    source: { name: 'source.md', file: 'b/source.md', text: `### 指南 B\n\n${question(1, '也用迁移学习。')}\n${question(2, '迁移数据，继续学习。')}` },
    extras: [],
  },
]);
const added = hiddenIndexText(site.guides);

/** The words indexed on a page but not shown, each with the weight Pagefind gives it (1 unless set). */
function hiddenWords(page: string): Map<string, number> {
  const tree = fromHtml(added.get(page) ?? '', { fragment: true });
  return new Map(
    selectAll('p', tree).map((p) => {
      const weighted = selectAll('[data-pagefind-weight]', tree).find((div) => div.children.includes(p));
      return [toString(p), weighted ? Number(weighted.properties.dataPagefindWeight) : 1];
    }),
  );
}

describe('search index › words indexed on question pages but not shown', () => {
  it('indexes a Chinese glossary term whole on the questions that explain it and, unranked, on those that use it', () => {
    expect(site.diagnostics).toEqual([]);
    const token = chineseTermToken('迁移学习')!;
    expect(hiddenWords('guide-a/2/index.html').get(token)).toBe(GLOSSARY_WEIGHT);
    expect(hiddenWords('guide-a/1/index.html').get(token)).toBe(0);
    // Another guide's question that uses the term is found by it too.
    expect(hiddenWords('b/1/index.html').get(token)).toBe(0);
    // Its words apart are not the term.
    expect(hiddenWords('b/2/index.html').has(token)).toBe(false);
  });

  it('indexes each question’s number, and its number within its guide, not the other guides’', () => {
    const words = hiddenWords('b/2/index.html');
    expect(words.get(questionToken(2))).toBe(1);
    expect(words.get(guideQuestionToken('b', 2))).toBe(1);
    expect(words.has(guideQuestionToken('guide-a', 2))).toBe(false);
  });
});
