import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { sitePath } from '../../plugins/starlight-study-guides/model/pages.ts';

const schema = z.strictObject({
  guide: z.string(),
  groups: z.record(z.string(), z.array(z.strictObject({ query: z.string().min(1), expect: z.array(z.number().int().positive()).min(1), rank: z.number().int().positive().optional() }))),
});

export interface SearchCase {
  group: string;
  query: string;
  /** Paths of the pages that explain the query; any of them is a hit. */
  expected: string[];
  /** A known shortfall: the rank the tests allow instead of their default. */
  rank?: number;
}

/** The query set of tests/fixtures/search/queries.yaml, group by group. */
export function searchCases(): SearchCase[] {
  const set = schema.parse(parse(readFileSync(new URL('../fixtures/search/queries.yaml', import.meta.url), 'utf8')));
  return Object.entries(set.groups).flatMap(([group, cases]) =>
    cases.map(({ query, expect, rank }) => ({ group, query, expected: expect.map((n) => sitePath.question(set.guide, n)), rank })),
  );
}

/** 1-based rank of the first expected page among `results`, or undefined when none is there. */
export function rankOf(results: string[], expected: string[]): number | undefined {
  const index = results.findIndex((url) => expected.includes(url));
  return index < 0 ? undefined : index + 1;
}
