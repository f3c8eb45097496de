import type { CodingProblem } from '../pipeline/parse/parse-coding-problems.ts';
import type { Annotation } from './annotation.ts';
import type { GlossaryTerm } from './glossary.ts';
import type { Guide } from './guide.ts';
import type { GuidePage } from './pages.ts';
import type { Topic } from './topic.ts';

/**
 * Everything the site knows about one guide, derived once
 * (pipeline/derive/derive-guide.ts) and read by every page, the sidebar, the
 * indexes and the exports.
 */
export interface GuideModel extends Guide {
  /** Question number → its heading, as written. */
  titleOf: ReadonlyMap<number, string>;
  /** In display order; every question is in exactly one. */
  topics: Topic[];
  /** Question number → its topic's name. */
  topicOf: ReadonlyMap<number, string>;
  annotations: Annotation[];
  codingProblems: CodingProblem[];
  /** English and Chinese names of what the questions discuss (annotations/glossary.yaml); empty without one. */
  glossary: GlossaryTerm[];
  /** Question number → up to three related questions, most related first. */
  related: ReadonlyMap<number, number[]>;
  /** The whole-guide pages the guide has, in sidebar order. */
  pages: GuidePage[];
}
