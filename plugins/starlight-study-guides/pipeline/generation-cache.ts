import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { GuideModel } from '../model/guide-model.ts';
import { type GuidePageId, guidePage } from '../model/pages.ts';

/**
 * The last clean generation, kept so that a build whose inputs have not
 * changed skips generating (build-content.ts): its guides' models, the key of
 * everything it read, and the size and modification time of every file it
 * left in the output folders. It is reused only while all of those still hold,
 * so a page edited, removed or added by hand is generated again.
 */
interface Generation {
  key: string;
  outputs: Record<string, string>;
  /** The models, each whole-guide page by its id: the pages' table (model/pages.ts) holds functions, which cannot be kept. */
  guides: (Omit<GuideModel, 'pages'> & { pages: GuidePageId[] })[];
}

/** The guides of the last clean generation with this key, if its output folders are as it left them. */
export function reusableGeneration(file: string, key: string, outputDirs: string[]): GuideModel[] | undefined {
  let last: Generation;
  try {
    last = deserialize(readFileSync(file)) as Generation;
  } catch {
    return undefined;
  }
  if (last.key !== key) return undefined;
  const outputs = outputState(outputDirs);
  const same = Object.keys(outputs).length === Object.keys(last.outputs).length && Object.entries(outputs).every(([path, state]) => last.outputs[path] === state);
  return same ? last.guides.map((guide) => ({ ...guide, pages: guide.pages.map(guidePage) })) : undefined;
}

export function keepGeneration(file: string, key: string, outputDirs: string[], guides: GuideModel[]): void {
  const kept = guides.map((guide) => ({ ...guide, pages: guide.pages.map((page) => page.id) }));
  const generation: Generation = { key, outputs: outputState(outputDirs), guides: kept };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, serialize(generation));
}

/** Each file under the folders → its size and modification time. */
function outputState(dirs: string[]): Record<string, string> {
  const state: Record<string, string> = {};
  for (const dir of dirs) {
    let entries;
    try {
      entries = readdirSync(dir, { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries.filter((e) => e.isFile())) {
      const path = join(entry.parentPath, entry.name);
      const { size, mtimeMs } = statSync(path);
      state[path] = `${size} ${mtimeMs}`;
    }
  }
  return state;
}
