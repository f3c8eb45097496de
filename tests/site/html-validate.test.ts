import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { visit } from 'unist-util-visit';
import { describe, expect, inject, it } from 'vitest';
import { builtPages } from '../helpers/site-pages.ts';

/**
 * A message excused because the framework writes the markup it is about:
 * `rule` is html-validate's rule id or a pattern of the Nu checker's message,
 * `element` a CSS selector of the elements it may be about. Everything else,
 * our own markup, must pass.
 */
interface Excuse {
  rule: string | RegExp;
  element: string;
}

/** Expressive Code, Starlight's code-block renderer. */
const CODE_BLOCK = '.expressive-code';

const excuses: Excuse[] = [
  // KaTeX places every glyph with inline styles (heights, shifts, some negative), and draws a few
  // glyphs from its fonts' private-use code points.
  { rule: 'no-inline-style', element: '.katex *' },
  { rule: /^CSS: “height”: “-[\d.]+em” negative values are not allowed\.$/, element: '.katex .vlist' },
  { rule: /^Document uses the Unicode Private Use Area/, element: '.katex *' },
  // Expressive Code: a `<div>` per line inside `<code>`, and a copy button holding a `<div>`, with no
  // type or text (its label is a tooltip), the code in a data attribute with U+007F for line breaks,
  // token colours as custom properties in style attributes, and its stylesheet `<link/>`.
  { rule: 'element-permitted-content', element: `${CODE_BLOCK} code > div, ${CODE_BLOCK} button > div` },
  { rule: /^Element “div” not allowed as child of element “(code|button)”/, element: `${CODE_BLOCK} code > div, ${CODE_BLOCK} button > div` },
  { rule: 'no-implicit-button-type', element: `${CODE_BLOCK} button` },
  { rule: 'text-content', element: `${CODE_BLOCK} button` },
  { rule: /^Forbidden code point U\+007f\.$/, element: `${CODE_BLOCK} button` },
  { rule: /^CSS: “--”: Parse Error\.$/, element: `${CODE_BLOCK} span[style]` },
  { rule: 'void-style', element: `${CODE_BLOCK} > link` },
  // Starlight: its head entries are written `<meta/>` and `<link/>`, its skip-link target is `#_top`,
  // its two tables of contents (desktop, phone; one shows at a time) are unnamed <nav>s, and its
  // phone menu toggle has no type (it is outside any form).
  { rule: 'void-style', element: 'head > meta, head > link' },
  { rule: 'valid-id', element: '#_top' },
  { rule: 'unique-landmark', element: 'starlight-toc > nav, mobile-starlight-toc > nav' },
  { rule: 'no-implicit-button-type', element: 'nav.sidebar > button.sl-menu-button' },
  // ultrahtml, which embeds each rendered question into the whole-guide pages, writes `hidden=""`.
  { rule: 'attribute-empty-style', element: '[hidden]' },
];

/** The Nu HTML Checker's jar, from the vnu-jar package (run with the system's Java, not its downloader). */
const vnuJar = join(dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build/dist/vnu.jar');

const validator = new HtmlValidate(new StaticConfigLoader({ extends: ['html-validate:recommended'] }));

interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
  rule: string;
}

const format = (p: Problem) => `${p.file}:${p.line}:${p.column}  ${p.message}  (${p.rule})`;

/**
 * A page parsed once, with what the excuses need: its elements in document
 * order with their source offsets, and the elements each excuse covers.
 */
class ParsedPage {
  readonly tree: Root;
  private readonly elements: { start: number; end: number; node: Element }[] = [];
  private readonly lineStarts: number[] = [0];
  private readonly covered = new Map<Excuse, Set<Element>>();

  constructor(html: string) {
    this.tree = fromHtml(html);
    visit(this.tree, 'element', (node) => {
      const { start, end } = node.position ?? {};
      if (start?.offset !== undefined && end?.offset !== undefined) this.elements.push({ start: start.offset, end: end.offset, node });
    });
    for (let i = html.indexOf('\n'); i !== -1; i = html.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** The innermost element whose source holds the character at `offset`. */
  elementAt(offset: number): Element | undefined {
    let low = 0;
    let high = this.elements.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.elements[middle]!.start <= offset) low = middle;
      else high = middle - 1;
    }
    for (let i = low; i >= 0; i--) if (this.elements[i]!.start <= offset && offset < this.elements[i]!.end) return this.elements[i]!.node;
    return undefined;
  }

  /** The same, for a 1-based line and column. */
  elementAtLine(line: number, column: number): Element | undefined {
    return this.elementAt((this.lineStarts[line - 1] ?? 0) + column - 1);
  }

