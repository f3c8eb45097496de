import type { RootContent } from 'mdast';
import type { Position } from 'unist';
import { z } from 'zod';
import { checkMath } from '../check/check-math.ts';
import { parseWithinNesting } from './check-nesting.ts';
import { type Diagnostic, type Place, diagnostic } from '../../model/diagnostic.ts';
import type { RuleId } from '../../model/rules.ts';
import type { InputFile } from '../../model/source.ts';
import { htmlAsText } from './literal-text.ts';
import { parseYamlWithPlaces } from './parse-yaml.ts';

type Value = number | Value[] | { [key: string]: Value };
const value: z.ZodType<Value> = z.lazy(() => z.union([z.number(), z.array(value), z.record(z.string(), value)]));

const frontmatterSchema = z
  .object({
    /** Anchor of the problem on the 编程题 page. */
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, '只能用小写字母、数字和连字符'),
    title: z.string().min(1),
    /** File in src/math whose code is the reference solution. */
    solution: z.string().regex(/^[a-z0-9-]+\.ts$/, '应为 src/math 中的文件名，例如 kd-loss.ts'),
    signature: z.string().min(1),
    sample: z
      .object({
        function: z.string().regex(/^[A-Za-z_]\w*$/),
        args: z.array(value),
        /** Expected result, rounded to `digits` decimals; written by hand and checked by a test. */
        output: value,
        digits: z.number().int().min(0).max(10).default(4),
      })
      .strict(),
  })
  .strict();

export type CodingProblem = z.infer<typeof frontmatterSchema> & {
  number: number;
  file: string;
  /** Where its id is written, for a duplicate. */
  idPlace: Position;
  /** The solution module's code (readSolutions). */
  code: string;
  /** The task, as Markdown. */
  blocks: RootContent[];
};

const FILE_NAME = /^coding\/([1-9]\d*)\.md$/;
const FRONTMATTER = /^---\n([\s\S]*?)\n---\n/;

/**
 * Reads the guide's `coding/<n>.md` files: programming problems whose
 * reference solution is one of the project's own tested modules in src/math.
 */
export function parseCodingProblems(extras: InputFile[], solutions: ReadonlyMap<string, string>): { problems: CodingProblem[]; diagnostics: Diagnostic[] } {
  const problems: CodingProblem[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of extras) {
    if (!file.name.startsWith('coding/')) continue;
    const report = (place: Place | undefined, ruleId: RuleId, reason: string, hint: string) => diagnostics.push(diagnostic(file.file, place, ruleId, reason, hint));
    const match = FILE_NAME.exec(file.name);
    if (!match) {
      report(undefined, 'coding-file-name', `编程题文件名 “${file.name}” 无法识别`, '命名为 coding/<序号>.md，例如 coding/1.md。');
      continue;
    }
    const front = FRONTMATTER.exec(file.text);
    if (!front) {
      report(undefined, 'coding-frontmatter', '编程题文件缺少开头的 YAML 信息块（--- … ---）', '在文件开头写明 id、title、solution、signature 和 sample。');
      continue;
    }
    // The frontmatter's first line is the file's second, after `---`.
    const yaml = parseYamlWithPlaces(front[1]!, 2);
    for (const error of yaml.errors) report(error.place, 'coding-frontmatter', `YAML 信息块无法解析：${error.reason}`, '改正这一行的 YAML。');
    if (yaml.errors.length > 0) continue;
    const parsed = frontmatterSchema.safeParse(yaml.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
        for (const key of keys) {
          const name = [...issue.path, ...(key === undefined ? [] : [key])].join('.') || '（整体）';
          report(yaml.placeOf(issue.path, key), 'coding-frontmatter', `信息块中 “${name}” 有误：${issue.message}`, '对照 README 的编程题格式改正这一项。');
        }
      }
      continue;
    }
    const code = solutions.get(parsed.data.solution);
    if (code === undefined) {
      report(yaml.placeOf(['solution']), 'coding-solution', `参考实现 src/math/${parsed.data.solution} 不存在`, '把 solution 改成 src/math 中已有的文件名，或先在 src/math 写好这个模块和它的测试。');
      continue;
    }
    // Blank lines in place of the frontmatter keep positions true to the file.
    const body = '\n'.repeat(front[0].split('\n').length - 1) + file.text.slice(front[0].length);
    const markdown = parseWithinNesting(body, file.file);
    diagnostics.push(...markdown.diagnostics);
    if (!markdown.tree) continue;
    const { tree } = markdown;
    htmlAsText(tree);
    diagnostics.push(...checkMath(tree, file.file));
    problems.push({ ...parsed.data, number: Number(match[1]), file: file.file, idPlace: yaml.placeOf(['id']), code, blocks: tree.children });
  }
  const seen = new Set<string>();
  for (const problem of problems.sort((a, b) => a.number - b.number)) {
    if (seen.has(problem.id)) diagnostics.push(diagnostic(problem.file, problem.idPlace, 'coding-duplicate-id', `编程题的 id “${problem.id}” 与另一题重复`, '换一个 id。'));
    seen.add(problem.id);
  }
  return { problems, diagnostics };
}

/** How a value is written in the sample call and output, e.g. `[0.5017, 0.3043]`. */
export function formatValue(v: Value, digits?: number): string {
  if (typeof v === 'number') return digits === undefined ? String(v) : v.toFixed(digits);
  if (Array.isArray(v)) return `[${v.map((x) => formatValue(x, digits)).join(', ')}]`;
  return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${formatValue(x, digits)}`).join(', ')} }`;
}
