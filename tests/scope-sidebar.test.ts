import { describe, expect, it } from 'vitest';
import { type SidebarEntry, scopeSidebar } from '../src/utils/scope-sidebar.ts';

const link = (label: string, href: string, isCurrent = false): SidebarEntry => ({ type: 'link', label, href, isCurrent, badge: undefined, attrs: {} });
const group = (label: string, entries: SidebarEntry[]): SidebarEntry => ({ type: 'group', label, entries, collapsed: false, badge: undefined });

/** A guide as the sidebar config makes it: index link, then questions (flat or in topic groups). */
function guide(slug: string, questions: number, options: { current?: number; topicSize?: number } = {}): SidebarEntry {
  const links = Array.from({ length: questions }, (_, i) => link(`${i + 1}. 题`, `/${slug}/${i + 1}/`, options.current === i + 1));
  const index = link('目录', `/${slug}/`);
  if (!options.topicSize) return group(slug, [index, ...links]);
  const topics: SidebarEntry[] = [];
  for (let start = 0; start < links.length; start += options.topicSize) {
    topics.push(group(`主题 ${start / options.topicSize + 1}`, links.slice(start, start + options.topicSize)));
  }
  return group(slug, [index, ...topics]);
}

function hrefs(entries: SidebarEntry[]): string[] {
  return entries.flatMap((e) => (e.type === 'link' ? [e.href] : hrefs(e.entries)));
}

describe('sidebar › scoped to the current guide', () => {
  it('keeps only the current guide out of three, and counts all three for the switcher', () => {
    const sidebar = [guide('a', 30), guide('b', 30, { current: 6 }), guide('c', 30)];
    const scoped = scopeSidebar(sidebar);
    expect(scoped.guideCount).toBe(3);
    expect(scoped.entries).toHaveLength(1);
    expect(hrefs(scoped.entries)).toEqual(['/b/', ...Array.from({ length: 30 }, (_, i) => `/b/${i + 1}/`)]);
  });

  it('keeps a guide of 100 questions whole, even in topics', () => {
    const scoped = scopeSidebar([guide('a', 100, { current: 50, topicSize: 20 })]);
    expect(hrefs(scoped.entries)).toHaveLength(101);
  });

  it('shows a 120-question guide as the current topic’s questions plus one link per other topic', () => {
    const scoped = scopeSidebar([guide('a', 120, { current: 45, topicSize: 20 }), guide('b', 30)]);
    const [only] = scoped.entries;
    expect(only?.type).toBe('group');
    const entries = only!.type === 'group' ? only!.entries : [];
    // Index, topics 1–2 as links, topic 3 (questions 41–60) open, topics 4–6 as links.
    expect(entries.map((e) => `${e.type}:${e.label}`)).toEqual([
      'link:目录', 'link:主题 1', 'link:主题 2', 'group:主题 3', 'link:主题 4', 'link:主题 5', 'link:主题 6',
    ]);
    expect(entries[1]).toMatchObject({ href: '/a/1/', isCurrent: false });
    expect(entries[4]).toMatchObject({ href: '/a/61/' });
    expect(hrefs([entries[3]!])).toEqual(Array.from({ length: 20 }, (_, i) => `/a/${41 + i}/`));
  });

  it('shows only the topic list on the index page of a large guide', () => {
    const big = guide('a', 120, { topicSize: 20 });
    const withCurrentIndex = big.type === 'group' ? { ...big, entries: [link('目录', '/a/', true), ...big.entries.slice(1)] } : big;
    const scoped = scopeSidebar([withCurrentIndex]);
    expect(hrefs(scoped.entries)).toEqual(['/a/', '/a/1/', '/a/21/', '/a/41/', '/a/61/', '/a/81/', '/a/101/']);
  });

  it('lists no guide on a page outside every guide (the switcher still leads to all of them)', () => {
    const scoped = scopeSidebar([guide('a', 30), guide('b', 30)]);
    expect(scoped).toEqual({ entries: [], guideCount: 2 });
  });
});
