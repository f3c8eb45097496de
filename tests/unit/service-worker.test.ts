import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { precacheEntries } from '../../plugins/starlight-study-guides/integrations/service-worker.ts';
import { testDir } from '../helpers/test-dir.ts';

/** A built site's files, by path inside dist. */
function site(files: Record<string, string | Buffer>): string {
  const dist = testDir('service-worker');
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), content);
  }
  return dist;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe('service worker › what it precaches', () => {
  it('lists the pages, their assets and the search index under the base path, each with a revision unless its name has a hash', () => {
    const files = {
      'index.html': '<h1>首页</h1>',
      'kd/6/index.html': '<h1>第 6 题</h1>',
      'manifest.webmanifest': '{}',
      'favicon.svg': '<svg/>',
      '_astro/page.Bx1.js': 'js',
      '_astro/page.Cy2.css': 'css',
      '_astro/KaTeX_Main-Regular.Dz3.woff2': 'woff2',
      'pagefind/pagefind-entry.json': '{"version":"1"}',
      'pagefind/fragment/zh-cn_1.pf_fragment': 'fragment',
      'pagefind/pagefind.js': 'search',
    };
    const { entries, bytes } = precacheEntries(site(files), '/guides/');
    expect(entries).toEqual([
      { url: '/guides/_astro/KaTeX_Main-Regular.Dz3.woff2', revision: null },
      { url: '/guides/_astro/page.Bx1.js', revision: null },
      { url: '/guides/_astro/page.Cy2.css', revision: null },
      { url: '/guides/favicon.svg', revision: md5('<svg/>') },
      { url: '/guides/index.html', revision: md5('<h1>首页</h1>') },
      { url: '/guides/kd/6/index.html', revision: md5('<h1>第 6 题</h1>') },
      { url: '/guides/manifest.webmanifest', revision: md5('{}') },
      { url: '/guides/pagefind/fragment/zh-cn_1.pf_fragment', revision: md5('fragment') },
      { url: '/guides/pagefind/pagefind-entry.json', revision: md5('{"version":"1"}') },
      { url: '/guides/pagefind/pagefind.js', revision: md5('search') },
    ]);
    // Every file above is precached.
    expect(bytes).toBe(Object.values(files).reduce((sum, content) => sum + Buffer.byteLength(content), 0));
  });

  it('leaves out the worker itself, fonts other browsers read, and Pagefind’s UIs the site does not use', () => {
    const dist = site({
      'index.html': 'page',
      'sw.js': 'worker',
      '_astro/KaTeX_Main-Regular.Dz3.woff': 'woff',
      '_astro/KaTeX_Main-Regular.Ea4.ttf': 'ttf',
      '_astro/diagram.Fb5.png': 'png',
      'pagefind/pagefind-ui.js': 'ui',
      'pagefind/pagefind-component-ui.js': 'component ui',
      'pagefind/pagefind-modular-ui.css': 'modular ui',
      'exports/kd.tsv': 'anki',
    });
    expect(precacheEntries(dist, '/').entries.map((entry) => entry.url)).toEqual(['/index.html', '/pagefind/pagefind-ui.js']);
  });

  it('refuses a file no reader should download on a first visit', () => {
    const dist = site({ 'index.html': 'page', 'big.js': Buffer.alloc(9 * 1024 * 1024) });
    expect(() => precacheEntries(dist, '/')).toThrow(/big\.js 有 9\.0 MB，超过了离线缓存单个文件的上限 8 MB/);
  });
});
