import { RULES, type Severity } from '../model/rules.ts';

const SEVERITY: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Pipes inside a cell would end it. */
const cell = (text: string) => text.replaceAll('|', '\\|');
/** Examples are what an author types, shown as code; one with a backtick needs a longer fence. */
const code = (text: string) => (text.includes('`') ? `\`\` ${cell(text)} \`\`` : `\`${cell(text)}\``);

/**
 * The rules as a Markdown table, as `npm run validate -- --rules` prints it
 * and README.md (“规则一览”) shows it.
 */
export function rulesTable(): string {
  const rows = Object.entries(RULES).map(([id, rule]) => {
    const why = 'why' in rule ? rule.why : '';
    return `| \`${id}\` | ${SEVERITY[rule.severity]} | ${cell(rule.description)} | ${code(rule.example)} | ${cell(why)} |`;
  });
  return ['| 规则 | 级别 | 检查什么 | 例子 | 为什么是这个级别 |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
