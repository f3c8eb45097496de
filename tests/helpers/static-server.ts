import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';

export interface StaticServer {
  /** Where the site is, base path included. */
  url: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /**
   * Serve text files gzip-compressed, as a static host does: every text file
   * gets a `.gz` twin (at zlib's default level, what hosts use on the fly) that
   * sirv sends to browsers that accept gzip. Writes into `dir`.
   */
  gzip?: boolean;
  /** Sub-path the site is deployed under, e.g. `/kd-guide/`; anything outside it is 404. */
  base?: string;
  /** Headers sent with every response, e.g. from the built `_headers` file. */
  headers?: Record<string, string>;
}

/** Types a static host compresses; fonts (woff2) and Pagefind's index are compressed already. */
const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt)$/;

/** Serves a built site on 127.0.0.1 at a free port, as a static host would. */
export async function serveDirectory(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  if (options.gzip) precompress(dir);
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const serve = sirv(dir, { dev: false, etag: true, gzip: options.gzip ?? false });
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function precompress(dir: string): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    writeFileSync(`${path}.gz`, gzipSync(readFileSync(path)));
  }
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
