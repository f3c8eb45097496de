import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';

/**
 * Requests in a page's <head> that hold up the first paint: stylesheets for
 * every medium and classic scripts without async/defer. Deterministic, read
 * from the HTML alone.
 */
export function renderBlockingRequests(html: string): string[] {
  const tree = fromHtml(html);
  const blocking: string[] = [];
  for (const link of selectAll('head link[rel~=stylesheet]', tree)) {
    const media = String(link.properties.media ?? 'all');
    if (media === 'all' || media === 'screen') blocking.push(attr(link, 'href'));
  }
  for (const script of selectAll('head script[src]', tree)) {
    const props = script.properties;
    if (props.type !== 'module' && props.async === undefined && props.defer === undefined) blocking.push(attr(script, 'src'));
  }
  return blocking;
}

/** Links on the page (`<a href>`): what the sidebar and the page text make every page carry. */
export function countLinks(html: string): number {
  return selectAll('a[href]', fromHtml(html)).length;
}

function attr(element: Element, name: string): string {
  return String(element.properties[name] ?? '');
}
