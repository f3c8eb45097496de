import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCodingProblems } from '../../plugins/starlight-study-guides/pipeline/parse/parse-coding-problems.ts';
import { readSolutions } from '../../plugins/starlight-study-guides/pipeline/read/read-solutions.ts';

const dir = new URL('../../src/guides/kd-lifelong-learning/coding/', import.meta.url);
const extras = readdirSync(dir).map((name) => ({ name: `coding/${name}`, file: name, text: readFileSync(new URL(name, dir), 'utf8') }));
const { problems, diagnostics } = parseCodingProblems(extras, readSolutions(new URL('../../src/math/', import.meta.url).pathname));
const modules = import.meta.glob<Record<string, (...args: unknown[]) => Value>>('../../src/math/*.ts');

type Value = number | Value[] | { [key: string]: Value };
const round = (v: Value, digits: number): Value =>
  typeof v === 'number' ? Number(v.toFixed(digits)) : Array.isArray(v) ? v.map((x) => round(x, digits)) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round(x, digits)]));

describe('programming problems', () => {
  it('has its five problems, all well-formed', () => {
    expect(diagnostics).toEqual([]);
    expect(problems.map((p) => p.id)).toEqual(['softmax-with-temperature', 'kd-loss', 'lwf-old-task-loss', 'dkd-loss', 'attention-transfer']);
  });

  for (const problem of problems) {
    it(`${problem.number}. ${problem.title} › the solution gives the expected output shown for the sample input`, async () => {
      const module = await modules[`../../src/math/${problem.solution}`]!();
      const result = module[problem.sample.function]!(...problem.sample.args);
      expect(round(result, problem.sample.digits)).toEqual(problem.sample.output);
    });

    it(`${problem.number}. ${problem.title} › the signature shown is the one in the solution file`, () => {
      const code = readFileSync(new URL(`../../src/math/${problem.solution}`, import.meta.url), 'utf8');
      expect(code).toContain(`${problem.signature} {`);
    });
  }
});
