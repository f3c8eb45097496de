import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import { memo } from '../utils/memo.ts';

/** Script types a browser runs; JSON and templates are data and need no hash. */
const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/**
 * A script element: its start tag, then script data up to the first `</script`
 * (the HTML tokenizer's rule; nothing inside is markup). Scanning instead of
 * parsing whole pages keeps this linear and cheap: at 3,000 pages a full parse
 * took 45 s of the build. It relies on what our pages are made of: Astro
 * escapes `<` in text and attribute values, and sources cannot add raw HTML or
 * comments, so every `<script` outside a script is a start tag. The test checks
 * this against a full parse of every built page.
 */
const SCRIPT = /(<script\b(?:[^>"']|"[^"]*"|'[^']*')*>)([\s\S]*?)<\/script[\s/>]/gi;

/**
 * The CSP source (`'sha256-…'`) of every inline script in a page. The text
 * is what the HTML parser hands the browser, which is what CSP hashes.
 */
export function inlineScriptSources(html: string): string[] {
  const sources: string[] = [];
  for (const [, startTag, content] of html.matchAll(SCRIPT)) {
    if (!runsInline(startTag!)) continue;
    // The parser turns CR and CRLF into LF before a browser hashes the text.
    const text = content!.replace(/\r\n?/g, '\n');
    sources.push(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
  }
  return sources;
}

/** Start tags seen so far: every page of a kind has the same few scripts. */
const byStartTag = memo<boolean>({ entries: 1000, keyChars: 200_000 });

/** Whether a script with this start tag runs its own text: no `src`, and a type a browser runs. */
function runsInline(startTag: string): boolean {
  return byStartTag(startTag, () => {
    // The start tag alone goes through an HTML parser, which reads its attributes (names lower-cased, references decoded).
    let attributes: Record<string, string> = {};
    new Parser({ onopentag: (_name, found) => void (attributes = found) }).end(startTag);
    return attributes.src === undefined && EXECUTABLE.has((attributes.type ?? '').trim().toLowerCase());
  });
}

/**
 * Adds sources to the `script-src` directive of every Content-Security-Policy
 * line of a `_headers` file (Netlify/Cloudflare Pages format).
 */
export function addScriptSources(headers: string, sources: Iterable<string>): string {
  const extra = [...new Set(sources)].sort();
  let found = false;
  const result = headers.replace(/^(\s+Content-Security-Policy:)(.*)$/gim, (_line, name: string, policy: string) => {
    const directives = policy.split(';').map((d) => d.trim()).filter(Boolean);
    const index = directives.findIndex((d) => /^script-src\s/i.test(d));
    if (index === -1) throw new Error('_headers: Content-Security-Policy has no script-src directive');
    found = true;
    directives[index] = [directives[index], ...extra].join(' ');
    return `${name} ${directives.join('; ')}`;
  });
  if (!found) throw new Error('_headers: no Content-Security-Policy line');
  return result;
}
