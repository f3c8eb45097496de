import { PROGRESS_EVENT, STATE_LABELS, loadProgress } from './study-storage.ts';

const QUESTION_PATH = /\/([a-z0-9]+(?:-[a-z0-9]+)*)\/(\d+)\/$/;

/**
 * Marks every link to a question in the sidebar (and other lists marked with
 * `data-progress-links`) with the reader's state for it, and keeps the marks
 * current when the state changes on this page.
 */
export function showProgressMarks(): void {
  const update = () => {
    const cache = new Map<string, ReturnType<typeof loadProgress>>();
    for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href], [data-progress-links] a[href]')) {
      const match = QUESTION_PATH.exec(new URL(link.href, location.href).pathname);
      link.querySelector('.progress-mark')?.remove();
      if (!match) continue;
      const [, guide, number] = match as unknown as [string, string, string];
      if (!cache.has(guide)) cache.set(guide, loadProgress(guide));
      const state = cache.get(guide)!.get(Number(number));
      if (!state) continue;
      const mark = document.createElement('span');
      mark.className = 'progress-mark';
      mark.dataset.state = state;
      mark.title = STATE_LABELS[state];
      mark.innerHTML = `<span aria-hidden="true">${state === 'known' ? '✓' : '↺'}</span><span class="sr-only">（${STATE_LABELS[state]}）</span>`;
      link.append(mark);
    }
  };
  update();
  window.addEventListener(PROGRESS_EVENT, update);
  // Another tab marked something.
  window.addEventListener('storage', update);
}
