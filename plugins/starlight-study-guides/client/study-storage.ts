import type { GuideStudy, StoredCard, StoredMark } from '../model/study-progress-schema.ts';
import { PROGRESS_VERSION } from '../model/study-progress.ts';
/** Whether the reader knows a question; no entry means not marked yet. */
export type ProgressState = 'known' | 'review';
export type Progress = Map<number, ProgressState>;

/** Read by client/early-script.ts too, before first paint. */
export const SELF_TEST_KEY = 'study-guides:self-test';
/** Version 1: marks only. */
const progressKey = (guide: string) => `study-guides:progress:${guide}`;
/** Version 2: marks, FSRS cards and reviews (model/study-progress.ts). */
const studyKey = (guide: string) => `study-guides:study:${guide}`;

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

/**
 * Progress as stored, its entries not yet checked: code that schedules, counts
 * or exports passes it through cleanStudy (client/clean-study.ts) first; the
 * question page reads a mark's or a card's `state` only, and guards that.
 * Kept this small because every page loads it.
 */
export interface StoredStudy {
  marks: Record<string, unknown>;
  cards: Record<string, unknown>;
  reviews: unknown[];
}

const isQuestionKey = (key: string) => /^[1-9]\d*$/.test(key);
const record = (value: unknown) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** Version 2 as stored, or undefined for anything else. */
export function parseStudy(raw: string | null): StoredStudy | undefined {
  const data = parseObject(raw);
  if (data?.version !== PROGRESS_VERSION) return undefined;
  return { marks: record(data.marks), cards: record(data.cards), reviews: Array.isArray(data.reviews) ? data.reviews : [] };
}

/** Version 1 marks become version 2 marks dated 1970: any mark set since, on any device, is newer. */
function migrateMarks(progress: Progress): GuideStudy {
  const study = emptyStudy();
  for (const [question, state] of progress) study.marks[question] = { state, at: new Date(0).toISOString() };
  return study;
}

/** A guide's progress, carried over from version 1 the first time it is read. */
export function loadStudy(guide: string): StoredStudy {
  const study = parseStudy(read(studyKey(guide)));
  if (study) return study;
  const old = read(progressKey(guide));
  if (old === null) return emptyStudy();
  const migrated = migrateMarks(parseProgress(old));
  // No PROGRESS_EVENT: nothing changed for the reader, and its listeners would read (and migrate) again.
  if (store(guide, migrated)) write(progressKey(guide), undefined);
  return migrated;
}

/** Even empty progress is written: without it, version 1's marks would be read again. */
function store(guide: string, study: StoredStudy): boolean {
  return write(studyKey(guide), JSON.stringify({ version: PROGRESS_VERSION, ...study }));
}

/** Returns false when the progress could only be kept for this page view. */
export function saveStudy(guide: string, study: StoredStudy): boolean {
  const ok = store(guide, study);
  window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: { guide } }));
  return ok;
}

export function loadProgress(guide: string): Progress {
  const progress: Progress = new Map();
  for (const [key, mark] of Object.entries(loadStudy(guide).marks)) {
    const state = (mark as Partial<StoredMark> | null)?.state;
    if (state === 'known' || state === 'review') progress.set(Number(key), state);
  }
  return progress;
}

export function setProgress(guide: string, question: number, state: ProgressState | undefined): boolean {
  const study = loadStudy(guide);
  study.marks[question] = { state: state ?? null, at: new Date().toISOString() };
  return saveStudy(guide, study);
}

/** Forgets everything about the guide: marks, cards and reviews (reading it first moved version 1's marks). */
export function resetProgress(guide: string): boolean {
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

/** A card's state in words: 新, 学习中, 今天复习 or 下次复习 3 天后; anything but a card is new. */
export function cardStatus(stored: unknown, now: Date): string {
  const card = stored as Partial<StoredCard> | null | undefined;
  if (card?.state !== 1 && card?.state !== 2 && card?.state !== 3) return '新';
  if (card.state !== 2) return '学习中';
  // Whole days from now, rounded up, as Anki counts an interval.
  const days = Math.ceil((Date.parse(card.due as string) - +now) / 86_400_000);
  return days > 0 ? `下次复习 ${days} 天后` : '今天复习';
}
