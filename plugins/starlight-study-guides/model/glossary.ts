/** One entry of a guide's glossary (`annotations/glossary.yaml`): our addition, not the source's. */
export interface GlossaryTerm {
  /** The standard English name, as a reader would search for it. */
  en: string;
  /** The Chinese term, as the question bank writes it. */
  zh: string;
  /** Other names readers use: abbreviations, variants, Chinese synonyms. */
  synonyms: string[];
  /** The questions that explain the term, most relevant first. */
  questions: number[];
}
