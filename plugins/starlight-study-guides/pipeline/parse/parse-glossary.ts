import { LineCounter, isMap, isNode, isScalar, parseDocument } from 'yaml';
import { z } from 'zod';
import { type Diagnostic, type Place, diagnostic } from '../../model/diagnostic.ts';
import type { GlossaryTerm } from '../../model/glossary.ts';
import type { Guide } from '../../model/guide.ts';

/** The glossary sits beside the guide's other annotations. */
export const GLOSSARY_FILE = 'annotations/glossary.yaml';

const FORMAT = '格式应为 terms: [{ en: 英文术语, zh: 中文术语, synonyms: [同义词, …], questions: [题号, …] }]。';

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
export function parseGlossary(file: { file: string; text: string } | undefined, guide: Guide): { glossary: GlossaryTerm[]; diagnostics: Diagnostic[] } {
  if (!file) return { glossary: [], diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, prettyErrors: false });
  const placeOf = (offset: number | undefined): Place => {
    if (offset === undefined) return { line: 1, column: 1 };
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const offsetOf = (path: (string | number)[]) => {
    const node = doc.getIn(path, true);
    return isNode(node) ? node.range?.[0] : undefined;
  };
  /** Where a mapping's key is written (an unknown key is reported there, not on its value). */
  const keyOffset = (path: (string | number)[], key: string) => {
    const map = doc.getIn(path, true);
    const pair = isMap(map) ? map.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
    return isScalar(pair?.key) ? pair.key.range?.[0] : offsetOf(path);
  };
  const report = (offset: number | undefined, ruleId: string, message: string) => diagnostics.push(diagnostic(file.file, placeOf(offset), ruleId, message));

  for (const error of doc.errors) report(error.pos[0], 'glossary-yaml', `YAML 语法错误（${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}）：请对照文件开头的格式改正这一行。`);
  if (diagnostics.length > 0) return { glossary: [], diagnostics };

  const parsed = schema.safeParse(doc.toJS(), { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as (string | number)[];
      const [message, offset] =
        issue.code === 'unrecognized_keys'
          ? [`不认识的字段 “${issue.keys.join('、')}”`, keyOffset(path, issue.keys[0]!)]
          : issue.code === 'invalid_type' && issue.input === undefined
            ? [`缺少字段 “${path.at(-1)}”`, offsetOf(path.slice(0, -1))]
            : [issue.message, offsetOf(path)];
      const where = path.length > 0 ? `${path.join('.')}：` : '';
      report(offset, 'glossary-schema', `${where}${message}。${FORMAT}`);
    }
    return { glossary: [], diagnostics };
  }

  const numbers = new Set(guide.questions.map((q) => q.number));
  const firstAt = new Map<string, number>();
  parsed.data.terms.forEach((entry, t) => {
    const key = entry.en.toLowerCase();
    if (firstAt.has(key)) {
      report(offsetOf(['terms', t, 'en']), 'glossary-duplicate-term', `英文术语 “${entry.en}” 已在第 ${firstAt.get(key)! + 1} 条出现过：请合并这两条。`);
    } else {
      firstAt.set(key, t);
    }
    entry.questions.forEach((n, i) => {
      if (!numbers.has(n)) {
        report(offsetOf(['terms', t, 'questions', i]), 'glossary-unknown-question', `术语 “${entry.en}” 列出了第 ${n} 题，但指南里没有这道题（共 ${guide.questions.length} 题）：请改正题号。`);
      }
    });
  });
  return { glossary: diagnostics.length > 0 ? [] : parsed.data.terms, diagnostics };
}
