import type { AlignType, Paragraph, RootContent, Table, TableRow } from 'mdast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { klDivergence } from '../../../../src/math/kd-loss.ts';
import { entropy, softmaxWithTemperature } from '../../../../src/math/softmax-with-temperature.ts';
import type { AnnotationBlock } from '../../model/annotation.ts';
import type { TemperatureExplorer, Widget, WorkedExample } from '../parse/parse-widget.ts';

/** The explorer's custom element (its script defines it). */
export const EXPLORER_ELEMENT = 'kd-temperature-explorer';

/**
 * Turns the widgets among a page's blocks into Markdown nodes built here,
 * never from annotation text: a table of computed numbers, or the explorer's
 * markup with its numbers.
 */
export function expandWidgets(blocks: AnnotationBlock[]): RootContent[] {
  return blocks.flatMap((block) => (isWidget(block) ? widgetNodes(block) : [block]));
}

function isWidget(block: AnnotationBlock): block is Widget {
  return block.type === 'workedExample' || block.type === 'temperatureExplorer';
}

function widgetNodes(widget: Widget): RootContent[] {
  return widget.type === 'workedExample' ? workedExampleTable(widget) : explorer(widget);
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

/**
 * The explorer's markup with the numbers at its initial temperature, as raw
 * HTML built here (every label escaped by the serialiser): the page stays
 * plain Markdown, which Astro renders once and keeps between builds, where a
 * component would make it an MDX page compiled on every build. Its script and
 * style come with it (components/TemperatureExplorer.astro, on pages whose
 * frontmatter says `explorer: true`). The controls are hidden until that
 * script runs: without JavaScript the worked-example table tells the same story.
 */
function explorer({ labels, teacher, student, temperature }: TemperatureExplorer): RootContent[] {
  const models = [
    { role: 'teacher', name: '教师', logits: teacher, p: softmaxWithTemperature(teacher, temperature) },
    { role: 'student', name: '学生', logits: student, p: softmaxWithTemperature(student, temperature) },
  ];
  const softLoss = temperature ** 2 * klDivergence(models[0]!.p, models[1]!.p);
  const ui = h('div.explorer-ui', { hidden: true }, [
    h('p.explorer-title', [h('span.added-badge-label', '本站补充'), '互动演示：温度 T 如何改变 softmax']),
    h('div.explorer-temperature', [
      h('label', { for: 'explorer-temperature' }, '温度 T'),
      h('input#explorer-temperature', { type: 'range', min: 0.5, max: 10, step: 0.5, value: temperature, dataRole: 'temperature' }),
      h('output', { for: 'explorer-temperature', dataRole: 'temperature-value' }, String(temperature)),
    ]),
    h(
      'div.explorer-models',
      models.map((model) =>
        h('fieldset', [
          h('legend', `${model.name}模型的 logits 与概率`),
          h(
            'div.explorer-logits',
            model.logits.map((z, i) =>
              h('label', [
                h('span', labels[i]),
                h('input', { type: 'number', step: 0.5, min: -20, max: 20, value: z, ariaLabel: `${model.name} logit：${labels[i]}`, dataRole: `${model.role}-logit` }),
              ]),
            ),
          ),
          h(
            'ul.explorer-bars',
            { ariaLabel: `${model.name}概率` },
            model.p.map((p, i) =>
              h('li', [
                h('span.explorer-label', labels[i]),
                h('meter', { min: 0, max: 1, value: p, ariaLabel: `${model.name}概率：${labels[i]}` }),
                h('output', { dataRole: `${model.role}-p` }, p.toFixed(4)),
              ]),
            ),
          ),
        ]),
      ),
    ),
    h('p.explorer-summary', { ariaLive: 'polite', dataRole: 'summary' }, `软目标项 T²·KL(教师‖学生) = ${softLoss.toFixed(4)}`),
  ]);
  // The open tag alone on the first line: Markdown takes a custom element's HTML block only so.
  const element = h(EXPLORER_ELEMENT, { className: ['not-content', 'explorer'] }, ['\n', ui, '\n']);
  return [{ type: 'html', value: toHtml(element) }];
}
