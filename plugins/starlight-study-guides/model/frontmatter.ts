import { z } from 'zod';
import { STUDY_VIEWS, type StudyView } from './pages.ts';

/**
 * The frontmatter our pages carry besides Starlight's own (title,
 * description, prev, next, …): the contract between the emitter, which
 * writes it, and the components, which read it through the docs collection
 * (src/content.config.ts extends Starlight's schema with it).
 */
export const studyFrontmatterSchema = z.object({
  guide: z.string().optional(),
  question: z.number().int().positive().optional(),
  /** Ids of the page's `##` sections, in order. */
  sections: z.array(z.string()).optional(),
  /** The subset of `sections` that we added beside the source. */
  addedSections: z.array(z.string()).optional(),
  /** Section id → ids of its `###` headings (formula anchors). */
  anchors: z.record(z.string(), z.array(z.string())).optional(),
  /** Added sections kept out of the search index (they repeat other pages' words). */
  unsearchedSections: z.array(z.string()).optional(),
  /** A question page's glossary terms to gloss in its source text: the English name after the Chinese term's first use (rehype/rehype-glosses.ts). */
  glosses: z.array(z.object({ zh: z.string(), en: z.string() })).optional(),
  /** Set by the print and review pages (routes/study-view.astro). */
  studyView: z.enum(Object.keys(STUDY_VIEWS) as [StudyView, ...StudyView[]]).optional(),
  questionCount: z.number().int().positive().optional(),
  /** Set on pages with formulas (by the generator, or by hand on pages that render them in components): their head loads KaTeX's stylesheet. */
  math: z.boolean().optional(),
  /** Set on pages with a temperature explorer (by the generator): they load its script and style. The print page drops scripts, so its copies stay hidden. */
  explorer: z.boolean().optional(),
  /** A question page's sections with formulas, for the print and review pages that show only some sections. */
  mathSections: z.array(z.string()).optional(),
});

export type StudyFrontmatter = z.infer<typeof studyFrontmatterSchema>;

/** Starlight's fields that generated pages set. */
export interface StarlightFrontmatter {
  title: string;
  description?: string;
  prev?: { link: string; label: string } | false;
  next?: { link: string; label: string } | false;
}

/** What an emitted page's frontmatter holds. */
export type PageFrontmatter = StarlightFrontmatter & StudyFrontmatter;
