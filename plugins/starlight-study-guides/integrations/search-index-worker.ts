/**
 * The thread that feeds Pagefind (search-index.ts, searchIndexThread): it
 * opens the index, reads each page it is sent from `dist` and hands it to
 * Pagefind, replies once Pagefind has read them, has Pagefind make the index
 * meanwhile, and writes it when told to, replying with how many pages it
 * holds. Any command may be `close`, which also stops the reading between
 * two pages.
 */
import { on } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { type SearchIndexCommand, openSearchIndex } from './search-index.ts';

const { dist, added } = workerData as { dist: string; added: [string, string][] };
const port = parentPort!;
// Listening from the start, so that no command sent while Pagefind starts is missed.
const commands = on(port, 'message');
const next = async () => ((await commands.next()).value as [SearchIndexCommand])[0];
// A build that fails while Pagefind reads need not wait for the rest of the pages.
let closing = false;
const noteClose = (command: SearchIndexCommand) => void (closing ||= command === 'close');
port.on('message', noteClose);

const index = await openSearchIndex(dist, new Map(added));
try {
  const pages = await next();
  if (typeof pages === 'object' && !closing) {
    for (const file of pages.files) {
      if (closing) break;
      await index.add(file, readFileSync(join(dist, file), 'utf8'));
    }
    if (!closing) {
      port.postMessage('read');
      // Made while the build's thread rewrites the pages; a failure is reported when the index is asked for.
      const building = index.build();
      building.catch(() => undefined);
      if ((await next()) === 'write') {
        const built = await building;
        built.write();
        port.postMessage(built.pages);
      }
    }
  }
} finally {
  port.off('message', noteClose);
  await commands.return?.();
  await index.close();
}
