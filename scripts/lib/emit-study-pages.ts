import type { RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { type AddedSection, emitMdx, nestHeadings, sectionHeading } from './emit-question-page.ts';
import { type Guide, type Question, SOURCE_SECTIONS } from './guide-model.ts';

/** The whole-guide pages beside the question pages, each at `/<guide>/<view>/`. */
export type StudyView = 'print' | 'review';

const VIEWS: Record<StudyView, { title: string; intro: string; withAdded: boolean }> = {
  print: {
    title: '打印全部题目',
    intro: '本站补充：本页按原文顺序收录全部题目、答案、解析和本站补充的内容，用浏览器的“打印”即可打印或另存为 PDF；打印时每道题从新的一页开始，答案总是展开。',
    withAdded: true,
  },
  review: {
    title: '随机复习',
    intro: '本站补充：按随机顺序一次出一道题，先自己作答，再显示答案并标记“已掌握”或“待复习”。快捷键：空格显示答案，→ 下一题。未启用 JavaScript 时，下面按顺序列出全部题目。',
    withAdded: false,
  },
};

/**
 * One page holding every question of the guide: `##` per question (id `q<n>`)
 * and `###` per section (id `q<n>-<section>`), so no id repeats on the page.
 */
export function emitStudyPage(guide: Guide, view: StudyView, addedFor: (question: Question) => AddedSection[]): string {
  const { title, intro, withAdded } = VIEWS[view];
  const parts = guide.questions.map((question) => {
    const added = withAdded ? addedFor(question) : [];
    const ids = [...SOURCE_SECTIONS.map((s) => s.id), ...added.map((s) => s.id)];
    const children: RootContent[] = [
      sectionHeading(question.title, 2),
      ...SOURCE_SECTIONS.flatMap((s) => [
        sectionHeading(s.label, 3),
        ...nestHeadings(question.sections[s.key].blocks, question.headingDepth, 3),
      ]),
      // Question pages label added sections through frontmatter; here the heading says it.
      ...added.flatMap((s) => [sectionHeading(`${s.label}（本站补充）`, 3), ...nestHeadings(s.blocks, 2, 3)]),
    ];
    return { id: `q${question.number}`, ids, children: pointHashLinksAt(children, question.number) };
  });
  const frontmatter = {
    title: `${title}：${guide.title}`,
    description: `${guide.title}：${title}（共 ${guide.questions.length} 题）。`,
    guide: guide.slug,
    studyView: view,
    sections: parts.map((p) => p.id),
    subsections: parts.map((p) => p.ids),
    // The question pages are what search should find, not this copy of them.
    pagefind: false,
    // Review shows one card at a time, so a list of every heading would only confuse.
    tableOfContents: view === 'review' ? false : { maxHeadingLevel: 2 },
    sidebar: { hidden: true },
  };
  const children: RootContent[] = [
    { type: 'paragraph', children: [{ type: 'text', value: intro }] },
    ...parts.flatMap((p) => p.children),
  ];
  return emitMdx(frontmatter, { type: 'root', children });
}

/**
 * A `#anchor` link means a place on the question's own page; on a whole-guide
 * page that place is the question page, so point it there.
 */
function pointHashLinksAt(children: RootContent[], questionNumber: number): RootContent[] {
  const root = structuredClone({ type: 'root' as const, children });
  visit(root, 'link', (link) => {
    if (link.url.startsWith('#')) link.url = `../${questionNumber}/${link.url}`;
  });
  return root.children;
}
