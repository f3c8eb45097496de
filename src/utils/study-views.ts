/** The whole-guide pages beside the question pages, each at `/<guide>/<view>/`, built from the question pages. */
export type StudyView = 'print' | 'review';

export const STUDY_VIEWS: Record<StudyView, { title: string; intro: string; withAdded: boolean }> = {
  print: {
    title: '打印全部题目',
    intro: '本站补充：本页按原文顺序收录全部题目、答案、解析和本站补充的内容，用浏览器的“打印”即可打印或另存为 PDF；打印时每道题从新的一页开始，答案总是展开。',
    withAdded: true,
  },
  review: {
    title: '随机复习',
    intro: '本站补充：按随机顺序一次出一道题，先自己作答，再显示答案并标记“已掌握”或“待复习”。快捷键：空格显示答案，→ 下一题。未启用 JavaScript 时，下面按顺序列出全部题目。',
    withAdded: false,
  },
};
