import { describe, expect, it } from 'vitest';
import type { GuideStudy } from '../../plugins/starlight-study-guides/model/study-progress-schema.ts';
import { NEW_PER_DAY, dueToday } from '../../plugins/starlight-study-guides/client/review-queue.ts';
import { formatInterval, previewRatings, rateQuestion } from '../../plugins/starlight-study-guides/client/srs.ts';
import { cardStatus, emptyStudy } from '../../plugins/starlight-study-guides/client/study-storage.ts';
import { masteredCount, reviewHeatmap } from '../../plugins/starlight-study-guides/client/study-stats.ts';

// Local times, so the tests mean the same in every time zone.
const at = (day: number, hour = 9, minute = 0) => new Date(2026, 0, day, hour, minute);
const questions = Array.from({ length: 30 }, (_, i) => i + 1);

describe('review › scheduling with ts-fsrs', () => {
  it('offers a new card FSRS’s learning steps, and sends an easy one days away', () => {
    const preview = previewRatings(undefined, at(5));
    expect(preview.map((p) => [p.label, p.interval])).toEqual([
      ['重来', '1 分钟'],
      ['困难', '6 分钟'],
      ['良好', '10 分钟'],
      ['简单', expect.stringMatching(/^\d+ 天$/)],
    ]);
    expect(preview.map((p) => p.card.state)).toEqual([1, 1, 1, 2]);
  });

  it('graduates a card answered 良好 twice, and spaces each later 良好 further out', () => {
    const study = emptyStudy();
    rateQuestion(study, 6, 3, at(5, 9, 0));
    expect(study.cards[6]).toMatchObject({ state: 1, due: at(5, 9, 10).toISOString(), last_review: at(5, 9, 0).toISOString() });
    rateQuestion(study, 6, 3, at(5, 9, 10));
    const first = study.cards[6]!;
    expect(first.state).toBe(2);
    expect(first.scheduled_days).toBeGreaterThanOrEqual(1);
    const due = new Date(first.due);
    rateQuestion(study, 6, 3, due);
    expect(study.cards[6]!.scheduled_days).toBeGreaterThan(first.scheduled_days);
    expect(study.reviews.map((r) => [r.question, r.rating, r.state])).toEqual([[6, 3, 0], [6, 3, 1], [6, 3, 2]]);
  });

  it('sends a forgotten card back to relearning, and counts the lapse', () => {
    const study = emptyStudy();
    rateQuestion(study, 2, 4, at(5));
    const due = new Date(study.cards[2]!.due);
    const applied = rateQuestion(study, 2, 1, due);
    expect(study.cards[2]).toMatchObject({ state: 3, lapses: 1 });
    expect(applied.interval).toBe('10 分钟');
  });

  it('names intervals as Anki does', () => {
    const minute = 60_000;
    expect([0.2, 1, 59].map((m) => formatInterval(m * minute))).toEqual(['1 分钟', '1 分钟', '59 分钟']);
    expect(formatInterval(3 * 60 * minute)).toBe('3 小时');
    expect(formatInterval(3 * 24 * 60 * minute)).toBe('3 天');
    expect(formatInterval(45 * 24 * 60 * minute)).toBe('1.5 个月');
    expect(formatInterval(730 * 24 * 60 * minute)).toBe('2 年');
  });
});

describe('review › today’s queue', () => {
  it('starts with the first new questions, up to the daily allowance', () => {
    expect(dueToday(emptyStudy(), questions, at(5))).toEqual({ learning: [], review: [], new: questions.slice(0, NEW_PER_DAY) });
  });

  it('counts reviews due before midnight, learning steps within 20 minutes, and new cards already introduced today', () => {
    const study = emptyStudy();
    rateQuestion(study, 1, 4, at(1)); // graduates to review, due days later
    rateQuestion(study, 2, 1, at(5, 9, 0)); // learning, due 09:01
    rateQuestion(study, 3, 3, at(5, 8, 0)); // learning, due 08:10
    const later = dueToday(study, questions, at(5, 9, 0));
    expect(later.learning).toEqual([3, 2]);
    expect(later.new).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    const easyDue = new Date(study.cards[1]!.due);
    const onDueDay = dueToday(study, questions, new Date(easyDue.getFullYear(), easyDue.getMonth(), easyDue.getDate(), 0, 1));
    expect(onDueDay.review).toEqual([1]);
    expect(dueToday(study, questions, new Date(easyDue.getTime() - 86_400_000)).review).toEqual([]);
  });

  it('describes a card as 新, 学习中 or when it comes back', () => {
    const study = emptyStudy();
    expect(cardStatus(study.cards[1], at(5))).toBe('新');
    rateQuestion(study, 1, 3, at(5));
    expect(cardStatus(study.cards[1], at(5))).toBe('学习中');
    study.cards[1] = { ...study.cards[1]!, state: 2, due: at(8, 7).toISOString() };
    expect(cardStatus(study.cards[1], at(5, 23))).toBe('下次复习 3 天后');
    expect(cardStatus(study.cards[1], at(8, 8))).toBe('今天复习');
  });
});

describe('review › statistics', () => {
  it('calls a question mastered once its interval reaches 21 days', () => {
    const study: GuideStudy = emptyStudy();
    rateQuestion(study, 1, 4, at(1));
    expect(masteredCount(study)).toBe(0);
    study.cards[1] = { ...study.cards[1]!, scheduled_days: 21 };
    expect(masteredCount(study)).toBe(1);
  });

  it('draws 12 weeks of days up to today, each titled with its date and count', () => {
    const study = emptyStudy();
    rateQuestion(study, 1, 3, at(5, 9));
    rateQuestion(study, 1, 3, at(5, 9, 10));
    rateQuestion(study, 2, 3, at(2));
    const svg = reviewHeatmap(study, at(5)); // Monday, 5 January 2026: the last column holds one day
    expect(svg.match(/<rect /g)).toHaveLength(11 * 7 + 1);
    expect(svg).toContain('<title>2026-01-05：复习 2 次</title>');
    expect(svg).toContain('<title>2026-01-02：复习 1 次</title>');
    // Eleven whole weeks before this one, from a Monday.
    expect(svg).toContain('<rect x="0" y="0" width="14" height="14" rx="2" class="heat-0"><title>2025-10-20：复习 0 次</title>');
    expect(svg).toContain('aria-label="过去 12 周共复习 3 次，其中 2 天有复习。"');
  });
});
