import { load } from 'js-yaml';

/** A generated page's frontmatter, read as Astro reads it: the text between the `---` lines, with js-yaml. */
export function frontmatterOf(mdx: string): unknown {
  const yaml = /^---\n([\s\S]*?\n)---\n/.exec(mdx)?.[1];
  if (yaml === undefined) throw new Error(`no frontmatter block at the start of:\n${mdx.slice(0, 200)}`);
  return load(yaml);
}
