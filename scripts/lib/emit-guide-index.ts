import type { ListItem, RootContent } from 'mdast';
import type { Guide } from './guide-model.ts';
import { emitMdx } from './emit-question-page.ts';

/** The guide's table of contents: every question, linked, in source order. */
export function emitGuideIndex(guide: Guide): string {
  const items: ListItem[] = guide.questions.map((q) => ({
    type: 'listItem',
    spread: false,
    children: [
      {
        type: 'paragraph',
        // Relative links keep working when the site is served under a base path.
        children: [{ type: 'link', url: `${q.number}/`, children: [{ type: 'text', value: q.title }] }],
      },
    ],
  }));
  const children: RootContent[] = [
    ...guide.intro,
    { type: 'paragraph', children: [{ type: 'text', value: `共 ${guide.questions.length} 道题，每题包含题目、答案与解析。` }] },
    { type: 'list', ordered: false, spread: false, children: items },
  ];
  const frontmatter = {
    title: guide.title,
    description: `${guide.title}：全部 ${guide.questions.length} 道题目与答案解析。`,
    guide: guide.slug,
    sidebar: { order: 0, label: '全部题目' },
  };
  return emitMdx(frontmatter, { type: 'root', children });
}
