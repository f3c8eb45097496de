import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * A widget is written in an annotation as a fenced block whose language names
 * it and whose body is YAML, e.g. ```worked-example. The build replaces it
 * with content computed by src/math, so the numbers are never typed by hand.
 */
export type Widget = WorkedExample | TemperatureExplorer;

const logits = z.array(z.number().min(-100).max(100)).min(2).max(8);
const labels = z.array(z.string().min(1).max(12)).min(2).max(8);

const workedExample = z
  .object({
    labels,
    logits,
    temperatures: z.array(z.number().positive().max(100)).min(1).max(8),
  })
  .strict()
  .refine((v) => v.labels.length === v.logits.length, '“labels” 与 “logits” 的个数必须相同');

const temperatureExplorer = z
  .object({
    labels,
    teacher: logits,
    student: logits,
    temperature: z.number().min(0.5).max(10),
  })
  .strict()
  .refine((v) => v.labels.length === v.teacher.length && v.labels.length === v.student.length, '“labels”、“teacher” 与 “student” 的个数必须相同');

export type WorkedExample = { type: 'workedExample' } & z.infer<typeof workedExample>;
export type TemperatureExplorer = { type: 'temperatureExplorer' } & z.infer<typeof temperatureExplorer>;

const WIDGETS = {
  'worked-example': { type: 'workedExample', schema: workedExample, example: 'labels: [猫, 狗, 车]\nlogits: [4, 2, -1]\ntemperatures: [1, 2, 4, 8]' },
  'temperature-explorer': { type: 'temperatureExplorer', schema: temperatureExplorer, example: 'labels: [猫, 狗, 车]\nteacher: [4, 2, -1]\nstudent: [3, 2.5, 0]\ntemperature: 4' },
} as const;

/** `undefined` when the block is ordinary code; otherwise the widget or a Chinese error message. */
export function parseWidget(lang: string | null | undefined, body: string): Widget | { error: string } | undefined {
  if (!lang || !Object.hasOwn(WIDGETS, lang)) return undefined;
  const widget = WIDGETS[lang as keyof typeof WIDGETS];
  let data: unknown;
  try {
    data = parseYaml(body);
  } catch (error) {
    return { error: `${lang} 块不是合法的 YAML（${error instanceof Error ? error.message.split('\n')[0] : String(error)}）。格式示例：\n${widget.example}` };
  }
  const result = widget.schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message)).join('；');
    return { error: `${lang} 块的内容有误：${problems}。格式示例：\n${widget.example}` };
  }
  return { type: widget.type, ...result.data } as Widget;
}
