import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addScriptSources, inlineScriptSources } from './content-security-policy.ts';
import { builtHtmlFiles } from './built-pages.ts';

/**
 * Completes `dist/_headers` (copied from `public/_headers`) after the build:
 * the Content-Security-Policy gets the hash of every inline script in the
 * built pages, whichever component emitted it. Astro's own `security.csp`
 * is not used: it puts style hashes into a <meta> policy, which disables
 * 'unsafe-inline' for styles and so breaks KaTeX's style attributes.
 * Returns what it did, in a line.
 */
export function completeSecurityHeaders(dist: string): string {
  const sources = new Set<string>();
  for (const file of builtHtmlFiles(dist)) {
    for (const source of inlineScriptSources(readFileSync(join(dist, file), 'utf8'))) sources.add(source);
  }
  const path = join(dist, '_headers');
  writeFileSync(path, addScriptSources(readFileSync(path, 'utf8'), sources));
  return `${sources.size} 个内联脚本的哈希已写入 _headers 的 Content-Security-Policy`;
}
