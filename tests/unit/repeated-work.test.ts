import { readFileSync } from 'node:fs';
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { selectAll } from 'hast-util-select';
import { h } from 'hastscript';
import type { List, Root } from 'mdast';
import rehypeKatex from 'rehype-katex';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { checkMath } from '../../plugins/starlight-study-guides/pipeline/check/check-math.ts';
import { generateSite } from '../../plugins/starlight-study-guides/pipeline/generate-site.ts';
import { parseMarkdown, serializePage } from '../../plugins/starlight-study-guides/pipeline/markdown-syntax.ts';
import { fillFormulaSlots } from '../../plugins/starlight-study-guides/rehype/formula-slots.ts';
import { rehypeKatexMemo } from '../../plugins/starlight-study-guides/rehype/rehype-katex-memo.ts';
import { rehypeKatexSearch } from '../../plugins/starlight-study-guides/rehype/rehype-katex-search.ts';
import { rehypeScrollableFormulas } from '../../plugins/starlight-study-guides/rehype/rehype-scrollable-formulas.ts';
import { katexOptions } from '../../plugins/starlight-study-guides/rehype/render-formula.ts';
import { memo } from '../../plugins/starlight-study-guides/utils/memo.ts';

/*
 * Generation remembers work it has done before (each distinct formula is
 * checked once). These tests make sure that what is remembered never stands
 * in for something that differs.
 */

const source = readFileSync(new URL('../../src/guides/kd-lifelong-learning/source.md', import.meta.url), 'utf8');
const places = (markdown: string) => checkMath(parseMarkdown(markdown), 'a.md').map((d) => `${d.line}:${d.column}`);

describe('repeated work › formula check', () => {
  it('judges the same TeX by where it stands: \\tag is fine in a $$ block and reported inline, in either order', () => {
    expect(places('$$\nx \\tag{1}\n$$\n\n行内 $x \\tag{1}$。\n')).toEqual(['5:4']);
    expect(places('行内 $x \\tag{1}$。\n\n$$\nx \\tag{1}\n$$\n')).toEqual(['1:4']);
  });

  it('reports every occurrence of a repeated bad formula, and passes it once it is fixed', () => {
    expect(places('$\\frac{1}{2$ 与 $\\frac{1}{2$\n')).toEqual(['1:12', '1:27']);
    expect(places('$\\frac{1}{2}$ 与 $\\frac{1}{2}$\n')).toEqual([]);
  });
});

const list = (text: string): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] }],
});
const root = (...children: Root['children']): Root => ({ type: 'root', children });

describe('repeated work › pages', () => {
  it('gives a list right after another list the other bullet, but not the same list on its own', () => {
    // Two adjacent lists with the same bullet would merge into one.
    expect(serializePage(root(list('甲'), list('乙')))).toBe('- 甲\n\n* 乙\n');
    expect(serializePage(root(list('乙')))).toBe('- 乙\n');
    expect(serializePage(root(list('乙'), list('乙')))).toBe('- 乙\n\n* 乙\n');
    expect(serializePage(root(list('甲'), list('乙'), list('丙')))).toBe('- 甲\n\n* 乙\n\n- 丙\n');
  });

  it('shows an edited answer on its question page when generating again in the same process', () => {
    const generate = (text: string) => generateSite([{ slug: 'kd', source: { name: 'source.md', file: 'source.md', text }, extras: [] }]).pages;
    const before = generate(source);
    const answer = /\*\*答案：\*\*\s*(\S{12})/.exec(source.slice(source.indexOf('#### 2.')))![1]!;
    const after = generate(source.replace(answer, `${answer}（已修订）`));
    expect(before.get('kd/2.md')).not.toContain('（已修订）');
    expect(after.get('kd/2.md')).toContain(`${answer}（已修订）`);
    expect(after.get('kd/3.md')).toBe(before.get('kd/3.md'));
  });
});

describe('repeated work › memo', () => {
  it('computes a key once, and again only after newer keys have pushed it out', () => {
    const computed: string[] = [];
    const remember = memo<string>({ entries: 2, keyChars: 100 });
    const get = (key: string) => remember(key, () => (computed.push(key), key.toUpperCase()));
    expect([get('a'), get('b'), get('a'), get('c'), get('a'), get('b')]).toEqual(['A', 'B', 'A', 'C', 'A', 'B']);
    // 'a' was used again before 'c' came in, so 'b' was the one forgotten.
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
  });

  it('forgets long keys once their characters exceed the budget', () => {
    const computed: string[] = [];
    const remember = memo<number>({ entries: 100, keyChars: 10 });
    const get = (key: string) => remember(key, () => (computed.push(key), key.length));
    get('xxxxxx');
    get('yyyyyy');
    get('xxxxxx');
    expect(computed).toEqual(['xxxxxx', 'yyyyyy', 'xxxxxx']);
  });
});

/** A page as remark-math hands it to rehype: inline formulas, a $$ block and a ```math block. */
const mathPage = (...formulas: string[]): HastRoot => ({
  type: 'root',
  children: [
    h('p', [
      '设',
      ...formulas.map((tex) => h('code', { className: ['language-math', 'math-inline'] }, tex)),
    ]),
    ...formulas.map((tex) => h('pre', [h('code', { className: ['language-math', 'math-display'] }, tex)])),
    h('pre', [h('code', { className: ['language-math'] }, formulas[0]!)]),
  ],
});

type Transform = (tree: HastRoot, file: VFile) => void;

/** A page through KaTeX's step and the two after it, as the site's pipeline runs them, its formulas filled in. */
function render(katexStep: Transform, page: HastRoot): { html: string; messages: string[]; tree: HastRoot } {
  const file = new VFile();
  const tree = structuredClone(page);
  for (const transform of [katexStep, rehypeKatexSearch(), rehypeScrollableFormulas()]) transform(tree, file);
  return { html: fillFormulaSlots(toHtml(tree)), messages: file.messages.map((m) => `${m.ruleId}: ${m.reason}`), tree };
}
const memoised = () => rehypeKatexMemo();
const plain = () => rehypeKatex(katexOptions) as Transform;

describe('repeated work › rendered formulas', () => {
  const pages = [mathPage('p_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}', 'T^2'), mathPage('T^2', 'q_i'), mathPage('p_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}', 'T^2')];

  it('renders every page as rehype-katex does, the same formula inline and as a block included', () => {
    for (const page of pages) expect(render(memoised(), page).html).toBe(render(plain(), page).html);
  });

  it('gives a formula in a heading nodes of the page\'s own: a later plugin changing them leaves the next page alone', () => {
    const inHeading: HastRoot = { type: 'root', children: [h('h2', ['损失 ', h('code', { className: ['language-math', 'math-inline'] }, 'T^2')])] };
    const { tree } = render(memoised(), inHeading);
    const formula = selectAll('h2 .katex', tree);
    expect(formula.length).toBe(1);
    for (const element of formula) {
      element.properties.className = ['改了'];
      element.children[0] = { type: 'text', value: '改了' };
    }
    expect(render(memoised(), inHeading).html).toBe(render(plain(), inHeading).html);
  });

  it('reports a formula KaTeX rejects on every page it stands on, and draws it as rehype-katex does', () => {
    const broken = mathPage('\\frac{1}{2');
    const reference = render(plain(), broken);
    expect(reference.messages.length).toBeGreaterThan(0);
    for (let page = 0; page < 2; page++) expect(render(memoised(), broken)).toMatchObject({ html: reference.html, messages: reference.messages });
  });
});
