import type { Point, Position } from 'unist';
import { VFileMessage } from 'vfile-message';
import { RULES, type RuleId, type Severity } from './rules.ts';

/**
 * A problem found in an input file, as the unified collective reports them:
 * a vfile message with the file, the range an author can fix, the rule, the
 * reason and (in `note`) what to type instead. Its severity is the rule's, in
 * vfile's terms: `fatal` true for an error, false for a warning, undefined for info.
 */
export type Diagnostic = VFileMessage;

/** Where a diagnostic points: a range when the parser gives one, else a point. */
export type Place = Point | Position;

/** Named in every message, as remark-lint names itself. */
const SOURCE = 'study-guides';

const FATAL: Record<Severity, boolean | undefined> = { error: true, warning: false, info: undefined };

export function diagnostic(file: string, place: Place | undefined, ruleId: RuleId, reason: string, hint?: string): Diagnostic {
  const message = new VFileMessage(reason, { place: place ?? { line: 1, column: 1 }, ruleId, source: SOURCE });
  message.file = file;
  message.fatal = FATAL[RULES[ruleId].severity];
  if (hint) message.note = hint;
  return message;
}

export function severityOf(d: Diagnostic): Severity {
  return d.fatal === true ? 'error' : d.fatal === false ? 'warning' : 'info';
}

export const isError = (d: Diagnostic): boolean => d.fatal === true;

/** Whether a command should exit 1: on an error, and with `strict` on a warning too. */
export const failsRun = (diagnostics: Diagnostic[], strict = false): boolean =>
  diagnostics.some((d) => isError(d) || (strict && severityOf(d) === 'warning'));

const LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/**
 * One line like a compiler's, `file:line:col-line:col  错误  reason  (rule)`,
 * so that editors and terminals jump to the place, and the hint under it.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const place = d.place;
  const start = place && 'start' in place ? place.start : place;
  const end = place && 'end' in place ? place.end : undefined;
  const range = `${start?.line ?? 1}:${start?.column ?? 1}${end ? `-${end.line}:${end.column}` : ''}`;
  const line = `${d.file}:${range}  ${LABEL[severityOf(d)]}  ${d.reason}  (${d.ruleId})`;
  return d.note ? `${line}\n    → ${d.note}` : line;
}

/** `2 个错误，1 个警告`; info is counted only when there is some. */
export function summarize(diagnostics: Diagnostic[]): string {
  const count = (s: Severity) => diagnostics.filter((d) => severityOf(d) === s).length;
  const parts = [`${count('error')} 个错误`, `${count('warning')} 个警告`];
  const infos = count('info');
  return infos > 0 ? `${parts.join('，')}，${infos} 条提示` : parts.join('，');
}

/** Every diagnostic, then the summary: what `generate`, `validate`, `astro build` and `astro dev` print. */
export function formatReport(diagnostics: Diagnostic[]): string {
  return [...diagnostics.map(formatDiagnostic), summarize(diagnostics)].join('\n');
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
