/**
 * Times the generation step (`buildContent`: sources → pages and exports) the
 * way a build meets it: in a fresh Node process, so the first call pays for
 * cold code (JIT, KaTeX's and micromark's first use) as `astro build` does.
 *
 *   node scripts/bench/time-generation.ts --root <project>    one run, JSON on stdout
 *
 * `timeGeneration(root, runs)` runs that in fresh processes and takes medians.
 * Import time (loading the modules) is reported apart from the first call.
 * Like `astro` outside CI, each process uses Node's on-disk compile cache, so
 * the first call does not pay again for compiling library code that earlier
 * runs compiled.
 */
import { spawnSync } from 'node:child_process';
import module from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface GenerationTiming {
  /** Loading build-content.ts and everything it imports. */
  importMs: number;
  /** The first `buildContent` call in the process. */
  coldMs: number;
  /** A second call right after, nothing changed. */
  warmMs: number;
  /** CPU time of the main thread during the first call: less disturbed than wall time by other work on the machine. */
  coldCpuMs: number;
  warmCpuMs: number;
  pages: number;
  /** Pages the first call wrote (0 when the content folder was already up to date). */
  written: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** Median of `runs` fresh processes, each generating the guides of the project at `root`. */
export function timeGeneration(root: string, runs: number): GenerationTiming {
  const timings = Array.from({ length: runs }, () => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--root', root], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`timing generation failed:\n${child.stderr}`);
    return JSON.parse(child.stdout) as GenerationTiming;
  });
  const pick = (key: keyof GenerationTiming) => median(timings.map((t) => t[key]));
  return {
    importMs: pick('importMs'),
    coldMs: pick('coldMs'),
    warmMs: pick('warmMs'),
    coldCpuMs: pick('coldCpuMs'),
    warmCpuMs: pick('warmCpuMs'),
    pages: pick('pages'),
    written: pick('written'),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { root: { type: 'string' } } });
  const root = resolve(values.root ?? '.');
  if (!process.env.CI) module.enableCompileCache?.();
  const importStart = performance.now();
  const [{ buildContent }, { defaultPaths }] = await Promise.all([
    import('../../plugins/starlight-study-guides/pipeline/build-content.ts'),
    import('../../plugins/starlight-study-guides/pipeline/content-paths.ts'),
  ]);
  const importMs = performance.now() - importStart;
  const timed = () => {
    const cpu = process.threadCpuUsage();
    const started = performance.now();
    const result = buildContent(defaultPaths(root), root);
    const used = process.threadCpuUsage(cpu);
    return { result, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
  };
  const { result: first, ms: coldMs, cpuMs: coldCpuMs } = timed();
  const { ms: warmMs, cpuMs: warmCpuMs } = timed();
  if (first.diagnostics.length > 0) throw new Error(`${root}: the guides have problems`);
  const timing: GenerationTiming = { importMs, coldMs, warmMs, coldCpuMs, warmCpuMs, pages: first.pages.size, written: first.written?.length ?? 0 };
  console.log(JSON.stringify(timing));
}
