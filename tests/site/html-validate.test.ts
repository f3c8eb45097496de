import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { builtPages } from '../helpers/site-pages.ts';

/**
 * html-validate's standard preset, plus the recommended preset's rule that a
 * button says its type (one without it submits any form around it). An
 * exception names its rule and the framework markup that causes it; there are
 * two, below.
 */
const validator = new HtmlValidate(
  new StaticConfigLoader({ extends: ['html-validate:standard'], rules: { 'no-implicit-button-type': 'error' } }),
);

/**
 * element-permitted-content: Expressive Code, Starlight's code-block renderer,
 * writes each line as `<div class="ec-line">` inside `<code>` and a `<div>`
 * inside its copy `<button>` (`<figure><pre><code><div>`, `<figure><div><button><div>`).
 * Only those two places are excused; the rule stays on everywhere else.
 */
const expressiveCodeMarkup = (ruleId: string, selector: string | null) =>
  ruleId === 'element-permitted-content' && /> figure > (pre > code|div > button) > div(:nth-child\(\d+\))?$/.test(selector ?? '');

/**
 * no-implicit-button-type: two framework buttons outside any form, where the
 * missing type changes nothing: Starlight's phone menu toggle (`body > div >
 * nav > button[popovertarget]`) and Expressive Code's copy button (`figure > div > button`).
 */
const frameworkButton = (ruleId: string, selector: string | null) =>
  ruleId === 'no-implicit-button-type' && /^html > body > div > nav > button$|> figure > div > button$/.test(selector ?? '');

async function problems(dist: string): Promise<string[]> {
  const found: string[] = [];
  for (const page of builtPages(dist)) {
    const html = readFileSync(join(dist, page.file), 'utf8');
    // The parser takes a script after </html> into the body without a word; the standard forbids it.
    if (!html.trimEnd().endsWith('</html>')) found.push(`${page.file}: markup after </html>`);
    const report = await validator.validateString(html, page.file);
    for (const message of report.results.flatMap((r) => r.messages)) {
      if (expressiveCodeMarkup(message.ruleId, message.selector) || frameworkButton(message.ruleId, message.selector)) continue;
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
    const button = await validator.validateString('<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><button>x</button></body></html>');
    expect(button.results.flatMap((r) => r.messages.map((m) => m.ruleId))).toEqual(['no-implicit-button-type']);
  });
});
