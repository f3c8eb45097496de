import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { GuideSource, InputFile } from '../../model/source.ts';
import { decodeSource } from './decode-source.ts';

/**
 * Every guide under `guidesDir` (each folder with a `source.md`), with every
 * text file beside its source; paths in diagnostics are relative to `displayRoot`.
 */
export function readGuideSources(guidesDir: string, displayRoot: string): { sources: GuideSource[]; diagnostics: Diagnostic[] } {
  const sources: GuideSource[] = [];
  const diagnostics: Diagnostic[] = [];
  const slugs = readdirSync(guidesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const slug of slugs) {
    const dir = join(guidesDir, slug);
    if (!existsSync(join(dir, 'source.md'))) continue;
    const files: InputFile[] = [];
    for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
      const path = join(dir, name);
      if (!statSync(path).isFile()) continue;
      const file = relative(displayRoot, path);
      const decoded = decodeSource(readFileSync(path), file);
      diagnostics.push(...decoded.diagnostics);
      // A file that cannot be read is reported once, not again as empty or missing.
      if (decoded.diagnostics.length === 0) files.push({ name, file, text: decoded.text });
    }
    const source = files.find((f) => f.name === 'source.md');
    if (source) sources.push({ slug, source, extras: files.filter((f) => f !== source) });
  }
  return { sources, diagnostics };
}
