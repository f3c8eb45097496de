import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The modules coding problems may name as their reference solution: each
 * `*.ts` file directly in `dir` (the site's src/math), by file name. The
 * coding page shows their code as it is when the pages are generated.
 */
export function readSolutions(dir: string): Map<string, string> {
  if (!existsSync(dir)) return new Map();
  const files = readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts')).sort();
  return new Map(files.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}
