import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, inject, it } from 'vitest';
import { softmaxWithTemperature, entropy } from '../../src/math/softmax-with-temperature.ts';
import { mainOf, readPage, visibleText } from '../helpers/html.ts';

const dist = inject('realSite');
const guide = 'kd-lifelong-learning';

/** Formula anchors that must be on each question, in page order (a page may have more). */
const expected: Record<number, string[]> = {
  1: ['softmax-temperature', 'kd-loss', 't-squared', 'mutual-learning', 'self-distillation'],
  3: ['dkd-decomposition'],
  4: ['soft-label', 'hard-label', 'fitnets-hint', 'attention-transfer', 'rkd', 'crd'],
  6: ['lwf-loss', 'icarl-loss', 'icarl-nme', 'ewc', 'gem'],
  8: ['takd'],
  11: ['multi-teacher'],
  15: ['adversarial-data-free'],
  21: ['lwf-old-term', 'icarl-nme'],
  22: ['seq-kd'],
  23: ['softmax-temperature', 'kd-loss'],
  27: ['soft-label', 'hard-label', 'fitnets-hint', 'attention-transfer', 'rkd'],
  28: ['precision', 'recall', 'f1', 'top-k'],
  29: ['kd-loss', 'dkd-decomposition'],
};

/** The page's content blocks in order: section wrappers flattened, heading wrappers unwrapped to their heading. */
function blocks(path: string): Element[] {
  const content = select('.sl-markdown-content', mainOf(readPage(dist, path)))!;
  const flatten = (nodes: Element['children']): Element[] =>
    nodes
      .filter((node): node is Element => node.type === 'element')
      .flatMap((node) => {
        const classes = String(node.properties.className ?? '');
        if (classes.includes('study-section')) return flatten(node.children);
        if (classes.includes('sl-heading-wrapper')) return [select('h2, h3', node) ?? node];
        return [node];
      });
  return flatten(content.children);
}

/** The blocks after the heading with this id, up to the next heading of the same or a higher level. */
function sectionAfter(all: Element[], id: string): Element[] {
  const start = all.findIndex((node) => node.properties.id === id);
  if (start < 0) return [];
  const level = all[start]!.tagName;
  const stop = all.findIndex((node, i) => i > start && (node.tagName === 'h2' || (level === 'h3' && node.tagName === 'h3')));
  return all.slice(start + 1, stop < 0 ? undefined : stop);
}

describe('built site › formulas on the questions', () => {
  for (const [n, ids] of Object.entries(expected)) {
    it(`question ${n} has a 公式 section with a rendered formula under each anchor ${ids.join(', ')}`, () => {
      const all = blocks(`${guide}/${n}`);
      const formulas = sectionAfter(all, 'formulas');
      const anchors = formulas.filter((node) => node.tagName === 'h3').map((node) => String(node.properties.id));
      expect(anchors.filter((id) => ids.includes(id))).toEqual(ids);
      for (const id of ids) {
        const displays = sectionAfter(all, id).flatMap((node) => selectAll('.katex-display', node));
        expect(displays.length, `#${id}`).toBeGreaterThan(0);
      }
    });
  }

  it('cites the paper of each formula in the question’s 参考文献 section', () => {
    const cites: Record<number, string[]> = { 1: ['1503.02531', '1706.00384', '1905.08094'], 3: ['2203.08679'], 4: ['1412.6550', '1612.03928', '1904.05068', '1910.10699'], 6: ['1606.09282', '1611.07725', '1612.00796', '1706.08840'], 8: ['1902.03393'], 21: ['1606.09282', '1611.07725'], 22: ['1606.07947'], 27: ['1904.05068'], 29: ['1503.02531', '2203.08679'] };
    for (const [n, ids] of Object.entries(cites)) {
      const references = sectionAfter(blocks(`${guide}/${n}`), 'references').map((node) => visibleText(node)).join('\n');
      for (const id of ids) expect(references, `question ${n}`).toContain(`arXiv:${id}`);
    }
  });

  it('labels every added section as ours, right under its heading', () => {
    for (const n of [1, 9, 28]) {
      const all = blocks(`${guide}/${n}`);
      for (const heading of all.filter((node) => node.tagName === 'h2' && ['formulas', 'notes', 'references'].includes(String(node.properties.id)))) {
        const next = all[all.indexOf(heading) + 1]!;
        expect(visibleText(next), `${n}#${heading.properties.id}`).toMatch(/^本站补充/);
      }
      for (const id of ['question', 'answer', 'explanation']) {
        expect(visibleText(all[all.findIndex((node) => node.properties.id === id) + 1]!)).not.toMatch(/^本站补充/);
      }
    }
  });

  it('shows the editor’s notes on F1 (28) and on the training-cost contradiction (9)', () => {
    expect(sectionAfter(blocks(`${guide}/28`), 'notes').map((node) => visibleText(node)).join('')).toContain('调和平均');
    expect(sectionAfter(blocks(`${guide}/9`), 'notes').map((node) => visibleText(node)).join('')).toContain('训练成本较低');
  });
});

