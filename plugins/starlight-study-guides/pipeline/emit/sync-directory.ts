import { mkdirSync, readFileSync, readdirSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface SyncResult {
  written: string[];
  removed: string[];
}

/**
 * Makes `dir` hold exactly `files`. Unchanged files are not touched, so the
 * dev server reloads only pages whose content changed.
 */
export function syncDirectory(dir: string, files: Map<string, string>): SyncResult {
  const result: SyncResult = { written: [], removed: [] };
  for (const existing of listFiles(dir)) {
    if (!files.has(existing)) {
      rmSync(join(dir, existing));
      result.removed.push(existing);
    }
  }
  removeEmptyFolders(dir);
  for (const [path, content] of files) {
    const target = join(dir, path);
    if (readOrUndefined(target) === content) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    result.written.push(path);
  }
  return result;
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
  } catch {
    return [];
  }
}

function removeEmptyFolders(dir: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const sub = join(dir, entry.name);
    removeEmptyFolders(sub);
    if (readdirSync(sub).length === 0) rmdirSync(sub);
  }
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
