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

/** Strict: what KaTeX would only warn about is an error, as in the build check. */
export const katexOptions = { strict: 'error' } as const;

/** The site's Markdown pipeline; plugins/starlight-study-guides/pipeline/markdown-syntax.ts parses sources with the same syntax. */
export const remarkPlugins: RemarkPlugins = [remarkCjkFriendly, remarkMath];
// Table alignment runs before KaTeX adds its large subtrees, so it walks a small tree.
export const rehypePlugins: RehypePlugins = [rehypeTableAlign, [rehypeKatexMemo, katexOptions], rehypeKatexSearch, rehypeScrollableFormulas, rehypeSectionIds, rehypeStudySections, rehypeGlosses];
