// Ankommen's service worker, bundled by sw/build.mjs: after one visit the app works without a
// network. What is cached where (docs/offline.md):
// - the app shell: precached; the list of files (with revisions) is generated at build time;
// - the operator preview and the configurator: cached when first opened, network first;
// - map tiles the user agreed to: cache first, capped in bytes (sw/budget.js);
// - the files of published sets that were shown (named by their content's hash, so they never
//   change): cache first, capped in bytes;
// - the worker that reads JSON catalogues: cached when first used, network first;
// - config.json, manifests and JSON catalogues: not here. The app keeps the last good copy
//   itself (src/offline.rs), because only the app knows whether a catalogue was good (its
//   chunks loaded) and can say from when the data is.
import { precacheAndRoute, cleanupOutdatedCaches, matchPrecache } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { clientsClaim } from 'workbox-core';
import { DATA_CACHE, TILE_CACHE, ByteBudget } from './budget.js';

const PAGES_CACHE = 'ankommen-pages';
const scope = new URL(self.registration.scope);
// The app registers `sw.js?tileCacheBytes=N&dataCacheBytes=M` from its runtime configuration.
const params = new URL(self.location.href).searchParams;
const tileCap = Number(params.get('tileCacheBytes')) || 50_000_000;
const dataCap = Number(params.get('dataCacheBytes')) || 100_000_000;

// A new build takes over at once: the next page load runs it. Old precache entries are
// deleted by Workbox when it activates; the secondary pages' cache belongs to the old build.
self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
self.addEventListener('activate', (event) => event.waitUntil(caches.delete(PAGES_CACHE)));

// The page itself comes from the network while there is one, because its response carries
// the server's current headers (a Content-Security-Policy that names a newly configured tile
// server) and names the current build's files; without a network, or after NAVIGATION_MS of
// waiting, it is the precached copy. Every address of the app is this one page with a query
// string (docs/url.md).
const NAVIGATION_MS = 4000;
registerRoute(
  ({ request, url }) =>
    request.mode === 'navigate' &&
    url.origin === scope.origin &&
    (url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`),
  async ({ request }) => {
    try {
      const response = await fetch(request, { signal: AbortSignal.timeout(NAVIGATION_MS) });
      if (response.ok) return response;
    } catch {
      // offline, or too slow: the precached page below
    }
    return (await matchPrecache('index.html')) ?? Response.error();
  },
);

// The shell's files, hashed by name or revisioned by the build (sw/build.mjs).
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });

registerRoute(
  ({ url }) =>
    url.origin === scope.origin &&
    /^(preview\/|configure\/|ankommen-worker)/.test(url.pathname.slice(scope.pathname.length)),
  new NetworkFirst({ cacheName: PAGES_CACHE }),
);

// A published set's files carry their content's hash in their names: once fetched, a file
// never changes, so the kept copy is used without asking (the app still checks its hash).
const PUBLISHED = /-[0-9a-f]{16}\.bin$/;
const published = new CacheFirst({ cacheName: DATA_CACHE, plugins: [new ByteBudget(DATA_CACHE, dataCap)] });
registerRoute(({ url }) => PUBLISHED.test(url.pathname), published);

// The first visit fetches its files before this worker controls the page; the app then
// names them (`{ keep: [url, …] }`), and they are kept as if fetched through here (from the
// browser's HTTP cache, so without a second download).
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.keep) ? event.data.keep : [];
  const kept = urls
    .filter((url) => typeof url === 'string' && PUBLISHED.test(new URL(url, scope).pathname))
    .map((url) => published.handle({ event, request: new Request(url) }).catch(() => {}));
  // Keeping is best effort, and a wait that does not end holds back a new release's worker
  // (seen in Chromium: it stays "waiting"): a few seconds at most.
  event.waitUntil(Promise.race([Promise.all(kept), new Promise((done) => setTimeout(done, KEEP_MS))]));
});
const KEEP_MS = 5000;

// The app asks for images from elsewhere only as map tiles, and only after consent
// (the Content-Security-Policy allows no other image host).
registerRoute(
  ({ request, url }) => request.destination === 'image' && url.origin !== scope.origin,
  new CacheFirst({ cacheName: TILE_CACHE, plugins: [new ByteBudget(TILE_CACHE, tileCap)] }),
);
