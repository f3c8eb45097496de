// subset-font ships no types, and @types/subset-font (2.3) predates the options used here.
declare module 'subset-font' {
  interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2';
    /** Drop TrueType hinting instructions (`hb-subset --no-hinting`). */
    noHinting?: boolean;
  }
  /** A font cut down to the glyphs of `text`, by HarfBuzz's hb-subset. */
  export default function subsetFont(font: Buffer, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}
