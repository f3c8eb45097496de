import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const dist = inject('realSite');
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const numbers = Array.from({ length: 30 }, (_, i) => i + 1);

function allHtml(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

describe('built site › question pages', () => {
  it('has one page per question at /kd-lifelong-learning/<n>/', () => {
    for (const n of numbers) expect(existsSync(join(dist, 'kd-lifelong-learning', String(n), 'index.html')), `page ${n}`).toBe(true);
    expect(existsSync(join(dist, 'kd-lifelong-learning', '31'))).toBe(false);
  });

  it('gives every question page the three section anchors, zh-CN and a description', () => {
    for (const n of numbers) {
      const html = page(`kd-lifelong-learning/${n}`);
      for (const id of ['question', 'answer', 'explanation']) expect(html, `${n}#${id}`).toContain(`<h2 id="${id}">`);
      expect(html).toMatch(/<html lang="zh-CN"/);
      expect(html).toMatch(/<meta name="description" content="[^"]+"\/>/);
    }
  });

  it('titles question 6 with its heading and describes it with the answer’s first sentence', () => {
    const html = page('kd-lifelong-learning/6');
    expect(html).toContain('<title>6. 知识蒸馏如何促进模型的终身学习能力？');
    expect(html).toContain('<meta name="description" content="知识蒸馏可以通过以下方式促进模型的终身学习能力：');
  });

  it('links every question from the guide index', () => {
    const html = page('kd-lifelong-learning');
    for (const n of numbers) expect(html).toContain(`href="${n}/"`);
  });

  it('has prev/next links between questions', () => {
    const html = page('kd-lifelong-learning/6');
    expect(html).toMatch(/rel="prev"[^>]*>|href="\/kd-lifelong-learning\/5\/"[^>]*rel="prev"/);
    expect(html).toContain('href="/kd-lifelong-learning/7/"');
  });
});

describe('built site › landing page, math and search', () => {
  it('renders the landing page formula with KaTeX on the server', () => {
    const html = page('');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<annotation encoding="application/x-tex">q_i = \\frac{\\exp(z_i/T)}{\\sum_{j}\\exp(z_j/T)}</annotation>');
    for (const n of numbers) expect(html).toContain(`href="/kd-lifelong-learning/${n}/"`);
  });

  it('has no katex-error anywhere', () => {
    for (const file of allHtml(dist)) expect(readFileSync(file, 'utf8'), file).not.toContain('katex-error');
  });

  it('bundles the KaTeX stylesheet and fonts', () => {
    const assets = readdirSync(join(dist, '_astro'));
    expect(assets.some((f) => /^KaTeX_Main-Regular\..*\.woff2$/.test(f))).toBe(true);
  });

  it('keeps KaTeX’s visual HTML out of the search index', () => {
    expect(page('')).toMatch(/<span class="katex-html" aria-hidden="true" data-pagefind-ignore/);
  });

  it('builds a Pagefind index for zh-CN', () => {
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
    expect(entry.languages['zh-cn'].page_count).toBeGreaterThanOrEqual(31);
  });

  it('lists every question in the sitemap', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    for (const n of numbers) expect(sitemap).toContain(`/kd-lifelong-learning/${n}/</loc>`);
  });
});

