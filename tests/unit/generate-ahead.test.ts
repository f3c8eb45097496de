import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultPaths } from '../../plugins/starlight-study-guides/pipeline/content-paths.ts';
import { generationCache } from '../../plugins/starlight-study-guides/pipeline/generation-cache.ts';
import { generateAhead, generatedAhead } from '../../plugins/starlight-study-guides/pipeline/generate-ahead.ts';
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

/** What the plugin does in Astro's process (index.ts): wait for the run ahead, then generate with the same cache. */
async function pluginGeneration(root: string, cacheDir: string, env: Record<string, string>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const formulas = await generatedAhead();
  return { formulas, ...(await generateOrReuse(defaultPaths(root), root, siteUrl(process.env.SITE, process.env.BASE), generationCache(root, cacheDir))) };
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

/** The modules that parse and emit the guides, and YAML: what generating loads; and what renders the formulas it finds. */
const generating = (url: string) => /pipeline\/(build-content|generate-site|parse\/|emit\/|formulas-ahead)|\/node_modules\/yaml\//.test(url);

describe('generating the pages while Astro starts', () => {
  it('leaves the plugin nothing to generate: it reuses the run made ahead, with every page written', { timeout: 60_000 }, async () => {
    const { root, cacheDir } = project();
    const env = generateAhead(root, cacheDir);
    const result = await pluginGeneration(root, cacheDir, env);

    expect(result.reused).toBe(true);
    expect(result.diagnostics).toEqual([]);
    expect(result.guides.map((guide) => guide.slug)).toEqual(['kd-lifelong-learning']);
    expect(existsSync(join(root, 'src/content/docs/kd-lifelong-learning/1.md'))).toBe(true);
    // With the HTML of its formulas, for Astro's process to take (tests/unit/formulas-ahead.test.ts).
    expect(new Map(result.formulas).get(formulaKey('T', false))).toBe(renderFormula('T', false));
  });

  it('hands over no formulas when Astro has the pages rendered already: the last run reused, or its content store kept', { timeout: 60_000 }, async () => {
    const { root, cacheDir } = project();
    await pluginGeneration(root, cacheDir, generateAhead(root, cacheDir));
    const again = await pluginGeneration(root, cacheDir, generateAhead(root, cacheDir));
    expect(again.reused).toBe(true);
    expect(again.formulas).toBeUndefined();

    // An edited question: generated again, but Astro renders only the pages that changed.
    writeFileSync(join(cacheDir, 'data-store.json'), '{}');
    const source = join(root, 'src/guides/kd-lifelong-learning/source.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('知识蒸馏主要应用在以下场景：', '知识蒸馏主要应用在以下几类场景：'));
    const edited = await pluginGeneration(root, cacheDir, generateAhead(root, cacheDir));
    expect(edited.reused).toBe(true);
    expect(edited.diagnostics).toEqual([]);
    expect(edited.formulas).toBeUndefined();
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
    const formulas = join(cacheDir, 'formulas.json');
    expect(modulesLoaded([worker, root, cacheDir, formulas]).filter(generating).length).toBeGreaterThan(0);
    expect(existsSync(join(root, 'src/content/docs/kd-lifelong-learning/1.md'))).toBe(true);
    expect(modulesLoaded([worker, root, cacheDir, formulas]).filter(generating)).toEqual([]);
  });

  it('waits in Astro’s process until the run ahead has ended, and not at all under plain `astro build`', async () => {
    const { cacheDir } = project();
    mkdirSync(cacheDir, { recursive: true });
    const marker = join(cacheDir, 'marker');
    let ended = false;
    vi.stubEnv('STUDY_GUIDES_GENERATED_AHEAD', marker);
    const waiting = generatedAhead().then(() => (ended = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ended).toBe(false);
    writeFileSync(marker, '');
    await waiting;
    expect(ended).toBe(true);

    vi.unstubAllEnvs();
    vi.stubEnv('STUDY_GUIDES_GENERATED_AHEAD', '');
    await expect(generatedAhead()).resolves.toBeUndefined();
  });
});
