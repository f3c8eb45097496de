import { RULES, type Severity } from '../model/rules.ts';

const SEVERITY: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Pipes inside a cell would end it; backticks keep examples literal. */
const cell = (text: string) => text.replaceAll('|', '\\|');

/**
 * The rules as a Markdown table, as `npm run validate -- --rules` prints it
 * and README.md (“规则一览”) shows it.
 */
export function rulesTable(): string {
  const rows = Object.entries(RULES).map(([id, rule]) => {
    const why = 'why' in rule ? rule.why : '';
    return `| \`${id}\` | ${SEVERITY[rule.severity]} | ${cell(rule.description)} | ${cell(rule.example)} | ${cell(why)} |`;
  });
  return ['| 规则 | 级别 | 检查什么 | 例子 | 为什么是这个级别 |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
