import type { GuideStudy } from '../model/study-progress-schema.ts';
import { startOfDay } from './study-stats.ts';

/** The start of the local day after `now`: “due today” means due before it, as in Anki. */
export function startOfTomorrow(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
}

/** Questions due today, in the order a session takes them. */
export interface DueToday {
  /** Cards in (re)learning whose next step has come or is within 20 minutes, soonest first. */
  learning: number[];
  /** Cards in review due before tomorrow, most overdue first. */
  review: number[];
  /** Unseen questions, in source order, up to today's allowance of new cards. */
  new: number[];
}

/** New questions a reader is introduced to per day, half Anki's default of 20, for guides of a few dozen questions. */
export const NEW_PER_DAY = 10;
/** Anki's learn-ahead limit: a learning card due this soon is shown rather than waited for. */
const LEARN_AHEAD_MS = 20 * 60_000;

export function dueToday(study: GuideStudy, questions: readonly number[], now: Date): DueToday {
  const tomorrow = startOfTomorrow(now).getTime();
  const dueAt = (n: number) => Date.parse(study.cards[n]!.due);
  const withState = (states: number[]) => questions.filter((n) => study.cards[n] && states.includes(study.cards[n]!.state));
  const learning = withState([1, 3]).filter((n) => dueAt(n) <= now.getTime() + LEARN_AHEAD_MS);
  const review = withState([2]).filter((n) => dueAt(n) < tomorrow);
  const today = startOfDay(now).getTime();
  const introducedToday = study.reviews.filter((r) => r.state === 0 && Date.parse(r.at) >= today).length;
  const unseen = questions.filter((n) => !study.cards[n] || study.cards[n]!.state === 0);
  const byDue = (a: number, b: number) => dueAt(a) - dueAt(b);
  return { learning: learning.sort(byDue), review: review.sort(byDue), new: unseen.slice(0, Math.max(0, NEW_PER_DAY - introducedToday)) };
}
