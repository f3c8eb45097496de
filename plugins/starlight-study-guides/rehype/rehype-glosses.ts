import type { Element, ElementContent, Root, Text } from 'hast';
import { SOURCE_SECTIONS } from '../model/guide.ts';

interface Gloss {
  zh: string;
  en: string;
}

const SOURCE_SECTION_IDS: ReadonlySet<string> = new Set(SOURCE_SECTIONS.map((s) => s.id));
/** Where a gloss would get in the way: links, code, formulas, headings. */
const SKIPPED = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'math', 'svg']);

/**
 * After the first use of each of the page's `glosses` in its source sections
 * (题目, 答案, 解析), adds the English name: 知识蒸馏 (knowledge distillation).
 * The gloss is marked as ours for the eye (the colours of the 本站补充 label, a
 * tooltip, and a one-line legend labelled 本站补充 after the block with the
 * page's first gloss; not under the section's heading, where the label would
 * claim the section) and for screen readers, cannot be selected, so copying the
 * text copies the source as written, and stays out of the search index, which
 * has the glossary. Runs after rehypeStudySections, which marks the sections.
 */
export function rehypeGlosses() {
  return (tree: Root, file: { data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
    const glosses = file.data.astro?.frontmatter?.glosses as Gloss[] | undefined;
    if (!glosses?.length) return;
    const pending = new Map(glosses.map((g) => [g.zh, g]));
    const placed: Gloss[] = [];
    for (const section of tree.children) {
      if (section.type === 'element' && section.tagName === 'section' && SOURCE_SECTION_IDS.has(String(section.properties.dataSection))) {
        const body = bodyOf(section);
        // A block at a time, so that the legend can follow the block with the first gloss.
        for (let i = 0; i < body.children.length && pending.size > 0; i++) {
          const block = body.children[i]!;
          if (block.type !== 'element') continue;
          const first = placed.length === 0;
          glossIn({ ...body, children: [block] }, pending, placed);
          if (first && placed.length > 0) body.children.splice(++i, 0, glossLegend(placed[0]!.en));
        }
      }
    }
  };
}

/** Where a section's content is (rehypeStudySections puts it after the heading), or the section itself. */
function bodyOf(section: Element): Element {
  return section.children.find((c): c is Element => c.type === 'element' && Array.isArray(c.properties.className) && c.properties.className.includes('study-section-body')) ?? section;
}

/** Says once, with an example, what the English names in parentheses are; left out of copies and the index like them. */
function glossLegend(example: string): Element {
  return {
    type: 'element',
    tagName: 'p',
    properties: { className: ['gloss-legend'], dataPagefindIgnore: '' },
    children: [
      { type: 'element', tagName: 'span', properties: { className: ['gloss-legend-label'] }, children: [{ type: 'text', value: '本站补充' }] },
      { type: 'text', value: '术语后括注的英文名' },
      { type: 'element', tagName: 'span', properties: { className: ['term-gloss'] }, children: [{ type: 'element', tagName: 'span', properties: { lang: 'en' }, children: [{ type: 'text', value: example }] }] },
      { type: 'text', value: '由本站添加，不是题库原文。' },
    ],
  };
}

function glossIn(parent: Element, pending: Map<string, Gloss>, placed: Gloss[]): void {
  for (let i = 0; i < parent.children.length && pending.size > 0; i++) {
    const child = parent.children[i]!;
    if (child.type === 'element') {
      const classes = child.properties.className;
      if (!SKIPPED.has(child.tagName) && !(Array.isArray(classes) && classes.some((c) => String(c).startsWith('katex')))) glossIn(child, pending, placed);
    } else if (child.type === 'text') {
      const split = glossText(child, pending, placed);
      if (split) {
        parent.children.splice(i, 1, ...split);
        i += split.length - 1;
      }
    }
  }
}

/** The text node cut after the earliest pending term it contains, with the gloss between (added to `placed`); undefined if it has none. */
function glossText(node: Text, pending: Map<string, Gloss>, placed: Gloss[]): ElementContent[] | undefined {
  let found: { at: number; gloss: Gloss } | undefined;
  for (const gloss of pending.values()) {
    const at = firstUse(node.value, gloss.zh);
    // The longer term wins at the same place: 软标签蒸馏 before 软标签.
    if (at >= 0 && (!found || at < found.at || (at === found.at && gloss.zh.length > found.gloss.zh.length))) found = { at, gloss };
  }
  if (!found) return undefined;
  pending.delete(found.gloss.zh);
  placed.push(found.gloss);
  const end = found.at + found.gloss.zh.length;
  const rest: Text = { type: 'text', value: node.value.slice(end) };
  return [{ type: 'text', value: node.value.slice(0, end) }, glossElement(found.gloss.en), ...(glossText(rest, pending, placed) ?? [rest])];
}

/** Where `term` is used without the source's own parenthesis after it (自然语言处理（NLP）): -1 if nowhere. */
function firstUse(text: string, term: string): number {
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (!/^\s*[（(]/.test(text.slice(at + term.length))) return at;
  }
  return -1;
}

function glossElement(en: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['term-gloss'], dataPagefindIgnore: '', title: '英文术语（本站补充）' },
    children: [
      { type: 'element', tagName: 'span', properties: { className: ['sr-only'] }, children: [{ type: 'text', value: '，本站补充的英文术语：' }] },
      { type: 'element', tagName: 'span', properties: { lang: 'en' }, children: [{ type: 'text', value: en }] },
    ],
  };
}
