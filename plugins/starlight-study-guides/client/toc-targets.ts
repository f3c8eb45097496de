/**
 * The elements Starlight's table of contents observes to know which heading the reader is at:
 * inside `main`, every heading; every element after a heading or heading wrapper, every child of
 * `.sl-markdown-content` and every child of `main`, when it holds no heading. The same elements
 * in the same order as Starlight's four selectors (plugins/starlight-study-guides/integrations/toc-targets-plugin.ts swaps this in),
 * but found without `:has()`, which Chromium evaluates for every element of the page: 15–40 ms
 * on question 1's KaTeX markup on a desktop, twice per page (the desktop and the mobile contents).
 */
export function tocTargets(headingSelector: string, root: ParentNode = document): Element[] {
  const targets = new Set<Element>();
  const holdsHeading = new Set<Element>();
  const mains = [...root.querySelectorAll('main')];
  for (const main of mains) {
    for (const heading of main.querySelectorAll(headingSelector)) {
      targets.add(heading);
      for (let el = heading.parentElement; el; el = el.parentElement) holdsHeading.add(el);
    }
  }
  const addUnlessHoldsHeading = (el: Element) => {
    if (!holdsHeading.has(el)) targets.add(el);
  };
  for (const main of mains) {
    const starts = new Set(main.querySelectorAll(`:where(${headingSelector}, .sl-heading-wrapper)`));
    for (const start of starts) {
      // Each start walks its siblings up to the next start, which walks on from there.
      for (let next = start.nextElementSibling; next; next = next.nextElementSibling) {
        addUnlessHoldsHeading(next);
        if (starts.has(next)) break;
      }
    }
    for (const child of main.querySelectorAll('.sl-markdown-content > *')) addUnlessHoldsHeading(child);
    for (const child of main.children) addUnlessHoldsHeading(child);
  }
  // Document order, as querySelectorAll gives: the first intersecting target wins.
  const inOrder = new Set<Element>();
  for (const main of mains) for (const el of main.getElementsByTagName('*')) if (targets.has(el)) inOrder.add(el);
  return [...inOrder];
}
