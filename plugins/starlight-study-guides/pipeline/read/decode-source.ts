import { type Diagnostic, diagnostic } from '../../model/diagnostic.ts';

/** Sources must be UTF-8; a stray byte is reported where it is, not rendered as �. */
export function decodeSource(bytes: Uint8Array, file: string): { text: string; diagnostics: Diagnostic[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), diagnostics: [] };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const before = text.slice(0, text.indexOf('\uFFFD'));
    const lines = before.split('\n');
    const place = { line: lines.length, column: lines.at(-1)!.length + 1 };
    return { text: '', diagnostics: [diagnostic(file, place, 'not-utf8', '文件不是 UTF-8 编码', '在编辑器里用 UTF-8 编码另存这个文件。')] };
  }
}
