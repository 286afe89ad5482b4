// serve: a small static server for the built app (dist/), on 127.0.0.1 only.
// Compresses with gzip when the browser accepts it, as any real host would, so what the
// benchmark measures is what a learner downloads. Used by `./coach serve`, the browser
// tests and the benchmark.
//   node tools/serve.mjs DIST [PORT]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.otf': 'font/otf', '.ttf': 'font/ttf',
  '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
};

// `extra` maps paths to fixed bodies (tests serve instructor course files this way).
export function startServer({ root, port = 8080, host = '127.0.0.1', extra = {} }) {
  const gzipCache = new Map();
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (Object.hasOwn(extra, path)) {
        res.writeHead(200, { 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-cache' });
        res.end(extra[path]);
        return;
      }
      const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
      if (!file.startsWith(normalize(root) + sep) && file !== normalize(root)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const info = await stat(file);
      let body = await readFile(file);
      const headers = { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' };
      if (/\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        const key = `${file}:${info.mtimeMs}`;
        if (!gzipCache.has(key)) gzipCache.set(key, gzipSync(body, { level: 9 }));
        body = gzipCache.get(key);
        headers['Content-Encoding'] = 'gzip';
      }
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(e.code === 'ENOENT' || e.code === 'EISDIR' ? 404 : 500, { 'Content-Type': 'text/plain' });
      res.end(e.code === 'ENOENT' ? 'not found' : 'server error');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root, port] = process.argv.slice(2);
  const { url } = await startServer({ root, port: Number(port || 8080) });
  console.log(`Collection Coach is running at ${url}  (Ctrl+C stops it)`);
}
