import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { astroEnvironment, repoRoot } from './build-site.ts';

export interface DevServer {
  url: string;
  /** What the server has printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Stops the server and everything it started, and waits until it has exited. */
  stop(): Promise<void>;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `astro dev` in a project copy on 127.0.0.1 (on a free port unless given); resolves once `readyPath` passes `ready`. */
export async function startDevServer(root: string, readyPath: string, ready: (html: string) => boolean, port?: number): Promise<DevServer> {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const astro = join(repoRoot, 'node_modules/astro/bin/astro.mjs');
  const child: ChildProcess = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    env: astroEnvironment(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
  try {
    await pageWhen(url + readyPath, ready, 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop, output: () => output };
}

/** Fetches `url` until `done(html)` holds, or fails after `ms`. */
export async function pageWhen(url: string, done: (html: string) => boolean, ms: number): Promise<string> {
  const deadline = Date.now() + ms;
  let html = '';
  while (Date.now() < deadline) {
    html = await fetch(url).then((r) => r.text(), () => '');
    if (done(html)) return html;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not change as expected within ${ms} ms:\n${html.slice(0, 500)}`);
}
