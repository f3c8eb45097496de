/** A problem found in an input file, tied to the place where the author can fix it. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  message: string;
}

export interface Place {
  line: number;
  column: number;
}

export function diagnostic(file: string, place: Place, ruleId: string, message: string): Diagnostic {
  return { file, line: place.line, column: place.column, ruleId, message };
}

/** Formats like a compiler, so editors and terminals can jump to the place. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.message}  (${d.ruleId})`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}
