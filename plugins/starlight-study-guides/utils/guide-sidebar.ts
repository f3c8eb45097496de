import type { StarlightRouteData } from '@astrojs/starlight/route-data';

export type SidebarEntry = StarlightRouteData['sidebar'][number];
type SidebarLink = Extract<SidebarEntry, { type: 'link' }>;
type SidebarGroup = Extract<SidebarEntry, { type: 'group' }>;

/**
 * One guide's sidebar as the study-guides plugin lays it out (a subset of
 * Starlight's sidebar config): links to site paths, and groups of them.
 */
export type GuideSidebarItem = { label: string; link: string } | { label: string; items: GuideSidebarItem[] };

/** A guide with more questions than this shows only the current topic's questions. */
export const MAX_SIDEBAR_QUESTIONS = 100;

export interface PageSidebar {
  /** The current guide's group (trimmed for large guides), or nothing off any guide. */
  entries: SidebarEntry[];
  /** How many guides the site has, for the guide switcher. */
  guideCount: number;
}

/**
 * The sidebar of the page at `pathname`: its own guide's group only, so that a
 * page's HTML does not grow with the number of guides. Starlight's own sidebar
 * holds one link per guide: it deep-copies its sidebar for every page, which
 * with every question of every guide in it made the build grow with the square
 * of the site. In a guide with more than `maxQuestions` questions in topic
 * groups, topics other than the current one shrink to one link each (to the
 * topic's first page).
 *
 * `withBase` turns a site path (`/guide/6/`) into the page's URL.
 */
export function guideSidebar(
  guides: GuideSidebarItem[],
  pathname: string,
  withBase: (path: string) => string,
  maxQuestions = MAX_SIDEBAR_QUESTIONS,
): PageSidebar {
  const guideCount = guides.length;
  const toEntry = (item: GuideSidebarItem): SidebarEntry => {
    if ('items' in item) return { type: 'group', label: item.label, entries: item.items.map(toEntry), collapsed: false, badge: undefined };
    const href = withBase(item.link);
    return { type: 'link', label: item.label, href, isCurrent: href === pathname, badge: undefined, attrs: {} };
  };
  const current = guideIndex(guides, withBase).get(pathname);
  if (!current) return { entries: [], guideCount };
  const group = toEntry(current) as SidebarGroup;
  // Only topics can be folded, so only the questions inside topics count.
  const questionsInTopics = group.entries.reduce((sum, entry) => sum + (entry.type === 'group' ? countLinks(entry) : 0), 0);
  if (questionsInTopics <= maxQuestions) return { entries: [group], guideCount };
  const entries = group.entries.flatMap((entry): SidebarEntry[] => {
    if (entry.type === 'link' || hasCurrent(entry)) return [entry];
    const first = firstLink(entry);
    return first ? [{ ...first, label: entry.label }] : [];
  });
  return { entries: [{ ...group, entries }], guideCount };
}

/** Page URL → its guide, made once per site rather than searched for on every page. */
const guideIndexes = new WeakMap<GuideSidebarItem[], WeakMap<(path: string) => string, Map<string, GuideSidebarItem>>>();

function guideIndex(guides: GuideSidebarItem[], withBase: (path: string) => string): Map<string, GuideSidebarItem> {
  const byBase = guideIndexes.get(guides) ?? new WeakMap();
  guideIndexes.set(guides, byBase);
  let index = byBase.get(withBase);
  if (!index) {
    index = new Map();
    for (const guide of guides) for (const link of linksOf(guide)) index.set(withBase(link), guide);
    byBase.set(withBase, index);
  }
  return index;
}

function linksOf(item: GuideSidebarItem): string[] {
  return 'items' in item ? item.items.flatMap(linksOf) : [item.link];
}

function hasCurrent(entry: SidebarEntry): boolean {
  return entry.type === 'link' ? entry.isCurrent : entry.entries.some(hasCurrent);
}

function countLinks(entry: SidebarEntry): number {
  return entry.type === 'link' ? 1 : entry.entries.reduce((sum, child) => sum + countLinks(child), 0);
}

function firstLink(entry: SidebarEntry): SidebarLink | undefined {
  if (entry.type === 'link') return entry;
  for (const child of entry.entries) {
    const link = firstLink(child);
    if (link) return link;
  }
  return undefined;
}
