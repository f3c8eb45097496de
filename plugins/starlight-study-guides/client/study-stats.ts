import type { GuideStudy } from '../model/study-progress-schema.ts';

export function startOfDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/** Anki calls a card mature once its interval reaches 21 days; we call its question mastered. */
export const MASTERED_DAYS = 21;

export function masteredCount(study: GuideStudy): number {
  return Object.values(study.cards).filter((card) => card.state === 2 && card.scheduled_days >= MASTERED_DAYS).length;
}

const dayKey = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Reviews per local day, for the `days` days up to and including today, oldest first. */
export function reviewsPerDay(study: GuideStudy, now: Date, days: number): { day: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const review of study.reviews) {
    const key = dayKey(new Date(review.at));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const today = startOfDay(now);
  return Array.from({ length: days }, (_, i) => {
    const day = dayKey(new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1 - i)));
    return { day, count: counts.get(day) ?? 0 };
  });
}

const CELL = 14;
const GAP = 3;
const LEVELS = [0, 1, 3, 6, 10];

/**
 * A heatmap of the last `weeks` weeks, a column per week and a row per
 * weekday (Monday on top), like a contribution calendar. Every cell has a
 * title with its date and count; the figure's label sums it up.
 */
export function reviewHeatmap(study: GuideStudy, now: Date, weeks = 12): string {
  // Columns start on Monday, so the last column is the week holding today.
  const mondayIndex = (startOfDay(now).getDay() + 6) % 7;
  const days = reviewsPerDay(study, now, (weeks - 1) * 7 + mondayIndex + 1);
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const active = days.filter((d) => d.count > 0).length;
  const width = weeks * (CELL + GAP) - GAP;
  const height = 7 * (CELL + GAP) - GAP;
  const cells = days.map(({ day, count }, i) => {
    const level = LEVELS.findLastIndex((min) => count >= min);
    const x = Math.floor(i / 7) * (CELL + GAP);
    const y = (i % 7) * (CELL + GAP);
    return `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="2" class="heat-${level}"><title>${day}：复习 ${count} 次</title></rect>`;
  });
  const label = `过去 ${weeks} 周共复习 ${total} 次，其中 ${active} 天有复习。`;
  return `<svg class="review-heatmap" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${label}">${cells.join('')}</svg>`;
}
