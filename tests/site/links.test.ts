import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SUB_PATH } from '../helpers/site-fixtures.ts';
import { checkLinks } from '../../plugins/starlight-study-guides/integrations/link-check.ts';
import { renderFormula } from '../../plugins/starlight-study-guides/rehype/render-formula.ts';
import { builtPages } from '../helpers/site-pages.ts';
import { testDir } from '../helpers/test-dir.ts';

/** The `site` the test builds use: astro.config.mjs's default. */
const SITE = 'http://localhost:4321';

describe('links › the built site', () => {
  it('resolves every internal link, asset and #anchor on every page', () => {
    const dist = inject('realSite');
    const report = checkLinks(dist, '/', SITE);
    expect(report.problems).toEqual([]);
    // Each page links at least the whole sidebar; an empty crawl must not pass.
    expect(report.checked).toBeGreaterThan(builtPages(dist).length * 30);
  });

  it(`keeps every link, asset and canonical URL under the base path when built with BASE=${SUB_PATH}`, () => {
    const dist = inject('baseSite');
    const report = checkLinks(dist, SUB_PATH, SITE);
    expect(report.problems).toEqual([]);
    expect(report.checked).toBeGreaterThan(builtPages(dist).length * 30);
  });

  it('resolves every link on the pages of a hostile source', () => {
    expect(checkLinks(inject('hostileSite'), '/', SITE).problems).toEqual([]);
  });
});

/** A throw-away built site made of the given files (path → content). */
function fixtureSite(files: Record<string, string>): string {
  const dist = testDir('links');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  return dist;
}

describe('links › the checker itself', () => {
  it('reports a missing page, a missing anchor and a link that ignores the base', () => {
    const dist = fixtureSite({
      'a/index.html': '<h2 id="answer">答案</h2>',
      'index.html':
        '<a href="a/#answer">ok</a><a href="/kd/a/">ok</a><a href="a/#nope">x</a><a href="b/">x</a><a href="/a/">x</a><a href="https://example.org/">external</a>',
    });
    expect(checkLinks(dist, '/kd/', SITE).problems).toEqual([
      'index.html → a/#nope: 页面中没有 id 为 “nope” 的元素',
      'index.html → b/: 目标文件不存在',
      'index.html → /a/: 路径不在 base /kd/ 之下',
    ]);
  });

  it('reports a missing anchor in the page itself, in a page read before it and in one read after it, in the order of the links', () => {
    const dist = fixtureSite({
      'a/index.html': '<h2 id="answer">答案</h2>',
      'm/index.html': '<h2 id="top">题目</h2><a href="#top">ok</a><a href="#gone">x</a><a href="../z/#end">ok</a><a href="../z/#late">x</a><a href="../a/#early">x</a>',
      'z/index.html': '<h2 id="end">完</h2>',
    });
    expect(checkLinks(dist, '/', SITE).problems).toEqual([
      'm/index.html → #gone: 页面中没有 id 为 “gone” 的元素',
      'm/index.html → ../z/#late: 页面中没有 id 为 “late” 的元素',
      'm/index.html → ../a/#early: 页面中没有 id 为 “early” 的元素',
    ]);
  });

  it('passes over formulas, in which KaTeX writes no links or ids, and checks what stands between and after them', () => {
    // Without KaTeX's `trust`, as the site renders formulas, \\href is text.
    const withHref = renderFormula('\\href{/gone/}{x} + y', false);
    expect(withHref).not.toMatch(/<a\b|\s(href|id)=/);
    const dist = fixtureSite({
      'index.html': `<p>${withHref}<a href="#after">ok</a>${renderFormula('x^2', true)}<a href="b/">x</a></p><h2 id="after">后</h2>`,
    });
    expect(checkLinks(dist, '/', SITE).problems).toEqual(['index.html → b/: 目标文件不存在']);
  });

  it('reports a font that an inline <style> points at and the build does not have', () => {
    const dist = fixtureSite({
      '_astro/Main.woff2': '',
      'index.html': '<style>@font-face{font-family:A;src:url(/kd/_astro/Main.woff2)}@font-face{font-family:B;src:url(/kd/_astro/Math.woff2)}</style>',
    });
    expect(checkLinks(dist, '/kd/', SITE).problems).toEqual(['index.html → /kd/_astro/Math.woff2: 目标文件不存在']);
  });
});
