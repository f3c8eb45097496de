import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { FormulaHtml } from '../rehype/render-formula.ts';
import type { HighlightedCode } from '../integrations/shiki-ahead-plugin.ts';

/**
 * Generating the pages while `astro build` starts. Astro spends its first
 * second or two loading its modules before it runs the plugin's setup, which
 * generates the pages (about 0.7 s for the real guide, seconds for a hundred):
 * one after the other on a machine with a core to spare. So scripts/build.ts
 * generates them at the same time, in a process of its own (a thread would
 * leave its memory to the build's process, up to Vite's peak), exactly as
 * the plugin would (generate-ahead-worker.ts), and keeps the run in the generation cache
 * (generation-cache.ts); the plugin waits for it and finds nothing left to
 * do. A run with diagnostics is never kept: the plugin then generates again,
 * and reports them as it always does.
 *
 * The run then renders the formulas of the pages it generated
 * (formulas-ahead.ts), which Astro's process takes instead of rendering them,
 * and highlights their code blocks (code-ahead.ts), which Astro's process
 * takes when it meets the first of them, in the middle of its content sync.
 *
 * The two processes meet at files in Astro's cache directory: the marker, named to
 * Astro's process in an environment variable, which scripts/build.ts writes once
 * the run has ended, whatever the outcome; and the formulas and the code, in files
 * named after it, which only the run writes, whole, each as soon as it is done.
 */
const MARKER_VARIABLE = 'STUDY_GUIDES_GENERATED_AHEAD';

/** Where the run ahead leaves what it made, beside its marker. */
export const aheadFiles = (marker: string) => ({ formulas: `${marker}-formulas.json`, code: `${marker}-code.json` });

/** Writes `file` so that a process waiting for it never reads it half-written. */
export function writeWhole(file: string, text: string): void {
  writeFileSync(`${file}.part`, text);
  renameSync(`${file}.part`, file);
}

/** Starts generating for the site at `root`; returns the environment for `astro build`. */
export function generateAhead(root: string, cacheDir: string): Record<string, string> {
  const marker = join(cacheDir, 'study-guides-generated-ahead');
  mkdirSync(cacheDir, { recursive: true });
  for (const file of [marker, ...Object.values(aheadFiles(marker))]) rmSync(file, { force: true });
  const worker = fileURLToPath(new URL('./generate-ahead-worker.ts', import.meta.url));
  // Its output and its errors are the plugin's to report, when it generates again.
  const generating = spawn(process.execPath, [worker, root, cacheDir, marker], { stdio: 'ignore' });
  const ended = () => writeFileSync(marker, '');
  generating.on('error', ended);
  generating.on('exit', ended);
  return { [MARKER_VARIABLE]: marker };
}

export interface MadeAhead {
  formulas: FormulaHtml[];
  /** The code blocks, once the run has highlighted them, or undefined if it ended without. */
  code: () => Promise<HighlightedCode | undefined>;
}

/**
 * In Astro's process: waits for the run scripts/build.ts started, if it started one, to have generated the pages,
 * or for that process to be gone. Returns what that run makes ahead, if it generated the pages.
 */
export async function generatedAhead(): Promise<MadeAhead | undefined> {
  const marker = process.env[MARKER_VARIABLE];
  if (!marker) return undefined;
  const files = aheadFiles(marker);
  const formulas = await madeAhead<FormulaHtml[]>(files.formulas, marker);
  if (!formulas) return undefined;
  let code: Promise<HighlightedCode | undefined> | undefined;
  return { formulas, code: () => (code ??= madeAhead<HighlightedCode>(files.code, marker)) };
}

/** What the run ahead writes to `file`, once it has, or undefined if it ended without (or scripts/build.ts is gone). */
async function madeAhead<T>(file: string, marker: string): Promise<T | undefined> {
  const parent = process.ppid;
  while (!existsSync(file) && !existsSync(marker) && process.ppid === parent) await sleep(10);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}
