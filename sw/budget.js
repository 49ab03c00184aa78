// Caches kept within a byte cap, least recently used out: the map tiles the user agreed to
// load, and the files of published sets that were shown (docs/offline.md). Workbox's
// ExpirationPlugin caps entries, not bytes, so this is a small plugin of its own;
// `evictions` is the pure part, tested in sw/budget.test.mjs.

export const TILE_CACHE = 'ankommen-tiles';
export const DATA_CACHE = 'ankommen-chunks';
/** Headers the cached copy carries: its body size, and when it was last shown (ms). */
export const BYTES = 'x-ankommen-bytes';
export const USED = 'x-ankommen-used';
/** A hit rewrites the entry's use time only when it is older than this: LRU to the minute,
 * without a cache write for every tile drawn. */
export const TOUCH_AFTER_MS = 60_000;

/**
 * The entries (`{ url, bytes, used }`) to delete so that the rest fit in `cap` bytes: the
 * least recently used first, ties by URL so the choice is deterministic.
 */
export function evictions(entries, cap) {
  let total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
  const oldestFirst = [...entries].sort((a, b) => a.used - b.used || (a.url < b.url ? -1 : 1));
  const doomed = [];
  for (const entry of oldestFirst) {
    if (total <= cap) break;
    doomed.push(entry.url);
    total -= entry.bytes;
  }
  return doomed;
}

/** A copy of `response` whose headers say how big it is and when it was used. */
async function stamped(response, used) {
  const body = await response.blob();
  const headers = new Headers(response.headers);
  headers.set(BYTES, String(body.size));
  headers.set(USED, String(used));
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** The Workbox plugin that stamps, touches and trims the cache named `cacheName`. */
export class ByteBudget {
  constructor(cacheName, cap, now = () => Date.now()) {
    this.cacheName = cacheName;
    this.cap = cap;
    this.now = now;
    this.trimming = Promise.resolve();
  }

  // Only complete answers that can be read are kept (the site's own, or CORS): an opaque
  // one's size cannot be read, and Chromium counts each as megabytes against the quota.
  cacheWillUpdate = async ({ response }) =>
    response.status === 200 && (response.type === 'cors' || response.type === 'basic')
      ? stamped(response, this.now())
      : null;

  cacheDidUpdate = async ({ event }) => {
    // One trim at a time: a map view stores a dozen tiles at once, a view of a large set
    // several chunks.
    this.trimming = this.trimming.then(() => this.trim()).catch(() => {});
    event?.waitUntil?.(this.trimming);
  };

  cachedResponseWillBeUsed = async ({ cacheName, request, cachedResponse, event }) => {
    if (!cachedResponse) return null;
    const used = Number(cachedResponse.headers.get(USED));
    if (this.now() - used > TOUCH_AFTER_MS) {
      const copy = cachedResponse.clone();
      const touch = caches
        .open(cacheName)
        .then(async (cache) => cache.put(request, await stamped(copy, this.now())))
        .catch(() => {});
      event?.waitUntil?.(touch);
    }
    return cachedResponse;
  };

  async trim() {
    const cache = await caches.open(this.cacheName);
    const requests = await cache.keys();
    const entries = await Promise.all(
      requests.map(async (request) => {
        const response = await cache.match(request);
        return {
          url: request.url,
          bytes: Number(response?.headers.get(BYTES)) || 0,
          used: Number(response?.headers.get(USED)) || 0,
        };
      }),
    );
    await Promise.all(evictions(entries, this.cap).map((url) => cache.delete(url)));
  }
}
