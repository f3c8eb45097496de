import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';
import { parseWithinNesting } from './check-nesting.ts';
import { type Diagnostic, type Place, diagnostic } from '../../model/diagnostic.ts';
import type { RuleId } from '../../model/rules.ts';
import { type Guide, type Question, SOURCE_SECTIONS, type Section, type SectionKey } from '../../model/guide.ts';
import { currencyDollarsAsText, htmlAsText } from './literal-text.ts';

export interface ParseResult {
  guide: Guide | undefined;
  /**
   * Numbers of questions the source has but that could not be read (a broken
   * heading takes the number its place implies). Later checks treat them as
   * existing, so that one broken question yields one message.
   */
  unread: Set<number>;
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
  /** Undefined for a heading that is not `N. title`. */
  number: number | undefined;
  /** Whether a problem inside it was reported, so that what follows from it is not. */
  broken: boolean;
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
  const unread = new Set<number>();
  const report: Report = (place, ruleId, reason, hint) => diagnostics.push(diagnostic(file, place, ruleId, reason, hint));

  if (text.length > MAX_SOURCE_CHARS) {
    report(undefined, 'source-too-large', `文件有 ${text.length.toLocaleString('en')} 个字符，超过上限 ${MAX_SOURCE_CHARS.toLocaleString('en')}`, '把题库拆成几份指南，每份一个文件夹。');
    return { guide: undefined, unread, tree: { type: 'root', children: [] }, diagnostics };
  }

  const parsed = parseWithinNesting(text, file);
  if (!parsed.tree) {
    diagnostics.push(...parsed.diagnostics);
    return { guide: undefined, unread, tree: { type: 'root', children: [] }, diagnostics };
  }
  const { tree } = parsed;
  htmlAsText(tree);
  currencyDollarsAsText(tree, text);

  const nodes = tree.children;
  const titleIndex = nodes.findIndex((node) => node.type === 'heading');
  const titleNode = nodes[titleIndex] as Heading | undefined;
  if (!titleNode) {
    if (text.trim() === '') report(undefined, 'no-title', '文件是空的', '写入指南标题和题目，可以用 npm run new-guide 生成一份样例。');
    else report(undefined, 'no-title', '没有找到指南标题', '在文件第一行写一个标题，例如 “### 指南名称”。');
    return { guide: undefined, unread, tree, diagnostics };
  }
  for (const node of nodes.slice(0, titleIndex)) {
    report(node.position, 'content-before-title', '标题之前有内容', '把它移到标题之后，或删除。');
  }

  const questionDepth = (nodes.slice(titleIndex + 1).find((node) => node.type === 'heading') as Heading | undefined)?.depth;
  const intro: RootContent[] = [];
  const drafts: DraftQuestion[] = [];
  let draft: DraftQuestion | undefined;
  let skipping = false;

