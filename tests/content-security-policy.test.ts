import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addScriptSources, inlineScriptSources } from '../scripts/lib/content-security-policy.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('content security policy › inline script hashes', () => {
  it('hashes inline classic and module scripts, not external scripts or JSON data', () => {
    const html = '<script>a()</script><script type="module">b()</script><script src="/x.js"></script><script type="application/ld+json">{}</script>';
    expect(inlineScriptSources(html)).toEqual([sha('a()'), sha('b()')]);
  });

  it('adds the hashes to script-src once each, sorted, and keeps the other directives', () => {
    const headers = "/*\n  Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'\n  X-Content-Type-Options: nosniff\n";
    expect(addScriptSources(headers, ["'sha256-b'", "'sha256-a'", "'sha256-b'"])).toBe(
      "/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; style-src 'self'\n  X-Content-Type-Options: nosniff\n",
    );
  });

  it('fails the build when the policy has no script-src to extend', () => {
    expect(() => addScriptSources("/*\n  Content-Security-Policy: default-src 'self'\n", [])).toThrow('no script-src');
    expect(() => addScriptSources('/*\n  X-Frame-Options: DENY\n', [])).toThrow('no Content-Security-Policy');
  });
});
