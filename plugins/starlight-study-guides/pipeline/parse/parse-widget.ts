import type { Position } from 'unist';
import { z } from 'zod';
import { parseYamlWithPlaces } from './parse-yaml.ts';

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

export interface WidgetError {
  reason: string;
  hint: string;
  place: Position;
}

/**
 * `undefined` when the block is ordinary code; otherwise the widget or what is
 * wrong with it. `firstLine` is the file line of the block's first YAML line.
 */
export function parseWidget(lang: string | null | undefined, body: string, firstLine: number): Widget | { errors: WidgetError[] } | undefined {
  if (!lang || !Object.hasOwn(WIDGETS, lang)) return undefined;
  const widget = WIDGETS[lang as keyof typeof WIDGETS];
  const hint = `格式示例：${widget.example.replaceAll('\n', '；')}`;
  const yaml = parseYamlWithPlaces(body, firstLine);
  if (yaml.errors.length > 0) {
    return { errors: yaml.errors.map((e) => ({ reason: `${lang} 块不是合法的 YAML：${e.reason}`, hint, place: e.place })) };
  }
  const result = widget.schema.safeParse(yaml.data);
  if (!result.success) {
    return {
      errors: result.error.issues.map((i) => ({
        reason: `${lang} 块的内容有误：${i.path.length ? `${i.path.join('.')}：` : ''}${i.message}`,
        hint,
        place: yaml.placeOf(i.path),
      })),
    };
  }
  return { type: widget.type, ...result.data } as Widget;
}
