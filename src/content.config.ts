import { type SchemaContext, defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { studyFrontmatterSchema } from '../plugins/starlight-study-guides/model/frontmatter.ts';

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
      extend: studyFrontmatterSchema,
    })(noImages),
  }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