describe('built site › study pages', () => {
  it('gives question pages og:title, og:description (the answer’s first sentence), og:url and a canonical URL', () => {
    const html = page('kd-lifelong-learning/6');
    expect(html).toContain('<meta property="og:title" content="6. 知识蒸馏如何促进模型的终身学习能力？"/>');
    expect(html).toMatch(/<meta property="og:description" content="知识蒸馏可以通过以下方式促进模型的终身学习能力：/);
    expect(html).toContain('<meta property="og:url" content="http://localhost:4321/kd-lifelong-learning/6/"/>');
    expect(html).toContain('<link rel="canonical" href="http://localhost:4321/kd-lifelong-learning/6/"/>');
  });

  it('shows the topics on the guide index, each with its questions', () => {
    const html = page('kd-lifelong-learning');
    expect(html).toMatch(/<h2 id="topic-7">医疗影像（3 题）<\/h2>/);
    const medical = html.slice(html.indexOf('<h2 id="topic-7">'), html.indexOf('<h2 id="topic-8">'));
    expect([...medical.matchAll(/href="(\d+)\/"/g)].map((m) => m[1])).toEqual(['12', '20', '25']);
  });

  it('groups the sidebar by topic, in source order within a topic', () => {
    const html = page('kd-lifelong-learning/12');
    const sidebar = html.slice(html.indexOf('id="starlight__sidebar"'), html.indexOf('</sl-sidebar-pane>'));
    const medical = sidebar.slice(sidebar.indexOf('>医疗影像<'), sidebar.indexOf('>自动驾驶<'));
    expect([...medical.matchAll(/href="\/kd-lifelong-learning\/(\d+)\/"/g)].map((m) => m[1])).toEqual(['12', '20', '25']);
  });

  it('gives the whole-guide pages their guide’s sidebar, with a link to each of them', () => {
    for (const path of ['review', 'formulas', 'coding', 'print']) {
      const html = page(`kd-lifelong-learning/${path}`);
      const sidebar = html.slice(html.indexOf('id="starlight__sidebar"'), html.indexOf('</sl-sidebar-pane>'));
      expect(sidebar, path).toContain('href="/kd-lifelong-learning/12/"');
      for (const other of ['review', 'formulas', 'coding', 'print']) expect(sidebar, path).toContain(`href="/kd-lifelong-learning/${other}/"`);
    }
  });

  it('leads from the guide index on to question 1', () => {
    expect(page('kd-lifelong-learning')).toMatch(/<a href="1\/" rel="next"/);
  });

  it('gives the whole-guide pages no previous/next: they are tools, not steps in the questions', () => {
    for (const path of ['formulas', 'coding', 'review', 'print']) {
      expect(page(`kd-lifelong-learning/${path}`), path).not.toMatch(/rel="(prev|next)"/);
    }
  });

  it('keeps 相关题目 out of the search index, so search does not find a question by its neighbours’ titles', () => {
    expect(page('kd-lifelong-learning/7')).toContain('<section class="study-section" data-section="related" data-pagefind-ignore="all">');
  });

  it('keeps previous/next in source order although the sidebar groups by topic', () => {
    expect(page('kd-lifelong-learning/6')).toMatch(/<a href="\.\.\/5\/" rel="prev"/);
    expect(page('kd-lifelong-learning/6')).toMatch(/<a href="\.\.\/7\/" rel="next"/);
    expect(page('kd-lifelong-learning/30')).not.toContain('rel="next"');
  });

  it('ends every question page with 相关题目', () => {
    for (const n of numbers) {
      const html = page(`kd-lifelong-learning/${n}`);
      const last = [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]).pop();
      expect(last, `page ${n}`).toBe('related');
    }
  });

  it('has a print page with every question, answer, explanation and our additions in order, no id used twice, and out of search', () => {
    const html = page('kd-lifelong-learning/print');
    const questionIds = [...html.matchAll(/<h2 id="(q\d+)"/g)].map((m) => m[1]);
    expect(questionIds).toEqual(numbers.map((n) => `q${n}`));
    for (const n of numbers) for (const part of ['question', 'answer', 'explanation', 'related']) expect(html).toMatch(new RegExp(`<h3 id="q${n}-${part}"[ >]`));
    expect(html).toMatch(/<h3 id="q1-formulas"[^>]*>公式<\/h3>/);
    expect(html).toContain('<a href="#q1-references">');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(new Set(ids).size);
    expect(html).not.toContain('data-pagefind-body');
    expect(html).toContain('katex');
  });

  it('has a review page with the source’s three sections of every question and none of our additions', () => {
    const html = page('kd-lifelong-learning/review');
    for (const n of numbers) for (const part of ['question', 'answer', 'explanation']) expect(html).toMatch(new RegExp(`<h3 id="q${n}-${part}"[ >]`));
    expect(html).not.toContain('data-section="formulas"');
    expect(html).not.toContain('data-section="related"');
    expect(html).not.toContain('added-badge');
    // The source has no formulas, so neither has this page nor does it load KaTeX's stylesheet.
    expect(html).not.toContain('katex');
    expect(html).not.toContain('data-pagefind-body');
  });

  it('serves a Chinese 404 page with a search box and a link home', () => {
    const html = readFileSync(join(dist, '404.html'), 'utf8');
    expect(html).toMatch(/<h1 id="_top"[^>]*>找不到这个页面<\/h1>/);
    expect(html).toContain('id="not-found-search"');
    expect(html).toMatch(/<a href="\/"[^>]*>回到首页<\/a>/);
  });

  it('lists the print and review pages only under their guide, not as guides of their own', () => {
    const html = page('');
    expect(html.match(/<h3 id="guide-/g)).toHaveLength(1);
  });
});
