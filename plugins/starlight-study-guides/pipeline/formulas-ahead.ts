import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { GuideModel } from '../model/guide-model.ts';
import { sourceSectionsOf } from '../model/guide.ts';
import { type FormulaHtml, formulaKey, renderFormula } from '../rehype/render-formula.ts';

/**
 * The HTML of every formula in the guides' Markdown (their text, annotations
 * and coding problems), rendered by the run that generates the pages while
 * Astro starts (generate-ahead-worker.ts), so that Astro's process, which
 * renders the pages' Markdown one after the other, takes each from there
 * (rehype-katex-memo.ts) instead of running KaTeX: 0.1 s of its critical
 * path for the real guide. A formula that only a widget writes, or one KaTeX
 * rejects, is left to Astro's process, which renders or reports it as before.
 */
export function formulasAhead(guides: GuideModel[]): FormulaHtml[] {
  const rendered = new Map<string, string>();
  for (const guide of guides) {
    for (const blocks of markdownOf(guide)) {
      visit({ type: 'root', children: blocks } satisfies Root, (node) => {
        if (node.type !== 'math' && node.type !== 'inlineMath') return;
        const key = formulaKey(node.value, node.type === 'math');
        if (rendered.has(key)) return;
        try {
          rendered.set(key, renderFormula(node.value, node.type === 'math'));
        } catch {
          // KaTeX rejects it: Astro's process reports it where the page shows it.
        }
      });
    }
  }
  return [...rendered];
}

/** A guide's Markdown, block by block, in the order its pages show it. */
function markdownOf(guide: GuideModel): RootContent[][] {
  return [
    guide.intro,
    ...guide.questions.flatMap((question) => sourceSectionsOf(question).map((section) => section.blocks)),
    // A widget is a leaf of its own type, which the walk passes by.
    ...guide.annotations.flatMap((annotation) => annotation.sections.map((section) => section.blocks as RootContent[])),
    ...guide.codingProblems.map((problem) => problem.blocks),
  ];
}
