import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectAll } from 'hast-util-select';
import { describe, expect, inject, it } from 'vitest';
import { mainOf, readPage, visibleText } from '../helpers/html.ts';

/** The hostile fixture and a small real guide (tests/fixtures/guides/model-compression), built side by side. */
const dist = inject('hostileSite');
const COMPRESSION = '模型压缩：剪枝与量化面试题';
const HOSTILE = '恶意输入测试指南';

const sidebarLinks = (path: string) => selectAll('nav.sidebar a', readPage(dist, path)).map((a) => String(a.properties.href));

describe('two guides › each page shows its own guide', () => {
  it('gives each guide its own sidebar, grouped by its own topics, and a way to the other', () => {
    const compression = sidebarLinks('model-compression/1');
    expect(compression.filter((href) => /^\/model-compression\/\d+\/$/.test(href))).toEqual([1, 2, 3, 4].map((n) => `/model-compression/${n}/`));
    expect(compression.some((href) => href.startsWith('/hostile/'))).toBe(false);
    expect(sidebarLinks('hostile/1').some((href) => href.startsWith('/model-compression/'))).toBe(false);
    const page = readPage(dist, 'model-compression/3');
    expect(selectAll('nav.sidebar summary', page).map((s) => visibleText(s).trim())).toEqual([COMPRESSION, '压缩方法', '组合与评估']);
    expect(visibleText(selectAll('.guide-switcher', page)[0]!)).toBe('切换指南：全部 2 份指南');
  });

  it('lists both guides on the home page', () => {
    const links = selectAll('main a', readPage(dist, '')).map((a) => `${a.properties.href} ${visibleText(a).trim()}`);
    expect(links).toContain(`/model-compression/ ${COMPRESSION}`);
    expect(links).toContain(`/hostile/ ${HOSTILE}`);
  });

  it('renders the small guide’s formula and note as ours, beside its source text', () => {
    const page = readPage(dist, 'model-compression/2');
    expect(selectAll('#affine-quantization', page)).toHaveLength(1);
    expect(selectAll('.katex-display annotation', page).map((n) => visibleText(n).trim())).toEqual(['r = S\\,(q - Z)']);
    const text = visibleText(mainOf(page));
    expect(text).toContain('零点保证实数 0');
    expect(text).toContain('本站补充');
    expect(text.indexOf('解析')).toBeLessThan(text.indexOf('零点保证实数 0'));
  });

  it('tags every page with its guide for the search filter', () => {
    const filterOf = (path: string) => selectAll('[data-pagefind-filter]', readPage(dist, path)).map((n) => n.properties.dataPagefindFilter);
    expect(filterOf('model-compression/4')).toEqual([`指南:${COMPRESSION}`]);
    expect(filterOf('hostile/1')).toEqual([`指南:${HOSTILE}`]);
  });

  it('adds no guide filter to a site with only one guide, where it would narrow nothing', () => {
    expect(selectAll('[data-pagefind-filter]', readPage(inject('realSite'), 'kd-lifelong-learning/1'))).toEqual([]);
  });

  it('exports each guide on its own', () => {
    const json = (slug: string) => JSON.parse(readFileSync(join(dist, 'exports', `${slug}.json`), 'utf8'));
    expect(json('model-compression').questions.map((q: { number: number; topic: string }) => `${q.number} ${q.topic}`)).toEqual(['1 压缩方法', '2 压缩方法', '3 组合与评估', '4 组合与评估']);
    expect(json('hostile').title).toBe(HOSTILE);
    expect(readFileSync(join(dist, 'exports/model-compression.tsv'), 'utf8')).not.toContain('hostile');
  });
});
