import katex from 'katex';
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Point } from 'unist';
import { type Diagnostic, diagnostic } from '../../model/diagnostic.ts';
import { memo } from '../../utils/memo.ts';

export interface TexError {
  message: string;
  /** Offset of the problem inside the TeX, when KaTeX knows it. */
  offset: number | undefined;
}

/**
 * Checks every formula with the KaTeX that the site uses, in strict mode:
 * KaTeX alone would only warn and print the TeX in red on the page.
 */
export function checkMath(tree: Nodes, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  visit(tree, (node) => {
    if (node.type !== 'math' && node.type !== 'inlineMath') return;
    const error = texError(node.value, node.type === 'math');
    if (!error) return;
    const start = node.position?.start ?? { line: 1, column: 1 };
    const place = placeInSource(start, node.type === 'math', node.value, error.offset);
    diagnostics.push(diagnostic(file, place, 'invalid-tex', `公式无法渲染：${error.message}`, '修正这段 TeX；KaTeX 支持的命令见 https://katex.org/docs/supported'));
  });
  return diagnostics;
}

/**
 * Each distinct formula is checked once: the same TeX recurs (half of the
 * real guide's formulas are repeats such as `T` or `\alpha`), and `astro dev`
 * checks every formula again on each save.
 */
const checked = memo<TexError | undefined>({ entries: 20_000, keyChars: 4_000_000 });

export function texError(tex: string, displayMode: boolean): TexError | undefined {
  return checked(`${displayMode ? 'display' : 'inline'}:${tex}`, () => check(tex, displayMode));
}

/**
 * KaTeX's parser, exported as `__parse` but left out of its types. Parsing is
 * where KaTeX reports what an author can get wrong (unknown commands, bad
 * arguments and units, strict-mode problems); rendering after it fails only on
 * KaTeX's own bugs, and costs as much again. The site still renders every
 * formula with throwOnError, and tests/site/site-build.test.ts rejects any
 * `katex-error` in the built pages.
 */
const parseTex = (katex as unknown as { __parse: (tex: string, options: katex.KatexOptions) => unknown }).__parse;

function check(tex: string, displayMode: boolean): TexError | undefined {
  try {
    parseTex(tex, { displayMode, strict: 'error', throwOnError: true });
    return undefined;
  } catch (error) {
    if (error instanceof katex.ParseError) {
      const { rawMessage, position } = error as katex.ParseError & { rawMessage: string; position?: number };
      return { message: rawMessage, offset: position };
    }
    return { message: error instanceof Error ? error.message : String(error), offset: undefined };
  }
}

/** Points at the offending character: inside `$…$` on its line, or on the right line of a `$$` block. */
function placeInSource(start: Point, isBlock: boolean, tex: string, offset: number | undefined): Point {
  if (offset === undefined) return start;
  if (!isBlock) return { line: start.line, column: start.column + 1 + offset };
  const before = tex.slice(0, offset).split('\n');
  return { line: start.line + before.length, column: before.at(-1)!.length + 1 };
}
