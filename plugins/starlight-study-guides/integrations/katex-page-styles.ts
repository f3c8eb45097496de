import { type Rule, type Selector, type StyleSheet, transform } from 'lightningcss';

/**
 * KaTeX's stylesheet cut down to what one page uses, small enough to inline
 * in that page's <head> instead of a second render-blocking request:
 *
 * - style rules whose selectors name only classes the page has (a rule for
 *   `.katex .mfrac .frac-line` stays only if the page has all three classes);
 * - `@font-face` rules of the faces the page draws text with, each with its
 *   WOFF2 source only (every browser that runs this site reads WOFF2; the
 *   WOFF and TrueType fallbacks would only lengthen the page), pointed at
 *   the subset file that replaces it.
 *
 * Pass the built stylesheet (absolute `/_astro/…` URLs). Parsing and printing
 * is lightningcss's. Returns a function of a page's class names and its faces
 * (the stylesheet's WOFF2 URL → the subset's URL); pages using the same
 * classes and faces share one result, so a site of thousands of formula pages
 * cuts few stylesheets.
 */
export function katexStylesFor(stylesheet: string): (pageClasses: ReadonlySet<string>, fonts: ReadonlyMap<string, string>) => string {
  // Parsed once, and each page's styles printed from a copy of the tree holding only its rules: a pass over
  // the whole stylesheet for each page, its every rule handed to a visitor, took 2.5 times as long.
  let sheet: StyleSheet | undefined;
  transform({ filename: 'katex.css', code: Buffer.from(stylesheet), visitor: { StyleSheet: (parsed) => void (sheet = parsed) } });
  const { rules, ...rest } = sheet!;
  const known = new Set(rules.flatMap((rule) => (rule.type === 'style' ? rule.value.selectors.flatMap(classesOf) : [])));
  const cache = new Map<string, string>();
  return (pageClasses, fonts) => {
    const used = [...known].filter((name) => pageClasses.has(name)).sort();
    const key = `${used.join(' ')}\n${[...fonts].sort().join(' ')}`;
    let styles = cache.get(key);
    if (styles === undefined) {
      const classes = new Set(used);
      styles = print({ ...rest, rules: rules.flatMap((rule) => kept(rule, classes, fonts)) });
      cache.set(key, styles);
    }
    return styles;
  };
}

/** A rule as a page keeps it, if it does; KaTeX's `@font-face` rules come before its style rules, as a page needs them. */
function kept(rule: Rule, classes: ReadonlySet<string>, fonts: ReadonlyMap<string, string>): Rule[] {
  if (rule.type === 'style') {
    const selectors = rule.value.selectors.filter((selector) => classesOf(selector).every((name) => classes.has(name)));
    return selectors.length === 0 ? [] : [{ ...rule, value: { ...rule.value, selectors } }];
  }
  if (rule.type === 'font-face') {
    const properties = rule.value.properties.map((p) => {
      if (p.type !== 'source') return p;
      const woff2 = p.value.flatMap((s) => (s.type === 'url' && s.value.format?.type === 'woff2' ? [s] : []));
      return { ...p, value: woff2.map((s) => ({ ...s, value: { ...s.value, url: { ...s.value.url, url: fonts.get(s.value.url.url) ?? '' } } })) };
    });
    const used = properties.some((p) => p.type === 'source' && p.value.some((s) => s.type === 'url' && s.value.url.url !== ''));
    return used ? [{ ...rule, value: { ...rule.value, properties } }] : [];
  }
  return [rule];
}

/** Prints a tree of rules: lightningcss is given no text, and the tree in its place. */
function print(sheet: StyleSheet): string {
  const { code } = transform({ filename: 'katex.css', code: Buffer.alloc(0), minify: true, visitor: { StyleSheet: () => sheet } });
  return code.toString();
}

/** Class names a selector requires of the elements it matches (not those inside :not() and the like). */
function classesOf(selector: Selector): string[] {
  return selector.flatMap((component) => (component.type === 'class' ? [component.name] : []));
}

/** Every class name in a page's HTML (`class="…"` as Astro writes it). */
export function classNamesIn(html: string): Set<string> {
  const names = new Set<string>();
  for (const match of html.matchAll(/\sclass="([^"]*)"/g)) for (const name of match[1]!.split(/\s+/)) if (name) names.add(name);
  return names;
}
