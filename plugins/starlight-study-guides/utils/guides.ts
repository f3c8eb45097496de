import { type CollectionEntry, getCollection } from 'astro:content';
import { sitePath } from '../model/pages.ts';
import { withBase } from './base-path.ts';

export interface GuideSummary {
  slug: string;
  title: string;
  questions: { number: number; title: string; href: string }[];
}


/** A generated question page's entry: it always names its guide and number. */
export type QuestionEntry = CollectionEntry<'docs'> & { data: { guide: string; question: number } };

/** Each guide's question pages in source order, from one pass over the collection. */
export async function questionEntriesByGuide(): Promise<Map<string, QuestionEntry[]>> {
  const questions = (await getCollection('docs')).filter(
    (e): e is QuestionEntry => e.data.guide !== undefined && e.data.question !== undefined,
  );
  return Map.groupBy(
    questions.toSorted((a, b) => a.data.question - b.data.question),
    (e) => e.data.guide,
  );
}

/** Guides and their questions, read back from the generated pages' frontmatter. */
export async function listGuides(): Promise<GuideSummary[]> {
  // A guide's index is its one page that is not a question.
  const indexes = (await getCollection('docs')).filter((e) => e.data.guide && e.data.question === undefined);
  const questionsOf = await questionEntriesByGuide();
  return indexes
    .map((index) => ({
      slug: index.data.guide!,
      title: index.data.title,
      questions: (questionsOf.get(index.data.guide!) ?? []).map((e) => ({
        number: e.data.question,
        title: e.data.title,
        href: withBase(sitePath.question(e.data.guide, e.data.question)),
      })),
    }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}
