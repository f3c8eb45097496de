/**
 * Starts a guide: a folder under src/guides with a two-question source, a
 * topics file and an annotation, all valid.
 *
 *   npm run new-guide -- <slug> "<标题>" [--guides DIR]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultPaths } from '../plugins/starlight-study-guides/pipeline/content-paths.ts';
import { newGuideFiles, slugProblem } from '../plugins/starlight-study-guides/utils/new-guide.ts';

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { guides: { type: 'string' } } });
const [slug, title] = positionals;
if (!slug || !title?.trim()) {
  console.error('用法：npm run new-guide -- <文件夹名> "<指南标题>"，例如 npm run new-guide -- model-compression "模型压缩面试题"');
  process.exit(1);
}
const problem = slugProblem(slug);
if (problem) {
  console.error(`文件夹名 ${problem}`);
  process.exit(1);
}
const dir = join(values.guides ? resolve(values.guides) : defaultPaths(root).guidesDir, slug);
if (existsSync(dir)) {
  console.error(`${relative(process.cwd(), dir)} 已经存在：换一个名字，或直接编辑它。`);
  process.exit(1);
}
for (const [path, text] of Object.entries(newGuideFiles(title.trim()))) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
  console.log(`已创建 ${relative(process.cwd(), join(dir, path))}`);
}
console.log(`下一步：编辑 ${relative(process.cwd(), join(dir, 'source.md'))}，用 npm run dev 边写边看，用 npm run validate 检查。`);
