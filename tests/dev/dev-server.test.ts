import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectCopy } from '../helpers/build-site.ts';
import { type DevServer, pageWhen, startDevServer } from '../helpers/dev-server.ts';

const OLD_TITLE = '6. 知识蒸馏如何促进模型的终身学习能力？';
const NEW_TITLE = '6. 知识蒸馏怎样帮助模型终身学习？';

let root: string;
let server: DevServer;

const page = (path: string, done: (html: string) => boolean, ms: number) => pageWhen(server.url + path, done, ms);

/** The text of the sidebar's link to question 6. */
const sidebarLabelOf6 = (html: string) => /<a href="\/kd-lifelong-learning\/6\/"[^>]*>\s*<span[^>]*>([^<]*)</.exec(html)?.[1];

/** Generated page → modification time. */
function pageTimes(): Map<string, number> {
  const dir = join(root, 'src/content/docs/kd-lifelong-learning');
  return new Map(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
}

beforeAll(async () => {
  root = projectCopy('dev');
  server = await startDevServer(root, '/kd-lifelong-learning/7/', (html) => sidebarLabelOf6(html) !== undefined);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('astro dev', () => {
  it('shows an edited question title on its page and in the sidebar, rewriting only the pages that show it', async () => {
    expect(sidebarLabelOf6(await page('/kd-lifelong-learning/7/', () => true, 1000))).toBe(OLD_TITLE);
    const before = pageTimes();
    const source = join(root, 'src/guides/kd-lifelong-learning/source.md');
    const edited = readFileSync(source, 'utf8').replace(OLD_TITLE.slice(3), NEW_TITLE.slice(3));
    // Saved again every few seconds, as a writer would, in case the first save lands while
    // Vite restarts after optimising dependencies on a first start.
    writeFileSync(source, edited);
    const saving = setInterval(() => writeFileSync(source, edited), 5000);
    try {
      await page('/kd-lifelong-learning/6/', (html) => html.includes(`>${NEW_TITLE}</h1>`), 30_000);
    } finally {
      clearInterval(saving);
    }
    await page('/kd-lifelong-learning/7/', (html) => sidebarLabelOf6(html) === NEW_TITLE, 30_000);

    const after = pageTimes();
    const rewritten = [...after].filter(([file, time]) => before.get(file) !== time).map(([file]) => file);
    const showingTitle = readdirSync(join(root, 'src/content/docs/kd-lifelong-learning')).filter((f) =>
      readFileSync(join(root, 'src/content/docs/kd-lifelong-learning', f), 'utf8').includes(NEW_TITLE.slice(3)),
    );
    expect(rewritten.sort()).toEqual(showingTitle.sort());
    expect(rewritten.length).toBeLessThan(after.size / 2);
  }, 90_000);
});
