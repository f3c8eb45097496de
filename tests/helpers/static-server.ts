import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';

export interface StaticServer {
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
}

/** Types a static host compresses; fonts (woff2) and Pagefind's index are compressed already. */
const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt)$/;

/** Serves a built site on 127.0.0.1 at a free port, as a static host would. */
export async function serveDirectory(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  if (options.gzip) precompress(dir);
  const serve = sirv(dir, { dev: false, etag: true, gzip: options.gzip ?? false });
  const server = createServer((req: IncomingMessage, res: ServerResponse) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
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
