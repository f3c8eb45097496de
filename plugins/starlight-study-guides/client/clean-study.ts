import type { GuideStudy, StoredCard, StoredMark, StoredReview } from '../model/study-progress-schema.ts';
import type { StoredStudy } from './study-storage.ts';

/**
 * Whatever was stored, valid progress comes out, keeping the well-formed
 * entries: what scheduling, statistics and export work on. (An import is
 * checked strictly instead, with model/study-progress-schema.ts, so that the
 * reader hears what is wrong with the file.)
 */
export function cleanStudy(stored: StoredStudy): GuideStudy {
  const study: GuideStudy = { marks: {}, cards: {}, reviews: stored.reviews.filter(isReview) };
  for (const [key, mark] of Object.entries(stored.marks)) if (isQuestionKey(key) && isMark(mark)) study.marks[key] = mark;
  for (const [key, card] of Object.entries(stored.cards)) if (isQuestionKey(key) && isCard(card)) study.cards[key] = card;
  return study;
}

const isQuestionKey = (key: string) => /^[1-9]\d*$/.test(key);
const isDate = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const CARD_COUNTS = ['elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses'] as const;

function isCard(value: unknown): value is StoredCard {
  const card = value as Partial<Record<keyof StoredCard, unknown>> | null;
  return (
    typeof card === 'object' && card !== null &&
    isDate(card.due) && (card.last_review === undefined || isDate(card.last_review)) &&
    typeof card.stability === 'number' && card.stability >= 0 && typeof card.difficulty === 'number' && card.difficulty >= 0 &&
    CARD_COUNTS.every((field) => isCount(card[field])) && [0, 1, 2, 3].includes(card.state as number)
  );
}

function isMark(value: unknown): value is StoredMark {
  const mark = value as Partial<Record<keyof StoredMark, unknown>> | null;
  return typeof mark === 'object' && mark !== null && (mark.state === null || mark.state === 'known' || mark.state === 'review') && isDate(mark.at);
}

function isReview(value: unknown): value is StoredReview {
  const review = value as Partial<Record<keyof StoredReview, unknown>> | null;
  return (
    typeof review === 'object' && review !== null && Number.isInteger(review.question) && (review.question as number) > 0 &&
    [1, 2, 3, 4].includes(review.rating as number) && [0, 1, 2, 3].includes(review.state as number) && isDate(review.at)
  );
}
