import { describe, expect, it } from 'vitest';
import { studyFrontmatterSchema } from '../../plugins/starlight-study-guides/model/frontmatter.ts';
import { readGuideSources } from '../../plugins/starlight-study-guides/pipeline/read/read-guides.ts';
import { generateSite } from '../../plugins/starlight-study-guides/pipeline/generate-site.ts';
import { readSolutions } from '../../plugins/starlight-study-guides/pipeline/read/read-solutions.ts';
import { siteUrl } from '../../plugins/starlight-study-guides/model/site-url.ts';
import { frontmatterOf } from '../helpers/frontmatter.ts';

const guidesDir = new URL('../../src/guides/', import.meta.url).pathname;
const { sources } = readGuideSources(guidesDir, guidesDir);
const site = generateSite(sources, { siteUrl: siteUrl(undefined), solutions: readSolutions(new URL('../../src/math/', import.meta.url).pathname) });
/** Starlight's own fields that the emitter sets; everything else must be in our schema. */
const STARLIGHT_FIELDS = ['title', 'description', 'prev', 'next'];

describe('frontmatter contract', () => {
  it('is met by every generated page: only Starlight’s fields and the schema’s, with the schema’s types', () => {
    expect(site.diagnostics).toEqual([]);
    expect(site.pages.size).toBeGreaterThan(30);
    const ours = studyFrontmatterSchema.strict();
    for (const [path, text] of site.pages) {
      const data = frontmatterOf(text) as Record<string, unknown>;
      const extension = Object.fromEntries(Object.entries(data).filter(([key]) => !STARLIGHT_FIELDS.includes(key)));
      const parsed = ours.safeParse(extension);
      expect(parsed.success, `${path}: ${parsed.error?.message}`).toBe(true);
    }
  });
});
