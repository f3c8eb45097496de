import { SOURCE_SECTIONS } from './guide.ts';
import { ANNOTATION_SECTIONS } from './annotation.ts';

/**
 * The pages of a guide besides its questions, and the site's paths: the one
 * place that reserves names and builds links. The sidebar, the guide index,
 * the routes, the exports and the emitters all read it.
 */
export type GuidePageId = 'review' | 'formulas' | 'coding' | 'print';

export interface GuidePage {
  id: GuidePageId;
  /** Page title and sidebar label. */
  title: string;
  /** Whether search indexes it: print and review only repeat the question pages. */
  searchable: boolean;
  /** Which guides have it: every guide, or those with formulas, or with programming problems. */
  when: 'always' | 'formulas' | 'coding-problems';
  /** Its line in the guide index's list of study tools. */
  summary: (counts: { codingProblems: number }) => string;
}

/** In sidebar order, which the guide index's list of study tools follows too. */
export const GUIDE_PAGES: readonly GuidePage[] = [
  { id: 'review', title: '复习', searchable: false, when: 'always', summary: () => '复习：按 FSRS 间隔重复安排今天该复习的题目，一次一题' },
  { id: 'formulas', title: '公式速查', searchable: true, when: 'formulas', summary: () => '公式速查：全部公式，链接到讲解它的题目' },
  { id: 'coding', title: '编程题', searchable: true, when: 'coding-problems', summary: ({ codingProblems }) => `编程题（${codingProblems} 道，附经过测试的参考实现）` },
  { id: 'print', title: '打印全部题目', searchable: false, when: 'always', summary: () => '打印全部题目（可另存为 PDF）' },
];

export const guidePage = (id: GuidePageId): GuidePage => GUIDE_PAGES.find((page) => page.id === id)!;

/** The pages routes/study-view.astro renders from the question pages, with what they add. */
export const STUDY_VIEWS = {
  print: {
    intro: '本站补充：本页按原文顺序收录全部题目、答案、解析和本站补充的内容，用浏览器的“打印”即可打印或另存为 PDF；打印时每道题从新的一页开始，答案总是展开。',
    withAdded: true,
  },
  review: {
    intro: '本站补充：按间隔重复算法 FSRS（Anki 所用的算法）安排今天该复习的题目，一次一题：先自己作答，再显示答案，按记得的程度评分（重来、困难、良好、简单），按钮上写着下次复习的间隔。快捷键：空格显示答案，1–4 评分。进度只保存在本浏览器中。未启用 JavaScript 时，下面按顺序列出全部题目。',
    withAdded: false,
  },
} as const satisfies Partial<Record<GuidePageId, { intro: string; withAdded: boolean }>>;

export type StudyView = keyof typeof STUDY_VIEWS;

/** The site folder that holds every guide's exports. */
export const EXPORTS_DIR = 'exports';

/** The JSON Schema of every guide's JSON export, relative to EXPORTS_DIR. */
export const EXPORT_SCHEMA_FILE = 'guide.schema.json';

/** The service worker, at the top of the site so that its scope is the whole site (integrations/service-worker.ts). */
export const SERVICE_WORKER_FILE = 'sw.js';

/** A guide's export files, relative to EXPORTS_DIR. */
export const exportFiles = (slug: string) => ({ json: `${slug}.json`, tsv: `${slug}.tsv` });

/** A guide's folder name, which is its URL segment: `kd-lifelong-learning`. */
export const GUIDE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Top-level folders of the site that a guide may not take as its slug, with what holds them. */
export const RESERVED_SLUGS: ReadonlyMap<string, string> = new Map([
  [EXPORTS_DIR, '下载文件'],
  ['pagefind', '搜索索引'],
]);

/** The section a question page ends with: links to its related questions. */
export const RELATED_SECTION = { id: 'related', label: '相关题目' } as const;

/** Ids a question page gives its own `##` sections; an annotation's anchors may not take them. */
export const QUESTION_SECTION_IDS: ReadonlySet<string> = new Set([
  ...SOURCE_SECTIONS.map((s) => s.id),
  ...ANNOTATION_SECTIONS.map((s) => s.key),
  RELATED_SECTION.id,
]);

/** Site paths (below the base path) of a guide's pages. */
export const sitePath = {
  guide: (slug: string) => `/${slug}/`,
  question: (slug: string, n: number) => `/${slug}/${n}/`,
  page: (slug: string, id: GuidePageId) => `/${slug}/${id}/`,
};

/**
 * Links between a guide's pages are relative, so they work under any base
 * path: from the guide index (`/guide/`), and from a page one level below it
 * (`/guide/6/`, `/guide/formulas/`).
 */
export const linkFromIndex = {
  question: (n: number) => `${n}/`,
  page: (id: GuidePageId) => `${id}/`,
  exportFile: (file: string) => `../${EXPORTS_DIR}/${file}`,
};

export const linkFromPage = {
  index: () => '../',
  question: (n: number) => `../${n}/`,
};