describe('built site › worked example', () => {
  it('question 1’s table shows the probabilities and entropy the math module gives at T = 1, 2, 4, 8', () => {
    const table = select('table', mainOf(readPage(dist, `${guide}/1`)))!;
    const rows = selectAll('tbody tr', table).map((row) => selectAll('td', row).map((cell) => visibleText(cell).trim()));
    expect(rows).toEqual([1, 2, 4, 8].map((t) => {
      const q = softmaxWithTemperature([5, 2, -1], t);
      return [String(t), ...q.map((p) => p.toFixed(4)), entropy(q).toFixed(4)];
    }));
  });
});

describe('built site › formula index', () => {
  const indexMain = mainOf(readPage(dist, `${guide}/formulas`));
  const links = selectAll('a[href^="../"]', indexMain).map((a) => String(a.properties.href));

  it('links every formula anchor of every question, each to an element that exists', () => {
    const targets = new Set(Object.entries(expected).flatMap(([n, ids]) => ids.map((id) => `../${n}/#${id}`)));
    for (const target of targets) expect(links).toContain(target);
    for (const link of links) {
      const [, n, id] = /^\.\.\/(\d+)\/#([a-z0-9-]+)$/.exec(link) ?? [];
      expect(n, link).toBeDefined();
      const html = readFileSync(join(dist, guide, n!, 'index.html'), 'utf8');
      expect(html, link).toContain(` id="${id}"`);
    }
  });

  it('renders each formula once, grouped under topic headings', () => {
    const tex = selectAll('.katex-display annotation', indexMain).map((node) => visibleText(node));
    expect(new Set(tex).size).toBe(tex.length);
    expect(selectAll('h2', indexMain).map((h) => visibleText(h))).toEqual(expect.arrayContaining(['软标签与温度', '持续学习', '评价指标']));
  });
});

describe('built site › programming problems', () => {
  const codingMain = mainOf(readPage(dist, `${guide}/coding`));

  it('shows each reference solution exactly as its tested source file', () => {
    const shown = selectAll('pre', codingMain).map((pre) => selectAll('.ec-line', pre).map((line) => visibleText(line).replace(/\n$/, '')).join('\n'));
    for (const file of ['softmax-with-temperature.ts', 'kd-loss.ts', 'lwf-old-task-loss.ts']) {
      const code = readFileSync(new URL(`../../src/math/${file}`, import.meta.url), 'utf8').trimEnd();
      expect(shown).toContain(code);
    }
  });

  it('shows the sample call and its expected output', () => {
    const text = visibleText(codingMain);
    expect(text).toContain('softmaxWithTemperature([2, 1, 0.1], 2)');
    expect(text).toContain('[0.5017, 0.3043, 0.1940]');
    expect(text).toContain('lwfOldTaskLoss([0.7, 0.2, 0.1], [0.5, 0.3, 0.2], 2)');
  });
});

describe('built site › guide index', () => {
  it('links the formula index and the programming problems from the study tools', () => {
    const links = selectAll('a', mainOf(readPage(dist, guide))).map((a) => String(a.properties.href));
    expect(links).toContain('formulas/');
    expect(links).toContain('coding/');
  });
});
