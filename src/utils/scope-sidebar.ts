import type { StarlightRouteData } from '@astrojs/starlight/route-data';

export type SidebarEntry = StarlightRouteData['sidebar'][number];
type SidebarGroup = Extract<SidebarEntry, { type: 'group' }>;

/** A guide with more questions than this shows only the current topic's questions. */
export const MAX_SIDEBAR_QUESTIONS = 100;

export interface ScopedSidebar {
  /** The current guide's group (trimmed for large guides), or nothing off any guide. */
  entries: SidebarEntry[];
  /** How many guides the whole sidebar has, for the guide switcher. */
  guideCount: number;
}

/**
 * Starlight's sidebar lists every guide on every page, so a page's HTML grows
 * with the site. A page keeps only its own guide's group; in a guide with more
 * than `maxQuestions` questions in topic sub-groups, topics other than the
 * current one shrink to one link each (to the topic's first page).
 */
export function scopeSidebar(sidebar: SidebarEntry[], maxQuestions = MAX_SIDEBAR_QUESTIONS): ScopedSidebar {
  const guideCount = sidebar.filter((entry) => entry.type === 'group').length;
  const current = sidebar.find((entry): entry is SidebarGroup => entry.type === 'group' && hasCurrent(entry));
  if (!current) return { entries: [], guideCount };
  // Only topics can be folded, so only the questions inside topics count.
  const questionsInTopics = current.entries.reduce((sum, entry) => sum + (entry.type === 'group' ? countLinks(entry) : 0), 0);
  if (questionsInTopics <= maxQuestions) return { entries: [current], guideCount };
  const entries = current.entries.flatMap((entry): SidebarEntry[] => {
    if (entry.type === 'link' || hasCurrent(entry)) return [entry];
    const first = firstLink(entry);
    return first ? [{ type: 'link', label: entry.label, href: first.href, isCurrent: false, badge: undefined, attrs: {} }] : [];
  });
  return { entries: [{ ...current, entries }], guideCount };
}

function hasCurrent(entry: SidebarEntry): boolean {
  return entry.type === 'link' ? entry.isCurrent : entry.entries.some(hasCurrent);
}

function countLinks(entry: SidebarEntry): number {
  return entry.type === 'link' ? 1 : entry.entries.reduce((sum, child) => sum + countLinks(child), 0);
}

function firstLink(entry: SidebarEntry): Extract<SidebarEntry, { type: 'link' }> | undefined {
  if (entry.type === 'link') return entry;
  for (const child of entry.entries) {
    const link = firstLink(child);
    if (link) return link;
  }
  return undefined;
}
