import type { RatingValue } from '../model/study-progress.ts';
import { cleanStudy } from './clean-study.ts';
import { HideableSection } from './hideable-section.ts';
import { type DueToday, dueToday } from './review-queue.ts';
import { PROGRESS_EVENT, loadStudy, saveStudy } from './study-storage.ts';

interface Card {
  section: HTMLElement;
  hidden: HideableSection[];
}

/** The order of a session: learning steps that have come, then reviews, then new questions, then learning steps a little early. */
function nextQuestion(due: DueToday, now: Date, dueAt: (n: number) => number): number | undefined {
  const ready = due.learning.filter((n) => dueAt(n) <= now.getTime());
  return ready[0] ?? due.review[0] ?? due.new[0] ?? due.learning[0];
}

/** 复习: the questions FSRS says are due today, one at a time; the reader reveals the answer and rates it. */
export function enhanceReviewPage(controls: HTMLElement): void {
  const guide = controls.dataset.guide!;
  const content = controls.closest('[data-study-view]')!;
  const cards = new Map<number, Card>();
  for (const section of content.querySelectorAll<HTMLElement>('.sl-markdown-content > section.study-section')) {
    const hidden = [...section.querySelectorAll<HTMLElement>(':scope > .study-section-body > section.study-section')]
      .filter((part) => part.dataset.section === 'answer' || part.dataset.section === 'explanation')
      .map((part) => new HideableSection(part, part.dataset.section === 'answer' ? '答案' : '解析'));
    cards.set(Number(section.dataset.section!.replace(/^q/, '')), { section, hidden });
  }
  const questions = [...cards.keys()];
  const position = controls.querySelector<HTMLElement>('[data-review-position]')!;
  const status = controls.querySelector<HTMLElement>('[data-review-status]')!;
  const revealButton = controls.querySelector<HTMLButtonElement>('[data-review-reveal]')!;
  const ratings = controls.querySelector<HTMLElement>('[data-ratings]')!;
  const ratingButtons = [...ratings.querySelectorAll<HTMLButtonElement>('[data-rating]')];
  // ts-fsrs is loaded once a card is on screen, so its intervals are ready by the time the reader has answered.
  const srs = import('./srs.ts');
  let current: number | undefined;

  const show = () => {
    const now = new Date();
    const study = cleanStudy(loadStudy(guide));
    const due = dueToday(study, questions, now);
    for (const kind of ['new', 'learning', 'review'] as const) controls.querySelector(`[data-due="${kind}"]`)!.textContent = String(due[kind].length);
    current = nextQuestion(due, now, (n) => Date.parse(study.cards[n]!.due));
    for (const [number, card] of cards) card.section.hidden = number !== current;
    ratings.hidden = true;
    revealButton.hidden = current === undefined;
    if (current === undefined) {
      position.textContent = '今天的复习已完成。明天再来，或者打开任意一题评分。';
      return;
    }
    for (const part of cards.get(current)!.hidden) part.enabled = true;
    const kind = due.new.includes(current) ? '新题' : due.review.includes(current) ? '复习' : '学习中';
    position.textContent = `第 ${current} 题（${kind}）`;
  };

  const reveal = async () => {
    if (current === undefined || !ratings.hidden) return;
    const question = current;
    cards.get(question)!.hidden.forEach((part) => part.show());
    const { previewRatings } = await srs;
    const preview = previewRatings(cleanStudy(loadStudy(guide)).cards[question], new Date());
    for (const [i, button] of ratingButtons.entries()) button.querySelector('[data-interval]')!.textContent = `${preview[i]!.interval}后`;
    const focused = controls.contains(document.activeElement);
    revealButton.hidden = true;
    ratings.hidden = false;
    // The reveal button is gone; the reader's next step is a rating.
    if (focused) ratingButtons[2]!.focus();
    status.textContent = '已显示答案和解析。请评分：1 重来，2 困难，3 良好，4 简单。';
  };

  const rate = async (rating: RatingValue) => {
    if (current === undefined || ratings.hidden) return;
    const question = current;
    const { rateQuestion } = await srs;
    const study = cleanStudy(loadStudy(guide));
    const { label, interval } = rateQuestion(study, question, rating, new Date());
    const stored = saveStudy(guide, study);
    const focused = controls.contains(document.activeElement);
    // Saving fired PROGRESS_EVENT, which has shown the next question.
    if (focused) (revealButton.hidden ? controls : revealButton).focus();
    status.textContent = `第 ${question} 题：${label}，${interval}后再复习。${stored ? '' : '（浏览器不允许保存，离开本页后不会保留。）'}${position.textContent}`;
    controls.scrollIntoView({ block: 'nearest' });
  };

  revealButton.addEventListener('click', () => void reveal());
  for (const button of ratingButtons) button.addEventListener('click', () => void rate(Number(button.dataset.rating) as RatingValue));
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // Keys keep their usual meaning where they have one: typing, and space on a button or link.
    const target = event.target as Element;
    if (target.closest('input, select, textarea, [contenteditable], dialog')) return;
    if (event.key === ' ' && !target.closest('button, a')) {
      event.preventDefault();
      void reveal();
    } else if (/^[1-4]$/.test(event.key)) {
      event.preventDefault();
      void rate(Number(event.key) as RatingValue);
    }
  });

  // Progress changed by a rating, an import or another tab: today's queue changes with it.
  window.addEventListener(PROGRESS_EVENT, show);
  window.addEventListener('storage', show);
  controls.tabIndex = -1;
  controls.hidden = false;
  show();
}
