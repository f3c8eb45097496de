import { cleanStudy } from './clean-study.ts';
import { PROGRESS_EVENT, loadStudy, saveStudy } from './study-storage.ts';
import { masteredCount, reviewHeatmap } from './study-stats.ts';

/** The statistics of a guide, and export and import of the progress of every guide. */
export function enhanceStudyData(section: HTMLElement): void {
  const guide = section.dataset.guide!;
  const status = section.querySelector<HTMLElement>('[data-data-status]')!;
  const update = () => {
    const study = cleanStudy(loadStudy(guide));
    const reviewed = Object.keys(study.cards).length;
    section.querySelector('[data-stats-summary]')!.textContent =
      `已掌握 ${masteredCount(study)} 题（下次复习在 21 天以后）；学过 ${reviewed} 题；共复习 ${study.reviews.length} 次。`;
    section.querySelector('[data-stats-chart]')!.innerHTML = reviewHeatmap(study, new Date());
  };

  section.querySelector('[data-export]')!.addEventListener('click', async () => {
    const { progressFile } = await import('./progress-file.ts');
    const now = new Date();
    const guides = Object.fromEntries(storedGuides(guide).map((slug) => [slug, cleanStudy(loadStudy(slug))]));
    const blob = new Blob([`${JSON.stringify(progressFile(guides, now), null, 2)}\n`], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `study-progress-${now.toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    status.textContent = `已导出 ${Object.keys(guides).length} 份指南的进度。`;
  });

  const input = section.querySelector<HTMLInputElement>('[data-import]')!;
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    const { mergeStudy, parseProgressFile } = await import('./progress-file.ts');
    const parsed = parseProgressFile(await file.text());
    input.value = '';
    if (!parsed.ok) {
      status.textContent = parsed.message;
      return;
    }
    const lines = Object.entries(parsed.file.guides).map(([slug, incoming]) => {
      const { study, report } = mergeStudy(cleanStudy(loadStudy(slug)), incoming);
      saveStudy(slug, study);
      return `${slug}：${report.fromFile} 题采用文件中的记录，${report.keptLocal} 题本机记录较新已保留，新增 ${report.reviewsAdded} 条复习记录`;
    });
    status.textContent = lines.length ? `已导入。${lines.join('；')}。` : '文件中没有任何进度。';
  });

  window.addEventListener(PROGRESS_EVENT, update);
  window.addEventListener('storage', update);
  update();
  section.hidden = false;
}

/** The guides with progress in this browser, this one always (its progress may live in the page's memory only). */
function storedGuides(current: string): string[] {
  const guides = new Set([current]);
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const match = /^study-guides:(?:study|progress):(.+)$/.exec(localStorage.key(i) ?? '');
      if (match) guides.add(match[1]!);
    }
  } catch {
    // Blocked storage: this guide only.
  }
  return [...guides].sort();
}
