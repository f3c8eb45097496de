import { createHash } from 'node:crypto';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** Script types a browser runs; JSON and templates are data and need no hash. */
const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/**
 * The CSP source (`'sha256-…'`) of every inline script in a page. The text
 * is what the HTML parser hands the browser, which is what CSP hashes.
 */
export function inlineScriptSources(html: string): string[] {
  const sources: string[] = [];
  visit(fromHtml(html), 'element', (node: Element) => {
    if (node.tagName !== 'script' || node.properties.src !== undefined) return;
    if (!EXECUTABLE.has(String(node.properties.type ?? '').trim().toLowerCase())) return;
    sources.push(`'sha256-${createHash('sha256').update(toString(node)).digest('base64')}'`);
  });
  return sources;
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
