import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseWithinNesting } from './check-nesting.ts';
import { type Diagnostic, type Place, diagnostic } from '../../model/diagnostic.ts';
import { type Guide, type Question, SOURCE_SECTIONS, type Section, type SectionKey } from '../../model/guide.ts';
import { currencyDollarsAsText, htmlAsText } from './literal-text.ts';

export interface ParseResult {
  guide: Guide | undefined;
  /** The whole document as mdast, after the literal-text transforms. */
  tree: Root;
  diagnostics: Diagnostic[];
}

/**
 * Parsing takes about 20 µs per character, so a source this size still
 * builds in seconds; the real question bank is 10 000 characters.
 */
export const MAX_SOURCE_CHARS = 1_000_000;

const QUESTION_HEADING = /^(\d+)\.\s*(\S.*)$/s;
const FULL_WIDTH_NUMBER = /^[０-９]+[.．]/;
const LABEL = /^(.+?)\s*[：:]\s*$/s;

interface DraftQuestion {
  heading: Heading;
  number: number;
  title: string;
  sections: Partial<Record<SectionKey, Section>>;
  current: Section | undefined;
}

/**
 * Reads one source document into the guide model: a title heading, then one
 * heading `N. title` per question, each with **题目：**, **答案：** and
 * **解析：** paragraphs. Every problem becomes a diagnostic; parsing goes on
 * so that an author sees all of them at once.
 */
export function parseGuide(text: string, file: string, slug: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const report = (place: Place | undefined, ruleId: string, message: string) =>
    diagnostics.push(diagnostic(file, place ?? { line: 1, column: 1 }, ruleId, message));

  if (text.length > MAX_SOURCE_CHARS) {
    report(undefined, 'source-too-large', `文件有 ${text.length.toLocaleString('en')} 个字符，超过上限 ${MAX_SOURCE_CHARS.toLocaleString('en')}：请把题库拆成几份指南，每份一个文件夹。`);
    return { guide: undefined, tree: { type: 'root', children: [] }, diagnostics };
  }

  const parsed = parseWithinNesting(text, file);
  if (!parsed.tree) {
    diagnostics.push(...parsed.diagnostics);
    return { guide: undefined, tree: { type: 'root', children: [] }, diagnostics };
  }
  const { tree } = parsed;
  htmlAsText(tree);
  currencyDollarsAsText(tree, text);

  const nodes = tree.children;
  const titleIndex = nodes.findIndex((node) => node.type === 'heading');
  const titleNode = nodes[titleIndex] as Heading | undefined;
  if (!titleNode) {
    report(undefined, 'no-title', text.trim() === '' ? '文件是空的：请写入指南标题和题目。' : '没有找到指南标题：文件应以一个标题（如 “### 指南名称”）开头。');
    return { guide: undefined, tree, diagnostics };
  }
  for (const node of nodes.slice(0, titleIndex)) {
    report(node.position?.start, 'content-before-title', '标题之前有内容：请把它移到标题之后，或删除。');
  }

  const questionDepth = (nodes.slice(titleIndex + 1).find((node) => node.type === 'heading') as Heading | undefined)?.depth;
  const intro: RootContent[] = [];
  const drafts: DraftQuestion[] = [];
  let draft: DraftQuestion | undefined;
  let skipping = false;

  for (const node of nodes.slice(titleIndex + 1)) {
    if (node.type === 'heading' && questionDepth !== undefined && node.depth <= questionDepth) {
      if (node.depth < questionDepth || node.depth <= titleNode.depth) {
        report(node.position?.start, 'stray-heading', `这个标题的级别（${'#'.repeat(node.depth)}）高于题目标题（${'#'.repeat(questionDepth)}）：题目标题请统一用 ${'#'.repeat(questionDepth)}。`);
        skipping = true;
        continue;
      }
      const headingText = toString(node).trim();
      const match = QUESTION_HEADING.exec(headingText);
      if (!match) {
        const hint = FULL_WIDTH_NUMBER.test(headingText) ? '题号请用半角数字和半角句点，例如 “6. ”。' : '题目标题应写成 “N. 标题”，例如 “6. 知识蒸馏如何促进模型的终身学习能力？”。';
        report(node.position?.start, 'heading-format', `无法识别的题目标题 “${headingText}”：${hint}`);
        draft = undefined;
        skipping = true;
        continue;
      }
      draft = { heading: node, number: Number(match[1]), title: headingText, sections: {}, current: undefined };
      drafts.push(draft);
      skipping = false;
      continue;
    }
    if (skipping) continue;
    if (!draft) {
      intro.push(node);
      continue;
    }
    addBlock(draft, node, report);
  }

  const questions: Question[] = [];
  const seen = new Map<number, number>();
  let expected = 1;
  for (const d of drafts) {
    const place = d.heading.position?.start;
    const earlier = seen.get(d.number);
    if (earlier !== undefined) {
      report(place, 'duplicate-number', `题号 ${d.number} 重复：第 ${earlier} 行已有第 ${d.number} 题。请改成正确的题号。`);
    } else if (d.number !== expected) {
      const gap = d.number > expected ? `缺少第 ${expected}${d.number - 1 > expected ? `–${d.number - 1}` : ''} 题` : '题号倒退了';
      report(place, 'missing-number', `题号应为 ${expected}，这里是 ${d.number}（${gap}）。题号须从 1 开始连续编号。`);
    }
    if (earlier === undefined) seen.set(d.number, place?.line ?? 1);
    expected = Math.max(expected, d.number + 1);

    const missing = SOURCE_SECTIONS.filter((s) => !d.sections[s.key]).map((s) => `**${s.label}：**`);
    if (missing.length > 0) {
      report(place, 'missing-section', `第 ${d.number} 题缺少 ${missing.join('、')}：每题都要有 **题目：**、**答案：** 和 **解析：** 三段。`);
      continue;
    }
    const sections = d.sections as Record<SectionKey, Section>;
    const empty = SOURCE_SECTIONS.filter((s) => sections[s.key].blocks.every((block) => toString(block).trim() === ''));
    for (const s of empty) {
      report({ line: sections[s.key].line, column: 1 }, 'empty-section', `第 ${d.number} 题的 **${s.label}：** 是空的：请在标签后写上内容。`);
    }
    if (empty.length > 0) continue;
    questions.push({ number: d.number, title: d.title, line: place?.line ?? 1, headingDepth: d.heading.depth, sections });
  }
  if (drafts.length === 0 && diagnostics.length === 0) {
    report(titleNode.position?.end, 'no-questions', '没有找到任何题目：在标题之后用 “#### 1. 题目标题” 开始第一题。');
  }

  return {
    guide: { slug, file, title: toString(titleNode).trim(), intro, questions },
    tree,
    diagnostics,
  };
}

