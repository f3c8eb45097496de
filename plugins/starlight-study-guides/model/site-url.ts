/** Where a site is served when no `SITE` is configured: Astro's local preview. */
export const DEFAULT_SITE = 'http://localhost:4321';

/** A base path with exactly one trailing slash, as URLs below it are built: `/`, `/kd-guide/`. */
export function withTrailingSlash(base: string): string {
  return base.replace(/\/?$/, '/');
}

/** `path` (`/guide/6/`, `pagefind/`) below a base path (`/` or `/kd-guide/`, with or without its trailing slash). */
export function joinBase(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}

/** The site's public URL, base path included: what absolute links in exports start with. */
export function siteUrl(site: string | undefined, base = '/'): URL {
  return new URL(withTrailingSlash(base), site ?? DEFAULT_SITE);
}
