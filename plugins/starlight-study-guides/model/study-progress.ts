/**
 * Version 2 of a reader's progress in a guide (schema: study-progress-schema.ts).
 * Version 1 was only the marks, as `{ "<n>": "known" | "review" }`.
 */
export const PROGRESS_VERSION = 2;
export const PROGRESS_FILE_FORMAT = 'study-guides-progress';

/** The four answers to “how well did you remember?”, as Anki names them; values are ts-fsrs's `Rating`. */
export const RATINGS = [
  { value: 1, label: '重来' },
  { value: 2, label: '困难' },
  { value: 3, label: '良好' },
  { value: 4, label: '简单' },
] as const;

export type RatingValue = (typeof RATINGS)[number]['value'];
