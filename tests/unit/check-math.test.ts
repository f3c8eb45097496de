import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { texError } from '../../plugins/starlight-study-guides/pipeline/check/check-math.ts';
import { parseMarkdown } from '../../plugins/starlight-study-guides/pipeline/markdown-syntax.ts';
import { repoRoot } from '../helpers/build-site.ts';

/** What the check stands in for: rendering the formula as the site does, in strict mode. */
function renderFails(tex: string, displayMode: boolean): boolean {
  try {
    katex.renderToString(tex, { displayMode, strict: 'error', throwOnError: true });
    return false;
  } catch {
    return true;
  }
}

/** Every formula of the real guide: its source and our annotations. */
function realFormulas(): { tex: string; display: boolean }[] {
  const dir = join(repoRoot, 'src/guides/kd-lifelong-learning');
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.md'));
  const formulas: { tex: string; display: boolean }[] = [];
  const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (node.type === 'math' || node.type === 'inlineMath') formulas.push({ tex: node.value!, display: node.type === 'math' });
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  for (const file of files) walk(parseMarkdown(readFileSync(join(dir, file), 'utf8')));
  return formulas;
}

// Mistakes an author can make, each caught by a different part of KaTeX, and
// edge cases that render (strict mode ignores `\\` in display math).
const TRICKY = [
  ['\\fra{a}{b}', false], // unknown command
  ['x^', false], // missing argument
  ['\\frac{a}', true],
  ['{a', false], // unbalanced braces
  ['\\rule{1foo}{2em}', false], // unknown unit
  ['\\kern1mu', false], // strict: mu outside \mkern
  ['é', false], // strict: accented Unicode text in math
  ['\\mathrm{é}', false],
  ['\\begin{array}{c}a & b\\end{array}', true], // strict: too few columns
  ['\\htmlClass{x}{y}', false], // HTML extension in strict mode
  ['\\begin{matrix}a\\end{pmatrix}', true], // mismatched environment
  ['\\left( x', false], // missing \right
  ['\\char"FFFFFF', false], // no such code point
  ['a \\\\ b', true],
  ['\\href{https://example.com}{x}', false],
  ['\\def\\x{1}\\x', false],
] as const;

describe('checkMath › the TeX check', () => {
  it('rejects exactly what rendering in strict mode rejects', () => {
    const outcomes = TRICKY.map(([tex, display]) => ({ tex, checkFails: texError(tex, display) !== undefined, renderFails: renderFails(tex, display) }));
    for (const outcome of outcomes) expect(outcome.checkFails, outcome.tex).toBe(outcome.renderFails);
    expect(outcomes.filter((o) => o.checkFails).length).toBe(13);
  });

  it('passes every formula of the real guide, which all render', () => {
    const formulas = realFormulas();
    expect(formulas.length).toBeGreaterThan(100);
    for (const { tex, display } of formulas) {
      expect({ tex, checked: texError(tex, display) }).toEqual({ tex, checked: undefined });
      expect({ tex, rendering: renderFails(tex, display) }).toEqual({ tex, rendering: false });
    }
  });
});
