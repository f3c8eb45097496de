import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { builtPages } from '../helpers/site-pages.ts';

/**
 * html-validate's standard preset. An exception names its rule and the
 * framework markup that causes it; there is one, below.
 */
const validator = new HtmlValidate(new StaticConfigLoader({ extends: ['html-validate:standard'], rules: {} }));

/**
 * element-permitted-content: Expressive Code, Starlight's code-block renderer,
 * writes each line as `<div class="ec-line">` inside `<code>` and a `<div>`
 * inside its copy `<button>` (`<figure><pre><code><div>`, `<figure><div><button><div>`).
 * Only those two places are excused; the rule stays on everywhere else.
 */
const expressiveCodeMarkup = (ruleId: string, selector: string | null) =>
  ruleId === 'element-permitted-content' && /> figure > (pre > code|div > button) > div(:nth-child\(\d+\))?$/.test(selector ?? '');

async function problems(dist: string): Promise<string[]> {
  const found: string[] = [];
  for (const page of builtPages(dist)) {
    const report = await validator.validateString(readFileSync(join(dist, page.file), 'utf8'), page.file);
    for (const message of report.results.flatMap((r) => r.messages)) {
      if (expressiveCodeMarkup(message.ruleId, message.selector)) continue;
      found.push(`${page.file}:${message.line}:${message.column}  ${message.message}  (${message.ruleId})`);
    }
  }
  return found;
}

describe('valid HTML › html-validate standard preset', () => {
  it('passes on every page of the built site', async () => {
    const dist = inject('realSite');
    expect(builtPages(dist).length).toBeGreaterThan(30);
    expect(await problems(dist)).toEqual([]);
  });

  it('passes on every page built from a hostile source', async () => {
    expect(await problems(inject('hostileSite'))).toEqual([]);
  });

  it('would report markup that breaks the rules', async () => {
    const report = await validator.validateString('<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><ul><div>x</div></ul></body></html>');
    expect(report.results.flatMap((r) => r.messages.map((m) => m.ruleId))).toEqual(['element-permitted-content']);
  });
});
