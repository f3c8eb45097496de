import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { isError } from '../../plugins/starlight-study-guides/model/diagnostic.ts';
import { sourceSectionsOf } from '../../plugins/starlight-study-guides/model/guide.ts';
import { type GeneratedSite, generateSite } from '../../plugins/starlight-study-guides/pipeline/generate-site.ts';
import { MAX_SOURCE_CHARS, parseGuide } from '../../plugins/starlight-study-guides/pipeline/parse/parse-guide.ts';
import { parseGeneratedPage, rawHtml } from '../helpers/generated-page.ts';

/*
 * Property-based tests: random mutations of the real source must end either
 * in a clean generation whose pages keep all the source text as text (no raw
 * HTML), or in diagnostics that each point at a line inside the file. Never an
 * exception. PARSER_RUNS full generations of small excerpts keep the file to a
 * few seconds on two cores.
 */
const PARSER_RUNS = 1500;

const source = readFileSync(new URL('../../src/guides/kd-lifelong-learning/source.md', import.meta.url), 'utf8');
const lines = source.split('\n');
const titleLine = lines.findIndex((line) => line.startsWith('### '));
const questionStarts = lines.flatMap((line, i) => (/^#### \d+\. /.test(line) ? [i] : []));

/**
 * The title and 1–3 consecutive questions from anywhere in the source,
 * renumbered from 1: a valid guide small enough to parse thousands of times.
 */
const excerpt = fc.record({ first: fc.nat({ max: questionStarts.length - 1 }), count: fc.integer({ min: 1, max: 3 }) }).map(({ first, count }) => {
  const questions = questionStarts.slice(first, first + count).map((start, i) => {
    const end = questionStarts[first + i + 1] ?? lines.length;
    return lines.slice(start, end).join('\n').replace(/^#### \d+\./, `#### ${i + 1}.`);
  });
  return [lines[titleLine], '', ...questions].join('\n');
});

/** Text that has broken Markdown/MDX pipelines: syntax, markup, math, escapes, odd Unicode, long lines. */
const hostileText = fc.oneof(
  fc.constantFrom(
    '{', '}', '{x}', '{process.exit(1)}', '<', '>', '<div>', '</div>', '<Foo bar="1" />', '<script>alert(1)</script>',
    '<!--', '-->', 'import x from "y"', 'export const a = 1', '$', '$$', '$x$', '$5 and $6', '$\\frac{a}{b}$', '\\', '\\(',
    '`', '```', '~~~', ':::note', '&amp;', '&#0;', '\0', '\uFFFD', '#', '#### ', '**答案：**', '**', '|a|b|\n|-|-|', '> ', '- ',
    '1. ', '[x](y)', '![x](y)', '[^1]', '\r', '\r\n', '\u2028', '\u200B', '\uFEFF', '\t', '    ', '*', '_', '~', '<https://x.y>',
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.record({ c: fc.constantFrom('a', '中', '$', '{', '*', '\\'), n: fc.integer({ min: 1_000, max: 20_000 }) }).map(({ c, n }) => c.repeat(n)),
);

type Mutation = (lines: string[]) => void;
const at = (lines: string[], i: number) => i % Math.max(lines.length, 1);

/** One edit of the kinds an author (or a bad copy-paste) makes. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i): Mutation => (ls) => void ls.splice(at(ls, i), 1)),
  fc.nat().map((i): Mutation => (ls) => void ls.splice(at(ls, i), 0, ls[at(ls, i)] ?? '')),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]): Mutation => (ls) => {
    const [a, b] = [at(ls, i), at(ls, j)];
    [ls[a], ls[b]] = [ls[b] ?? '', ls[a] ?? ''];
  }),
  fc.tuple(fc.nat(), fc.constantFrom('题目', '答案', '解析'), fc.constantFrom('', '答按', '结论', '答案', '答 案')).map(([i, label, replacement]): Mutation => (ls) => {
    const found = ls.flatMap((line, k) => (line.includes(`**${label}：**`) ? [k] : []));
    const k = found[i % Math.max(found.length, 1)];
    if (k !== undefined) ls[k] = ls[k]!.replace(`**${label}：**`, replacement ? `**${replacement}：**` : '');
  }),
  fc.tuple(fc.nat(), fc.oneof(fc.integer({ min: -1, max: 40 }).map(String), fc.constantFrom('１', '6', '01', '1.5', ''))).map(([i, number]): Mutation => (ls) => {
    const found = ls.flatMap((line, k) => (/^#### \d+\./.test(line) ? [k] : []));
    const k = found[i % Math.max(found.length, 1)];
    if (k !== undefined) ls[k] = ls[k]!.replace(/^#### \d+\./, `#### ${number}.`);
  }),
  fc.tuple(fc.nat(), hostileText).map(([i, text]): Mutation => (ls) => void ls.splice(at(ls, i), 0, text)),
  fc.tuple(fc.nat(), fc.nat(), hostileText).map(([i, p, text]): Mutation => (ls) => {
    const k = at(ls, i);
    const line = ls[k] ?? '';
    const pos = p % (line.length + 1);
    ls[k] = line.slice(0, pos) + text + line.slice(pos);
  }),
);

const mutated = (base: fc.Arbitrary<string>, edits: fc.Arbitrary<Mutation[]>) =>
  fc.tuple(base, edits).map(([text, ms]) => {
    const ls = text.split('\n');
    for (const m of ms) m(ls);
    return ls.join('\n');
  });

function generate(text: string): GeneratedSite {
  return generateSite([{ slug: 'kd', source: { name: 'source.md', file: 'source.md', text }, extras: [] }]);
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** The outcome contract; returns whether the generation was clean. */
function checkOutcome(text: string, site: GeneratedSite): boolean {
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const d of site.diagnostics) {
    expect(d.file).toBe('source.md');
    expect(d.line, d.reason).toBeGreaterThanOrEqual(1);
    expect(d.line, d.reason).toBeLessThanOrEqual(lineCount);
    expect(d.column, d.reason).toBeGreaterThanOrEqual(1);
    expect(d.reason.trim()).not.toBe('');
  }
  if (site.diagnostics.some(isError)) {
    expect(site.pages.size).toBe(0);
    return false;
  }
  const guide = site.guides[0]!;
  // One page per question, plus the guide index (print and review are rendered from these).
  expect(site.pages.size).toBe(guide.questions.length + 1);
  // Nothing lost or added: each page's text is its sections' source text, in order.
  for (const q of guide.questions) {
    // A question without 解析 (a warning) shows 题目 and 答案 only.
    const expected = sourceSectionsOf(q).map((s) => `${s.label}${toString({ type: 'root', children: s.blocks })}`).join('');
    // Pages are Markdown, where a `<` of the source could start raw HTML.
    const path = `kd/${q.number}.md`;
    const tree = parseGeneratedPage(site.pages.get(path)!);
    expect(rawHtml(tree), path).toEqual([]);
    // The source's sections come first; our added sections (here only 相关题目) follow them.
    const page = toString(tree);
    expect(squash(page.slice(0, page.lastIndexOf('相关题目'))), path).toBe(squash(expected));
  }
  return true;
}

describe('properties › mutated sources', () => {
  it(`end in clean pages that keep every character, or in diagnostics inside the file (${PARSER_RUNS} runs)`, { timeout: 120_000 }, () => {
    let clean = 0;
    fc.assert(
      fc.property(mutated(excerpt, fc.array(mutation, { minLength: 1, maxLength: 4 })), (text) => {
        if (checkOutcome(text, generate(text))) clean += 1;
      }),
      { numRuns: PARSER_RUNS },
    );
    // Both outcomes must actually be exercised.
    expect(clean).toBeGreaterThan(PARSER_RUNS / 20);
    expect(clean).toBeLessThan(PARSER_RUNS);
  });

  it('keep the contract on mutations of the whole real source (20 runs)', () => {
    fc.assert(
      fc.property(mutated(fc.constant(source), fc.array(mutation, { minLength: 1, maxLength: 8 })), (text) => {
        checkOutcome(text, generate(text));
      }),
      { numRuns: 20 },
    );
  });
});

describe('properties › edge cases', () => {
  const rules = (text: string) => generate(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`);

  it('reports a 10 MB source as too large at once, instead of parsing it for minutes', () => {
    const big = source.repeat(Math.ceil(10_000_000 / source.length));
    expect(big.length).toBeGreaterThan(MAX_SOURCE_CHARS);
    const result = parseGuide(big, 'big.md', 'big');
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual(['1:1 source-too-large']);
    expect(result.diagnostics[0]!.reason).toMatch(/^文件有 10,\d{3},\d{3} 个字符，超过上限 1,000,000$/);
  });

  it('reports bold nested 40 deep at its line, instead of taking minutes to write the page', () => {
    const stars = '**'.repeat(40);
    const text = ['### 指南', '', '#### 1. 问题', '', '**题目：** 问。', '', '**答案：** 答。', '', '**解析：**', '', `${stars}深${stars}`, ''].join('\n');
    expect(rules(text)).toEqual([expect.stringMatching(/^11:\d+ nesting-too-deep$/)]);
  });

  it('reports 5,000 nested quotes at their line, and 12,000 (past the parser’s stack) at the top, instead of crashing', () => {
    const withLine = (line: string) => ['### 指南', '', '#### 1. 问题', '', '**题目：** 问。', '', '**答案：** 答。', '', '**解析：**', '', line, ''].join('\n');
    expect(rules(withLine(`${'>'.repeat(5_000)} 深`))).toEqual([expect.stringMatching(/^11:\d+ nesting-too-deep$/)]);
    expect(rules(withLine(`${'>'.repeat(12_000)} 深`))).toEqual(['1:1 nesting-too-deep']);
  });

  it('takes real nesting: a list eight levels deep with bold and a link inside', () => {
    const list = Array.from({ length: 8 }, (_, depth) => `${'  '.repeat(depth)}- 第 ${depth + 1} 层 **加粗 [链接](https://example.com/)**`);
    const text = ['### 指南', '', '#### 1. 问题', '', '**题目：** 问。', '', '**答案：**', '', ...list, '', '**解析：** 解。', ''].join('\n');
    expect(rules(text)).toEqual([]);
  });

  it('reads old Mac line endings (CR only) like LF', () => {
    expect(generate(source.replace(/\n/g, '\r')).guides[0]!.questions).toHaveLength(30);
  });

  it('reports a file of only whitespace as empty', () => {
    expect(rules(' \n\t\n')).toEqual(['1:1 no-title']);
  });

  it('reports a title with no questions after the title', () => {
    expect(rules('### 只有标题\r\n')).toEqual(['1:1 no-questions']);
  });
});
