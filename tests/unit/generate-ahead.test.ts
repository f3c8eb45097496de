import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultPaths } from '../../plugins/starlight-study-guides/pipeline/content-paths.ts';
import { generationCache } from '../../plugins/starlight-study-guides/pipeline/generation-cache.ts';
import { aheadFiles, generateAhead, generatedAhead, writeWhole } from '../../plugins/starlight-study-guides/pipeline/generate-ahead.ts';
import { generateOrReuse } from '../../plugins/starlight-study-guides/pipeline/generate-or-reuse.ts';
import { siteUrl } from '../../plugins/starlight-study-guides/model/site-url.ts';
import { formulaKey, renderFormula } from '../../plugins/starlight-study-guides/rehype/render-formula.ts';
import { testDir } from '../helpers/test-dir.ts';

const repo = new URL('../..', import.meta.url).pathname;

/** A project with the real guide and its solution modules, as `npm run build` finds it. */
function project(): { root: string; cacheDir: string } {
  const root = testDir('generate-ahead');
  cpSync(join(repo, 'src/guides'), join(root, 'src/guides'), { recursive: true });
  cpSync(join(repo, 'src/math'), join(root, 'src/math'), { recursive: true });
  cpSync(join(repo, 'package-lock.json'), join(root, 'package-lock.json'));
  return { root, cacheDir: join(root, 'node_modules/.astro') };
}

/**
 * What the plugin does in Astro's process (index.ts): wait for the run ahead, then generate with the same cache.
 * Then, unlike Astro, waits for the run to end (it goes on with the code), as the next test or run must.
 */
async function pluginGeneration(root: string, cacheDir: string, env: Record<string, string>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const ahead = await generatedAhead();
  const result = await generateOrReuse(defaultPaths(root), root, siteUrl(process.env.SITE, process.env.BASE), generationCache(root, cacheDir));
  await vi.waitFor(() => expect(existsSync(Object.values(env)[0]!)).toBe(true), { timeout: 30_000 });
  return { ahead, ...result };
}

afterEach(() => vi.unstubAllEnvs());

/** The modules a Node process loads to run `args` (a module and its arguments), as file URLs. */
function modulesLoaded(args: string[]): string[] {
  const hook = `
    import { registerHooks } from 'node:module';
    const loaded = [];
    registerHooks({ load: (url, context, next) => (loaded.push(url), next(url, context)) });
    process.on('exit', () => console.log(JSON.stringify(loaded)));`;
  const output = execFileSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, ...args], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1)!);
}

/** The modules that parse and emit the guides, and YAML: what generating loads; and what renders the formulas and highlights the code it finds. */
const generating = (url: string) => /pipeline\/(build-content|generate-site|parse\/|emit\/|formulas-ahead|code-ahead)|\/node_modules\/(yaml|shiki)\//.test(url);

