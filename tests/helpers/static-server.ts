import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves a built site on 127.0.0.1 at a free port, as a static host would. */
export async function serveDirectory(dir: string): Promise<StaticServer> {
  const serve = sirv(dir, { dev: false, etag: true });
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
