/**
 * A small static server for the built page on this computer (127.0.0.1). Serves the files from
 * memory; anything else is 404. The page fetches nothing at run time, so no other route is needed.
 */
import { createServer, type Server } from 'node:http';
import type { BuiltFile } from './build.ts';

/** Starts serving `files`; resolves with the server and its port once listening (port 0 picks a free one). */
export function serveClassroom(files: readonly BuiltFile[], port: number, host = '127.0.0.1'): Promise<{ server: Server; port: number }> {
  const byPath = new Map(files.map((f) => [`/${f.name}`, f]));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = byPath.get(path === '/' ? '/index.html' : path);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'content-length': file.contents.byteLength, 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : file.contents);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : port });
    });
  });
}
