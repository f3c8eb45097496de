import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * What the steps after the build (after-build.ts) did to `dist` the last
 * time they passed, kept so that a build whose output they would find as it
 * was last time replays their work instead of doing it again. Astro empties
 * `dist` at each build and writes the same bytes for the same sources, so the
 * key is every file Astro left there, by path and content, with whatever
 * else the steps read (their code, the build's facts). A run that fails is
 * never kept: its messages print on every build.
 *
 * The kept files are hard links to those in `dist` where the file system
 * allows, so that keeping a large site costs no copy: Astro unlinks them
 * when it empties `dist`, and each kept file's state tells when something
 * wrote into one in place since.
 */

/** The files of `dist` as Astro left them: the key, and each file's size and digest, to tell later which ones the steps wrote. */
export interface AstroOutput {
  key: string;
  files: Map<string, { size: number; digest: string }>;
}

/** Where the last kept run lies inside the cache folder: a list, and each file it wrote, named by its place in the list (one folder: a large site's thousands of page folders cost more to make than its files). */
interface KeptRun {
  key: string;
  /** Files the steps wrote or changed, each with the state of its kept file, to tell that it is as kept. */
  written: [path: string, state: string][];
  removed: string[];
}

const LIST = 'run.json';
const FILES = 'files';
const kept = (cache: string, index: number) => join(cache, FILES, String(index));

/** A file's size and digest, as AstroOutput keeps them. */
export function fileDigest(bytes: Buffer): { size: number; digest: string } {
  return { size: bytes.length, digest: digest(bytes) };
}

/**
 * Reads every file of `dist`; `extra` stands for the rest of what the steps read.
 * `known` are files already read since Astro wrote them, which are not read again.
 */
export function astroOutput(dist: string, extra: string, known: ReadonlyMap<string, { size: number; digest: string }> = new Map()): AstroOutput {
  const hash = createHash('sha256').update(`${extra}\0`);
  const files = new Map<string, { size: number; digest: string }>();
  for (const path of distFiles(dist)) {
    const file = known.get(path) ?? fileDigest(readFileSync(join(dist, path)));
    hash.update(`${path}\0${file.digest}\0`);
    files.set(path, file);
  }
  return { key: hash.digest('hex'), files };
}

/**
 * Makes `dist` what the last kept run with this key left it, and returns the
 * number of files written; undefined, with `dist` untouched, when there is no
 * such run or one of its kept files has changed or gone since.
 */
export function replayAfterBuild(cache: string, dist: string, output: AstroOutput): number | undefined {
  let run: KeptRun;
  try {
    run = JSON.parse(readFileSync(join(cache, LIST), 'utf8')) as KeptRun;
  } catch {
    return undefined;
  }
  if (run.key !== output.key) return undefined;
  const intact = run.written.every(([, state], index) => fileState(kept(cache, index)) === state);
  if (!intact) return undefined;
  for (const folder of new Set(run.written.map(([path]) => dirname(join(dist, path))))) mkdirSync(folder, { recursive: true });
  run.written.forEach(([path], index) => {
    rmSync(join(dist, path), { force: true });
    share(kept(cache, index), join(dist, path));
  });
  for (const path of run.removed) rmSync(join(dist, path), { force: true });
  return run.written.length;
}

/** Keeps what the steps did to `dist` since `output` was read, replacing the run kept before. */
export function keepAfterBuild(cache: string, dist: string, output: AstroOutput): void {
  rmSync(cache, { recursive: true, force: true });
  const files = distFiles(dist);
  // A file the steps rewrote almost always changed size; only one that kept its size is read again.
  const written = files.filter((path) => {
    const before = output.files.get(path);
    return before === undefined || statSync(join(dist, path)).size !== before.size || digest(readFileSync(join(dist, path))) !== before.digest;
  });
  const present = new Set(files);
  mkdirSync(join(cache, FILES), { recursive: true });
  written.forEach((path, index) => share(join(dist, path), kept(cache, index)));
  const run: KeptRun = {
    key: output.key,
    written: written.map((path, index) => [path, fileState(kept(cache, index))]),
    removed: [...output.files.keys()].filter((path) => !present.has(path)),
  };
  // The list last: a run cut short leaves no list, so nothing to replay.
  writeFileSync(join(cache, LIST), JSON.stringify(run));
}

/** Every file under `dist`, as sorted paths with `/` between folders. */
function distFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

function digest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/** A kept file's size and modification time, which change when anything writes into it; empty once it is gone. */
function fileState(path: string): string {
  const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stats === undefined ? '' : `${stats.size} ${stats.mtimeNs}`;
}

/** `to` with the bytes of `from`: the same file where the file system allows a hard link, a copy otherwise. */
function share(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
