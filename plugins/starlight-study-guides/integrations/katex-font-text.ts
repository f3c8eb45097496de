import { decodeHTML } from 'entities';
import { type Declaration, type FontWeight, type Selector, transform } from 'lightningcss';
import { memo } from '../utils/memo.ts';

/** One KaTeX `@font-face`, named by the URL of its WOFF2 file as the stylesheet writes it. */
interface Face {
  family: string;
  weight: number;
  italic: boolean;
  url: string;
}

/** The font properties KaTeX's rules set, as far as choosing a face goes. */
interface Font {
  family: string;
  weight: number;
  italic: boolean;
}

interface FontRule {
  /** Compounds from the subject leftwards, each with the combinator that joins it to the next. */
  compounds: Compound[];
  specificity: number;
  set: Partial<Font>;
}

interface Compound {
  classes: string[];
  tag: string | undefined;
  /** How this compound relates to the one on its left, which comes next in `FontRule.compounds`. */
  combinator: 'child' | 'descendant';
}

interface Open {
  tag: string;
  classes: string[];
  font: Font;
  /** Inside KaTeX's MathML copy, which screen readers read and no one sees. */
  hidden: boolean;
}

const KATEX_ROOT = '<span class="katex">';
const TAG_OR_TEXT = /<(\/?)([a-zA-Z][\w:-]*)([^>]*)>|([^<]+)/y;
const VOID = new Set(['br', 'hr', 'img', 'input', 'wbr']);

/**
 * Which characters a page draws with each KaTeX font face, so that the
 * faces can be cut down to the glyphs the site uses
 * (plugins/starlight-study-guides/integrations/inline-katex-styles.ts).
 *
 * The face of each piece of text in a formula's HTML is worked out the way
 * the browser does it: KaTeX's rules that set `font-family`, `font-weight`,
 * `font-style` or `font` are matched against the element and its ancestors
 * (class, type, child and descendant selectors, which is all KaTeX's rules
 * use), the most specific and then the latest wins, the rest is inherited,
 * and the family's `@font-face` closest in style and then weight is taken.
 * Returns a function of a page's HTML: WOFF2 URL → the characters drawn with it.
 */
export function katexFontText(stylesheet: string): (html: string) => Map<string, string> {
  const { rules, faces } = readStylesheet(stylesheet);
  const root = computed(rules, [{ tag: 'span', classes: ['katex'] }], { family: '', weight: 400, italic: false });
  // A formula's HTML follows from its MathML copy, which ends with the TeX source: the whole-guide
  // pages repeat every formula of the question pages, and many formulas recur across questions.
  const remembered = memo<Map<string, string>>({ entries: 20_000, keyChars: 20_000_000 });
  const formulaText = (html: string, start: number): Map<string, string> => {
    const text = new Map<string, string>();
    const stack: Open[] = [{ tag: 'span', classes: ['katex'], font: root, hidden: false }];
    TAG_OR_TEXT.lastIndex = start + KATEX_ROOT.length;
    while (stack.length > 0) {
      const token = TAG_OR_TEXT.exec(html);
      if (token === null) break;
      const [, closing, tagName, attributes, chars] = token;
      const parent = stack.at(-1)!;
      if (chars !== undefined) {
        const url = parent.hidden ? undefined : faceFor(faces, parent.font);
        if (url !== undefined) text.set(url, (text.get(url) ?? '') + decodeHTML(chars));
      } else if (closing) {
        stack.pop();
      } else if (!VOID.has(tagName!.toLowerCase()) && !attributes!.endsWith('/')) {
        const classes = /\sclass="([^"]*)"/.exec(attributes!)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
        const open: Open = { tag: tagName!.toLowerCase(), classes, font: parent.font, hidden: parent.hidden || classes.includes('katex-mathml') };
        stack.push(open);
        if (!open.hidden) open.font = computed(rules, stack, parent.font);
      }
    }
    return text;
  };
  return (html) => {
    const text = new Map<string, Set<string>>();
    for (let start = html.indexOf(KATEX_ROOT); start !== -1; start = html.indexOf(KATEX_ROOT, start + 1)) {
      const annotationEnd = html.indexOf('</annotation>', start);
      const formula =
        annotationEnd === -1 ? formulaText(html, start) : remembered(html.slice(start, annotationEnd), () => formulaText(html, start));
      for (const [url, chars] of formula) {
        let set = text.get(url);
        if (set === undefined) text.set(url, (set = new Set()));
        for (const char of chars) set.add(char);
      }
    }
    return new Map([...text].map(([url, chars]) => [url, [...chars].sort().join('')]));
  };
}

