import { checkMath } from './check-math.ts';
import { type Diagnostic, compareDiagnostics, diagnostic } from './diagnostic.ts';
import { CODING_PAGE, emitCodingPage } from './emit-coding-page.ts';
import { emitAnkiTsv, emitExportJson, emitExportJsonSchema, guideExport } from './emit-exports.ts';
import { FORMULA_INDEX, emitFormulaIndex } from './emit-formula-index.ts';
import { EXPORTS_DIR, EXPORT_SCHEMA_FILE, emitGuideIndex, exportFiles } from './emit-guide-index.ts';
import { type AddedSection, type EmittedPage, emitQuestionPage } from './emit-question-page.ts';
import { relatedSection } from './emit-related-section.ts';
import { expandWidgets } from './emit-widgets.ts';
import type { Guide, Question } from './guide-model.ts';
import { type Annotation, parseAnnotations } from './parse-annotations.ts';
import { type CodingProblem, parseCodingProblems } from './parse-coding-problems.ts';
import { parseGuide } from './parse-guide.ts';
import { TOPICS_FILE, type Topic, parseTopics } from './parse-topics.ts';
import { relatedQuestions } from './related-questions.ts';

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
  /** Guide slug → its topics, in display order. */
  topics: Map<string, Topic[]>;
  /** Page path relative to the content folder (`kd/6.md`, `kd/1.mdx`) → its text. Empty when there are diagnostics. */
  pages: Map<string, string>;
  /** Path inside the site's `exports/` folder → downloadable file. Empty when there are diagnostics. */
  files: Map<string, string>;
  diagnostics: Diagnostic[];
}

export interface SiteOptions {
  /** Where the site is served, base path included; exports carry absolute URLs. */
  siteUrl: URL;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Sources in, pages out: the whole content pipeline, without any file I/O. */
export function generateSite(sources: GuideSource[], options: SiteOptions = { siteUrl: new URL('http://localhost:4321/') }): GeneratedSite {
  const guides: Guide[] = [];
  const annotationsOf = new Map<Guide, Annotation[]>();
  const problemsOf = new Map<Guide, CodingProblem[]>();
  const topics = new Map<string, Topic[]>();
  const diagnostics: Diagnostic[] = [];
  for (const { slug, source, extras } of sources) {
    if (slug === EXPORTS_DIR) {
      diagnostics.push(diagnostic(source.file, { line: 1, column: 1 }, 'guide-slug', `指南文件夹名 “${slug}” 已被下载文件占用：请换一个名字。`));
    }
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
    const assigned = parseTopics(extras.find((f) => f.name === TOPICS_FILE), parsed.guide);
    diagnostics.push(...assigned.diagnostics);
    topics.set(slug, assigned.topics);
  }
  diagnostics.sort(compareDiagnostics);
  const pages = new Map<string, string>();
  const files = new Map<string, string>();
  if (diagnostics.length > 0) return { guides, topics, pages, files, diagnostics };
  files.set(EXPORT_SCHEMA_FILE, emitExportJsonSchema());
  for (const guide of guides) {
    const annotations = annotationsOf.get(guide) ?? [];
    const guideTopics = topics.get(guide.slug)!;
    const topicOf = new Map(guideTopics.flatMap((t) => t.questions.map((n) => [n, t.name] as const)));
    const related = relatedQuestions(guide, guideTopics);
    // Our sections after the source's three.
    const addedFor = (question: Question): AddedSection[] => {
      const annotation = annotations.find((a) => a.question === question.number);
      return [
        ...(annotation ? annotationSections(annotation) : []),
        relatedSection(guide, topicOf.get(question.number)!, related.get(question.number)!),
      ];
    };
    const hasFormulas = annotations.some((a) => a.formulas.length > 0);
    const problems = problemsOf.get(guide) ?? [];
    const extraTools = [
      ...(hasFormulas ? [{ url: `${FORMULA_INDEX}/`, text: '公式速查：全部公式，链接到讲解它的题目' }] : []),
      ...(problems.length > 0 ? [{ url: `${CODING_PAGE}/`, text: `编程题（${problems.length} 道，附经过测试的参考实现）` }] : []),
    ];
    const addPage = (name: string | number, page: EmittedPage) => pages.set(`${guide.slug}/${name}.${page.extension}`, page.text);
    addPage('index', emitGuideIndex(guide, guideTopics, extraTools));
    for (const question of guide.questions) addPage(question.number, emitQuestionPage(guide, question, addedFor(question)));
    if (hasFormulas) addPage(FORMULA_INDEX, emitFormulaIndex(guide, annotations));
    if (problems.length > 0) addPage(CODING_PAGE, emitCodingPage(guide, problems));
    const data = guideExport(guide, guideTopics, options.siteUrl);
    const paths = exportFiles(guide.slug);
    files.set(paths.json, emitExportJson(data));
    files.set(paths.tsv, emitAnkiTsv(data));
  }
  return { guides, topics, pages, files, diagnostics };
}

/** Whether the site has the page `name` (`kd/formulas`), as Markdown or MDX. */
export function hasPage(site: Pick<GeneratedSite, 'pages'>, name: string): boolean {
  return site.pages.has(`${name}.md`) || site.pages.has(`${name}.mdx`);
}

/** An annotation's sections as the page's added `##` sections, widgets filled in. */
function annotationSections(annotation: Annotation): AddedSection[] {
  const imported = new Set<string>();
  return annotation.sections.map((s) => ({
    id: s.key,
    label: s.label,
    blocks: expandWidgets(s.blocks, imported),
    anchors: s.anchors,
  }));
}
