import type { ListItem } from 'mdast';
import type { AddedSection } from './emit-question-page.ts';
import type { Guide } from '../../model/guide.ts';
import { RELATED_SECTION, linkFromPage } from '../../model/pages.ts';

/** The 相关题目 section: links to the related questions, and the question's topic. */
export function relatedSection(guide: Guide, topic: string, related: number[]): AddedSection {
  const items: ListItem[] = related.map((n) => {
    const question = guide.questions.find((q) => q.number === n)!;
    return {
      type: 'listItem',
      spread: false,
      // Relative links work on the question pages and on the whole-guide pages, under any base path.
      children: [{ type: 'paragraph', children: [{ type: 'link', url: linkFromPage.question(n), children: [{ type: 'text', value: question.title }] }] }],
    };
  });
  return {
    id: RELATED_SECTION.id,
    label: RELATED_SECTION.label,
    searchable: false,
    blocks: [
      { type: 'paragraph', children: [{ type: 'text', value: `本题主题：${topic}。内容相近的题目：` }] },
      { type: 'list', ordered: false, spread: false, children: items },
    ],
  };
}
