import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addScriptSources } from './content-security-policy.ts';

/**
 * Completes `dist/_headers` (copied from `public/_headers`) after the build:
 * the Content-Security-Policy gets the hash of every inline script in the
 * built pages (`sources`, from inlineScriptSources of each finished page),
 * whichever component emitted it. Astro's own `security.csp` is not used: it
 * puts style hashes into a <meta> policy, which disables 'unsafe-inline' for
 * styles and so breaks KaTeX's style attributes. Returns what it did, in a line.
 */
export function completeSecurityHeaders(dist: string, sources: ReadonlySet<string>): string {
  const path = join(dist, '_headers');
  writeFileSync(path, addScriptSources(readFileSync(path, 'utf8'), sources));
  return `${sources.size} 个内联脚本的哈希已写入 _headers 的 Content-Security-Policy`;
}
