import type { GuideStudy, StoredCard, StoredMark, StoredReview } from '../model/study-progress-schema.ts';
import { PROGRESS_VERSION } from '../model/study-progress.ts';
/** Whether the reader knows a question; no entry means not marked yet. */
export type ProgressState = 'known' | 'review';
export type Progress = Map<number, ProgressState>;

/** Read by client/early-script.ts too, before first paint. */
export const SELF_TEST_KEY = 'study-guides:self-test';
/** Version 1: marks only. */
const progressKey = (guide: string) => `study-guides:progress:${guide}`;
const STUDY_PREFIX = 'study-guides:study:';
/** Version 2: marks, FSRS cards and reviews (model/study-progress.ts). */
const studyKey = (guide: string) => `${STUDY_PREFIX}${guide}`;

/** Fired on window whenever a guide's progress changes on this page. */
export const PROGRESS_EVENT = 'study-progress';

/** localStorage, or undefined where it is blocked (privacy modes, sandboxed frames). */
function storage(): Storage | undefined {
  try {
    return window.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Where values live for this page view when storage is blocked: marks still work until the reader leaves. */
const memory = new Map<string, string>();

function read(key: string): string | null {
  try {
    const store = storage();
    if (store) return store.getItem(key);
  } catch {
    // Fall through to the page's memory.
  }
  return memory.get(key) ?? null;
}

/** Returns false when the value could only be kept for this page view (blocked or full storage). */
function write(key: string, value: string | undefined): boolean {
  if (value === undefined) memory.delete(key);
  else memory.set(key, value);
  try {
    const store = storage();
    if (!store) return false;
    if (value === undefined) store.removeItem(key);
    else store.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Version 1's marks, `{ "<n>": "known" | "review" }`; entries that are not are dropped. */
export function parseProgress(raw: string | null): Progress {
  const progress: Progress = new Map();
  const data = parseObject(raw);
  for (const [key, value] of Object.entries(data ?? {})) {
    if (isQuestionKey(key) && (value === 'known' || value === 'review')) progress.set(Number(key), value);
  }
  return progress;
}

function parseObject(raw: string | null): Record<string, unknown> | undefined {
  if (raw === null) return undefined;
  try {
    const data: unknown = JSON.parse(raw);
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const emptyStudy = (): GuideStudy => ({ marks: {}, cards: {}, reviews: [] });

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

/**
 * Version 2 as stored; whatever is stored, valid progress comes out, keeping
 * the entries that are well formed. (Imports are checked strictly instead,
 * with model/study-progress.ts, so a reader hears what is wrong with a file.)
 */
export function parseStudy(raw: string | null): GuideStudy | undefined {
  const data = parseObject(raw);
  if (data?.version !== PROGRESS_VERSION) return undefined;
  const study = emptyStudy();
  const entries = (value: unknown) => Object.entries(typeof value === 'object' && value !== null ? value : {}).filter(([key]) => isQuestionKey(key));
  for (const [key, mark] of entries(data.marks)) if (isMark(mark)) study.marks[key] = mark;
  for (const [key, card] of entries(data.cards)) if (isCard(card)) study.cards[key] = card;
  if (Array.isArray(data.reviews)) study.reviews = data.reviews.filter(isReview);
  return study;
}

/** Version 1 marks become version 2 marks dated 1970: any mark set since, on any device, is newer. */
function migrateMarks(progress: Progress): GuideStudy {
  const study = emptyStudy();
  for (const [question, state] of progress) study.marks[question] = { state, at: new Date(0).toISOString() };
  return study;
}

/** A guide's progress, carried over from version 1 the first time it is read. */
export function loadStudy(guide: string): GuideStudy {
  const study = parseStudy(read(studyKey(guide)));
  if (study) return study;
  const old = read(progressKey(guide));
  if (old === null) return emptyStudy();
  const migrated = migrateMarks(parseProgress(old));
  // No PROGRESS_EVENT: nothing changed for the reader, and its listeners would read (and migrate) again.
  if (store(guide, migrated)) write(progressKey(guide), undefined);
  return migrated;
}

function store(guide: string, study: GuideStudy): boolean {
  const empty = Object.keys(study.marks).length + Object.keys(study.cards).length + study.reviews.length === 0;
  return write(studyKey(guide), empty ? undefined : JSON.stringify({ version: PROGRESS_VERSION, ...study }));
}

/** Returns false when the progress could only be kept for this page view. */
export function saveStudy(guide: string, study: GuideStudy): boolean {
  const ok = store(guide, study);
  window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: { guide } }));
  return ok;
}

/** The guides that have progress in this browser. */
export function storedGuides(): string[] {
  const guides = new Set<string>();
  const store = storage();
  try {
    for (let i = 0; store && i < store.length; i++) {
      const match = /^study-guides:(?:study|progress):(.+)$/.exec(store.key(i) ?? '');
      if (match) guides.add(match[1]!);
    }
  } catch {
    // Blocked storage lists nothing.
  }
  for (const key of memory.keys()) if (key.startsWith(STUDY_PREFIX)) guides.add(key.slice(STUDY_PREFIX.length));
  return [...guides].sort();
}

export function loadProgress(guide: string): Progress {
  const progress: Progress = new Map();
  for (const [key, mark] of Object.entries(loadStudy(guide).marks)) if (mark.state) progress.set(Number(key), mark.state);
  return progress;
}

export function setProgress(guide: string, question: number, state: ProgressState | undefined): boolean {
  const study = loadStudy(guide);
  study.marks[question] = { state: state ?? null, at: new Date().toISOString() };
  return saveStudy(guide, study);
}

/** Forgets everything about the guide: marks, cards and reviews. */
export function resetProgress(guide: string): boolean {
  write(progressKey(guide), undefined);
  return saveStudy(guide, emptyStudy());
}

export function loadSelfTest(): boolean {
  return read(SELF_TEST_KEY) === 'on';
}

export function saveSelfTest(on: boolean): boolean {
  return write(SELF_TEST_KEY, on ? 'on' : undefined);
}

export const STATE_LABELS: Record<ProgressState, string> = { known: '已掌握', review: '待复习' };

// A card's state, here rather than in a module of its own: a question page would load one more script file.

export function startOfDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/** Local days from today to `date`: 0 today, 1 tomorrow. */
function daysFromToday(date: Date, now: Date): number {
  const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((day(date) - day(now)) / 86_400_000);
}

/** A card's state in words: 新, 学习中, 今天复习 or 下次复习 3 天后. */
export function cardStatus(card: StoredCard | undefined, now: Date): string {
  if (!card || card.state === 0) return '新';
  if (card.state !== 2) return '学习中';
  const days = daysFromToday(new Date(card.due), now);
  return days <= 0 ? '今天复习' : `下次复习 ${days} 天后`;
}
