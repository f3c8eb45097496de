import type { RootContent } from 'mdast';
import type { Widget } from '../pipeline/parse/parse-widget.ts';

/** The sections an annotation may add to a question page, in page order. */
export const ANNOTATION_SECTIONS = [
  { key: 'formulas', label: '公式' },
  { key: 'notes', label: '编者注' },
  { key: 'references', label: '参考文献' },
] as const;

export type AnnotationSectionKey = (typeof ANNOTATION_SECTIONS)[number]['key'];

/** A block of an annotation: Markdown as written, or a widget the build fills in. */
export type AnnotationBlock = RootContent | Widget;

export interface Formula {
  /** Anchor on the question page, e.g. `kd-loss`. */
  id: string;
  /** Heading text without the `{#id group="…"}` attribute. */
  title: string;
  group: string;
  /** TeX of each display block under the heading, in order: the formula index shows them all. */
  tex: string[];
  question: number;
}

export interface AnnotationSection {
  key: AnnotationSectionKey;
  label: string;
  blocks: AnnotationBlock[];
  /** Ids of the section's `###` headings, in order (the formula anchors). */
  anchors: string[];
}

/** Our additions to one question, from `annotations/<n>.md`. */
export interface Annotation {
  question: number;
  file: string;
  /** In page order, whatever the order in the file. */
  sections: AnnotationSection[];
  formulas: Formula[];
}