/** The font of the last element of `path`, given its parent's. */
function computed(rules: readonly FontRule[], path: readonly { tag: string; classes: string[] }[], inherited: Font): Font {
  const matching = rules.filter((rule) => matches(rule.compounds, path, path.length - 1));
  if (matching.length === 0) return inherited;
  return Object.assign({ ...inherited }, ...matching.sort((a, b) => a.specificity - b.specificity).map((rule) => rule.set)) as Font;
}

function matches(compounds: readonly Compound[], path: readonly { tag: string; classes: string[] }[], index: number): boolean {
  const [subject, ...rest] = compounds;
  if (subject === undefined) return true;
  const element = path[index];
  if (element === undefined) return false;
  if (subject.tag !== undefined && subject.tag !== element.tag) return false;
  if (!subject.classes.every((name) => element.classes.includes(name))) return false;
  if (rest.length === 0) return true;
  if (subject.combinator === 'child') return matches(rest, path, index - 1);
  for (let ancestor = index - 1; ancestor >= 0; ancestor--) if (matches(rest, path, ancestor)) return true;
  return false;
}

/** The face a browser takes for `font` among the family's faces: style first, then the nearest weight. */
function faceFor(faces: readonly Face[], font: Font): string | undefined {
  const family = faces.filter((face) => face.family === font.family);
  const styled = family.some((face) => face.italic === font.italic) ? family.filter((face) => face.italic === font.italic) : family;
  const distance = (face: Face) => Math.abs(face.weight - font.weight) + (face.weight < font.weight === font.weight > 500 ? 0.5 : 0);
  return styled.sort((a, b) => distance(a) - distance(b))[0]?.url;
}

function readStylesheet(stylesheet: string): { rules: FontRule[]; faces: Face[] } {
  const rules: FontRule[] = [];
  const faces: Face[] = [];
  transform({
    filename: 'katex.css',
    code: Buffer.from(stylesheet),
    visitor: {
      Rule: {
        style(rule) {
          const set = fontOf(rule.value.declarations.declarations ?? []);
          if (Object.keys(set).length === 0) return;
          // Rules are visited in order and sorted stably by specificity, so the later of two equals wins.
          for (const selector of rule.value.selectors) rules.push({ ...compoundsOf(selector), set });
        },
        'font-face'(rule) {
          let family = '';
          let weight = 400;
          let italic = false;
          let url: string | undefined;
          for (const property of rule.value.properties) {
            if (property.type === 'font-family' && typeof property.value === 'string') family = property.value;
            if (property.type === 'font-weight') weight = weightOf(property.value[0]);
            if (property.type === 'font-style') italic = property.value.type !== 'normal';
            if (property.type === 'source')
              for (const source of property.value) if (source.type === 'url' && source.value.format?.type === 'woff2') url = source.value.url.url;
          }
          if (family && url !== undefined) faces.push({ family, weight, italic, url });
        },
      },
    },
  });
  return { rules, faces };
}

function fontOf(declarations: readonly Declaration[]): Partial<Font> {
  const set: Partial<Font> = {};
  for (const declaration of declarations) {
    if (declaration.property === 'font') {
      const family = declaration.value.family[0];
      if (typeof family === 'string') set.family = family;
      set.weight = weightOf(declaration.value.weight);
      set.italic = declaration.value.style.type !== 'normal';
    }
    if (declaration.property === 'font-family' && typeof declaration.value[0] === 'string') set.family = declaration.value[0];
    if (declaration.property === 'font-weight') set.weight = weightOf(declaration.value);
    if (declaration.property === 'font-style') set.italic = declaration.value.type !== 'normal';
  }
  return set;
}

function weightOf(weight: FontWeight | undefined): number {
  if (weight?.type !== 'absolute') return weight?.type === 'bolder' ? 700 : 400;
  return weight.value.type === 'weight' ? weight.value.value : weight.value.type === 'bold' ? 700 : 400;
}

function compoundsOf(selector: Selector): { compounds: Compound[]; specificity: number } {
  const compounds: Compound[] = [];
  let current: Compound = { classes: [], tag: undefined, combinator: 'descendant' };
  let specificity = 0;
  for (const component of selector) {
    if (component.type === 'class') {
      current.classes.push(component.name);
      specificity += 1000;
    } else if (component.type === 'type') {
      current.tag = component.name;
      specificity += 1;
    } else if (component.type === 'combinator') {
      compounds.unshift(current);
      current = { classes: [], tag: undefined, combinator: component.value === 'child' ? 'child' : 'descendant' };
    } else {
      throw new Error(`KaTeX 样式表中有无法解析的字体选择器成分：${component.type}`);
    }
  }
  compounds.unshift(current);
  return { compounds, specificity };
}
