import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectAll } from 'hast-util-select';
import { afterAll, describe, expect, it } from 'vitest';
import { type BuiltSite, buildSite, repoRoot } from '../helpers/build-site.ts';
import { readPage } from '../helpers/html.ts';

let site: BuiltSite | undefined;
const records = mkdtempSync(join(tmpdir(), 'shiki-loads-'));
afterAll(() => {
  if (site) rmSync(site.root, { recursive: true, force: true });
  rmSync(records, { recursive: true, force: true });
});

describe('code blocks in a clean build', () => {
  it('are highlighted by the run ahead: Astro’s process loads no grammar, and the coding page shows both themes’ colours', { timeout: 300_000 }, () => {
    site = buildSite({ env: { NODE_OPTIONS: `--import ${join(repoRoot, 'tests/fixtures/build-hooks/record-shiki.mjs')}`, RECORD_SHIKI_DIR: records } });
    const processes = readdirSync(records).map((file) => JSON.parse(readFileSync(join(records, file), 'utf8')) as { script: string; loaded: string[] });
    const grammar = (loaded: string[]) => loaded.some((url) => /\/langs\/typescript\.mjs$|\/@shikijs\/langs\/dist\/typescript/.test(url));
    const astro = processes.filter((process) => process.script.endsWith('/astro/bin/astro.mjs'));
    const ahead = processes.filter((process) => process.script.endsWith('/generate-ahead-worker.ts'));
    expect(astro).toHaveLength(1);
    expect(ahead).toHaveLength(1);
    expect(grammar(astro[0]!.loaded)).toBe(false);
    expect(grammar(ahead[0]!.loaded)).toBe(true);

    const page = readPage(site.dist, 'kd-lifelong-learning/coding');
    const blocks = selectAll('.expressive-code pre[data-language="ts"]', page);
    expect(blocks.length).toBeGreaterThanOrEqual(15);
    for (const block of blocks) {
      const styles = selectAll('span[style]', block).map((span) => String(span.properties.style));
      // Each token carries its colour for the dark theme (--0) and the light one (--1).
      expect(styles.some((style) => /^--0:#[0-9A-F]{6};--1:#[0-9A-F]{6}$/.test(style))).toBe(true);
    }
  });
});
