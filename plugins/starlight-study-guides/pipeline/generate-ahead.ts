import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { FormulaHtml } from '../rehype/render-formula.ts';

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
 * The run also renders the formulas of the pages it generated
 * (formulas-ahead.ts), which Astro's process takes instead of rendering them.
 *
 * The two processes meet at a file in Astro's cache directory, named to
 * Astro's process in an environment variable: scripts/build.ts writes it once
 * that process has ended, whatever the outcome. The formulas are in a file
 * named after it, which only that run writes.
 */
const MARKER_VARIABLE = 'STUDY_GUIDES_GENERATED_AHEAD';

const formulasFile = (marker: string) => `${marker}-formulas.json`;

/** Starts generating for the site at `root`; returns the environment for `astro build`. */
export function generateAhead(root: string, cacheDir: string): Record<string, string> {
  const marker = join(cacheDir, 'study-guides-generated-ahead');
  mkdirSync(cacheDir, { recursive: true });
  const formulas = formulasFile(marker);
  rmSync(marker, { force: true });
  rmSync(formulas, { force: true });
  const worker = fileURLToPath(new URL('./generate-ahead-worker.ts', import.meta.url));
  // Its output and its errors are the plugin's to report, when it generates again.
  const generating = spawn(process.execPath, [worker, root, cacheDir, formulas], { stdio: 'ignore' });
  const ended = () => writeFileSync(marker, '');
  generating.on('error', ended);
  generating.on('exit', ended);
  return { [MARKER_VARIABLE]: marker };
}

/**
 * In Astro's process: waits for the run scripts/build.ts started, if it started one, or for that process to be gone.
 * Returns the formulas that run rendered, if it generated the pages.
 */
export async function generatedAhead(): Promise<FormulaHtml[] | undefined> {
  const marker = process.env[MARKER_VARIABLE];
  if (!marker) return undefined;
  const parent = process.ppid;
  while (!existsSync(marker) && process.ppid === parent) await sleep(10);
  const formulas = formulasFile(marker);
  return existsSync(formulas) ? (JSON.parse(readFileSync(formulas, 'utf8')) as FormulaHtml[]) : undefined;
}
