import { readFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin plus base path, without the trailing slash: `${url}/kd-lifelong-learning/`. */
  url: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** Sub-path the site is deployed under, e.g. `/kd-guide/`; anything outside it is 404. */
  base?: string;
  /** Headers sent with every response, e.g. from the built `_headers` file. */
  headers?: Record<string, string>;
}

/** Serves a built site on 127.0.0.1 at a free port, as a static host would. */
export async function serveDirectory(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const serve = sirv(dir, { dev: false, etag: true });
  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.end('not found');
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    const url = req.url ?? '/';
    if (!url.startsWith(base)) return notFound(res);
    req.url = url.slice(base.length - 1);
    serve(req, res, () => notFound(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base.replace(/\/$/, '')}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * The headers a `_headers` file (Netlify/Cloudflare Pages format) gives every
 * path: the rules under `/*`. The site's file has only that rule.
 */
export function readHeadersFile(path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inRule = false;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inRule = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (inRule && colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}
