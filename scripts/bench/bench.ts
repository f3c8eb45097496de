/**
 * `npm run bench`: builds synthetic sites of 30, 300 (and with `--sizes`,
 * 3000) questions and the real guide, measures them, prints a Markdown table
 * and writes it to bench-results/. Time and memory are reported here, never
 * asserted in tests.
 *
 *   npm run bench                              30 and 300 questions, Lighthouse at 30
 *   npm run bench -- --sizes 30,300,3000       adds the 3,000-question site (minutes)
 *   npm run bench -- --no-lighthouse           skips Lighthouse
 *   npm run bench -- --ratio-rounds 5          rounds of the build against plain Starlight (3)
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildContent } from '../../plugins/starlight-study-guides/pipeline/build-content.ts';
import { defaultPaths } from '../../plugins/starlight-study-guides/pipeline/content-paths.ts';
import { synthesizeGuides, QUESTIONS_PER_GUIDE } from '../../tests/helpers/synthesize-guides.ts';
import { countLinks, renderBlockingRequests } from '../../tests/helpers/page-resources.ts';
import { type GenerationTiming, timeGeneration } from './time-generation.ts';
import { type PageTransfer, type SearchTiming, measureTransfer, timeSearchReady } from '../../tests/helpers/measure-page.ts';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { serveDirectory } from '../../tests/helpers/static-server.ts';
import { copyProject, repoRoot } from '../../tests/helpers/build-site.ts';
import { type BuildPhases, buildPhases } from './build-phases.ts';
import { writeStarlightBaseline } from './starlight-baseline.ts';

const resultsDir = join(repoRoot, 'bench-results');
const realSource = readFileSync(join(repoRoot, 'src/guides/kd-lifelong-learning/source.md'), 'utf8');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '30,300' },
    'no-lighthouse': { type: 'boolean', default: false },
    'ratio-rounds': { type: 'string', default: '3' },
  },
});
const ratioRounds = Number(values['ratio-rounds']);
const sizes = values.sizes.split(',').map(Number);
for (const size of sizes) {
  if (!Number.isInteger(size) || size <= 0 || size % QUESTIONS_PER_GUIDE !== 0) {
    throw new Error(`--sizes: ${size} is not a multiple of ${QUESTIONS_PER_GUIDE}`);
  }
}
const withLighthouse = !values['no-lighthouse'];

interface SiteStats {
  questions: number;
  guides: number;
  generation: GenerationTiming;
  buildMs: number;
  /** CPU time of the whole build (all its processes): with other guests taking the CPU, wall time grows and this does not. */
  buildCpuMs: number;
  peakRssBytes: number;
  outputBytes: number;
  medianQuestionHtml: number;
  maxQuestionHtml: number;
  samePageHtml: number;
  linksPerQuestionPage: number;
}

/** A fresh copy of the project to build under bench-results/sites/<name>; see copyProject. */
function prepareSite(name: string, guides?: Record<string, string>): string {
  const root = join(resultsDir, 'sites', name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  copyProject(root, guides);
  return root;
}

/** Resident memory of a process and all its descendants, from /proc. */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      rss.set(Number(name), kb * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * CPU time of this process's ended children and their descendants, as the
 * kernel adds it up when each is reaped (cutime + cstime in /proc/self/stat,
 * in USER_HZ ticks: 100 a second on Linux).
 */
function endedChildrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

interface BuildRun {
  ms: number;
  cpuMs: number;
  peakRss: number;
  /** Each line of the build's output with when it arrived (ms from the start), to tell the phases apart. */
  lines: { ms: number; text: string }[];
}

/** Runs `npm run build` (as a deploy does, heap limit included) in `root`, sampling the process tree's memory. */
function buildAstro(root: string): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuBefore = endedChildrenCpuMs();
    const child = spawn('npm', ['run', 'build'], {
      cwd: root,
      // The Node running the benchmark runs the build too.
      env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const lines: BuildRun['lines'] = [];
    const record = (data: Buffer) => {
      output += data;
      const now = performance.now() - started;
      for (const text of String(data).split('\n')) if (text.trim()) lines.push({ ms: now, text });
    };
    child.stdout.on('data', record);
    child.stderr.on('data', record);
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(child.pid!))), 100);
    child.on('close', (code) => {
      clearInterval(sampler);
      const ms = performance.now() - started;
      // Astro's own timings per phase, for whoever wants to know where the time went.
      writeFileSync(join(root, 'build.log'), output);
      if (code === 0) resolve({ ms, cpuMs: endedChildrenCpuMs() - cpuBefore, peakRss, lines });
      else reject(new Error(`astro build failed in ${root}:\n${output.slice(-4000)}`));
    });
  });
}

function directoryBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

async function measureSize(questions: number): Promise<{ stats: SiteStats; dist: string }> {
  const guideCount = questions / QUESTIONS_PER_GUIDE;
  const guides = synthesizeGuides(realSource, guideCount);
  const root = prepareSite(`q${questions}`, guides);
  const generated = buildContent(defaultPaths(root), root);
  if (generated.diagnostics.length > 0) throw new Error(`synthetic corpus has problems: ${generated.diagnostics[0]!.reason}`);
  const generation = timeGeneration(root, GENERATION_RUNS);
  const build = await buildAstro(root);
  const dist = join(root, 'dist');
  const questionPages = Object.keys(guides).flatMap((slug) =>
    Array.from({ length: QUESTIONS_PER_GUIDE }, (_, i) => join(dist, slug, String(i + 1), 'index.html')),
  );
  const htmlSizes = questionPages.map((path) => statSync(path).size);
  const firstGuidePages = questionPages.slice(0, QUESTIONS_PER_GUIDE).map((path) => readFileSync(path, 'utf8'));
  return {
    dist,
    stats: {
      questions,
      guides: guideCount,
      generation,
      buildMs: build.ms,
      buildCpuMs: build.cpuMs,
      peakRssBytes: build.peakRss,
      outputBytes: directoryBytes(dist),
      medianQuestionHtml: median(htmlSizes),
      maxQuestionHtml: Math.max(...htmlSizes),
      samePageHtml: statSync(join(dist, 'synthetic-0001/6/index.html')).size,
      linksPerQuestionPage: median(firstGuidePages.map(countLinks)),
    },
  };
}

const execFileAsync = promisify(execFile);

interface LighthouseScores {
  performance: number;
  accessibility: number;
  'best-practices': number;
  seo: number;
}

/** Lighthouse's timing metrics (ms; CLS unitless), as simulated for the preset. */
interface LighthouseMetrics {
  fcp: number;
  lcp: number;
  speedIndex: number;
  tbt: number;
  cls: number;
}

const METRIC_AUDITS: Record<keyof LighthouseMetrics, string> = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  speedIndex: 'speed-index',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
};

