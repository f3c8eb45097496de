/**
 * Every check the pipeline makes, in one table: `npm run validate -- --rules`
 * prints it and README.md (“规则一览”) shows it. A diagnostic's severity comes
 * from here, never from the place that reports it.
 *
 * - error: the page would be wrong or a text would be lost; nothing is written.
 * - warning: the site builds and shows what there is; an author should still look.
 */
/** vfile's three kinds of message; no rule is `info` today, the reporters print it all the same. */
export type Severity = 'error' | 'warning' | 'info';

export interface Rule {
  severity: Severity;
  /** What the rule checks, one line. */
  description: string;
  /** A line that breaks it, as an author might type it. */
  example: string;
  /** Why this severity, for the rules that could have another. */
  why?: string;
}

const LOST_TEXT = '否则这段原文不会出现在页面上。';

export const RULES = {
  'not-utf8': { severity: 'error', description: '文件必须是 UTF-8 编码', example: '用 GBK 保存的 source.md' },
  'source-too-large': { severity: 'error', description: '一份题库不超过 1,000,000 个字符', example: '把几个题库粘进同一个 source.md' },
  'nesting-too-deep': { severity: 'error', description: 'Markdown 的嵌套层数有上限', example: '一行里连打几千个 >' },
  'guide-slug': { severity: 'error', description: '指南文件夹名要能用作网址，且不占用站点自己的路径', example: 'src/guides/My Guide/' },
  'no-title': { severity: 'error', description: '题库以一个标题开头（指南名称）', example: '文件第一行直接是 **题目：**' },
  'content-before-title': { severity: 'error', description: '指南标题之前不能有内容', example: '标题上方的一段说明', why: LOST_TEXT },
  'no-questions': { severity: 'error', description: '题库至少有一道题', example: '只有标题的 source.md' },
  'stray-heading': { severity: 'error', description: '题目之间的标题级别不高于题目标题', example: '#### 题目之间夹着 ### 小节', why: LOST_TEXT },
  'heading-format': { severity: 'error', description: '题目标题写成 “N. 标题”', example: '#### 第一题：什么是蒸馏？' },
  'duplicate-number': { severity: 'error', description: '题号不重复', example: '两个 #### 3.' },
  'missing-number': { severity: 'error', description: '题号从 1 开始连续编号', example: '#### 2. 之后是 #### 4.', why: '链接和导出按题号定位，跳号会让旧链接指向别的题。' },
  'missing-section': { severity: 'error', description: '每题都有 **题目：** 和 **答案：**', example: '缺少 **答案：** 的一题' },
  'missing-explanation': { severity: 'warning', description: '每题最好有 **解析：**', example: '只有题目和答案的一题', why: '题目和答案已能成页；新题常常先写答案、后补解析。' },
  'empty-section': { severity: 'error', description: '**题目：**、**答案：**、**解析：** 之后要有内容', example: '**答案：** 后面什么也没写' },
  'content-outside-section': { severity: 'error', description: '题目下的内容都属于某一段', example: '题目标题下、**题目：** 之前的一段话', why: LOST_TEXT },
  'unknown-label': { severity: 'error', description: '段落标签只有 题目、答案、解析 三种', example: '**结论：**', why: LOST_TEXT },
  'duplicate-section': { severity: 'error', description: '每题的每种段落只出现一次', example: '一题里两个 **答案：**', why: LOST_TEXT },
  'invalid-tex': { severity: 'error', description: '公式能被 KaTeX 渲染', example: '$\\fra{a}{b}$' },
  'topics-yaml': { severity: 'error', description: 'topics.yaml 是合法的 YAML', example: 'topics: [name: 缺了右括号' },
  'topics-schema': { severity: 'error', description: 'topics.yaml 的格式是 topics: [{ name, questions }]', example: 'questions: 三' },
  'topic-unknown-question': { severity: 'error', description: '主题只列出存在的题', example: '30 题的指南里 questions: [31]' },
  'topic-duplicate-question': { severity: 'error', description: '每道题只属于一个主题', example: '第 3 题同时在两个主题里' },
  'topic-missing-question': { severity: 'warning', description: '每道题都归入某个主题', example: '新加的第 31 题还没写进 topics.yaml', why: '新题照常成页，暂列在侧栏的 “未分类” 下。' },
  'glossary-yaml': { severity: 'error', description: 'annotations/glossary.yaml 是合法的 YAML', example: 'terms: [{ en: pruning, zh: 剪枝' },
  'glossary-schema': { severity: 'error', description: '术语表的格式是 terms: [{ en, zh, synonyms, questions }]', example: '缺少 zh 的一条' },
  'glossary-duplicate-term': { severity: 'error', description: '每个英文术语只出现一次', example: '两条都是 en: pruning' },
  'glossary-unknown-question': { severity: 'error', description: '术语只列出存在的题', example: '30 题的指南里 questions: [31]', why: '术语表决定搜索把读者带到哪一题，错的题号会把人带错地方。' },
  'annotation-file-name': { severity: 'error', description: '补充文件命名为 annotations/<题号>.md', example: 'annotations/第6题.md' },
  'annotation-unknown-question': { severity: 'warning', description: '补充文件对应一道存在的题', example: '删了第 31 题，annotations/31.md 还在', why: '多出的文件不影响任何页面，只是不会显示。' },
  'annotation-unknown-section': { severity: 'error', description: '补充内容只分 ## 公式、## 编者注、## 参考文献 三段', example: '## 备注', why: LOST_TEXT },
  'annotation-duplicate-section': { severity: 'error', description: '补充文件的每段只出现一次', example: '两个 ## 公式', why: LOST_TEXT },
  'annotation-outside-section': { severity: 'error', description: '补充内容都在某一段之下', example: '文件开头、## 公式 之前的一段话', why: LOST_TEXT },
  'annotation-no-section': { severity: 'error', description: '补充文件至少有一段', example: '空的 annotations/6.md' },
  'formula-heading': { severity: 'error', description: '公式标题带锚点和分组：### 名称 {#id group="分组"}', example: '### 蒸馏损失' },
  'formula-duplicate-id': { severity: 'error', description: '公式锚点在本页唯一', example: '两个 {#kd-loss …}' },
  'formula-without-math': { severity: 'error', description: '每个公式标题下至少有一个 $$ 公式块', example: '### 蒸馏损失 {#kd-loss group="蒸馏损失"} 下只有文字' },
  'widget-spec': { severity: 'error', description: '交互示例（```widget 代码块）的参数正确', example: '```temperature-table 里 temperatures: [0]' },
  'coding-file-name': { severity: 'error', description: '编程题文件命名为 coding/<序号>.md', example: 'coding/kd.md' },
  'coding-frontmatter': { severity: 'error', description: '编程题开头的 YAML 信息块齐全且正确', example: '缺少 solution 的信息块' },
  'coding-solution': { severity: 'error', description: '编程题的 solution 是 src/math 中已有的模块', example: 'solution: kd-los.ts' },
  'coding-duplicate-id': { severity: 'error', description: '编程题的 id 不重复', example: '两道题都是 id: kd-loss' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;
