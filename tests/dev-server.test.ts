import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroEnvironment, projectCopy, repoRoot } from './helpers/build-site.ts';

const OLD_TITLE = '6. 知识蒸馏如何促进模型的终身学习能力？';
const NEW_TITLE = '6. 知识蒸馏怎样帮助模型终身学习？';

let root: string;
let server: ChildProcess;
let url: string;

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Fetches a page until `done(html)` holds, or fails after `ms`. */
async function pageWhen(path: string, done: (html: string) => boolean, ms: number): Promise<string> {
  const deadline = Date.now() + ms;
  let html = '';
  while (Date.now() < deadline) {
    html = await fetch(`${url}${path}`).then((r) => r.text(), () => '');
    if (done(html)) return html;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${path} did not change as expected within ${ms} ms:\n${html.slice(0, 500)}`);
}

/** The text of the sidebar's link to question 6. */
const sidebarLabelOf6 = (html: string) => /<a href="\/kd-lifelong-learning\/6\/"[^>]*>\s*<span[^>]*>([^<]*)</.exec(html)?.[1];

/** Generated page → modification time. */
function pageTimes(): Map<string, number> {
  const dir = join(root, 'src/content/docs/kd-lifelong-learning');
  return new Map(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
}

beforeAll(async () => {
  root = projectCopy('dev');
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const astro = join(repoRoot, 'node_modules/astro/bin/astro.mjs');
  server = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    env: astroEnvironment(),
    stdio: 'ignore',
    detached: true,
  });
  await pageWhen('/kd-lifelong-learning/7/', (html) => sidebarLabelOf6(html) !== undefined, 90_000);
}, 120_000);

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('astro dev', () => {
  it('shows an edited question title on its page and in the sidebar, rewriting only the pages that show it', async () => {
    expect(sidebarLabelOf6(await pageWhen('/kd-lifelong-learning/7/', () => true, 1000))).toBe(OLD_TITLE);
    const before = pageTimes();
    const source = join(root, 'src/guides/kd-lifelong-learning/source.md');
    const edited = readFileSync(source, 'utf8').replace(OLD_TITLE.slice(3), NEW_TITLE.slice(3));
    // Saved again every few seconds, as a writer would, in case the first save lands while
    // Vite restarts after optimising dependencies on a first start.
    writeFileSync(source, edited);
    const saving = setInterval(() => writeFileSync(source, edited), 5000);
    try {
      await pageWhen('/kd-lifelong-learning/6/', (html) => html.includes(`>${NEW_TITLE}</h1>`), 30_000);
    } finally {
      clearInterval(saving);
    }
    await pageWhen('/kd-lifelong-learning/7/', (html) => sidebarLabelOf6(html) === NEW_TITLE, 30_000);

    const after = pageTimes();
    const rewritten = [...after].filter(([file, time]) => before.get(file) !== time).map(([file]) => file);
    const showingTitle = readdirSync(join(root, 'src/content/docs/kd-lifelong-learning')).filter((f) =>
      readFileSync(join(root, 'src/content/docs/kd-lifelong-learning', f), 'utf8').includes(NEW_TITLE.slice(3)),
    );
    expect(rewritten.sort()).toEqual(showingTitle.sort());
    expect(rewritten.length).toBeLessThan(after.size / 2);
  }, 90_000);
});