describe('generating the pages while Astro starts', () => {
  it('leaves the plugin nothing to generate: it reuses the run made ahead, with every page written', { timeout: 60_000 }, async () => {
    const { root, cacheDir } = project();
    const env = generateAhead(root, cacheDir);
    const result = await pluginGeneration(root, cacheDir, env);

    expect(result.reused).toBe(true);
    expect(result.diagnostics).toEqual([]);
    expect(result.guides.map((guide) => guide.slug)).toEqual(['kd-lifelong-learning']);
    expect(existsSync(join(root, 'src/content/docs/kd-lifelong-learning/1.md'))).toBe(true);
    // With the HTML of its formulas and its highlighted code, for Astro's process to take
    // (tests/unit/formulas-ahead.test.ts, code-ahead.test.ts).
    expect(new Map(result.ahead?.formulas).get(formulaKey('T', false))).toBe(renderFormula('T', false));
    const code = await result.ahead?.code();
    expect(code?.blocks.map(([key]) => key)).toContainEqual(expect.stringMatching(/^ts\nexport function softmaxWithTemperature\(/));
  });

  it('hands over no formulas or code when Astro has the pages rendered already: the last run reused, or its content store kept', { timeout: 60_000 }, async () => {
    const { root, cacheDir } = project();
    await pluginGeneration(root, cacheDir, generateAhead(root, cacheDir));
    const again = await pluginGeneration(root, cacheDir, generateAhead(root, cacheDir));
    expect(again.reused).toBe(true);
    expect(again.ahead).toBeUndefined();

    // An edited question: generated again, but Astro renders only the pages that changed.
    writeFileSync(join(cacheDir, 'data-store.json'), '{}');
    const source = join(root, 'src/guides/kd-lifelong-learning/source.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('知识蒸馏主要应用在以下场景：', '知识蒸馏主要应用在以下几类场景：'));
    const edited = await pluginGeneration(root, cacheDir, generateAhead(root, cacheDir));
    expect(edited.reused).toBe(true);
    expect(edited.diagnostics).toEqual([]);
    expect(edited.ahead).toBeUndefined();
  });

  it('leaves a guide with an error to the plugin, which generates again and reports it', { timeout: 60_000 }, async () => {
    const { root, cacheDir } = project();
    const source = join(root, 'src/guides/kd-lifelong-learning/source.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('#### 2. ', '#### 4. '));
    const env = generateAhead(root, cacheDir);
    const result = await pluginGeneration(root, cacheDir, env);

    expect(result.reused).toBeUndefined();
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('missing-number');
    expect(existsSync(join(root, 'src/content/docs'))).toBe(false);
  });

  it('loads none of the modules that generate until there is something to generate', () => {
    const plugin = modulesLoaded([join(repo, 'plugins/starlight-study-guides/index.ts')]).filter((url) => url.includes('/starlight-study-guides/'));
    expect(plugin).toContainEqual(expect.stringMatching(/pipeline\/generation-cache\.ts$/));
    expect(plugin.filter(generating)).toEqual([]);

    // Nor does the run ahead, when the last run can be reused: it would take a core from Astro while it starts.
    const { root, cacheDir } = project();
    const worker = join(repo, 'plugins/starlight-study-guides/pipeline/generate-ahead-worker.ts');
    const marker = join(cacheDir, 'marker');
    expect(modulesLoaded([worker, root, cacheDir, marker]).filter(generating).length).toBeGreaterThan(0);
    expect(existsSync(join(root, 'src/content/docs/kd-lifelong-learning/1.md'))).toBe(true);
    expect(modulesLoaded([worker, root, cacheDir, marker]).filter(generating)).toEqual([]);
  });

  it('waits in Astro’s process for the pages, then for the code only when a block is highlighted, and not at all under plain `astro build`', async () => {
    const { cacheDir } = project();
    mkdirSync(cacheDir, { recursive: true });
    const marker = join(cacheDir, 'marker');
    const files = aheadFiles(marker);
    const settled = <T>(promise: Promise<T>) => {
      const state = { done: false, value: undefined as T | undefined };
      void promise.then((value) => Object.assign(state, { done: true, value }));
      return state;
    };
    const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
    vi.stubEnv('STUDY_GUIDES_GENERATED_AHEAD', marker);

    // The pages are generated once the formulas are written, while the run goes on with the code.
    const pages = settled(generatedAhead());
    await pause();
    expect(pages.done).toBe(false);
    writeWhole(files.formulas, JSON.stringify([[formulaKey('T', false), 'T']]));
    await vi.waitFor(() => expect(pages.done).toBe(true));
    expect(pages.value?.formulas).toEqual([[formulaKey('T', false), 'T']]);

    const code = settled(pages.value!.code());
    await pause();
    expect(code.done).toBe(false);
    writeWhole(files.code, JSON.stringify({ themes: 'night', blocks: [] }));
    await vi.waitFor(() => expect(code.done).toBe(true));
    expect(code.value).toEqual({ themes: 'night', blocks: [] });

    // A run that ends without its code (it failed, or was killed) leaves the blocks to Astro's process.
    rmSync(files.code);
    const again = await generatedAhead();
    const none = settled(again!.code());
    await pause();
    expect(none.done).toBe(false);
    writeFileSync(marker, '');
    await vi.waitFor(() => expect(none.done).toBe(true));
    expect(none.value).toBeUndefined();

    // A run that ends without generating (a guide with an error) hands over nothing.
    rmSync(files.formulas);
    await expect(generatedAhead()).resolves.toBeUndefined();

    vi.unstubAllEnvs();
    vi.stubEnv('STUDY_GUIDES_GENERATED_AHEAD', '');
    await expect(generatedAhead()).resolves.toBeUndefined();
  });
});
