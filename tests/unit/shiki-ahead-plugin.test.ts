import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ExpressiveCode, type ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';
import type { StarlightUserConfig } from '@astrojs/starlight/types';
import { describe, expect, it } from 'vitest';
import { withShikiAhead } from '../../plugins/starlight-study-guides/integrations/shiki-ahead-plugin.ts';
import { testDir } from '../helpers/test-dir.ts';

const nothingAhead = () => Promise.resolve(undefined);
const site = (root = testDir('shiki-ahead'), shikiConfig: { langs?: unknown[]; langAlias?: Record<string, string> } = {}) =>
  ({ root: pathToFileURL(`${root}/`), markdown: { shikiConfig } }) as unknown as Parameters<typeof withShikiAhead>[1];

describe('Expressive Code with the code highlighted ahead', () => {
  it('replaces Shiki’s plugin with the one that takes the run ahead’s highlighting, keeping the site’s options and plugins', () => {
    const own: ExpressiveCodePlugin = { name: 'Site plugin', hooks: {} };
    const options = withShikiAhead({ defaultProps: { wrap: true }, plugins: [own] }, site(), nothingAhead);
    expect(options).toMatchObject({ defaultProps: { wrap: true } });
    // Expressive Code then adds no Shiki plugin of its own: one highlights each block, ours, first as its own would be.
    const names = new ExpressiveCode(options as ConstructorParameters<typeof ExpressiveCode>[0]).plugins.map((plugin) => plugin.name);
    expect(names.filter((name) => name === 'Shiki')).toHaveLength(1);
    expect(names.indexOf('Shiki')).toBeLessThan(names.indexOf('Site plugin'));
    expect(withShikiAhead(undefined, site(), nothingAhead)).toMatchObject({ plugins: [{ name: 'Shiki' }] });
  });

  it('leaves Expressive Code as it is when the site sets Shiki up its own way, which the run ahead does not know', () => {
    const unchanged: [StarlightUserConfig['expressiveCode'], ReturnType<typeof site>][] = [
      [false, site()],
      [{ shiki: { langAlias: { mjs: 'js' } } }, site()],
      [{ themes: ['github-dark'] }, site()],
      [{ plugins: [{ name: 'Shiki', hooks: {} }] }, site()],
      [{}, site(undefined, { langs: [{ name: 'mine', scopeName: 'source.mine' }] })],
      [{}, site(undefined, { langAlias: { mjs: 'js' } })],
    ];
    for (const [expressiveCode, astroConfig] of unchanged) expect(withShikiAhead(expressiveCode, astroConfig, nothingAhead), JSON.stringify(expressiveCode)).toBeUndefined();

    const root = testDir('shiki-ahead-ec-config');
    writeFileSync(`${root}/ec.config.mjs`, "export default { themes: ['github-dark'] };\n");
    expect(withShikiAhead({}, site(root), nothingAhead)).toBeUndefined();
  });
});