type Report = (place: Place | undefined, ruleId: string, message: string) => void;

function addBlock(draft: DraftQuestion, node: RootContent, report: Report): void {
  const label = node.type === 'paragraph' ? readLabel(node) : undefined;
  if (!label) {
    if (!draft.current) {
      report(node.position?.start, 'content-outside-section', `第 ${draft.number} 题的这段内容不属于任何一段：请放在 **题目：**、**答案：** 或 **解析：** 之后。`);
      return;
    }
    draft.current.blocks.push(node);
    return;
  }
  const place = node.position?.start;
  const known = SOURCE_SECTIONS.find((s) => s.label === label.name);
  if (!known) {
    report(place, 'unknown-label', `未知的标签 “**${label.name}：**”：每题只能有 **题目：**、**答案：** 和 **解析：** 三段。`);
    draft.current = undefined;
    return;
  }
  if (draft.sections[known.key]) {
    report(place, 'duplicate-section', `第 ${draft.number} 题的 **${known.label}：** 出现了两次：请合并成一段。`);
    draft.current = undefined;
    return;
  }
  const section: Section = { blocks: label.rest ? [label.rest] : [], line: place?.line ?? 1 };
  draft.sections[known.key] = section;
  draft.current = section;
}

/** A label is a paragraph that opens with bold text ending in a colon: `**答案：** …`. */
function readLabel(paragraph: Paragraph): { name: string; rest: Paragraph | undefined } | undefined {
  const [first, ...others] = paragraph.children;
  if (first?.type !== 'strong') return undefined;
  const match = LABEL.exec(toString(first));
  if (!match) return undefined;
  const children = trimStart(others);
  return {
    name: match[1]!.trim(),
    rest: children.length > 0 ? { ...paragraph, children } : undefined,
  };
}

function trimStart(children: PhrasingContent[]): PhrasingContent[] {
  const [head, ...tail] = children;
  if (head?.type !== 'text') return children;
  const value = head.value.replace(/^\s+/, '');
  return value ? [{ ...head, value }, ...tail] : trimStart(tail);
}
