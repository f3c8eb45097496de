import { type SchemaContext, defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

/**
 * Astro builds a schema given as a function once per entry (so that image
 * paths resolve next to each file): with Starlight's large schema that cost
 * 14 s of a 3,000-page build. Our pages are generated and never put images in
 * their frontmatter (Starlight only takes them for `hero`), so the schema is
 * built once, with an image field that rejects any value.
 */
const noImages: SchemaContext = {
  image: (() => z.never({ error: '生成的页面不支持 frontmatter 图片。' })) as unknown as SchemaContext['image'],
};

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
    })(noImages),
  }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
