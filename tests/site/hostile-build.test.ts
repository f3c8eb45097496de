import { describe, expect, inject, it } from 'vitest';
import { selectAll } from 'hast-util-select';
import { mainOf, readPage, visibleText } from '../helpers/html.ts';

const main = mainOf(readPage(inject('hostileSite'), 'hostile/1'));
const text = visibleText(main);

describe('built site › hostile source text', () => {
  it('shows code-like text literally instead of running it', () => {
    for (const literal of ['{process.exit(1)}', '<script>alert(1)</script>', 'a<b', '<!-- x -->', '$5 and $6', '<Tag prop="1" />', "import fs from 'fs'", 'export const secret = 1', ':::note', '孤立的 ` 反引号']) {
      expect(text).toContain(literal);
    }
  });

  it('adds no script element or aside from the source', () => {
    // The site's own study tools load bundled module scripts from /_astro/; nothing else may run.
    expect(selectAll('script', main).filter((node) => !String(node.properties.src ?? '').startsWith('/_astro/'))).toEqual([]);
    expect(selectAll('aside', main)).toEqual([]);
  });

  it('still renders the real formulas', () => {
    const tex = selectAll('annotation', main).map((node) => visibleText(node));
    expect(tex).toEqual(['E = mc^2', '\\frac{a}{b}']);
  });
});
