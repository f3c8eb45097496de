import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        guide: z.string().optional(),
        question: z.number().int().positive().optional(),
        sections: z.array(z.string()).optional(),
        addedSections: z.array(z.string()).optional(),
        /** Section id → ids of its `###` headings (formula anchors). */
        anchors: z.record(z.string(), z.array(z.string())).optional(),
        unsearchedSections: z.array(z.string()).optional(),
        /** Set by the print and review pages (src/pages/[guide]/[view].astro). */
        studyView: z.enum(['print', 'review']).optional(),
        questionCount: z.number().int().positive().optional(),
        /** Set on pages with formulas (by the generator, or by hand on pages that render them in components): their head loads KaTeX's stylesheet. */
        math: z.boolean().optional(),
        /** A question page's sections with formulas, for the print and review pages that show only some sections. */
        mathSections: z.array(z.string()).optional(),
      }),
    }),
  }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
