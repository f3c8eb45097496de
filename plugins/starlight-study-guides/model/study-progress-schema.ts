import { z } from 'zod';
import { PROGRESS_FILE_FORMAT, PROGRESS_VERSION } from './study-progress.ts';

/**
 * A reader's progress in one guide, as the browser stores it and as the
 * progress file carries it, checked strictly: imports use it to say what is
 * wrong with a file. Kept apart from study-progress.ts so that pages which only
 * read progress do not load zod.
 */

const isoDate = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time');
const count = z.number().int().nonnegative();
const fsrsState = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).describe('0 new, 1 learning, 2 review, 3 relearning (ts-fsrs State)');
const questionKey = z.string().regex(/^[1-9]\d*$/, '题号应为正整数');

/** A question's FSRS card, as ts-fsrs's `Card` with dates as ISO strings. */
export const storedCardSchema = z.object({
  due: isoDate,
  stability: z.number().nonnegative(),
  difficulty: z.number().nonnegative(),
  elapsed_days: count,
  scheduled_days: count,
  learning_steps: count,
  reps: count,
  lapses: count,
  state: fsrsState,
  last_review: isoDate.optional().describe('When the reader last rated the card; imports keep the later one.'),
});

/** A 已掌握 / 待复习 mark; `null` records that the reader cleared it, so a later clear wins over an older mark. */
export const storedMarkSchema = z.object({
  state: z.enum(['known', 'review']).nullable(),
  at: isoDate.describe('When the mark was set; marks carried over from version 1 date from 1970.'),
});

/** One rating, for the statistics. */
export const storedReviewSchema = z.object({
  question: z.number().int().positive(),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).describe('1 重来, 2 困难, 3 良好, 4 简单'),
  state: fsrsState.describe('The card state before this rating'),
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
  guides: z.record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '指南名只能含小写字母、数字和连字符'), guideStudySchema),
});

export type StoredCard = z.infer<typeof storedCardSchema>;
export type StoredMark = z.infer<typeof storedMarkSchema>;
export type StoredReview = z.infer<typeof storedReviewSchema>;
export type GuideStudy = z.infer<typeof guideStudySchema>;
export type ProgressFile = z.infer<typeof progressFileSchema>;
