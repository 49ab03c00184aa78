// A static file server for the built app on 127.0.0.1, used by the end-to-end tests and
// `scripts/serve.sh`. Hand-written because it is small and later tests need to make it misbehave.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.bin': 'application/octet-stream',
};

/** A published set's file: its name ends in 16 hex digits of its SHA-256. */
const HASHED = /-[0-9a-f]{16}\.bin$/;

/**
 * The headers `ankommen-catalog headers` recommends for the runtime configuration at
 * `configPath` (docs/deployment.md): the tests serve the app with exactly these.
 */
export function recommendedHeaders(configPath) {
  const cli = process.env.ANKOMMEN_CLI ?? 'target/debug/ankommen-catalog';
  return JSON.parse(execFileSync(cli, ['headers', '--config', configPath, '--format', 'json'], { encoding: 'utf8' }));
}

/**
 * The strict policy the app must run under at least (the Trust issue); the generated policy of
 * the bundled configuration is exactly this (tests/e2e/tiles.test.mjs checks it). Leaflet sets styles through
 * the CSSOM, which style-src does not restrict; nothing may use inline script or markup styles.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * Serves `root` with the headers recommended for its `config.json` (or `headers`, e.g. those
 * generated from another configuration); resolves to `{ url, close }`. Port 0 picks a free one.
 * `csp` replaces the policy (a host page's own); `host` is the interface name, so a second
 * server on `localhost` is another site. Every file carries an ETag, and a request whose
 * If-None-Match matches it gets a 304, as a well-configured web server does; `log`, when
 * given, receives `{ path, status, conditional }` for each request. `compress` sends brotli to
 * browsers that accept it, as docs/deployment.md recommends (the benchmark's Lighthouse run);
 * each file is compressed once per server and version (`warm` compresses them all ahead), as
 * a server that sends precompressed files (nginx's brotli_static) costs no time per request.
 * Compressing the 850 KB wasm at brotli's best on every request took about 1.9 s, which
 * Lighthouse counted as the server's response time.
 */
export async function serve(root, { port = 0, headers = null, csp = null, host = '127.0.0.1', log = null, compress = false } = {}) {
  const base = resolve(root);
  const sent = { ...(headers ?? recommendedHeaders(join(base, 'config.json'))) };
  if (csp) sent['Content-Security-Policy'] = csp;
  const compressed = new Map();
  const brotliOf = (etag, body) => {
    if (!compressed.has(etag)) compressed.set(etag, brotliCompressSync(body));
    return compressed.get(etag);
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const info = await stat(file);
      const body = await readFile(file);
      // From size and modification time, as nginx and Apache make it: hashing every file on
      // every request made this server slower than the browser it serves.
      const etag = `"${info.size.toString(16)}-${Math.round(info.mtimeMs * 1000).toString(16)}"`;
      const conditional = req.headers['if-none-match'] ?? null;
      const unchanged = conditional === etag;
      log?.push({ path, status: unchanged ? 304 : 200, conditional });
      const brotli = compress && /\bbr\b/.test(req.headers['accept-encoding'] ?? '') && body.length > 1024;
      res.writeHead(unchanged ? 304 : 200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        // As docs/deployment.md recommends: a published set's files are named by their hash
        // and never change; everything else is revalidated.
        'cache-control': HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        etag,
        ...(brotli ? { 'content-encoding': 'br', vary: 'Accept-Encoding' } : {}),
        ...sent,
      });
      res.end(unchanged ? undefined : brotli ? brotliOf(`${file}:${etag}`, body) : body);
    } catch {
      log?.push({ path, status: 404, conditional: null });
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, host === 'localhost' ? '127.0.0.1' : host, ok));
  const url = `http://${host}:${server.address().port}/`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

// `node tests/e2e/server.mjs DIR [PORT]` serves DIR until interrupted.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serve(process.argv[2] ?? 'dist', { port: Number(process.argv[3] ?? 8080) });
  console.log(`Ankommen is served at ${url}`);
}
