// A static file server on loopback for the benchmark: the app's build at `/`, the bench pages
// under `/bench/`. Nothing here is reachable from another machine.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** The file under `root` that `urlPath` names, or null when it would leave `root`. */
function resolveUnder(root: string, urlPath: string): string | null {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  return path === root || path.startsWith(root + sep) ? path : null;
}

/**
 * Serves `app` at `/` and `pages` at `/bench/` on 127.0.0.1, on a free port. A folder answers
 * with its `index.html`. Resolves once listening.
 */
export async function serveStatic(app: string, pages: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const bench = url.pathname.startsWith('/bench/');
    const root = bench ? pages : app;
    const rest = bench ? url.pathname.slice('/bench'.length) : url.pathname;
    const path = resolveUnder(root, rest.endsWith('/') ? `${rest}index.html` : rest);
    if (path === null) {
      response.writeHead(403).end();
      return;
    }
    stat(path).then(
      (info) => {
        if (!info.isFile()) throw new Error('not a file');
        response.writeHead(200, {
          'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
          'Content-Length': info.size,
          'Cache-Control': 'no-store',
        });
        createReadStream(path).pipe(response);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
