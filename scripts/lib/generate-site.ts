import { checkMath } from './check-math.ts';
import { type Diagnostic, compareDiagnostics, diagnostic } from './diagnostic.ts';
import { emitGuideIndex } from './emit-guide-index.ts';
import { CODING_PAGE, emitCodingPage } from './emit-coding-page.ts';
import { FORMULA_INDEX, emitFormulaIndex } from './emit-formula-index.ts';
import { type AddedSection, emitQuestionPage } from './emit-question-page.ts';
import { expandWidgets } from './emit-widgets.ts';
import type { Guide } from './guide-model.ts';
import { type Annotation, parseAnnotations } from './parse-annotations.ts';
import { type CodingProblem, parseCodingProblems } from './parse-coding-problems.ts';
import { parseGuide } from './parse-guide.ts';

export interface InputFile {
  /** Path inside the guide's folder, e.g. `source.md`. */
  name: string;
  /** Path shown in diagnostics. */
  file: string;
  text: string;
}

export interface GuideSource {
  /** Folder name, used as the URL segment. */
  slug: string;
  /** The question bank, `source.md`. */
  source: InputFile;
  /** Every other text file in the guide's folder (our additions beside the source). */
  extras: InputFile[];
}

export interface GeneratedSite {
  guides: Guide[];
  /** Page path relative to the content folder → MDX text. Empty when there are diagnostics. */
  pages: Map<string, string>;
  diagnostics: Diagnostic[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Sources in, pages out: the whole content pipeline, without any file I/O. */
export function generateSite(sources: GuideSource[]): GeneratedSite {
  const guides: Guide[] = [];
  const annotationsOf = new Map<Guide, Annotation[]>();
  const problemsOf = new Map<Guide, CodingProblem[]>();
  const diagnostics: Diagnostic[] = [];
  for (const { slug, source, extras } of sources) {
    if (!SLUG.test(slug)) {
      diagnostics.push(diagnostic(source.file, { line: 1, column: 1 }, 'guide-slug', `指南文件夹名 “${slug}” 不能用作网址：请只用小写字母、数字和连字符，例如 “kd-lifelong-learning”。`));
    }
    const parsed = parseGuide(source.text, source.file, slug);
    diagnostics.push(...parsed.diagnostics, ...checkMath(parsed.tree, source.file));
    if (!parsed.guide) continue;
    guides.push(parsed.guide);
    const annotated = parseAnnotations(parsed.guide, extras);
    diagnostics.push(...annotated.diagnostics);
    annotationsOf.set(parsed.guide, annotated.annotations);
    const coding = parseCodingProblems(extras);
    diagnostics.push(...coding.diagnostics);
    problemsOf.set(parsed.guide, coding.problems);
  }
  diagnostics.sort(compareDiagnostics);
  const pages = new Map<string, string>();
  if (diagnostics.length > 0) return { guides, pages, diagnostics };
  for (const guide of guides) {
    const annotations = annotationsOf.get(guide) ?? [];
    pages.set(`${guide.slug}/index.mdx`, emitGuideIndex(guide));
    for (const question of guide.questions) {
      const annotation = annotations.find((a) => a.question === question.number);
      pages.set(`${guide.slug}/${question.number}.mdx`, emitQuestionPage(guide, question, annotation ? addedSections(annotation) : []));
    }
    if (annotations.some((a) => a.formulas.length > 0)) {
      pages.set(`${guide.slug}/${FORMULA_INDEX}.mdx`, emitFormulaIndex(guide, annotations));
    }
    const problems = problemsOf.get(guide) ?? [];
    if (problems.length > 0) pages.set(`${guide.slug}/${CODING_PAGE}.mdx`, emitCodingPage(guide, problems));
  }
  return { guides, pages, diagnostics };
}

/** An annotation's sections as the page's added `##` sections, widgets filled in. */
function addedSections(annotation: Annotation): AddedSection[] {
  const imported = new Set<string>();
  return annotation.sections.map((s) => ({ id: s.key, label: s.label, blocks: expandWidgets(s.blocks, imported), anchors: s.anchors }));
}
