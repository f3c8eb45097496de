import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkMath from 'remark-math';
import { rehypeGlosses } from './rehype-glosses.ts';
import { rehypeKatexMemo } from './rehype-katex-memo.ts';
import { rehypeKatexSearch } from './rehype-katex-search.ts';
import { rehypeScrollableFormulas } from './rehype-scrollable-formulas.ts';
import { rehypeSectionIds } from './rehype-section-ids.ts';
import { rehypeStudySections } from './rehype-study-sections.ts';
import { rehypeTableAlign } from './rehype-table-align.ts';

/** The site's Markdown pipeline; plugins/starlight-study-guides/pipeline/markdown-syntax.ts parses sources with the same syntax. */
export const remarkPlugins: RemarkPlugins = [remarkCjkFriendly, remarkMath];
// Each formula's HTML carries its search and keyboard-focus marks (render-formula.ts); the two plugins after
// KaTeX's give them to a formula kept as a tree, in a heading. The site's processor fills in the formulas (formula-slots.ts).
export const rehypePlugins: RehypePlugins = [rehypeTableAlign, rehypeKatexMemo, rehypeKatexSearch, rehypeScrollableFormulas, rehypeSectionIds, rehypeStudySections, rehypeGlosses];
