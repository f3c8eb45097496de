import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { registerOverrides } from '../../plugins/starlight-study-guides/index.ts';

describe('component overrides', () => {
  it('registers every override the plugin has, as files that exist', () => {
    const registered = registerOverrides({});
    expect(Object.keys(registered).sort()).toEqual(['Head', 'MarkdownContent', 'Search', 'Sidebar']);
    for (const path of Object.values(registered)) expect(existsSync(path), path).toBe(true);
  });

  it('keeps the site’s overrides of other components', () => {
    expect(() => registerOverrides({ Footer: './src/components/Footer.astro' })).not.toThrow();
  });

  it('refuses a component the site already overrides, naming both files', () => {
    expect(() => registerOverrides({ MarkdownContent: './src/components/MyContent.astro', Head: './src/components/MyHead.astro' })).toThrow(
      new RegExp(
        [
          'components\\.Head: 网站配置的 \\./src/components/MyHead\\.astro，与 study-guides 插件的 \\S+/overrides/Head\\.astro 冲突',
          'components\\.MarkdownContent: 网站配置的 \\./src/components/MyContent\\.astro，与 study-guides 插件的 \\S+/overrides/MarkdownContent\\.astro 冲突',
        ].join('\\n  '),
      ),
    );
  });
});
