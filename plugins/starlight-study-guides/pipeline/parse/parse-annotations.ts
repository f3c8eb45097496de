import type { Code, Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { checkMath } from '../check/check-math.ts';
import { parseWithinNesting } from './check-nesting.ts';
import { type Diagnostic, type Place, diagnostic } from '../../model/diagnostic.ts';
import { ANNOTATION_SECTIONS, type Annotation, type AnnotationBlock, type AnnotationSection, type AnnotationSectionKey, type Formula } from '../../model/annotation.ts';
import type { Guide } from '../../model/guide.ts';
import { QUESTION_SECTION_IDS } from '../../model/pages.ts';
import type { RuleId } from '../../model/rules.ts';
import type { InputFile } from '../../model/source.ts';
import { htmlAsText } from './literal-text.ts';
import { parseWidget } from './parse-widget.ts';

const FILE_NAME = /^annotations\/(.+)\.md$/;
const SECTION_NAMES = ANNOTATION_SECTIONS.map((s) => `“## ${s.label}”`).join('、');
const FORMULA_ATTRIBUTE = /\s*\{#([a-z][a-z0-9-]*)\s+group="([^"]+)"\}\s*$/;

/**
 * Reads the guide's `annotations/<n>.md` files: our additions to question n,
 * written as `## 公式`, `## 编者注` and `## 参考文献` sections. Each formula in
 * 公式 is a `### title {#id group="…"}` heading followed by its text and at
 * least one `$$` block.
 */
export function parseAnnotations(guide: Guide, extras: InputFile[], mayExist: (n: number) => boolean = () => false): { annotations: Annotation[]; diagnostics: Diagnostic[] } {
  const annotations: Annotation[] = [];
  const diagnostics: Diagnostic[] = [];
  const numbers = new Set(guide.questions.map((q) => q.number));
  for (const file of extras) {
    const match = FILE_NAME.exec(file.name);
    if (!match) continue;
    const report: Report = (place, ruleId, reason, hint) => diagnostics.push(diagnostic(file.file, place, ruleId, reason, hint));
    const question = /^[1-9]\d*$/.test(match[1]!) ? Number(match[1]) : undefined;
    if (question === undefined) {
      report(undefined, 'annotation-file-name', `补充文件名 “${file.name}” 无法识别`, '命名为 annotations/<题号>.md，例如 annotations/6.md。');
      continue;
    }
    if (!numbers.has(question)) {
      if (!mayExist(question)) report(undefined, 'annotation-unknown-question', `没有第 ${question} 题（本指南共 ${guide.questions.length} 题），这个文件不会显示`, '改正文件名中的题号，或删除这个文件。');
      continue;
    }
    const annotation = parseAnnotation(file, question, report);
    diagnostics.push(...annotation.treeDiagnostics);
    if (annotation.value) annotations.push(annotation.value);
  }
  return { annotations: annotations.sort((a, b) => a.question - b.question), diagnostics };
}

type Report = (place: Place | undefined, ruleId: RuleId, reason: string, hint: string) => void;

function parseAnnotation(file: InputFile, question: number, report: Report): { value: Annotation | undefined; treeDiagnostics: Diagnostic[] } {
  const parsed = parseWithinNesting(file.text, file.file);
  if (!parsed.tree) return { value: undefined, treeDiagnostics: parsed.diagnostics };
  const { tree } = parsed;
  htmlAsText(tree);
  const treeDiagnostics = checkMath(tree, file.file);
  const found = new Map<AnnotationSectionKey, AnnotationSection>();
  let current: AnnotationSection | undefined;
  let skipping = false;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      const label = toString(node).trim();
      const known = ANNOTATION_SECTIONS.find((s) => s.label === label);
      skipping = true;
      current = undefined;
      if (node.depth !== 2 || !known) {
        report(node.position, 'annotation-unknown-section', `无法识别的段落标题 “${label}”`, `补充内容只分 ${SECTION_NAMES} 三段：换成其中之一。`);
      } else if (found.has(known.key)) {
        report(node.position, 'annotation-duplicate-section', `“## ${known.label}” 出现了两次`, '合并成一段。');
      } else {
        current = { key: known.key, label: known.label, blocks: [], anchors: [] };
        found.set(known.key, current);
        skipping = false;
      }
      continue;
    }
    if (skipping) continue;
    if (!current) {
      report(node.position, 'annotation-outside-section', '这段内容不在任何一段之下', `把它放在 ${SECTION_NAMES} 之一的后面。`);
      skipping = true;
      continue;
    }
    current.blocks.push(node.type === 'code' ? readWidget(node, report) : node);
  }
  if (found.size === 0) {
    if (tree.children.length === 0 || !skipping) report(undefined, 'annotation-no-section', `第 ${question} 题的补充文件里没有任何可识别的段落`, `用 ${SECTION_NAMES} 之一开始一段。`);
    return { value: undefined, treeDiagnostics };
  }
  const formulas = readFormulas(found.get('formulas'), question, report);
  const sections = ANNOTATION_SECTIONS.flatMap((s) => found.get(s.key) ?? []);
  return { value: { question, file: file.file, sections, formulas }, treeDiagnostics };
}

/** Fenced blocks whose language names a widget are filled in by the build; other code stays code. */
function readWidget(node: Code, report: Report): AnnotationBlock {
  // The YAML starts on the line after the opening fence.
  const widget = parseWidget(node.lang, node.value, (node.position?.start.line ?? 0) + 1);
  if (widget === undefined) return node;
  if ('errors' in widget) {
    for (const error of widget.errors) report(error.place, 'widget-spec', error.reason, error.hint);
    return node;
  }
  return widget;
}

/** Splits 公式 at its `###` headings; each heading names one formula and its anchor. */
function readFormulas(section: AnnotationSection | undefined, question: number, report: Report): Formula[] {
  if (!section) return [];
  const formulas: Formula[] = [];
  let open: { formula: Formula; heading: Heading } | undefined;
  const close = () => {
    if (open && open.formula.tex.length === 0) report(open.heading.position, 'formula-without-math', `公式 “${open.formula.title}” 下面没有 $$ 公式块`, '在这个标题之后写一个 $$ … $$ 公式块。');
  };
  section.blocks = section.blocks.map((block) => {
    if (block.type === 'heading' && block.depth === 3) {
      close();
      open = undefined;
      const last = block.children.at(-1);
      const match = last?.type === 'text' ? FORMULA_ATTRIBUTE.exec(last.value) : null;
      if (!match || !last || last.type !== 'text') {
        report(block.position, 'formula-heading', `公式标题 “${toString(block).trim()}” 缺少锚点和分组`, '在行末写上 {#英文锚点 group="分组名"}，例如 {#kd-loss group="蒸馏损失"}。');
        return block;
      }
      const [, id, group] = match;
      if (QUESTION_SECTION_IDS.has(id!) || section.anchors.includes(id!)) {
        report(block.position, 'formula-duplicate-id', `锚点 “${id}” 在本页已被使用`, '换一个锚点。');
      }
      const text = last.value.slice(0, match.index);
      const children = text ? [...block.children.slice(0, -1), { ...last, value: text }] : block.children.slice(0, -1);
      const heading: Heading = { ...block, children };
      open = { formula: { id: id!, title: toString(heading).trim(), group: group!, tex: [], question }, heading };
      formulas.push(open.formula);
      section.anchors.push(id!);
      return heading;
    }
    if (block.type === 'math' && open) open.formula.tex.push(block.value);
    return block;
  });
  close();
  return formulas;
}
