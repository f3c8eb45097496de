import { LineCounter, isNode, parseDocument } from 'yaml';
import { z } from 'zod';
import { type Diagnostic, type Place, diagnostic } from '../../model/diagnostic.ts';
import type { Guide } from '../../model/guide.ts';
import type { Topic } from '../../model/topic.ts';

/** Name of the file beside `source.md` that assigns questions to topics. */
export const TOPICS_FILE = 'topics.yaml';

/** Used when a guide has no topics file: every question under one heading. */
export const DEFAULT_TOPIC = '全部题目';

const schema = z.object({
  topics: z
    .array(
      z.object({
        name: z.string().trim().min(1, '主题名称不能为空'),
        questions: z.array(z.number().int().positive('题号应为正整数')).min(1, '每个主题至少要有一道题'),
      }),
    )
    .min(1, '至少要有一个主题'),
});

/**
 * Reads a guide's topics file and checks that it assigns every question to
 * exactly one topic. Problems point at the line in the YAML file.
 */
export function parseTopics(file: { file: string; text: string } | undefined, guide: Guide): { topics: Topic[]; diagnostics: Diagnostic[] } {
  if (!file) return { topics: [{ name: DEFAULT_TOPIC, questions: guide.questions.map((q) => q.number) }], diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, prettyErrors: false });
  const placeOf = (offset: number | undefined): Place => {
    if (offset === undefined) return { line: 1, column: 1 };
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const report = (offset: number | undefined, ruleId: string, message: string) =>
    diagnostics.push(diagnostic(file.file, placeOf(offset), ruleId, message));

  for (const error of doc.errors) report(error.pos[0], 'topics-yaml', `YAML 语法错误（${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}）：请对照文件开头的格式改正这一行。`);
  if (diagnostics.length > 0) return { topics: [], diagnostics };

  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const node = doc.getIn(issue.path as (string | number)[], true);
      const where = issue.path.length > 0 ? `${issue.path.join('.')}：` : '';
      report(isNode(node) ? node.range?.[0] : undefined, 'topics-schema', `${where}${issue.message}。格式应为 topics: [{ name: 主题名, questions: [题号, …] }]。`);
    }
    return { topics: [], diagnostics };
  }

  const numbers = new Set(guide.questions.map((q) => q.number));
  const firstTopic = new Map<number, string>();
  parsed.data.topics.forEach((topic, t) => {
    topic.questions.forEach((n, i) => {
      const offset = (doc.getIn(['topics', t, 'questions', i], true) as { range?: [number, number, number] } | undefined)?.range?.[0];
      if (!numbers.has(n)) {
        report(offset, 'topic-unknown-question', `主题 “${topic.name}” 列出了第 ${n} 题，但指南里没有这道题（共 ${guide.questions.length} 题）：请改正题号。`);
      } else if (firstTopic.has(n)) {
        report(offset, 'topic-duplicate-question', `第 ${n} 题已归入主题 “${firstTopic.get(n)}”，又出现在 “${topic.name}”：每道题只能属于一个主题，请删掉其中一处。`);
      } else {
        firstTopic.set(n, topic.name);
      }
    });
  });
  const missing = guide.questions.filter((q) => !firstTopic.has(q.number)).map((q) => q.number);
  if (missing.length > 0) {
    report(undefined, 'topic-missing-question', `第 ${missing.join('、')} 题没有归入任何主题：请把它们加到某个主题的 questions 里。`);
  }
  if (diagnostics.length > 0) return { topics: [], diagnostics };

  const order = new Map(guide.questions.map((q, i) => [q.number, i]));
  const topics = parsed.data.topics.map((topic) => ({
    name: topic.name,
    questions: [...topic.questions].sort((a, b) => order.get(a)! - order.get(b)!),
  }));
  return { topics, diagnostics };
}
