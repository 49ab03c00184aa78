// A stand-in tile server on 127.0.0.1: answers every /{z}/{x}/{y}.png with one valid 256×256
// PNG and records what was asked, so a test can tell whether (and when) tiles were fetched.
import { createServer } from 'node:http';
import { crc32, deflateSync } from 'node:zlib';

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A solid-colour RGB PNG of `size`×`size` pixels. */
export function solidPng(size = 256, [r, g, b] = [200, 225, 205]) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  // compression, filter and interlace methods stay 0
  const row = Buffer.alloc(1 + size * 3); // filter byte 0, then the pixels
  for (let x = 0; x < size; x += 1) row.set([r, g, b], 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const TILE = /^\/\d+\/\d+\/\d+\.png$/;

/** `png` grown to `bytes` by a text chunk that image decoders skip (a tile of a known size). */
function padded(png, bytes) {
  const room = bytes - png.length - 12;
  if (room <= 0) return png;
  const end = png.length - 12; // the IEND chunk
  const text = chunk('tEXt', Buffer.concat([Buffer.from('Comment\0'), Buffer.alloc(room - 8, 'x')]));
  return Buffer.concat([png.subarray(0, end), text, png.subarray(end)]);
}

/**
 * Starts the server on a free port; resolves to `{ port, requests, close }`. `bytes` makes
 * every tile that large (the offline test fills a tile cache with a known number of bytes).
 */
export async function serveTiles({ bytes = 0 } = {}) {
  const png = padded(solidPng(), bytes);
  const requests = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    requests.push({ path, host: req.headers.host ?? '' });
    if (req.method === 'GET' && TILE.test(path)) {
      // CORS, as most tile servers send: the app asks with crossorigin=anonymous.
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
      res.end(png);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not a tile');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: server.address().port,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(ok);
      }),
  };
}
