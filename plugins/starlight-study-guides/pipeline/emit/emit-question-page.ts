import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { PageFrontmatter } from '../../model/frontmatter.ts';
import type { GlossaryTerm } from '../../model/glossary.ts';
import { type Guide, type Question, sourceSectionsOf } from '../../model/guide.ts';
import { linkFromPage } from '../../model/pages.ts';
import { serializePage } from '../markdown-syntax.ts';
import { EXPLORER_ELEMENT } from './emit-widgets.ts';

/** A question page's frontmatter: every field the components and the section-id plugin read is set. */
type QuestionFrontmatter = PageFrontmatter &
  Required<Pick<PageFrontmatter, 'guide' | 'question' | 'sections' | 'addedSections' | 'unsearchedSections'>>;

/** A section we add after the source's three (formulas, notes, related questions, …). */
export interface AddedSection {
  id: string;
  label: string;
  blocks: RootContent[];
  /** Ids for the section's `###` headings, in order. */
  anchors?: string[];
  /** False for sections that only point elsewhere (e.g. related questions), so search does not match them. */
  searchable?: boolean;
}

/**
 * A generated page: frontmatter and Markdown. Never MDX: Astro renders a
 * Markdown page once and keeps its HTML between builds, where an MDX page is
 * compiled into a JavaScript module on every build (a fifth of the build's CPU
 * time at 3,000 questions; 1–2 s of a 30-question build for three pages).
 */
export type EmittedPage = string;

/** One question → its page: 题目, 答案, 解析, then our added sections, as `##` sections; `glossary` gives English names to gloss. */
export function emitQuestionPage(guide: Guide, question: Question, added: AddedSection[] = [], glossary: GlossaryTerm[] = []): EmittedPage {
  const index = guide.questions.indexOf(question);
  const before = guide.questions[index - 1];
  const after = guide.questions[index + 1];
  const frontmatter: QuestionFrontmatter = {
    title: question.title,
    description: firstSentence(question.sections.answer.blocks),
    guide: guide.slug,
    question: question.number,
    sections: [...sourceSectionsOf(question).map((s) => s.id), ...added.map((s) => s.id)],
    addedSections: added.map((s) => s.id),
    ...anchorsOf(added),
    unsearchedSections: added.filter((s) => s.searchable === false).map((s) => s.id),
    ...mathSectionsOf(question, added),
    ...glossesOf(question, glossary),
    // Relative links keep working under a base path.
    prev: before ? { link: linkFromPage.question(before.number), label: before.title } : { link: linkFromPage.index(), label: '全部题目' },
    next: after ? { link: linkFromPage.question(after.number), label: after.title } : false,
  };
  const children: RootContent[] = [
    ...sourceSectionsOf(question).flatMap((s) => [sectionHeading(s.label), ...nestHeadings(s.blocks, question.headingDepth)]),
    ...added.flatMap((s) => [sectionHeading(s.label), ...s.blocks]),
  ];
  return emitPage(frontmatter, { type: 'root', children });
}

function anchorsOf(added: AddedSection[]): Pick<QuestionFrontmatter, 'anchors'> {
  const entries = added.filter((s) => s.anchors && s.anchors.length > 0).map((s) => [s.id, s.anchors!]);
  return entries.length > 0 ? { anchors: Object.fromEntries(entries) } : {};
}

/**
 * The question's glossary terms that its source text uses in Chinese but never
 * names in English: the reader learns the English name where the term appears.
 */
function glossesOf(question: Question, glossary: GlossaryTerm[]): Pick<QuestionFrontmatter, 'glosses'> {
  const text = sourceSectionsOf(question).flatMap((s) => s.blocks.map((b) => toString(b))).join('\n');
  const lower = text.toLowerCase();
  const glosses = glossary
    .filter((t) => t.questions.includes(question.number) && text.includes(t.zh) && !lower.includes(t.en.toLowerCase()))
    .map(({ zh, en }) => ({ zh, en }));
  return glosses.length > 0 ? { glosses } : {};
}

function mathSectionsOf(question: Question, added: AddedSection[]): Pick<QuestionFrontmatter, 'mathSections'> {
  const hasMath = (blocks: RootContent[]) => blocks.some((block) => contains(block, isMath));
  const ids = [
    ...sourceSectionsOf(question).filter((s) => hasMath(s.blocks)).map((s) => s.id),
    ...added.filter((s) => hasMath(s.blocks)).map((s) => s.id),
  ];
  return ids.length > 0 ? { mathSections: ids } : {};
}

/**
 * A page with formulas says `math: true`, so its head loads KaTeX's
 * stylesheet; one with a temperature explorer says `explorer: true`, so the
 * explorer's script and style come with it. Other pages load neither.
 */
export function emitPage(frontmatter: PageFrontmatter, body: Root): EmittedPage {
  const flags = { ...(contains(body, isMath) && { math: true }), ...(contains(body, isExplorer) && { explorer: true }) };
  return `---\n${frontmatterYaml({ ...frontmatter, ...flags })}\n---\n\n${serializePage(body)}`;
}

// YAML 1.2 reads JSON as it is (double-quoted strings take any JSON
// character), and the engine's JSON.stringify takes a fraction of a
// millisecond where a YAML serialiser took 40–80 ms for the guide's 33 pages.
function frontmatterYaml(data: object): string {
  return JSON.stringify(data, null, 2);
}

const isMath = (node: Nodes) => node.type === 'math' || node.type === 'inlineMath';

/** Raw HTML in a generated page is only ever markup we built (emit-widgets.ts); source HTML is text by then. */
const isExplorer = (node: Nodes) => node.type === 'html' && node.value.startsWith(`<${EXPLORER_ELEMENT}`);

// A plain walk that stops at the first match: unist-util-visit's general
// machinery cost 0.6 s of generating 3,000 questions here.
function contains(node: Nodes, test: (node: Nodes) => boolean): boolean {
  return test(node) || ('children' in node && node.children.some((child) => contains(child, test)));
}

export function sectionHeading(label: string): Heading {
  return { type: 'heading', depth: 2, children: [{ type: 'text', value: label }] };
}

/** Headings inside a section sit below the page's `##` section headings. */
function nestHeadings(blocks: RootContent[], questionDepth: number): RootContent[] {
  return blocks.map((block) =>
    block.type === 'heading' ? { ...block, depth: Math.min(6, Math.max(3, block.depth - questionDepth + 2)) as Heading['depth'] } : block,
  );
}

const SENTENCE_END = /^(.+?[。！？!?])/s;

/** The answer's first sentence: what search engines and link previews show. */
export function firstSentence(blocks: RootContent[]): string {
  const text = blocks.map((block) => toString(block)).join(' ').replace(/\s+/g, ' ').trim();
  const sentence = SENTENCE_END.exec(text)?.[1] ?? text;
  return sentence.length > 160 ? `${sentence.slice(0, 159)}…` : sentence;
}
