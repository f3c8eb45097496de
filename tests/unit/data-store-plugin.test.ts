import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import { describe, expect, it } from 'vitest';
import { dataStorePlugin } from '../../plugins/starlight-study-guides/integrations/data-store-plugin.ts';
import { testDir } from '../helpers/test-dir.ts';

const MODULE = '\0astro:data-layer-content';
/** A store as Astro writes it (devalue's flat JSON), with Chinese and characters a JS string literal would escape. */
const STORE = JSON.stringify([['Map', 1, 2], 'docs', ['Map', 3, 4], 'kd/1', { html: 5 }, '<p>知识蒸馏 "引号" \\ \u2028</p>']);

function plugin(cacheDir: string, experimental: Partial<AstroConfig['experimental']> = {}) {
  const config = { cacheDir: pathToFileURL(`${cacheDir}/`), experimental } as unknown as AstroConfig;
  return dataStorePlugin(config) as unknown as {
    applyToEnvironment: (environment: { name: string }) => boolean;
    load: { order: string; filter: { id: RegExp }; handler: () => string | null };
  };
}

describe('the content store read from its file', () => {
  it('gives the pages the same store, parsed from the file when the module runs', async () => {
    const cacheDir = testDir('data-store');
    writeFileSync(join(cacheDir, 'data-store.json'), STORE);
    const { load } = plugin(cacheDir);
    expect(load.order).toBe('pre');
    expect(load.filter.id.test(MODULE)).toBe(true);
    expect(load.filter.id.test('astro:data-layer-content')).toBe(false);
    const code = load.handler()!;
    expect(code).not.toContain('知识蒸馏');
    const module = join(cacheDir, 'store.mjs');
    writeFileSync(module, code);
    const { default: store } = (await import(pathToFileURL(module).href)) as { default: unknown };
    expect(store).toEqual(JSON.parse(STORE));
  });

  it("leaves Astro's module alone without a store file, outside the prerender build, and for other kinds of store", () => {
    const cacheDir = testDir('data-store');
    expect(plugin(cacheDir).load.handler()).toBeNull();
    expect(plugin(cacheDir).applyToEnvironment({ name: 'prerender' })).toBe(true);
    expect(plugin(cacheDir).applyToEnvironment({ name: 'client' })).toBe(false);
    expect(plugin(cacheDir).applyToEnvironment({ name: 'ssr' })).toBe(false);
    expect(plugin(cacheDir, { collectionStorage: 'chunked' }).applyToEnvironment({ name: 'prerender' })).toBe(false);
    expect(plugin(cacheDir, { incrementalBuild: true }).applyToEnvironment({ name: 'prerender' })).toBe(false);
  });
});
