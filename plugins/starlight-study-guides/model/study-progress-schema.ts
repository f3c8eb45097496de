import * as z from 'zod/mini';
import { PROGRESS_FILE_FORMAT, PROGRESS_VERSION } from './study-progress.ts';

/**
 * A reader's progress in one guide, as the browser stores it and as the
 * progress file carries it, checked strictly: imports use it to say what is
 * wrong with a file. Kept apart from study-progress.ts so that pages which only
 * read progress do not load zod. Written with Zod Mini, zod's tree-shakable
 * API: only the browser runs it, when a reader imports a file, and that
 * script is a third of what it was with classic zod (docs/PERFORMANCE.md).
 * Zod Mini's object parser never compiles code with `new Function`, which the
 * site's CSP forbids (classic zod's does, unless configured `jitless`).
 */

/** An ISO 8601 date and time. */
const isoDate = z.iso.datetime({ offset: true });
const count = z.int().check(z.nonnegative());
/** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs `State`). */
const fsrsState = z.literal([0, 1, 2, 3]);
const questionKey = z.string().check(z.regex(/^[1-9]\d*$/, '题号应为正整数'));

/** A question's FSRS card, as ts-fsrs's `Card` with dates as ISO strings. */
export const storedCardSchema = z.object({
  due: isoDate,
  stability: z.number().check(z.nonnegative()),
  difficulty: z.number().check(z.nonnegative()),
  elapsed_days: count,
  scheduled_days: count,
  learning_steps: count,
  reps: count,
  lapses: count,
  state: fsrsState,
  /** When the reader last rated the card; imports keep the later one. */
  last_review: z.optional(isoDate),
});

/** A 已掌握 / 待复习 mark; `null` records that the reader cleared it, so a later clear wins over an older mark. */
export const storedMarkSchema = z.object({
  state: z.nullable(z.enum(['known', 'review'])),
  /** When the mark was set; marks carried over from version 1 date from 1970. */
  at: isoDate,
});

/** One rating, for the statistics. */
export const storedReviewSchema = z.object({
  question: z.int().check(z.positive()),
  /** 1 重来, 2 困难, 3 良好, 4 简单. */
  rating: z.literal([1, 2, 3, 4]),
  /** The card state before this rating. */
  state: fsrsState,
  at: isoDate,
});

export const guideStudySchema = z.object({
  marks: z.record(questionKey, storedMarkSchema),
  cards: z.record(questionKey, storedCardSchema),
  reviews: z.array(storedReviewSchema),
});

/** The file 导出进度 writes and 导入进度 reads: every guide's progress in this browser. */
export const progressFileSchema = z.object({
  format: z.literal(PROGRESS_FILE_FORMAT),
  version: z.literal(PROGRESS_VERSION),
  exportedAt: isoDate,
  guides: z.record(z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '指南名只能含小写字母、数字和连字符')), guideStudySchema),
});

export type StoredCard = z.infer<typeof storedCardSchema>;
export type StoredMark = z.infer<typeof storedMarkSchema>;
export type StoredReview = z.infer<typeof storedReviewSchema>;
export type GuideStudy = z.infer<typeof guideStudySchema>;
export type ProgressFile = z.infer<typeof progressFileSchema>;
