import type { AstroIntegrationLogger } from 'astro';
import { type Diagnostic, formatDiagnostic, isError, severityOf, summarize } from '../model/diagnostic.ts';

/**
 * Prints a guide's diagnostics through Astro's logger, each at its severity,
 * then the one-line summary: what an author sees in `astro build` and `astro dev`.
 */
export function logDiagnostics(logger: AstroIntegrationLogger, diagnostics: Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  for (const d of diagnostics) {
    const severity = severityOf(d);
    logger[severity === 'error' ? 'error' : severity === 'warning' ? 'warn' : 'info'](formatDiagnostic(d));
  }
  const summary = summarize(diagnostics);
  if (diagnostics.some(isError)) logger.error(`${summary}：未生成任何页面，已有页面保持不变。`);
  else logger.warn(summary);
}

/**
 * The payload that makes the dev server's browser overlay show the errors.
 * Astro's dev server takes it on its way out (module-loader/vite.ts): it
 * escapes the text, marks up `**bold**`, and shows the first error's file
 * around its line.
 */
export function errorOverlayPayload(diagnostics: Diagnostic[]) {
  const errors = diagnostics.filter(isError);
  const first = errors[0];
  return {
    type: 'error' as const,
    err: {
      name: 'StudyGuideError',
      title: '题库有错误',
      message: [...errors.map(formatDiagnostic), summarize(diagnostics)].join('\n'),
      hint: '改正文件后保存，页面会自动更新；在改正之前，网站显示的是上一次正确生成的页面。',
      stack: '',
      loc: first ? { file: first.file, line: first.line ?? 1, column: first.column ?? 1 } : undefined,
    },
  };
}
