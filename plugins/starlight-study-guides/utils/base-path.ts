import { joinBase } from '../model/site-url.ts';

/** A site path (`/guide/6/`) under the configured base path, so links survive a sub-path deploy. For pages and browser scripts alike. */
export function withBase(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}
