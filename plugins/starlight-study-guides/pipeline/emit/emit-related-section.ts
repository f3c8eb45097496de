import type { ListItem } from 'mdast';
import type { AddedSection } from './emit-question-page.ts';
import type { GuideModel } from '../../model/guide-model.ts';
import { RELATED_SECTION, linkFromPage } from '../../model/pages.ts';

/** Question `question`'s 相关题目 section: links to its related questions, and its topic. */
export function relatedSection(guide: GuideModel, question: number): AddedSection {
  const items: ListItem[] = guide.related.get(question)!.map((n) => ({
    type: 'listItem',
    spread: false,
    // Relative links work on the question pages and on the whole-guide pages, under any base path.
    children: [{ type: 'paragraph', children: [{ type: 'link', url: linkFromPage.question(n), children: [{ type: 'text', value: guide.titleOf.get(n)! }] }] }],
  }));
  return {
    id: RELATED_SECTION.id,
    label: RELATED_SECTION.label,
    searchable: false,
    blocks: [
      { type: 'paragraph', children: [{ type: 'text', value: `本题主题：${guide.topicOf.get(question)}。内容相近的题目：` }] },
      { type: 'list', ordered: false, spread: false, children: items },
    ],
  };
}
