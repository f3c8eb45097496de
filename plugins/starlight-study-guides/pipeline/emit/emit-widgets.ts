import type { AlignType, Paragraph, RootContent, Table, TableRow } from 'mdast';
import type { MdxJsxFlowElement, MdxjsEsm } from 'mdast-util-mdx';
import { entropy, softmaxWithTemperature } from '../../../../src/math/softmax-with-temperature.ts';
import type { AnnotationBlock } from '../../model/annotation.ts';
import type { TemperatureExplorer, Widget, WorkedExample } from '../parse/parse-widget.ts';

/** Root-relative, so Vite resolves it from any generated page's folder. */
const EXPLORER_COMPONENT = '/plugins/starlight-study-guides/components/TemperatureExplorer.astro';

/**
 * Turns the widgets among a page's blocks into Markdown and MDX nodes built
 * here, never from annotation text: a table of computed numbers, or the
 * explorer component with its numbers passed as JSON strings. `imported`
 * is shared by all sections of one page, so each component is imported once.
 */
export function expandWidgets(blocks: AnnotationBlock[], imported: Set<string>): RootContent[] {
  return blocks.flatMap((block) => (isWidget(block) ? widgetNodes(block, imported) : [block]));
}

function isWidget(block: AnnotationBlock): block is Widget {
  return block.type === 'workedExample' || block.type === 'temperatureExplorer';
}

function widgetNodes(widget: Widget, imported: Set<string>): RootContent[] {
  return widget.type === 'workedExample' ? workedExampleTable(widget) : explorer(widget, imported);
}

const format = (n: number) => n.toFixed(4);

/** Teacher probabilities and their entropy at each temperature, computed by src/math. */
export function workedExampleTable({ labels, logits, temperatures }: WorkedExample): RootContent[] {
  const cell = (value: string) => ({ type: 'tableCell' as const, children: [{ type: 'text' as const, value }] });
  const header: TableRow = { type: 'tableRow', children: ['T', ...labels, '熵 H'].map(cell) };
  const rows: TableRow[] = temperatures.map((t) => {
    const q = softmaxWithTemperature(logits, t);
    return { type: 'tableRow', children: [String(t), ...q.map(format), format(entropy(q))].map(cell) };
  });
  const align: AlignType[] = ['left', ...labels.map((): AlignType => 'right'), 'right'];
  const table: Table = { type: 'table', align, children: [header, ...rows] };
  const caption: Paragraph = {
    type: 'paragraph',
    children: [
      { type: 'text', value: `logits 为 (${logits.join(', ')}) 时，各温度 T 下每个类别的 softmax 概率，以及分布的熵 H（单位 nats）。表中数字由本站的 TypeScript 模块 ` },
      { type: 'inlineCode', value: 'src/math/softmax-with-temperature.ts' },
      { type: 'text', value: ' 在构建网站时计算，不是手工填写的。' },
    ],
  };
  return [table, caption];
}

function explorer({ labels, teacher, student, temperature }: TemperatureExplorer, imported: Set<string>): RootContent[] {
  const nodes: RootContent[] = [];
  if (!imported.has(EXPLORER_COMPONENT)) {
    imported.add(EXPLORER_COMPONENT);
    const esm: MdxjsEsm = { type: 'mdxjsEsm', value: `import TemperatureExplorer from ${JSON.stringify(EXPLORER_COMPONENT)};` };
    nodes.push(esm);
  }
  const attribute = (name: string, value: unknown) => ({ type: 'mdxJsxAttribute' as const, name, value: JSON.stringify(value) });
  const element: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: 'TemperatureExplorer',
    attributes: [attribute('labels', labels), attribute('teacher', teacher), attribute('student', student), attribute('temperature', temperature)],
    children: [],
  };
  nodes.push(element);
  return nodes;
}