  excused(element: Element | undefined, rule: string, message: string): boolean {
    if (element === undefined) return false;
    return excuses.some((excuse) => {
      if (typeof excuse.rule === 'string' ? excuse.rule !== rule : !excuse.rule.test(message)) return false;
      let elements = this.covered.get(excuse);
      if (elements === undefined) this.covered.set(excuse, (elements = new Set(selectAll(excuse.element, this.tree))));
      return elements.has(element);
    });
  }
}

async function htmlValidateProblems(file: string, html: string, page: ParsedPage): Promise<Problem[]> {
  const report = await validator.validateString(html, file);
  return report.results
    .flatMap((result) => result.messages)
    .filter((m) => !page.excused(page.elementAt(m.offset), m.ruleId, m.message))
    .map((m) => ({ file, line: m.line, column: m.column, message: m.message, rule: m.ruleId }));
}

interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url: string;
  lastLine?: number;
  lastColumn?: number;
  message: string;
}

/** The Nu HTML Checker's errors and warnings for the given pages, run once over all of them (one JVM start). */
function nuMessages(dist: string, files: string[]): NuMessage[] {
  const result = spawnSync('java', ['-jar', vnuJar, '--format', 'json', '--stdout', '--exit-zero-always', ...files.map((f) => join(dist, f))], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`vnu failed: ${result.error?.message ?? result.stderr}`);
  const { messages } = JSON.parse(result.stdout) as { messages: NuMessage[] };
  return messages.filter((m) => m.type !== 'info' || m.subType === 'warning');
}

async function problems(dist: string): Promise<string[]> {
  const files = builtPages(dist).map((page) => page.file);
  const parsed = new Map<string, ParsedPage>();
  const found: Problem[] = [];
  for (const file of files) {
    const html = readFileSync(join(dist, file), 'utf8');
    // The parser takes a script after </html> into the body without a word; the standard forbids it.
    if (!html.trimEnd().endsWith('</html>')) found.push({ file, line: 0, column: 0, message: 'markup after </html>', rule: 'end-of-document' });
    const page = new ParsedPage(html);
    parsed.set(file, page);
    found.push(...(await htmlValidateProblems(file, html, page)));
  }
  for (const m of nuMessages(dist, files)) {
    const file = m.url.slice(m.url.indexOf(dist) + dist.length + 1);
    const page = parsed.get(file);
    if (page && m.lastLine !== undefined && page.excused(page.elementAtLine(m.lastLine, m.lastColumn ?? 1), 'vnu', m.message)) continue;
    found.push({ file, line: m.lastLine ?? 0, column: m.lastColumn ?? 0, message: m.message, rule: `vnu ${m.type}` });
  }
  return found.map(format);
}

/** Both checkers over every page of a site take most of a minute on a busy 2-core machine. */
const SITE_TIMEOUT = 300_000;

describe('valid HTML › html-validate (recommended) and the Nu HTML Checker', () => {
  it('pass on every page of the built site', async () => {
    const dist = inject('realSite');
    expect(builtPages(dist).length).toBeGreaterThan(30);
    expect(await problems(dist)).toEqual([]);
  }, SITE_TIMEOUT);

  it('pass on every page built from a hostile source', async () => {
    expect(await problems(inject('hostileSite'))).toEqual([]);
  }, SITE_TIMEOUT);

  it('would report markup that breaks the rules, the framework excuses included when it is ours', async () => {
    const page = (body: string) => `<!DOCTYPE html><html lang="zh-CN"><head><title>x</title></head><body>${body}</body></html>`;
    const ruleIds = async (html: string) => (await validator.validateString(html)).results.flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(await ruleIds(page('<ul><div>x</div></ul>'))).toEqual(['element-permitted-content']);
    expect(await ruleIds(page('<button>x</button>'))).toEqual(['no-implicit-button-type']);
    const styled = page('<dialog style="padding:0">x</dialog><span class="katex"><span style="height:1em">x</span></span>');
    const parsedPage = new ParsedPage(styled);
    const messages = (await validator.validateString(styled)).results.flatMap((r) => r.messages);
    expect(messages.map((m) => [m.ruleId, parsedPage.excused(parsedPage.elementAt(m.offset), m.ruleId, m.message)])).toEqual([
      ['no-inline-style', false],
      ['no-inline-style', true],
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'vnu-'));
    writeFileSync(join(dir, 'page.html'), page('<p><div>x</div></p><span id="a"></span><span id="a"></span>'));
    expect(nuMessages(dir, ['page.html']).map((m) => m.message)).toContain('Duplicate ID “a”.');
    rmSync(dir, { recursive: true });
  });
});
