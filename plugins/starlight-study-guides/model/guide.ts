import type { RootContent } from 'mdast';
import type { Position } from 'unist';

/** The three parts every question of a source must have, in page order. */
export const SOURCE_SECTIONS = [
  { key: 'prompt', label: '题目', id: 'question' },
  { key: 'answer', label: '答案', id: 'answer' },
  { key: 'explanation', label: '解析', id: 'explanation' },
] as const;

export type SectionKey = (typeof SOURCE_SECTIONS)[number]['key'];

export interface Section {
  /** Block content as parsed from the source (mdast), positions kept. */
  blocks: RootContent[];
  line: number;
  /** Where its bold label (`**答案：**`) is in the source. */
  labelPosition: Position | undefined;
}

export interface Question {
  number: number;
  /** The heading as written, e.g. `6. 知识蒸馏如何促进模型的终身学习能力？`. */
  title: string;
  line: number;
  /** Depth of question headings in the source; deeper headings are content. */
  headingDepth: number;
  /** 解析 may be missing (a warning); 题目 and 答案 never are. */
  sections: Record<Exclude<SectionKey, 'explanation'>, Section> & { explanation?: Section };
}

export interface Guide {
  /** URL segment, from the guide's folder name. */
  slug: string;
  /** Path of the source file, as shown in diagnostics. */
  file: string;
  title: string;
  /** Anything between the guide title and the first question. */
  intro: RootContent[];
  questions: Question[];
}

/** A question's heading without its number: `6. 知识蒸馏…？` → `知识蒸馏…？`. */
export function questionTitleText(title: string): string {
  return title.replace(/^\d+\.\s*/, '');
}

/** The source sections a question has, in page order, each with its content. */
export function sourceSectionsOf(question: Question): ((typeof SOURCE_SECTIONS)[number] & Section)[] {
  return SOURCE_SECTIONS.flatMap((s) => {
    const section = question.sections[s.key];
    return section ? [{ ...s, ...section }] : [];
  });
}
