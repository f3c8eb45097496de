import { describe, expect, it } from 'vitest';
import { type GuideSidebarItem, type SidebarEntry, guideSidebar } from '../../plugins/starlight-study-guides/utils/guide-sidebar.ts';

const atRoot = (path: string) => path;
const underDocs = (path: string) => `/docs${path}`;

/** A guide as the study-guides plugin lays it out: index link, then questions (flat or in topic groups). */
function guide(slug: string, questions: number, topicSize?: number): GuideSidebarItem {
  const links = Array.from({ length: questions }, (_, i) => ({ label: `${i + 1}. 题`, link: `/${slug}/${i + 1}/` }));
  const index = { label: '目录', link: `/${slug}/` };
  if (!topicSize) return { label: slug, items: [index, ...links] };
  const topics: GuideSidebarItem[] = [];
  for (let start = 0; start < links.length; start += topicSize) {
    topics.push({ label: `主题 ${start / topicSize + 1}`, items: links.slice(start, start + topicSize) });
  }
  return { label: slug, items: [index, ...topics] };
}

function hrefs(entries: SidebarEntry[]): string[] {
  return entries.flatMap((e) => (e.type === 'link' ? [e.href] : hrefs(e.entries)));
}

function currentHrefs(entries: SidebarEntry[]): string[] {
  return entries.flatMap((e) => (e.type === 'link' ? (e.isCurrent ? [e.href] : []) : currentHrefs(e.entries)));
}

describe('sidebar › the current guide only', () => {
  it('shows only the guide of the page out of three, marks the page, and counts all three for the switcher', () => {
    const sidebar = guideSidebar([guide('a', 30), guide('b', 30), guide('c', 30)], '/b/6/', atRoot);
    expect(sidebar.guideCount).toBe(3);
    expect(sidebar.entries).toHaveLength(1);
    expect(sidebar.entries[0]).toMatchObject({ type: 'group', label: 'b' });
    expect(hrefs(sidebar.entries)).toEqual(['/b/', ...Array.from({ length: 30 }, (_, i) => `/b/${i + 1}/`)]);
    expect(currentHrefs(sidebar.entries)).toEqual(['/b/6/']);
  });

  it('links under the base path and finds the page by its URL there', () => {
    const sidebar = guideSidebar([guide('a', 30), guide('b', 30)], '/docs/b/6/', underDocs);
    expect(hrefs(sidebar.entries)[0]).toBe('/docs/b/');
    expect(currentHrefs(sidebar.entries)).toEqual(['/docs/b/6/']);
  });

  it('keeps a guide of 100 questions whole, even in topics', () => {
    const sidebar = guideSidebar([guide('a', 100, 20)], '/a/50/', atRoot);
    expect(hrefs(sidebar.entries)).toHaveLength(101);
  });

  it('shows a 120-question guide as the current topic’s questions plus one link per other topic', () => {
    const sidebar = guideSidebar([guide('a', 120, 20), guide('b', 30)], '/a/45/', atRoot);
    const [only] = sidebar.entries;
    const entries = only?.type === 'group' ? only.entries : [];
    // Index, topics 1–2 as links, topic 3 (questions 41–60) open, topics 4–6 as links.
    expect(entries.map((e) => `${e.type}:${e.label}`)).toEqual([
      'link:目录', 'link:主题 1', 'link:主题 2', 'group:主题 3', 'link:主题 4', 'link:主题 5', 'link:主题 6',
    ]);
    expect(entries[1]).toMatchObject({ href: '/a/1/', isCurrent: false });
    expect(entries[4]).toMatchObject({ href: '/a/61/' });
    expect(hrefs([entries[3]!])).toEqual(Array.from({ length: 20 }, (_, i) => `/a/${41 + i}/`));
    expect(currentHrefs(entries)).toEqual(['/a/45/']);
  });

  it('shows only the topic list on the index page of a large guide', () => {
    const sidebar = guideSidebar([guide('a', 120, 20)], '/a/', atRoot);
    expect(hrefs(sidebar.entries)).toEqual(['/a/', '/a/1/', '/a/21/', '/a/41/', '/a/61/', '/a/81/', '/a/101/']);
  });

  it('lists no guide on a page outside every guide (the switcher still leads to all of them)', () => {
    expect(guideSidebar([guide('a', 30), guide('b', 30)], '/', atRoot)).toEqual({ entries: [], guideCount: 2 });
  });
});
