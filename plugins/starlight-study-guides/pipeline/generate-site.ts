import type { Annotation } from '../model/annotation.ts';
import { type Diagnostic, compareDiagnostics, diagnostic, isError } from '../model/diagnostic.ts';
import type { GuideModel } from '../model/guide-model.ts';
import { EXPORT_SCHEMA_FILE, GUIDE_SLUG, type GuidePageId, RESERVED_SLUGS, exportFiles } from '../model/pages.ts';
import { siteUrl } from '../model/site-url.ts';
import type { GuideSource } from '../model/source.ts';
import { checkMath } from './check/check-math.ts';
import { deriveGuide } from './derive/derive-guide.ts';
import { emitCodingPage } from './emit/emit-coding-page.ts';
import { emitAnkiTsv, emitExportJson, emitExportJsonSchema, guideExport } from './emit/emit-exports.ts';
import { emitFormulaIndex } from './emit/emit-formula-index.ts';
import { emitGuideIndex } from './emit/emit-guide-index.ts';
import { type AddedSection, type EmittedPage, emitQuestionPage } from './emit/emit-question-page.ts';
import { relatedSection } from './emit/emit-related-section.ts';
import { expandWidgets } from './emit/emit-widgets.ts';
import { parseAnnotations } from './parse/parse-annotations.ts';
import { parseCodingProblems } from './parse/parse-coding-problems.ts';
import { GLOSSARY_FILE, parseGlossary } from './parse/parse-glossary.ts';
import { parseGuide } from './parse/parse-guide.ts';
import { TOPICS_FILE, parseTopics } from './parse/parse-topics.ts';

export interface GeneratedSite {
  /** One model per guide that parsed, in source order. */
  guides: GuideModel[];
  /** Page path relative to the content folder (`kd/6.md`) → its text. Empty when there are errors. */
  pages: Map<string, string>;
  /** Path inside the site's `exports/` folder → downloadable file. Empty when there are errors. */
  files: Map<string, string>;
  diagnostics: Diagnostic[];
}

export interface SiteOptions {
  /** Where the site is served, base path included; exports carry absolute URLs. */
  siteUrl: URL;
  /** File name in src/math → code: the modules coding problems name as their solution (read/read-solutions.ts). */
  solutions?: ReadonlyMap<string, string>;
}

/** The whole-guide pages written as content; the others are routes (routes/study-view.astro). */
const PAGE_EMITTERS: Partial<Record<GuidePageId, (guide: GuideModel) => EmittedPage>> = {
  formulas: emitFormulaIndex,
  coding: emitCodingPage,
};

/**
 * Parses, checks and derives each guide, without emitting anything: what
 * `npm run validate` runs. Guides with errors still get a model when their
 * source parsed, for the dev server's sidebar.
 */
export function checkGuides(sources: GuideSource[], solutions: ReadonlyMap<string, string> = new Map()): { guides: GuideModel[]; diagnostics: Diagnostic[] } {
  const guides: GuideModel[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { slug, source, extras } of sources) {
    const reservedFor = RESERVED_SLUGS.get(slug);
    if (reservedFor) {
      diagnostics.push(diagnostic(source.file, undefined, 'guide-slug', `指南文件夹名 “${slug}” 已被${reservedFor}占用`, '给文件夹换一个名字。'));
    }
    if (!GUIDE_SLUG.test(slug)) {
      diagnostics.push(diagnostic(source.file, undefined, 'guide-slug', `指南文件夹名 “${slug}” 不能用作网址`, '只用小写字母、数字和连字符，例如 “kd-lifelong-learning”。'));
    }
    const parsed = parseGuide(source.text, source.file, slug);
    diagnostics.push(...parsed.diagnostics, ...checkMath(parsed.tree, source.file));
    if (!parsed.guide) continue;
    // While the source has errors its questions are uncertain: other files naming one that is
    // missing are not reported again, so that one cause gives one message.
    const sourceBroken = parsed.diagnostics.some(isError);
    const mayExist = (n: number) => sourceBroken || parsed.unread.has(n);
    const annotated = parseAnnotations(parsed.guide, extras, mayExist);
    const coding = parseCodingProblems(extras, solutions);
    const assigned = parseTopics(extras.find((f) => f.name === TOPICS_FILE), parsed.guide, mayExist);
    const glossary = parseGlossary(extras.find((f) => f.name === GLOSSARY_FILE), parsed.guide, mayExist);
    diagnostics.push(...annotated.diagnostics, ...coding.diagnostics, ...assigned.diagnostics, ...glossary.diagnostics);
    guides.push(deriveGuide(parsed.guide, assigned.topics, annotated.annotations, coding.problems, glossary.glossary));
  }
  return { guides, diagnostics: diagnostics.sort(compareDiagnostics) };
}

/** Sources in, pages out: check each guide, then, unless there is an error, emit, without any file I/O. */
export function generateSite(sources: GuideSource[], options: SiteOptions = { siteUrl: siteUrl(undefined) }): GeneratedSite {
  const { guides, diagnostics } = checkGuides(sources, options.solutions);
  const pages = new Map<string, string>();
  const files = new Map<string, string>();
  if (diagnostics.some(isError)) return { guides, pages, files, diagnostics };
  files.set(EXPORT_SCHEMA_FILE, emitExportJsonSchema());
  for (const guide of guides) {
    const addPage = (name: string | number, page: EmittedPage) => pages.set(`${guide.slug}/${name}.md`, page);
    addPage('index', emitGuideIndex(guide));
    for (const question of guide.questions) addPage(question.number, emitQuestionPage(guide, question, addedSections(guide, question.number), guide.glossary));
    for (const { id } of guide.pages) {
      const emit = PAGE_EMITTERS[id];
      if (emit) addPage(id, emit(guide));
    }
    const data = guideExport(guide, options.siteUrl);
    const paths = exportFiles(guide.slug);
    files.set(paths.json, emitExportJson(data));
    files.set(paths.tsv, emitAnkiTsv(data));
  }
  return { guides, pages, files, diagnostics };
}

/** Our sections after the source's three: the annotation's, widgets filled in, then related questions. */
function addedSections(guide: GuideModel, question: number): AddedSection[] {
  const annotation = guide.annotations.find((a) => a.question === question);
  return [
    ...(annotation ? annotationSections(annotation) : []),
    relatedSection(guide, question),
  ];
}

function annotationSections(annotation: Annotation): AddedSection[] {
  return annotation.sections.map((s) => ({
    id: s.key,
    label: s.label,
    blocks: expandWidgets(s.blocks),
    anchors: s.anchors,
  }));
}
