import type { RootContent } from 'mdast';
import { type EmittedPage, emitPage, sectionHeading } from './emit-question-page.ts';
import type { PageFrontmatter } from '../../model/frontmatter.ts';
import type { GuideModel } from '../../model/guide-model.ts';
import { guidePage } from '../../model/pages.ts';
import { formatValue } from '../parse/parse-coding-problems.ts';

const subheading = (text: string): RootContent => ({ type: 'heading', depth: 3, children: [{ type: 'text', value: text }] });

/**
 * 编程题: each problem's task, signature, reference solution and a sample
 * call with its expected output. The solution is the tested module's code as
 * it is when the pages are generated, so the page cannot drift from it.
 */
export function emitCodingPage(guide: GuideModel): EmittedPage {
  const problems = guide.codingProblems;
  const children: RootContent[] = [
    {
      type: 'paragraph',
      children: [{ type: 'text', value: `题库标题中的“算法编程题”在原文里并没有出现，本站补充了 ${problems.length} 道面试中常见的蒸馏编程题。每题的参考实现就是本站用来计算示例表格的 TypeScript 模块，代码在构建时直接从源文件读入，并有单元测试检验示例输出。` }],
    },
    ...problems.flatMap((p): RootContent[] => {
      const call = `${p.sample.function}(${p.sample.args.map((a) => formatValue(a)).join(', ')})`;
      return [
        sectionHeading(`${p.number}. ${p.title}`),
        subheading('任务'),
        ...p.blocks,
        subheading('函数签名'),
        { type: 'code', lang: 'ts', value: p.signature },
        subheading('参考实现'),
        // Expressive Code shows the title as the file's name above the code.
        { type: 'code', lang: 'ts', meta: `title=${JSON.stringify(`src/math/${p.solution}`)}`, value: p.code.trimEnd() },
        subheading('示例'),
        { type: 'code', lang: 'ts', value: `${call}\n// → ${formatValue(p.sample.output, p.sample.digits)}（保留 ${p.sample.digits} 位小数）` },
      ];
    }),
  ];
  const frontmatter: PageFrontmatter = {
    title: guidePage('coding').title,
    description: `${guide.title}：${problems.length} 道蒸馏相关的编程题，附经过测试的参考实现。`,
    sections: problems.map((p) => p.id),
    addedSections: problems.map((p) => p.id),
    // A whole-guide tool, not a step in reading the questions.
    prev: false,
    next: false,
  };
  return emitPage(frontmatter, { type: 'root', children });
}
