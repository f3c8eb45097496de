import type { PhrasingContent, RootContent } from 'mdast';
import type { Formula } from '../../model/annotation.ts';
import type { PageFrontmatter } from '../../model/frontmatter.ts';
import type { GuideModel } from '../../model/guide-model.ts';
import { guidePage, linkFromPage } from '../../model/pages.ts';
import { type EmittedPage, emitPage, sectionHeading } from './emit-question-page.ts';
import { expandWidgets } from './emit-widgets.ts';

/**
 * 公式速查: every formula of the guide's annotations, grouped by topic, each
 * linking to the question and anchor where it is explained. A formula used by
 * several questions is listed once with every question. The explorers of the
 * annotations are repeated at the end.
 */
export function emitFormulaIndex(guide: GuideModel): EmittedPage {
  const { annotations } = guide;
  const groups = new Map<string, Map<string, Formula[]>>();
  for (const formula of annotations.flatMap((a) => a.formulas)) {
    const byTex = groups.get(formula.group) ?? new Map<string, Formula[]>();
    groups.set(formula.group, byTex);
    // The same formula explained on several questions is listed once, with each question.
    const key = JSON.stringify(formula.tex);
    byTex.set(key, [...(byTex.get(key) ?? []), formula]);
  }
  const explorers = annotations.flatMap((a) =>
    a.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'temperatureExplorer').map((b) => ({ question: a.question, block: b }))),
  );
  const children: RootContent[] = [
    {
      type: 'paragraph',
      children: [
        { type: 'strong', children: [{ type: 'text', value: '本站补充' }] },
        { type: 'text', value: `：本页汇总本指南各题“公式”一节中的全部 ${countFormulas(groups)} 个公式，按主题分组；点击题号可跳到该公式在题目页上的讲解与出处。本页由构建脚本从各题的补充内容自动生成。` },
      ],
    },
    ...[...groups].flatMap(([group, byTex]) => [
      sectionHeading(group),
      ...[...byTex.values()].flatMap((formulas): RootContent[] => [
        { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: formulas[0]!.title }] }, { type: 'text', value: '：' }, ...questionLinks(formulas)] },
        ...formulas[0]!.tex.map((value): RootContent => ({ type: 'math', value })),
      ]),
    ]),
    ...(explorers.length > 0
      ? [
          sectionHeading('互动演示：温度如何改变 softmax'),
          ...explorers.flatMap(({ question, block }): RootContent[] => [
            { type: 'paragraph', children: [{ type: 'text', value: '拖动温度滑块或修改 logits，观察教师与学生的概率分布如何变化（也见' }, { type: 'link', url: `${linkFromPage.question(question)}#formulas`, children: [{ type: 'text', value: `第 ${question} 题` }] }, { type: 'text', value: '）。' }] },
            ...expandWidgets([block]),
          ]),
        ]
      : []),
  ];
  const frontmatter: PageFrontmatter = {
    title: guidePage('formulas').title,
    description: `${guide.title}：全部公式一览，每个公式都链接到讲解它的题目。`,
    // A whole-guide tool, not a step in reading the questions.
    prev: false,
    next: false,
  };
  return emitPage(frontmatter, { type: 'root', children });
}

function countFormulas(groups: Map<string, Map<string, Formula[]>>): number {
  return [...groups.values()].reduce((sum, byTex) => sum + byTex.size, 0);
}

function questionLinks(formulas: Formula[]): PhrasingContent[] {
  return formulas.flatMap((f, i): PhrasingContent[] => [
    ...(i > 0 ? [{ type: 'text' as const, value: '、' }] : []),
    // Relative links keep working under a base path.
    { type: 'link', url: `${linkFromPage.question(f.question)}#${f.id}`, children: [{ type: 'text', value: `第 ${f.question} 题` }] },
  ]);
}
