/** A text file of a guide's folder, as read from disk. */
export interface InputFile {
  /** Path inside the guide's folder, e.g. `source.md`. */
  name: string;
  /** Path shown in diagnostics. */
  file: string;
  text: string;
}

/** One guide's folder: the question bank and what we wrote beside it. */
export interface GuideSource {
  /** Folder name, used as the URL segment. */
  slug: string;
  /** The question bank, `source.md`. */
  source: InputFile;
  /** Every other text file in the guide's folder (our additions beside the source). */
  extras: InputFile[];
}
