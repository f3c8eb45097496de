import zhCN from 'zod/v4/locales/zh-CN.js';
import { type GuideStudy, type ProgressFile, progressFileSchema } from '../model/study-progress-schema.ts';
import { PROGRESS_FILE_FORMAT, PROGRESS_VERSION } from '../model/study-progress.ts';

/** The progress file: every guide's progress in this browser (format in model/study-progress-schema.ts). */
export function progressFile(guides: Record<string, GuideStudy>, now: Date): ProgressFile {
  return { format: PROGRESS_FILE_FORMAT, version: PROGRESS_VERSION, exportedAt: now.toISOString(), guides };
}

export type ParsedFile = { ok: true; file: ProgressFile } | { ok: false; message: string };

const MAX_ISSUES = 3;

/** Reads a file the reader chose; anything but a valid progress file gets a Chinese message saying what is wrong. */
export function parseProgressFile(text: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: '无法导入：这不是 JSON 文件。请选择本站“导出进度”保存的 .json 文件。' };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== PROGRESS_FILE_FORMAT) {
    return { ok: false, message: '无法导入：这不是本站的学习进度文件（缺少 "format": "study-guides-progress"）。' };
  }
  if ((data as { version?: unknown }).version !== PROGRESS_VERSION) {
    return { ok: false, message: `无法导入：不支持的进度文件版本 ${JSON.stringify((data as { version?: unknown }).version)}，本站读取第 ${PROGRESS_VERSION} 版。` };
  }
  const result = progressFileSchema.safeParse(data, { error: zhCN().localeError });
  if (result.success) return { ok: true, file: result.data };
  // A bad key's own message (“题号应为正整数”) says more than zod's “record 中的键(key)无效”.
  const issues = result.error.issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `${issue.path.join('.') || '（文件）'}：${(issue.code === 'invalid_key' && issue.issues[0]?.message) || issue.message}`);
  const more = result.error.issues.length > MAX_ISSUES ? `等 ${result.error.issues.length} 处问题` : '';
  return { ok: false, message: `无法导入：进度文件有误，本机进度未改动。${issues.join('；')}${more}` };
}

export interface MergeReport {
  /** Questions whose card or mark came from the file. */
  fromFile: number;
  /** Questions where this browser's record was newer than the file's and was kept. */
  keptLocal: number;
  /** Reviews the file added to the history. */
  reviewsAdded: number;
}

const time = (iso: string | undefined) => (iso === undefined ? -Infinity : Date.parse(iso));

/**
 * Merges a file's progress into this browser's, question by question: the
 * card last reviewed later wins, and so does the mark set later; on a tie the
 * browser's own stays. Reviews are the union of both histories.
 */
export function mergeStudy(local: GuideStudy, incoming: GuideStudy): { study: GuideStudy; report: MergeReport } {
  const fromFile = new Set<string>();
  const keptLocal = new Set<string>();
  /** The later of each question's record, the file's or this browser's (kept on a tie). */
  const newer = <T>(mine: Record<string, T>, theirs: Record<string, T>, at: (record: T) => string | undefined): Record<string, T> => {
    const merged = { ...mine };
    for (const [key, record] of Object.entries(theirs)) {
      const own = mine[key];
      if (own === undefined || time(at(record)) > time(at(own))) {
        merged[key] = record;
        fromFile.add(key);
      } else if (time(at(record)) < time(at(own))) keptLocal.add(key);
    }
    return merged;
  };
  const study: GuideStudy = {
    marks: newer(local.marks, incoming.marks, (mark) => mark.at),
    cards: newer(local.cards, incoming.cards, (card) => card.last_review),
    reviews: [...local.reviews],
  };
  const seen = new Set(local.reviews.map((r) => `${r.question}@${time(r.at)}`));
  let reviewsAdded = 0;
  for (const review of incoming.reviews) {
    const id = `${review.question}@${time(review.at)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    study.reviews.push(review);
    reviewsAdded++;
  }
  study.reviews.sort((a, b) => time(a.at) - time(b.at));
  for (const key of fromFile) keptLocal.delete(key);
  return { study, report: { fromFile: fromFile.size, keptLocal: keptLocal.size, reviewsAdded } };
}
