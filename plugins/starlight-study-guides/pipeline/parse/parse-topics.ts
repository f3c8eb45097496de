import { z } from 'zod';
import { type Diagnostic, type Place, diagnostic } from '../../model/diagnostic.ts';
import type { Guide } from '../../model/guide.ts';
import type { RuleId } from '../../model/rules.ts';
import type { Topic } from '../../model/topic.ts';
import { parseYamlWithPlaces } from './parse-yaml.ts';

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

/** Where questions no topic lists are shown until the author files them. */
export const UNFILED_TOPIC = '未分类';

const FORMAT = '格式为 topics: [{ name: 主题名, questions: [题号, …] }]。';

/**
 * Reads a guide's topics file and checks that it assigns every question to
 * exactly one topic. A question no topic lists is a warning and goes under
 * 未分类; problems point at the key or value in the YAML file. A number for
 * which `mayExist` holds is not reported as unknown: the source's own errors
 * (a question that did not parse) already explain it.
 */
export function parseTopics(file: { file: string; text: string } | undefined, guide: Guide, mayExist: (n: number) => boolean = () => false): { topics: Topic[]; diagnostics: Diagnostic[] } {
  if (!file) return { topics: [{ name: DEFAULT_TOPIC, questions: guide.questions.map((q) => q.number) }], diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const report = (place: Place, ruleId: RuleId, reason: string, hint: string) => diagnostics.push(diagnostic(file.file, place, ruleId, reason, hint));

  const yaml = parseYamlWithPlaces(file.text);
  for (const error of yaml.errors) report(error.place, 'topics-yaml', `YAML 语法错误：${error.reason}`, `改正这一行；${FORMAT}`);
  if (yaml.errors.length > 0) return { topics: [], diagnostics };

  const parsed = schema.safeParse(yaml.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.length > 0 ? `${issue.path.join('.')}：` : '';
      report(yaml.placeOf(issue.path), 'topics-schema', `${where}${issue.message}`, FORMAT);
    }
    return { topics: [], diagnostics };
  }

  const numbers = new Set(guide.questions.map((q) => q.number));
  const firstTopic = new Map<number, string>();
  parsed.data.topics.forEach((topic, t) => {
    topic.questions.forEach((n, i) => {
      const place = yaml.placeOf(['topics', t, 'questions', i]);
      if (!numbers.has(n)) {
        if (!mayExist(n)) report(place, 'topic-unknown-question', `主题 “${topic.name}” 列出了第 ${n} 题，但指南里没有这道题（共 ${guide.questions.length} 题）`, '改正题号，或从列表中删掉它。');
      } else if (firstTopic.has(n)) {
        report(place, 'topic-duplicate-question', `第 ${n} 题已归入主题 “${firstTopic.get(n)}”，又出现在 “${topic.name}”`, '每道题只属于一个主题：删掉其中一处。');
      } else {
        firstTopic.set(n, topic.name);
      }
    });
  });
  const order = new Map(guide.questions.map((q, i) => [q.number, i]));
  const topics = parsed.data.topics.map((topic) => ({
    name: topic.name,
    questions: topic.questions.filter((n) => numbers.has(n) && firstTopic.get(n) === topic.name).sort((a, b) => order.get(a)! - order.get(b)!),
  }));
  const unfiled = guide.questions.filter((q) => !firstTopic.has(q.number)).map((q) => q.number);
  if (unfiled.length > 0) {
    const last = parsed.data.topics.at(-1)!;
    const hint = `把题号加到某个主题的 questions 里，例如 “${last.name}” 的 questions: [${[...last.questions, ...unfiled].join(', ')}]。`;
    report(yaml.placeOf([], 'topics'), 'topic-missing-question', `第 ${unfiled.join('、')} 题没有归入任何主题，暂列在 “${UNFILED_TOPIC}” 下`, hint);
    topics.push({ name: UNFILED_TOPIC, questions: unfiled });
  }
  return { topics: topics.filter((topic) => topic.questions.length > 0), diagnostics };
}
