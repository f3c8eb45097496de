import { type Card, type Grade, State, createEmptyCard, fsrs } from 'ts-fsrs';
import type { GuideStudy, StoredCard } from '../model/study-progress-schema.ts';
import { RATINGS, type RatingValue } from '../model/study-progress.ts';

/**
 * FSRS scheduling through ts-fsrs; loaded only when the reader reviews. No
 * fuzz: the interval a button shows is the one the reader gets.
 */
const scheduler = fsrs({ enable_fuzz: false });

function toCard(stored: StoredCard | undefined, now: Date): Card {
  if (!stored) return createEmptyCard(now);
  return { ...stored, due: new Date(stored.due), last_review: stored.last_review ? new Date(stored.last_review) : undefined };
}

function toStored(card: Card): StoredCard {
  const { due, last_review, ...rest } = card;
  return { ...rest, state: card.state as StoredCard['state'], due: due.toISOString(), ...(last_review ? { last_review: last_review.toISOString() } : {}) };
}

export interface RatingPreview {
  rating: RatingValue;
  label: string;
  /** The card after this rating. */
  card: StoredCard;
  /** How long until it comes back, in Chinese: “1 分钟”, “3 天”. */
  interval: string;
}

/** What each rating would do to a question's card now, as Anki shows on its buttons. */
export function previewRatings(stored: StoredCard | undefined, now: Date): RatingPreview[] {
  const preview = scheduler.repeat(toCard(stored, now), now);
  return RATINGS.map(({ value, label }) => {
    const card = preview[value as Grade].card;
    return { rating: value, label, card: toStored(card), interval: formatInterval(card.due.getTime() - now.getTime()) };
  });
}

/** Rates a question: its card is rescheduled and the review logged. Returns the preview that was applied. */
export function rateQuestion(study: GuideStudy, question: number, rating: RatingValue, now: Date): RatingPreview {
  const before = study.cards[question];
  const applied = previewRatings(before, now).find((p) => p.rating === rating)!;
  study.cards[question] = applied.card;
  study.reviews.push({ question, rating, state: before?.state ?? State.New, at: now.toISOString() });
  return applied;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Anki's way of naming an interval: the largest unit that fits, one decimal from months on. */
export function formatInterval(ms: number): string {
  const round1 = (n: number) => String(Math.round(n * 10) / 10);
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} 分钟`;
  if (ms < DAY) return `${Math.round(ms / HOUR)} 小时`;
  if (ms < 30 * DAY) return `${Math.round(ms / DAY)} 天`;
  if (ms < 365 * DAY) return `${round1(ms / (30 * DAY))} 个月`;
  return `${round1(ms / (365 * DAY))} 年`;
}
