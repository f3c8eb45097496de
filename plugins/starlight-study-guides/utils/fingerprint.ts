import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A hash of every file under each entry (a file or a folder, relative to
 * `root`), by path and content, and of `extra`: what changes when any of
 * them changes. A missing entry counts as empty.
 */
export function fingerprint(root: string, entries: readonly string[], extra = ''): string {
  const hash = createHash('sha256').update(`${extra}\0`);
  for (const path of entries.flatMap((entry) => filesAt(root, entry))) {
    hash.update(`${path}\0`).update(readFileSync(join(root, path))).update('\0');
  }
  return hash.digest('hex');
}

function filesAt(root: string, entry: string): string[] {
  const path = join(root, entry);
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [entry];
  return readdirSync(path, { recursive: true })
    .map((name) => join(entry, String(name)))
    .filter((name) => statSync(join(root, name)).isFile())
    .sort();
}
