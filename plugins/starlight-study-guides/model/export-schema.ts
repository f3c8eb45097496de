import { z } from 'zod';

const text = z.object({
  markdown: z.string().min(1).describe('The section as written in the source, in Markdown (GFM, `$` math).'),
  text: z.string().min(1).describe('The same section as plain text (formulas as their TeX source).'),
});

/** One question of a guide, as published in `/exports/<guide>.json`. */
export const exportedQuestionSchema = z.object({
  number: z.number().int().positive().describe('Question number in the source, 1, 2, 3, …'),
  title: z.string().min(1).describe('The question heading without its number.'),
  prompt: text.describe('题目'),
  answer: text.describe('答案'),
  explanation: text.optional().describe('解析; absent while the source has none yet.'),
  topic: z.string().min(1).describe('The topic the guide assigns the question to (topics.yaml).'),
  url: z.url().describe('Absolute URL of the question page.'),
});

/** The whole file: one JSON object per guide. */
export const guideExportSchema = z.object({
  guide: z.string().describe('The guide slug (its folder name and URL segment).'),
  title: z.string().min(1),
  url: z.url().describe('Absolute URL of the guide index.'),
  questions: z.array(exportedQuestionSchema),
});

export type GuideExport = z.infer<typeof guideExportSchema>;
