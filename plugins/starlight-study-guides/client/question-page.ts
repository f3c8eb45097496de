import { HideableSection, fragmentTarget } from './hideable-section.ts';
import { type ProgressState, STATE_LABELS, cardStatus, loadProgress, loadSelfTest, loadStudy, saveSelfTest, setProgress } from './study-storage.ts';

/** Sections that self-test mode hides, with the word on their button. */
const HIDDEN_IN_SELF_TEST: Record<string, string> = { answer: '答案', explanation: '解析' };

/** Self-test mode, progress marks and share links on one question page. */
export function enhanceQuestionPage(tools: HTMLElement): void {
  const guide = tools.dataset.guide!;
  const question = Number(tools.dataset.question);
  const status = tools.querySelector<HTMLElement>('[data-study-status]')!;
  const say = (message: string) => {
    // Clearing first makes screen readers announce the same message twice in a row.
    status.textContent = '';
    requestAnimationFrame(() => (status.textContent = message));
  };

  const content = tools.closest('[data-study-view]')!;
  const hideables = [...content.querySelectorAll<HTMLElement>('.sl-markdown-content > section.study-section')]
    .filter((section) => section.dataset.section! in HIDDEN_IN_SELF_TEST)
    .map((section) => new HideableSection(section, HIDDEN_IN_SELF_TEST[section.dataset.section!]!));

  const toggle = tools.querySelector<HTMLInputElement>('[data-self-test-toggle]')!;
  const expandButtons = tools.querySelector<HTMLElement>('[data-expand-buttons]')!;
  const applySelfTest = (on: boolean) => {
    toggle.checked = on;
    expandButtons.hidden = !on || hideables.length < 2;
    for (const section of hideables) section.enabled = on;
    revealLinkedSection();
  };
  /** A link to #answer (or into it), e.g. from a search result, shows what it points at. */
  const revealLinkedSection = () => {
    const target = fragmentTarget();
    const section = hideables.find((s) => s.contains(target));
    if (!section?.isHidden) return;
    section.show();
    target!.scrollIntoView();
  };
  toggle.addEventListener('change', () => {
    applySelfTest(toggle.checked);
    saveSelfTest(toggle.checked);
    say(toggle.checked ? '自测模式已开启：答案和解析已隐藏。' : '自测模式已关闭：答案和解析全部显示。');
  });
  tools.querySelector('[data-expand-all]')!.addEventListener('click', () => hideables.forEach((s) => s.show()));
  tools.querySelector('[data-collapse-all]')!.addEventListener('click', () => hideables.forEach((s) => s.hide()));
  window.addEventListener('hashchange', revealLinkedSection);
  applySelfTest(loadSelfTest());

  const markButtons = [...tools.querySelectorAll<HTMLButtonElement>('[data-mark]')];
  const showMark = () => {
    const state = loadProgress(guide).get(question);
    for (const button of markButtons) button.setAttribute('aria-pressed', String(button.dataset.mark === state));
  };
  for (const button of markButtons) {
    button.addEventListener('click', () => {
      const state = button.dataset.mark as ProgressState;
      const next = loadProgress(guide).get(question) === state ? undefined : state;
      const stored = setProgress(guide, question, next);
      showMark();
      const message = next ? `第 ${question} 题已标记为“${STATE_LABELS[next]}”。` : `已取消第 ${question} 题的标记。`;
      say(stored ? message : `${message}（浏览器不允许保存，离开本页后不会保留。）`);
    });
  }
  showMark();

  const more = tools.querySelector<HTMLButtonElement>('[data-tools-toggle]')!;
  more.addEventListener('click', () => more.setAttribute('aria-expanded', String(tools.toggleAttribute('data-open'))));

  enhanceCardRating(tools, guide, question, say);
  addCopyLinkButtons(content, say);
  tools.hidden = false;
  document.documentElement.setAttribute('data-study-ready', '');
}

/** The question's FSRS card in words; rating it loads client/card-rating.ts (and ts-fsrs) on the first click. */
function enhanceCardRating(tools: HTMLElement, guide: string, question: number, say: (message: string) => void): void {
  const status = tools.querySelector<HTMLElement>('[data-card-status]')!;
  const showStatus = () => (status.textContent = cardStatus(loadStudy(guide).cards[question], new Date()));
  tools.querySelector('[data-rate-open]')!.addEventListener(
    'click',
    async () => (await import('./card-rating.ts')).offerRatings(tools, guide, question, say, showStatus),
    { once: true },
  );
  showStatus();
}

/** A “复制链接” button beside each section heading; the heading's own anchor link works without JavaScript. */
function addCopyLinkButtons(content: Element, say: (message: string) => void): void {
  for (const heading of content.querySelectorAll<HTMLElement>('.sl-markdown-content > section.study-section > .sl-heading-wrapper > h2[id]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-link-button';
    button.textContent = '复制链接';
    button.setAttribute('aria-label', `复制链接：${heading.textContent?.trim()}`);
    button.addEventListener('click', async () => {
      // The page's own address, without a query (the search words a result adds to it).
      const url = new URL(`#${heading.id}`, location.origin + location.pathname).href;
      try {
        await navigator.clipboard.writeText(url);
        button.textContent = '已复制';
        say(`已复制链接：${url}`);
      } catch {
        say(`无法自动复制，请手动复制：${url}`);
      }
      setTimeout(() => (button.textContent = '复制链接'), 2000);
    });
    heading.parentElement!.append(button);
  }
}
