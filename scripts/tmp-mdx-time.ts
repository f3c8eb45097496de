import { readFileSync, readdirSync } from 'node:fs';
import { createMdxProcessor } from '../node_modules/@astrojs/markdown-remark/dist/mdx/create-processor.js';
import { remarkPlugins, rehypePlugins } from '../src/markdown/plugins.ts';
import { VFile } from 'vfile';
import { parse } from 'yaml';
const root = process.argv[2]!;
const ours = process.env.OURS !== '0';
const proc = createMdxProcessor({ syntaxHighlight: false, shikiConfig: {}, gfm: true, smartypants: false, remarkPlugins, rehypePlugins: process.env.REHYPE === '0' ? [] : rehypePlugins, optimize: true }, {});
const files = readdirSync(root, { recursive: true }).map(String).filter((f) => /\/\d+\.mdx$/.test(f)).slice(0, 300);
const docs = files.map((f) => { const t = readFileSync(`${root}/${f}`, 'utf8'); const m = /^---\n([\s\S]*?)\n---\n/.exec(t)!; return { f, fm: parse(m[1]!), body: t.slice(m[0].length) }; });
for (let round = 0; round < 2; round++) {
  const s = performance.now();
  for (const d of docs) await proc.process(new VFile({ value: d.body, path: d.f, data: { astro: { frontmatter: d.fm }, applyFrontmatterExport: { srcDir: new URL('file:///x/') } } }));
  console.log('round', round, docs.length, 'files', ((performance.now() - s) / docs.length).toFixed(2), 'ms/file');
}
