/** Whether the reader knows a question; no entry means not marked yet. */
export type ProgressState = 'known' | 'review';
export type Progress = Map<number, ProgressState>;

/** Read by client/early-script.ts too, before first paint. */
export const SELF_TEST_KEY = 'study-guides:self-test';
const progressKey = (guide: string) => `study-guides:progress:${guide}`;

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

/** Whatever is stored, a valid map comes out: entries that are not `{ "<n>": "known" | "review" }` are dropped. */
export function parseProgress(raw: string | null): Progress {
  const progress: Progress = new Map();
  if (raw === null) return progress;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return progress;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return progress;
  for (const [key, value] of Object.entries(data)) {
    const number = Number(key);
    if (Number.isInteger(number) && number > 0 && (value === 'known' || value === 'review')) progress.set(number, value);
  }
  return progress;
}

export function loadProgress(guide: string): Progress {
  return parseProgress(read(progressKey(guide)));
}

export function setProgress(guide: string, question: number, state: ProgressState | undefined): boolean {
  const progress = loadProgress(guide);
  if (state) progress.set(question, state);
  else progress.delete(question);
  return saveProgress(guide, progress);
}

export function resetProgress(guide: string): boolean {
  return saveProgress(guide, new Map());
}

function saveProgress(guide: string, progress: Progress): boolean {
  const ok = write(progressKey(guide), progress.size === 0 ? undefined : JSON.stringify(Object.fromEntries(progress)));
  window.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: { guide } }));
  return ok;
}

export function loadSelfTest(): boolean {
  return read(SELF_TEST_KEY) === 'on';
}

export function saveSelfTest(on: boolean): boolean {
  return write(SELF_TEST_KEY, on ? 'on' : undefined);
}

export const STATE_LABELS: Record<ProgressState, string> = { known: '已掌握', review: '待复习' };
