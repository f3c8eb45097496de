/** A group of questions shown together in the sidebar and on the guide index. */
export interface Topic {
  name: string;
  /** Question numbers, in source order. */
  questions: number[];
}

/** Question number → the name of its topic. */
export function topicByQuestion(topics: Topic[]): Map<number, string> {
  return new Map(topics.flatMap((t) => t.questions.map((n) => [n, t.name] as const)));
}
