/** The implementation of `zonesmith serve`, loaded only when the command runs (see serve.ts). */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { EXIT, type Io } from '../io.js';
import { CommandError, systemReason } from './errors.js';
import type { ServeArgs } from './serve.js';
import { packageFile } from '../version.js';

/** The page `npm run site` builds: one self-contained file (site/build.mjs), in the package (src/, dist/ and the bundled bin alike). */
export function pagePath(): string {
  return fileURLToPath(packageFile('site/dist/index.html'));
}

/**
 * Headers for the page. Its own CSP (a meta tag) already forbids every request; `frame-ancestors` can
 * only be said in a header, and keeps other sites from framing it.
 */
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Starts the server on 127.0.0.1. `GET /` (and `/index.html`) is the page; anything else is 404, and a
 * method other than GET or HEAD is 405. A request whose Host is not this address (a DNS-rebinding page
 * pointing its own name here) is refused with 421.
 */
export async function startServer(port: number, path = pagePath()): Promise<RunningServer> {
  let page: Buffer;
  try {
    page = readFileSync(path);
  } catch (error) {
    throw new CommandError(`cannot read the page ${path}: ${systemReason(error)}; build it with \`npm run site\``);
  }
  const server = createServer((request, response) => answer(request, response, page, server));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new CommandError(`port ${port} on 127.0.0.1 is in use: pass --port with another, or --port 0 for any free one`));
      else if (error.code === 'EACCES') reject(new CommandError(`port ${port} needs privileges this user lacks: pass --port 1024 or above`));
      else reject(error);
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function answer(request: IncomingMessage, response: ServerResponse, page: Buffer, server: Server): void {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const host = request.headers.host ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end(`zonesmith serve answers only to 127.0.0.1:${port}\n`);
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('only GET and HEAD\n');
    return;
  }
  const path = (request.url ?? '/').split('?')[0];
  if (path !== '/' && path !== '/index.html') {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('zonesmith serve has one page: /\n');
    return;
  }
  response.writeHead(200, { ...HEADERS, 'content-length': page.length });
  response.end(request.method === 'HEAD' ? undefined : page);
}

export async function run(args: ServeArgs, io: Io): Promise<number> {
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new CommandError('--port takes a whole number from 0 to 65535');
  const running = await startServer(args.port);
  io.out(`zonesmith: serving the page on ${running.url} (only this computer can reach it); Ctrl-C stops\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  return EXIT.ok;
}