/** One Lighthouse run with the system Chromium; scores 0–100. */
async function lighthouse(
  url: string,
  preset: 'mobile' | 'desktop',
  categories: (keyof LighthouseScores)[],
): Promise<{ scores: Partial<LighthouseScores>; metrics: LighthouseMetrics }> {
  const args = [
    join(repoRoot, 'node_modules/lighthouse/cli/index.js'),
    url,
    '--quiet',
    '--output=json',
    `--only-categories=${categories.join(',')}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  const { stdout } = await execFileAsync(process.execPath, args, {
    env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const report = JSON.parse(stdout) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
  };
  return {
    scores: Object.fromEntries(categories.map((c) => [c, Math.round((report.categories[c]?.score ?? 0) * 100)])),
    metrics: Object.fromEntries(
      Object.entries(METRIC_AUDITS).map(([key, audit]) => [key, report.audits[audit]?.numericValue ?? Number.NaN]),
    ) as unknown as LighthouseMetrics,
  };
}

/** Mobile runs per page: simulated throttling multiplies the machine's own CPU time, so single runs are noisy. */
const MOBILE_RUNS = 3;

/** MOBILE_RUNS mobile Lighthouse runs of `url`, one after another. */
async function mobileLighthouse(url: string, categories: (keyof LighthouseScores)[]) {
  const runs: Awaited<ReturnType<typeof lighthouse>>[] = [];
  for (let i = 0; i < MOBILE_RUNS; i++) runs.push(await lighthouse(url, 'mobile', categories));
  return runs;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Fresh processes per generation timing (see time-generation.ts); the median is reported. */
const GENERATION_RUNS = 7;

function generationCell({ generation, questions }: SiteStats): string {
  const perQuestion = (value: number) => (value / questions).toFixed(1);
  return `${ms(generation.coldMs)} / ${ms(generation.warmMs)} (${perQuestion(generation.coldMs)} / ${perQuestion(generation.warmMs)} ms)`;
}

/** What a build leaves behind for the next one: a cold build starts without it, as from a fresh clone. */
const BUILD_STATE = ['dist', '.astro', 'node_modules/.astro', 'src/content/docs', 'public/exports'];

interface RatioRound {
  ours: { cold: BuildRun; warm: BuildRun; edited: BuildRun };
  baseline: { cold: BuildRun; warm: BuildRun; edited: BuildRun };
}

/** The edit an author makes between two builds: a sentence of question 2's answer, the same in both sites. */
const EDIT = { from: '知识蒸馏主要应用在以下场景：', to: '知识蒸馏主要应用在以下几类场景：' };

/** Builds `root` once with `file` edited, then puts the file back as it was. */
async function buildEdited(root: string, file: string): Promise<BuildRun> {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(EDIT.from)) throw new Error(`${path}: the benchmark's edit (${EDIT.from}) no longer applies`);
  writeFileSync(path, text.replace(EDIT.from, EDIT.to));
  try {
    return await buildAstro(root);
  } finally {
    writeFileSync(path, text);
  }
}

/**
 * Our build of the real guide against plain Starlight's of the same questions
 * (starlight-baseline.ts), interleaved so that both meet the same spells of a
 * busy machine: each round builds ours cold, Starlight's cold, ours warm (again,
 * with the caches the first left), Starlight's warm, then each once more
 * with one sentence of question 2 edited, as an author's next build is.
 */
async function compareWithStarlight(rounds: number): Promise<{ rounds: RatioRound[]; pages: { ours: number; baseline: number } }> {
  const ours = prepareSite('ratio-ours');
  const baseline = join(resultsDir, 'sites', 'ratio-starlight');
  const questions = writeStarlightBaseline(baseline, join(repoRoot, 'src/guides/kd-lifelong-learning'));
  const baselineDocs = join(baseline, 'src/content/docs');
  const results: RatioRound[] = [];
  for (let round = 0; round < rounds; round++) {
    console.error(`build against plain Starlight, round ${round + 1} of ${rounds} …`);
    for (const root of [ours, baseline]) {
      for (const state of BUILD_STATE) {
        const path = join(root, state);
        // The baseline's pages are its source, not generated.
        if (path !== baselineDocs) rmSync(path, { recursive: true, force: true });
      }
    }
    const oursCold = await buildAstro(ours);
    const baselineCold = await buildAstro(baseline);
    const oursWarm = await buildAstro(ours);
    const baselineWarm = await buildAstro(baseline);
    const oursEdited = await buildEdited(ours, 'src/guides/kd-lifelong-learning/source.md');
    const baselineEdited = await buildEdited(baseline, 'src/content/docs/questions/2.md');
    results.push({ ours: { cold: oursCold, warm: oursWarm, edited: oursEdited }, baseline: { cold: baselineCold, warm: baselineWarm, edited: baselineEdited } });
  }
  const htmlPages = (root: string) => readdirSync(join(root, 'dist'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
  console.error(`plain Starlight: ${questions} questions`);
  return { rounds: results, pages: { ours: htmlPages(ours), baseline: htmlPages(baseline) } };
}

const PHASE_NAMES: Record<keyof BuildPhases, string> = {
  startAndGeneration: 'start + generation',
  contentSync: 'content sync',
  bundle: 'Vite',
  render: 'page render',
  postProcessing: 'other post-processing',
  afterBuildReplay: 'after Astro: start, output hashed, last run replayed if the same (ours)',
  afterBuildRead: 'pages read (but those read while Astro rendered) (ours)',
  afterBuildPrepare: 'KaTeX font subsets + script bundles + Pagefind reading the pages (ours)',
  afterBuildRewrite: 'pages rewritten, CSP hashes, link check (ours)',
  searchIndex: 'search index written + service worker (ours)',
};

function ratioTable({ rounds, pages }: Awaited<ReturnType<typeof compareWithStarlight>>): string[] {
  const s = (value: number) => `${(value / 1000).toFixed(2)} s`;
  const runs = (pick: (round: RatioRound) => BuildRun) => rounds.map(pick);
  const row = (name: string, oursRuns: BuildRun[], baselineRuns: BuildRun[]) => {
    const o = median(oursRuns.map((r) => r.ms));
    const b = median(baselineRuns.map((r) => r.ms));
    const oc = median(oursRuns.map((r) => r.cpuMs));
    const bc = median(baselineRuns.map((r) => r.cpuMs));
    return `| ${name} | ${s(o)} (CPU ${s(oc)}) | ${s(b)} (CPU ${s(bc)}) | **${(o / b).toFixed(2)}×** (CPU ${(oc / bc).toFixed(2)}×) | ${oursRuns.map((r) => s(r.ms)).join(', ')} / ${baselineRuns.map((r) => s(r.ms)).join(', ')} |`;
  };
  const phases = (run: BuildRun) => buildPhases(run.lines, run.ms);
  const phaseMedian = (pick: (round: RatioRound) => BuildRun, key: keyof BuildPhases) => median(runs(pick).map((run) => phases(run)[key]));
  const builds: [string, (round: RatioRound) => BuildRun][] = [
    ['ours cold', (r) => r.ours.cold],
    ['Starlight cold', (r) => r.baseline.cold],
    ['ours warm', (r) => r.ours.warm],
    ['Starlight warm', (r) => r.baseline.warm],
    ['ours, one edit', (r) => r.ours.edited],
    ['Starlight, one edit', (r) => r.baseline.edited],
  ];
  return [
    `Build of the real guide against plain Starlight by hand (the same 30 questions, one Markdown page each, remark-math + rehype-katex, Starlight's Pagefind; ${pages.ours} pages of ours, ${pages.baseline} of Starlight's), medians of ${rounds.length} interleaved rounds:`,
    '',
    '| build | ours | plain Starlight | ratio | runs (ours / Starlight) |',
    '| --- | --- | --- | --- | --- |',
    row('cold (no caches, nothing generated)', runs((r) => r.ours.cold), runs((r) => r.baseline.cold)),
    row('warm (caches of the build before)', runs((r) => r.ours.warm), runs((r) => r.baseline.warm)),
    row('warm, one sentence of question 2 edited', runs((r) => r.ours.edited), runs((r) => r.baseline.edited)),
    '',
    'Where the time goes (medians, from when each phase’s first line reached the benchmark):',
    '',
    `| phase | ${builds.map(([name]) => name).join(' | ')} |`,
    `| --- | ${builds.map(() => '---').join(' | ')} |`,
    ...(Object.keys(PHASE_NAMES) as (keyof BuildPhases)[]).map(
      (key) => `| ${PHASE_NAMES[key]} | ${builds.map(([, pick]) => s(phaseMedian(pick, key))).join(' | ')} |`,
    ),
    '',
  ];
}

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  // Other work on the machine slows builds down: the load average says how busy it was.
  const lines: string[] = [
    `Measured ${new Date().toISOString()} on ${process.platform}, ${cpus().length} cores, Node ${process.version}; load average at start ${loadavg()[0]!.toFixed(1)}.`,
    '',
  ];

  const scale: SiteStats[] = [];
  const dists = new Map<number, string>();
  for (const size of sizes) {
    console.error(`building ${size} questions …`);
    const { stats, dist } = await measureSize(size);
    scale.push(stats);
    dists.set(size, dist);
  }
  const base = scale.find((s) => s.questions === 30);
  lines.push(
    '| questions (guides) | generation: first call / warm (per question) | build (CPU time) | peak RSS | output | median / max question HTML | same page vs 30 q | links per question page |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...scale.map((s) =>
      `| ${s.questions} (${s.guides}) | ${generationCell(s)} | ${(s.buildMs / 1000).toFixed(1)} s (${(s.buildCpuMs / 1000).toFixed(1)} s) | ${mb(s.peakRssBytes)} MB | ${mb(s.outputBytes)} MB | ${kb(s.medianQuestionHtml)} / ${kb(s.maxQuestionHtml)} KB | ${base ? `${(s.samePageHtml / base.samePageHtml).toFixed(2)}×` : '–'} | ${s.linksPerQuestionPage} |`,
    ),
    '',
  );

  if (ratioRounds > 0) lines.push(...ratioTable(await compareWithStarlight(ratioRounds)));

  console.error('building the real guide …');
  const realRoot = prepareSite('real');
  const realGeneration = buildContent(defaultPaths(realRoot), realRoot);
  if (realGeneration.diagnostics.length > 0) throw new Error('the real guide has problems');
  const realTiming = timeGeneration(realRoot, GENERATION_RUNS);
  await buildAstro(realRoot);
  const realDist = join(realRoot, 'dist');
  const mathDist = dists.get(30) ?? (await measureSize(30)).dist;

  const realServer = await serveDirectory(realDist, { gzip: true });
  const mathServer = await serveDirectory(mathDist, { gzip: true });
  const pages = [
    { name: '落地页 `/`', url: `${realServer.url}/`, dist: realDist, path: '' },
    { name: '指南目录 `/kd-lifelong-learning/`', url: `${realServer.url}/kd-lifelong-learning/`, dist: realDist, path: 'kd-lifelong-learning' },
    { name: '无公式题目 `/kd-lifelong-learning/2/`', url: `${realServer.url}/kd-lifelong-learning/2/`, dist: realDist, path: 'kd-lifelong-learning/2' },
    { name: '有公式题目 `/kd-lifelong-learning/1/`', url: `${realServer.url}/kd-lifelong-learning/1/`, dist: realDist, path: 'kd-lifelong-learning/1' },
  ];
  try {
    const transfers: PageTransfer[] = [];
    for (const page of pages) {
      const context = await launchBrowser();
      transfers.push(await measureTransfer(context, page.url));
      await context.close();
    }
    const searchTimes: SearchTiming[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await launchBrowser();
      searchTimes.push(await timeSearchReady(context, pages[2]!.url));
      await context.close();
    }
    lines.push(
      'Bytes on the wire (gzip, empty cache, Chromium; each cell is response bodies, then with their HTTP headers, and the number of requests):',
      '',
      '| page | HTML | CSS | JS | fonts | other | total | render-blocking requests |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...pages.map((page, i) => {
        const t = transfers[i]!;
        const html = readFileSync(join(page.dist, page.path, 'index.html'), 'utf8');
        const blocking = renderBlockingRequests(html).length;
        const cell = (kind: keyof PageTransfer['bytes']) => `${kb(t.bytes[kind])} / ${kb(t.wire[kind])} KB (${t.requests[kind]})`;
        const requests = Object.values(t.requests).reduce((a, b) => a + b, 0);
        return `| ${page.name} | ${cell('html')} | ${cell('css')} | ${cell('js')} | ${cell('font')} | ${cell('other')} | **${kb(t.total)} / ${kb(t.wireTotal)} KB** (${requests}) | ${blocking} stylesheet${blocking === 1 ? '' : 's'} |`;
      }),
      '',
      `Search, from a click on the search button over ${searchTimes.length} fresh loads: the field takes typing after ${ms(median(searchTimes.map((t) => t.typingMs)))} (median), and Pagefind's UI has taken it over after ${ms(median(searchTimes.map((t) => t.uiMs)))} (median; max ${ms(Math.max(...searchTimes.map((t) => t.uiMs)))}). The UI's ${kb(gzipSize(realDist, /search-ui\..*\.js$/))} KB of JS and ${kb(gzipSize(realDist, /search-ui\..*\.css$/))} KB of CSS load on intent.`,
      '',
      `Generation step for the real guide (\`buildContent\`, median of ${GENERATION_RUNS} fresh Node processes with the compile cache \`astro\` uses): the first call takes ${ms(realTiming.coldMs)} (${ms(realTiming.coldCpuMs)} of CPU; loading the modules before it, not included: ${ms(realTiming.importMs)}), a second call in the same process ${ms(realTiming.warmMs)}. ${realGeneration.written?.length ?? 0} of ${realTiming.pages} pages written on a clean run, ${realTiming.written} when nothing changed.`,
      '',
    );

    if (withLighthouse) {
      const all: (keyof LighthouseScores)[] = ['performance', 'accessibility', 'best-practices', 'seo'];
      const scoreRows: string[] = [];
      const metricRows: string[] = [];
      for (const page of pages) {
        console.error(`lighthouse ${page.url} …`);
        const mobileRuns = await mobileLighthouse(page.url, all);
        const desktop = await lighthouse(page.url, 'desktop', all);
        const medianOf = (value: (run: (typeof mobileRuns)[number]) => number) => median(mobileRuns.map(value));
        const fmt = (s: Partial<LighthouseScores>) => all.map((c) => s[c]).join(' / ');
        scoreRows.push(`| ${page.name} | ${all.map((c) => medianOf((r) => r.scores[c] ?? 0)).join(' / ')} | ${fmt(desktop.scores)} |`);
        const metric = (key: keyof LighthouseMetrics) => ms(medianOf((r) => r.metrics[key]));
        metricRows.push(
          `| ${page.name} | ${mobileRuns.map((r) => r.scores.performance).join(', ')} | ${metric('fcp')} | ${metric('lcp')} | ${metric('speedIndex')} | ${metric('tbt')} | ${medianOf((r) => r.metrics.cls).toFixed(3)} |`,
        );
      }
      lines.push(
        `Lighthouse 12.2.3 (performance / accessibility / best practices / SEO; mobile: median of ${MOBILE_RUNS} runs):`,
        '',
        '| page | mobile | desktop |',
        '| --- | --- | --- |',
        ...scoreRows,
      );
      const largest = Math.max(...sizes);
      if (largest > 30) {
        const server = await serveDirectory(dists.get(largest)!, { gzip: true });
        try {
          const slug = `synthetic-${String(Math.ceil(largest / QUESTIONS_PER_GUIDE / 2)).padStart(4, '0')}`;
          const runs = (await mobileLighthouse(`${server.url}/${slug}/6/`, ['performance'])).map((run) => run.scores.performance ?? 0);
          lines.push(`| 有公式题目（合成，${largest} 题）\`/${slug}/6/\` | performance ${median(runs)} (runs: ${runs.join(', ')}) | – |`);
        } finally {
          await server.close();
        }
      }
      lines.push(
        '',
        `Lighthouse mobile metrics (simulated throttling; medians of ${MOBILE_RUNS} runs, whose CPU time is this machine's times 4, so load from other work raises TBT and FCP):`,
        '',
        '| page | performance per run | FCP | LCP | Speed Index | TBT | CLS |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...metricRows,
        '',
      );
    }
  } finally {
    await realServer.close();
    await mathServer.close();
  }

  lines.push(`Load average at the end: ${loadavg()[0]!.toFixed(1)}.`, '');
  const table = lines.join('\n');
  writeFileSync(join(resultsDir, 'latest.md'), table);
  writeFileSync(join(resultsDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.md`), table);
  console.log(table);
}

/** Gzip size of the built files whose name matches (e.g. the lazily loaded search UI). */
function gzipSize(dist: string, name: RegExp): number {
  const dir = join(dist, '_astro');
  return readdirSync(dir)
    .filter((file) => name.test(file))
    .reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file))).length, 0);
}

await main();
