import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, inject, it } from 'vitest';
import { mainOf, readPage, visibleText } from '../helpers/html.ts';

const dist = inject('realSite');
const main = (n: number) => mainOf(readPage(dist, `kd-lifelong-learning/${n}`));

describe('glosses › the English names we add to the source text are labelled as ours', () => {
  it('are explained once, under a 本站补充 label, right after the block with the page’s first gloss', () => {
    const page = main(6);
    const legends = selectAll('.gloss-legend', page);
    expect(legends).toHaveLength(1);
    const legend = legends[0]!;
    expect(visibleText(legend)).toBe('本站补充术语后括注的英文名lifelong learning由本站添加，不是题库原文。');
    expect(visibleText(select('.gloss-legend-label', legend)!)).toBe('本站补充');
    // Question 6's first gloss is in its 题目's paragraph: the legend follows it, not the heading.
    const blocks = select('[data-section="question"] .study-section-body', page)!.children.filter((c): c is Element => c.type === 'element');
    expect(blocks.indexOf(legend)).toBe(1);
    expect(select('.term-gloss', blocks[0]!)).toBeDefined();
    expect(legend.properties.dataPagefindIgnore).toBe('');
  });

  it('each say they are ours in a tooltip and to screen readers', () => {
    const page = main(6);
    const example = selectAll('.gloss-legend .term-gloss', page);
    const inText = selectAll('.term-gloss', page).filter((g) => !example.includes(g));
    expect(inText.map((g) => toString(g))).toEqual([
      '，本站补充的英文术语：lifelong learning',
      '，本站补充的英文术语：knowledge transfer',
      '，本站补充的英文术语：continual learning',
      '，本站补充的英文术语：overfitting',
    ]);
    for (const gloss of inText) expect(gloss.properties.title).toBe('英文术语（本站补充）');
  });

  it('leave a page without glosses without a legend', () => {
    expect(selectAll('.term-gloss', main(3))).toEqual([]);
    expect(selectAll('.gloss-legend', main(3))).toEqual([]);
  });
});
