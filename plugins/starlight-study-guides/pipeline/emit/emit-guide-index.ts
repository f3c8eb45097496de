import type { List, RootContent } from 'mdast';
import type { PageFrontmatter } from '../../model/frontmatter.ts';
import type { GuideModel } from '../../model/guide-model.ts';
import { EXPORT_SCHEMA_FILE, exportFiles, linkFromIndex } from '../../model/pages.ts';
import { type EmittedPage, emitPage, sectionHeading } from './emit-question-page.ts';

interface ToolLink {
  /** Relative to the guide index, e.g. `formulas/`. */
  url: string;
  text: string;
}

/** The guide's table of contents: study tools, then every question, linked, grouped by topic in source order. */
export function emitGuideIndex(guide: GuideModel): EmittedPage {
  const { topics, titleOf } = guide;
  const linkList = (links: ToolLink[]): List => ({
    type: 'list',
    ordered: false,
    spread: false,
    children: links.map(({ url, text }) => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', value: text }] }] }],
    })),
  });
  const exports = exportFiles(guide.slug);
  const children: RootContent[] = [
    ...guide.intro,
    { type: 'paragraph', children: [{ type: 'text', value: questionCount(guide) }] },
    sectionHeading('学习工具（本站补充）'),
    linkList([
      ...guide.pages.map((page) => ({ url: linkFromIndex.page(page.id), text: page.summary({ codingProblems: guide.codingProblems.length }) })),
      { url: linkFromIndex.exportFile(exports.json), text: '下载 JSON（全部题目、答案与解析）' },
      { url: linkFromIndex.exportFile(exports.tsv), text: '下载 Anki 卡片（制表符分隔的文本，可在 Anki 中“导入文件”）' },
      { url: linkFromIndex.exportFile(EXPORT_SCHEMA_FILE), text: 'JSON 格式说明（JSON Schema）' },
    ]),
    { type: 'paragraph', children: [{ type: 'text', value: '以下按主题分组（分组为本站补充），组内按原文顺序排列。' }] },
    ...topics.flatMap((topic) => [
      sectionHeading(`${topic.name}（${topic.questions.length} 题）`),
      linkList(topic.questions.map((n) => ({ url: linkFromIndex.question(n), text: titleOf.get(n)! }))),
    ]),
  ];
  const frontmatter: PageFrontmatter = {
    title: guide.title,
    description: `${guide.title}：全部 ${guide.questions.length} 道题目与答案解析。`,
    guide: guide.slug,
    questionCount: guide.questions.length,
    sections: ['tools', ...topics.map((_, i) => `topic-${i + 1}`)],
    // Reading starts here: on to the first question, and back to nothing (not another guide).
    prev: false,
    ...(guide.questions[0] ? { next: { link: linkFromIndex.question(guide.questions[0].number), label: guide.questions[0].title } } : {}),
  };
  return emitPage(frontmatter, { type: 'root', children });
}

/** `共 30 道题，每题包含题目、答案与解析。`, saying which questions lack 解析 while the source has none yet. */
function questionCount(guide: GuideModel): string {
  const unexplained = guide.questions.filter((q) => !q.sections.explanation).map((q) => q.number);
  const total = `共 ${guide.questions.length} 道题`;
  if (unexplained.length === 0) return `${total}，每题包含题目、答案与解析。`;
  return `${total}，每题包含题目与答案；第 ${unexplained.join('、')} 题暂无解析。`;
}
