import { type CollectionEntry, getCollection } from 'astro:content';

export interface GuideSummary {
  slug: string;
  title: string;
  questions: { number: number; title: string; href: string }[];
}

/** Prefixes the configured base path, so links survive a sub-path deploy. */
export function withBase(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}

/** Guides and their questions, read back from the generated pages' frontmatter. */
export async function listGuides(): Promise<GuideSummary[]> {
  const entries = await getCollection('docs');
  // A guide's index is its one page that is not a question.
  const indexes = entries.filter((e) => e.data.guide && e.data.question === undefined);
  return indexes
    .map((index) => ({
      slug: index.data.guide!,
      title: index.data.title,
      questions: entries
        .filter((e): e is CollectionEntry<'docs'> & { data: { question: number } } =>
          e.data.guide === index.data.guide && e.data.question !== undefined)
        .sort((a, b) => a.data.question - b.data.question)
        .map((e) => ({ number: e.data.question, title: e.data.title, href: withBase(`${index.data.guide}/${e.data.question}/`) })),
    }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}
