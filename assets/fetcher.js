// Fetches the files of a published set off the page's main thread (src/data.rs): receiving a
// response's body and hashing it cost the main thread about 15 ms per megabyte, which at
// 100,000 entries (40 MB) held it for most of a second. Here the browser does both in this
// worker's thread, and the checked bytes go to the page without a copy (transferred).
//
// In:  { id, url, bytes, hash, timeoutMs }  (hash: the 16 hex digits the file's name carries)
// Out: { id, buffer } or { id, fault: 'http', status } | { id, fault: 'corrupt' }
//      | { id, fault: 'timeout' } | { id, fault: 'unreachable' }
const hex = (buffer) =>
  [...new Uint8Array(buffer, 0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');

self.onmessage = async ({ data: { id, url, bytes, hash, timeoutMs } }) => {
  const fault = (fault, extra = {}) => self.postMessage({ id, fault, ...extra });
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return fault('http', { status: response.status });
    // A compressed answer may be a little larger than its content, never much.
    const announced = Number(response.headers.get('content-length'));
    if (announced > bytes + bytes / 8 + 1024) return fault('corrupt');
    const buffer = await response.arrayBuffer();
    if (buffer.byteLength !== bytes) return fault('corrupt');
    // Outside a secure context there is no Web Crypto: the decoder still refuses bad bytes.
    if (self.crypto?.subtle && hex(await crypto.subtle.digest('SHA-256', buffer)) !== hash) {
      return fault('corrupt');
    }
    self.postMessage({ id, buffer }, [buffer]);
  } catch (error) {
    fault(error?.name === 'TimeoutError' ? 'timeout' : 'unreachable');
  }
};
