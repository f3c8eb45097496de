import { HideableSection } from './hideable-section.ts';
import { type ProgressState, STATE_LABELS, loadProgress, setProgress } from './study-storage.ts';

interface Card {
  number: number;
  section: HTMLElement;
  hidden: HideableSection[];
}

/** 随机复习: one question at a time, in random order, answer on request. */
export function enhanceReviewPage(controls: HTMLElement): void {
  const guide = controls.dataset.guide!;
  const content = controls.closest('[data-study-view]')!;
  const cards: Card[] = [...content.querySelectorAll<HTMLElement>('.sl-markdown-content > section.study-section')].map((section) => ({
    number: Number(section.dataset.section!.replace(/^q/, '')),
    section,
    hidden: [...section.querySelectorAll<HTMLElement>(':scope > .study-section-body > section.study-section')]
      .filter((part) => part.dataset.section === 'answer' || part.dataset.section === 'explanation')
      .map((part) => new HideableSection(part, part.dataset.section === 'answer' ? '答案' : '解析')),
  }));
  const position = controls.querySelector<HTMLElement>('[data-review-position]')!;
  const status = controls.querySelector<HTMLElement>('[data-review-status]')!;
  const markButtons = [...controls.querySelectorAll<HTMLButtonElement>('[data-mark]')];
  const revealButton = controls.querySelector<HTMLButtonElement>('[data-review-reveal]')!;
  const nextButton = controls.querySelector<HTMLButtonElement>('[data-review-next]')!;
  let deck: Card[] = [];
  let index = 0;

  const current = () => deck[index];
  const scope = () => controls.querySelector<HTMLInputElement>('[name="review-scope"]:checked')!.value;

  const show = () => {
    for (const card of cards) card.section.hidden = card !== current();
    const card = current();
    revealButton.disabled = nextButton.disabled = !card;
    for (const button of markButtons) button.disabled = !card;
    if (!card) {
      position.textContent = scope() === 'review' ? '没有标记为“待复习”的题目。' : '这份指南没有题目。';
      return;
    }
    for (const part of card.hidden) part.enabled = true;
    position.textContent = `第 ${index + 1} / ${deck.length} 张：第 ${card.number} 题`;
    showMark();
  };
  const showMark = () => {
    const state = current() && loadProgress(guide).get(current()!.number);
    for (const button of markButtons) button.setAttribute('aria-pressed', String(button.dataset.mark === state));
  };
  const shuffle = () => {
    const progress = loadProgress(guide);
    deck = cards.filter((card) => scope() === 'all' || progress.get(card.number) === 'review');
    // Fisher–Yates: every order equally likely.
    for (let i = deck.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [deck[i], deck[j]] = [deck[j]!, deck[i]!];
    }
    index = 0;
    show();
  };
  const reveal = () => {
    current()?.hidden.forEach((part) => part.show());
    status.textContent = '已显示答案和解析。';
  };
  const next = () => {
    if (deck.length === 0) return;
    if (index + 1 < deck.length) {
      index += 1;
      show();
      status.textContent = position.textContent ?? '';
    } else {
      shuffle();
      status.textContent = '本轮已结束，已重新洗牌。';
    }
    controls.scrollIntoView({ block: 'nearest' });
  };

  revealButton.addEventListener('click', reveal);
  nextButton.addEventListener('click', next);
  for (const button of markButtons) {
    button.addEventListener('click', () => {
      const card = current();
      if (!card) return;
      const state = button.dataset.mark as ProgressState;
      setProgress(guide, card.number, state);
      showMark();
      status.textContent = `第 ${card.number} 题已标记为“${STATE_LABELS[state]}”。`;
    });
  }
  for (const radio of controls.querySelectorAll('[name="review-scope"]')) radio.addEventListener('change', shuffle);
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // Keys keep their usual meaning where they have one: typing, space on a button or link, arrows in radio groups.
    const target = event.target as Element;
    if (target.closest('input, select, textarea, [contenteditable], dialog')) return;
    if (event.key === ' ' && !target.closest('button, a')) {
      event.preventDefault();
      reveal();
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      next();
    }
  });

  controls.hidden = false;
  shuffle();
}