  for (const node of nodes.slice(titleIndex + 1)) {
    if (node.type === 'heading' && questionDepth !== undefined && node.depth <= questionDepth) {
      if (node.depth < questionDepth || node.depth <= titleNode.depth) {
        report(node.position, 'stray-heading', `这个标题的级别（${'#'.repeat(node.depth)}）高于题目标题（${'#'.repeat(questionDepth)}）`, `题目标题请统一用 ${'#'.repeat(questionDepth)}。`);
        skipping = true;
        continue;
      }
      const headingText = toString(node).trim();
      const match = QUESTION_HEADING.exec(headingText);
      if (!match) {
        const hint = FULL_WIDTH_NUMBER.test(headingText) ? '题号请用半角数字和半角句点，例如 “6. ”。' : '题目标题应写成 “N. 标题”，例如 “6. 知识蒸馏如何促进模型的终身学习能力？”。';
        report(node.position, 'heading-format', `无法识别的题目标题 “${headingText}”`, hint);
        drafts.push({ heading: node, number: undefined, title: headingText, sections: {}, current: undefined, broken: true });
        draft = undefined;
        skipping = true;
        continue;
      }
      draft = { heading: node, number: Number(match[1]), title: headingText, sections: {}, current: undefined, broken: false };
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
    const place = d.heading.position;
    if (d.number === undefined) {
      // Already reported; it stands for the number its place implies.
      unread.add(expected++);
      continue;
    }
    const earlier = seen.get(d.number);
    if (earlier !== undefined) {
      report(place, 'duplicate-number', `题号 ${d.number} 重复：第 ${earlier} 行已有第 ${d.number} 题`, '改成正确的题号。');
    } else if (d.number !== expected) {
      const gap = d.number > expected ? `缺少第 ${expected}${d.number - 1 > expected ? `–${d.number - 1}` : ''} 题` : '题号倒退了';
      report(place, 'missing-number', `题号应为 ${expected}，这里是 ${d.number}（${gap}）`, '题号须从 1 开始连续编号。');
    }
    if (earlier === undefined) seen.set(d.number, place?.start.line ?? 1);
    expected = Math.max(expected, d.number + 1);

    const missing = SOURCE_SECTIONS.filter((s) => s.key !== 'explanation' && !d.sections[s.key]).map((s) => `**${s.label}：**`);
    if (missing.length > 0) {
      report(place, 'missing-section', `第 ${d.number} 题缺少 ${missing.join('、')}`, '每题至少要有 **题目：** 和 **答案：** 两段。');
      unread.add(d.number);
      continue;
    }
    const sections = d.sections as Question['sections'];
    const empty = SOURCE_SECTIONS.filter((s) => sections[s.key]?.blocks.every((block) => toString(block).trim() === ''));
    for (const s of empty) {
      report(sections[s.key]!.labelPosition, 'empty-section', `第 ${d.number} 题的 **${s.label}：** 是空的`, '在标签后写上内容。');
    }
    if (empty.length > 0) {
      unread.add(d.number);
      continue;
    }
    if (!sections.explanation && !d.broken) {
      report(place, 'missing-explanation', `第 ${d.number} 题没有 **解析：**，页面只显示题目和答案`, '在答案之后加一段 **解析：**。');
    }
    questions.push({ number: d.number, title: d.title, line: place?.start.line ?? 1, headingDepth: d.heading.depth, sections });
  }
  if (drafts.length === 0 && diagnostics.length === 0) {
    report(titleNode.position, 'no-questions', '没有找到任何题目', '在标题之后用 “#### 1. 题目标题” 开始第一题。');
  }

  return {
    guide: { slug, file, title: toString(titleNode).trim(), intro, questions },
    unread,
    tree,
    diagnostics,
  };
}

type Report = (place: Place | undefined, ruleId: RuleId, reason: string, hint: string) => void;

function addBlock(draft: DraftQuestion, node: RootContent, reportAll: Report): void {
  const report: Report = (...args) => {
    draft.broken = true;
    reportAll(...args);
  };
  const label = node.type === 'paragraph' ? readLabel(node) : undefined;
  if (!label) {
    if (!draft.current) {
      report(node.position, 'content-outside-section', `第 ${draft.number} 题的这段内容不属于任何一段`, '把它放在 **题目：**、**答案：** 或 **解析：** 之后。');
      return;
    }
    draft.current.blocks.push(node);
    return;
  }
  const place = node.position;
  const known = SOURCE_SECTIONS.find((s) => s.label === label.name);
  if (!known) {
    report(label.position, 'unknown-label', `未知的标签 “**${label.name}：**”`, '每题只有 **题目：**、**答案：** 和 **解析：** 三段；内容请并入其中一段。');
    draft.current = undefined;
    return;
  }
  if (draft.sections[known.key]) {
    report(label.position, 'duplicate-section', `第 ${draft.number} 题的 **${known.label}：** 出现了两次`, '合并成一段。');
    draft.current = undefined;
    return;
  }
  const section: Section = { blocks: label.rest ? [label.rest] : [], line: place?.start.line ?? 1, labelPosition: label.position };
  draft.sections[known.key] = section;
  draft.current = section;
}

/** A label is a paragraph that opens with bold text ending in a colon: `**答案：** …`. */
function readLabel(paragraph: Paragraph): { name: string; position: Position | undefined; rest: Paragraph | undefined } | undefined {
  const [first, ...others] = paragraph.children;
  if (first?.type !== 'strong') return undefined;
  const match = LABEL.exec(toString(first));
  if (!match) return undefined;
  const children = trimStart(others);
  return {
    name: match[1]!.trim(),
    position: first.position,
    rest: children.length > 0 ? { ...paragraph, children } : undefined,
  };
}

function trimStart(children: PhrasingContent[]): PhrasingContent[] {
  const [head, ...tail] = children;
  if (head?.type !== 'text') return children;
  const value = head.value.replace(/^\s+/, '');
  return value ? [{ ...head, value }, ...tail] : trimStart(tail);
}
