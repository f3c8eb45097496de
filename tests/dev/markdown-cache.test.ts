import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectCopy } from '../helpers/build-site.ts';
import { freePort, startDevServer } from '../helpers/dev-server.ts';

const guide = ['### 缓存测试', '', '#### 1. 问题', '', '**题目：** 问。', '', '**答案：** 答。', '', '**解析：** 解。', ''].join('\n');
const root = projectCopy('cache', { kd: guide });
// One port for every start, as a writer's `npm run dev` has: the port is part of the config
// whose change makes Astro drop its cache by itself.
const port = await freePort();

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Question 1 as `astro dev` serves it, from a server started for this one request. */
async function devPage(): Promise<string> {
  const server = await startDevServer(root, '/kd/1/', (html) => html.includes('study-section-body'), port);
  try {
    return await fetch(`${server.url}/kd/1/`).then((r) => r.text());
  } finally {
    await server.stop();
  }
}

describe('markdown cache', () => {
  it('renders Markdown pages again after a plugin of the pipeline changes, though their text did not', { timeout: 240_000 }, async () => {
    expect(await devPage()).toContain('class="study-section-body"');
    // A Markdown page: Astro keeps its rendering in .astro/ for the next start (MDX is compiled afresh).
    expect(existsSync(join(root, 'src/content/docs/kd/1.md'))).toBe(true);
    expect(existsSync(join(root, '.astro/data-store.json'))).toBe(true);

    const plugin = join(root, 'plugins/starlight-study-guides/rehype/rehype-study-sections.ts');
    writeFileSync(plugin, readFileSync(plugin, 'utf8').replace("className: ['study-section-body']", "className: ['study-section-body', 'edited-plugin']"));
    expect(await devPage()).toContain('class="study-section-body edited-plugin"');
  });
});
