import { GUIDE_SLUG, RESERVED_SLUGS } from '../model/pages.ts';

/** Why `slug` cannot name a new guide folder, or undefined when it can. */
export function slugProblem(slug: string): string | undefined {
  const reservedFor = RESERVED_SLUGS.get(slug);
  if (reservedFor) return `“${slug}” 已被${reservedFor}占用，请换一个名字。`;
  if (!GUIDE_SLUG.test(slug)) return `“${slug}” 不能用作网址：只用小写字母、数字和连字符，例如 “model-compression”。`;
  return undefined;
}

/**
 * The files of a new guide, by path inside its folder: a two-question source
 * that shows the format, its topics file and one annotation. All of it is
 * valid, so the site builds with no warning before the author writes a word.
 */
export function newGuideFiles(title: string): Record<string, string> {
  return {
    'source.md': `### ${title}

#### 1. 第一道题的标题（以问号结尾）？

**题目：** 在这里写题目。可以用 Markdown：**加粗**、列表、\`代码\` 和公式 $E = mc^2$。

**答案：** 在这里写答案。

**解析：** 在这里写解析：为什么是这个答案，容易错在哪里。

#### 2. 第二道题的标题？

**题目：** 题号从 1 开始连续编号，每题都有 **题目：**、**答案：** 和 **解析：** 三段。

**答案：**

- 答案里可以有列表；
- 也可以有表格和代码块。

**解析：** 写完一题就保存，开着 \`npm run dev\` 的浏览器会立即显示新页面。
`,
    'topics.yaml': `# 本站补充：每道题归入一个主题，侧边栏按这里的顺序分组。
# 没有列出的题暂列在 “未分类” 下，构建时给出警告。
topics:
  - name: 第一个主题
    questions: [1, 2]
`,
    'annotations/1.md': `## 编者注

这里是本站补充的内容，页面上标为补充，与原文分开显示。文件名是题号：annotations/1.md 补充第 1 题。
`,
  };
}
