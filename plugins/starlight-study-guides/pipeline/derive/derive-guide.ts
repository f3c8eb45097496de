import type { Annotation } from '../../model/annotation.ts';
import type { GlossaryTerm } from '../../model/glossary.ts';
import type { Guide } from '../../model/guide.ts';
import type { GuideModel } from '../../model/guide-model.ts';
import { GUIDE_PAGES, type GuidePage } from '../../model/pages.ts';
import { type Topic, topicByQuestion } from '../../model/topic.ts';
import type { CodingProblem } from '../parse/parse-coding-problems.ts';
import { relatedQuestions } from './related-questions.ts';

/** A parsed and checked guide → its model: what every page, index and export of the guide reads. */
export function deriveGuide(guide: Guide, topics: Topic[], annotations: Annotation[], codingProblems: CodingProblem[], glossary: GlossaryTerm[]): GuideModel {
  const topicOf = topicByQuestion(topics);
  const has: Record<GuidePage['when'], boolean> = {
    always: true,
    formulas: annotations.some((a) => a.formulas.length > 0),
    'coding-problems': codingProblems.length > 0,
  };
  return {
    ...guide,
    titleOf: new Map(guide.questions.map((q) => [q.number, q.title])),
    topics,
    topicOf,
    annotations,
    codingProblems,
    glossary,
    related: relatedQuestions(guide, topicOf),
    pages: GUIDE_PAGES.filter((page) => has[page.when]),
  };
}
