import { z } from 'zod';
import { type Diagnostic, type Place, diagnostic } from '../../model/diagnostic.ts';
import type { GlossaryTerm } from '../../model/glossary.ts';
import type { Guide } from '../../model/guide.ts';
import type { RuleId } from '../../model/rules.ts';
import { parseYamlWithPlaces } from './parse-yaml.ts';

/** The glossary sits beside the guide's other annotations. */
export const GLOSSARY_FILE = 'annotations/glossary.yaml';

const FORMAT = '格式为 terms: [{ en: 英文术语, zh: 中文术语, synonyms: [同义词, …], questions: [题号, …] }]。';

const term = z.string().trim().min(1, '术语不能为空');
const schema = z.object({
  terms: z.array(
    z.strictObject({
      en: term,
      zh: term,
      synonyms: z.array(term).default([]),
      questions: z.array(z.number().int().positive('题号应为正整数')).min(1, '每个术语至少要属于一道题'),
    }),
  ),
});

/**
 * Reads a guide's glossary: English and Chinese names of the methods and
 * concepts its questions discuss, for search and for glosses on the pages.
 * Problems point at the line and column in the YAML file.
 */
export function parseGlossary(file: { file: string; text: string } | undefined, guide: Guide, mayExist: (n: number) => boolean = () => false): { glossary: GlossaryTerm[]; diagnostics: Diagnostic[] } {
  if (!file) return { glossary: [], diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const report = (place: Place, ruleId: RuleId, reason: string, hint: string) => diagnostics.push(diagnostic(file.file, place, ruleId, reason, hint));

  const yaml = parseYamlWithPlaces(file.text);
  for (const error of yaml.errors) report(error.place, 'glossary-yaml', `YAML 语法错误：${error.reason}`, `改正这一行；${FORMAT}`);
  if (yaml.errors.length > 0) return { glossary: [], diagnostics };

  const parsed = schema.safeParse(yaml.data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as (string | number)[];
      const [reason, place] =
        issue.code === 'unrecognized_keys'
          ? [`不认识的字段 “${issue.keys.join('、')}”`, yaml.placeOf(path, issue.keys[0]!)]
          : issue.code === 'invalid_type' && issue.input === undefined
            ? [`缺少字段 “${path.at(-1)}”`, yaml.placeOf(path.slice(0, -1))]
            : [issue.message, yaml.placeOf(path)];
      const where = path.length > 0 ? `${path.join('.')}：` : '';
      report(place, 'glossary-schema', `${where}${reason}`, FORMAT);
    }
    return { glossary: [], diagnostics };
  }

  const numbers = new Set(guide.questions.map((q) => q.number));
  const firstAt = new Map<string, number>();
  parsed.data.terms.forEach((entry, t) => {
    const key = entry.en.toLowerCase();
    if (firstAt.has(key)) {
      report(yaml.placeOf(['terms', t, 'en']), 'glossary-duplicate-term', `英文术语 “${entry.en}” 已在第 ${firstAt.get(key)! + 1} 条出现过`, '合并这两条。');
    } else {
      firstAt.set(key, t);
    }
    entry.questions.forEach((n, i) => {
      if (!numbers.has(n) && !mayExist(n)) {
        report(yaml.placeOf(['terms', t, 'questions', i]), 'glossary-unknown-question', `术语 “${entry.en}” 列出了第 ${n} 题，但指南里没有这道题（共 ${guide.questions.length} 题）`, '改正题号，或从列表中删掉它。');
      }
    });
  });
  return { glossary: diagnostics.length > 0 ? [] : parsed.data.terms, diagnostics };
}
