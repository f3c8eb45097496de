import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { selectAll } from 'hast-util-select';
import { describe, expect, inject, it } from 'vitest';
import { addScriptSources, inlineScriptSources } from '../../plugins/starlight-study-guides/integrations/content-security-policy.ts';
import { builtPages } from '../helpers/site-pages.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('content security policy › inline script hashes', () => {
  it('hashes inline classic and module scripts, not external scripts or JSON data', () => {
    const html = '<script>a()</script><script type="module">b()</script><script src="/x.js"></script><script type="application/ld+json">{}</script>';
    expect(inlineScriptSources(html)).toEqual([sha('a()'), sha('b()')]);
  });

  it('reads attributes like a browser and stops each script at the first </script', () => {
    const html = `<script data-x='a>b' type = "MODULE">c("</scrip")</script ><script>d()</script\n><p>&lt;script>e()&lt;/script></p>`;
    expect(inlineScriptSources(html)).toEqual([sha('c("</scrip")'), sha('d()')]);
  });

  it('finds exactly the inline scripts a full HTML parse finds, on every page of the real and hostile sites', () => {
    for (const dist of [inject('realSite'), inject('hostileSite')]) {
      for (const { file } of builtPages(dist)) {
        const html = readFileSync(join(dist, file), 'utf8');
        const parsed = selectAll('script:not([src])', fromHtml(html))
          .filter((script: Element) => ['', 'module'].includes(String(script.properties.type ?? '').toLowerCase()))
          .map((script) => sha(toString(script)));
        expect(inlineScriptSources(html), file).toEqual(parsed);
      }
    }
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
