import type { RatingValue } from '../model/study-progress.ts';
/**
 * Rating a question on its own page, loaded on the first click of 评分本题: the four buttons with
 * their intervals; `showStatus` writes the card's state on the page again.
 */
export async function offerRatings(tools: HTMLElement, guide: string, question: number, say: (message: string) => void, showStatus: () => void): Promise<void> {
  const [{ cleanStudy }, { previewRatings, rateQuestion }, { loadStudy, saveStudy }] = await Promise.all([
    import('./clean-study.ts'),
    import('./srs.ts'),
    import('./study-storage.ts'),
  ]);
  const open = tools.querySelector<HTMLButtonElement>('[data-rate-open]')!;
  const ratings = tools.querySelector<HTMLElement>('[data-ratings]')!;
  const buttons = [...ratings.querySelectorAll<HTMLButtonElement>('[data-rating]')];
  const toggle = () => {
    if (ratings.hidden) {
      for (const [i, preview] of previewRatings(cleanStudy(loadStudy(guide)).cards[question], new Date()).entries()) {
        buttons[i]!.querySelector('[data-interval]')!.textContent = `${preview.interval}后`;
      }
    }
    ratings.hidden = !ratings.hidden;
    open.setAttribute('aria-expanded', String(!ratings.hidden));
  };
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const study = cleanStudy(loadStudy(guide));
      const { label, interval } = rateQuestion(study, question, Number(button.dataset.rating) as RatingValue, new Date());
      const stored = saveStudy(guide, study);
      showStatus();
      toggle();
      open.focus();
      say(`第 ${question} 题：${label}，${interval}后再复习。${stored ? '' : '（浏览器不允许保存，离开本页后不会保留。）'}`);
    });
  }
  open.addEventListener('click', toggle);
  toggle();
}
