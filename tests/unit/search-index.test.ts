import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import { openSearchIndex } from '../../plugins/starlight-study-guides/integrations/search-index.ts';
import { renderFormula } from '../../plugins/starlight-study-guides/rehype/render-formula.ts';
import { testDir } from '../helpers/test-dir.ts';

/** A built page with formulas inline and as a block, marked as Starlight marks what Pagefind indexes. */
const page = `<!doctype html><html lang="zh-CN"><head><title>温度</title></head><body><main data-pagefind-body><h1>温度的作用</h1>
<p>设 ${renderFormula('p_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}', false)}，蒸馏损失为</p>
${renderFormula('L = \\alpha T^2 \\, \\mathrm{KL}(p^T \\| q^T)', true)}
<p>其中 ${renderFormula('T > 1', false)} 为温度，软化教师的分布。</p></main></body></html>`;

describe('search index', () => {
  it('is the index Pagefind makes of the pages themselves, though each formula reaches it without its visible rendering', { timeout: 30_000 }, async () => {
    const dist = testDir('search-index');
    const index = await openSearchIndex(dist);
    try {
      index.add('kd/1/index.html', page);
      const built = await index.build();
      expect(built.pages).toBe(1);
      built.write();
    } finally {
      await index.close();
    }

    const reference = await pagefind.createIndex();
    try {
      await reference.index!.addHTMLFile({ sourcePath: 'kd/1/index.html', content: page });
      const { files } = await reference.index!.getFiles();
      expect(files.length).toBeGreaterThan(3);
      for (const { path, content } of files) expect(readFileSync(join(dist, 'pagefind', path)), path).toEqual(Buffer.from(content));
    } finally {
      await pagefind.close();
    }
  });
});
