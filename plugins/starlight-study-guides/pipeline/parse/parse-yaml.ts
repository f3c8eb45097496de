import type { Point, Position } from 'unist';
import { LineCounter, isMap, isNode, isScalar, parseDocument } from 'yaml';

export interface YamlDocument {
  /** The document as plain data; undefined when it has syntax errors. */
  data: unknown;
  /** Syntax errors, each at its place in the file, with the parser's reason. */
  errors: { place: Position; reason: string }[];
  /**
   * The range of the value at `path` in the file (of the key itself when `key`
   * names one inside it), falling back to the nearest enclosing value that
   * exists: a missing key points at the object that lacks it.
   */
  placeOf(path: readonly PropertyKey[], key?: string): Position;
}

/**
 * Parses YAML with positions kept, as the `yaml` library gives them, so that a
 * diagnostic points at the exact key or value. `firstLine` is the file line the
 * text starts on, for YAML inside a Markdown file (frontmatter, a fenced block).
 */
export function parseYamlWithPlaces(text: string, firstLine = 1): YamlDocument {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const point = (offset: number): Point => {
    const { line, col } = lines.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const range = (r: readonly [number, number, ...number[]]): Position => ({ start: point(r[0]), end: point(Math.max(r[1], r[0])) });
  const whole: Position = range([0, text.trimEnd().length]);

  const placeOf = (path: readonly PropertyKey[], key?: string): Position => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as (string | number)[], true);
      if (!isNode(node) || !node.range) continue;
      if (key !== undefined && depth === path.length && isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (isScalar(pair?.key) && pair.key.range) return range(pair.key.range);
      }
      return range(node.range);
    }
    return whole;
  };

  if (doc.errors.length > 0) {
    const errors = doc.errors.map((error) => ({
      place: range(error.pos),
      // The library appends its own "at line L, column C"; ours comes first on the line.
      reason: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
    }));
    return { data: undefined, errors, placeOf };
  }
  return { data: doc.toJS(), errors: [], placeOf };
}
