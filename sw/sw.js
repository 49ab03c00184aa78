// Ankommen's service worker, bundled by sw/build.mjs: after one visit the app works without a
// network. What is cached where (docs/offline.md):
// - the app shell: precached; the list of files (with revisions) is generated at build time;
// - the operator preview and the configurator: cached when first opened, network first;
// - map tiles the user agreed to: cache first, capped in bytes (sw/tiles.js);
// - config.json and catalogues: not here. The app keeps the last good copy itself
//   (src/offline.rs), because only the app knows whether a catalogue was good and can say
//   from when the data is.
import { precacheAndRoute, cleanupOutdatedCaches, matchPrecache } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { clientsClaim } from 'workbox-core';
import { TILE_CACHE, TileBudget } from './tiles.js';

const PAGES_CACHE = 'ankommen-pages';
const scope = new URL(self.registration.scope);
// The app registers `sw.js?tileCacheBytes=N` from its runtime configuration.
const tileCap = Number(new URL(self.location.href).searchParams.get('tileCacheBytes')) || 50_000_000;

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
    url.origin === scope.origin && /^(preview|configure)\//.test(url.pathname.slice(scope.pathname.length)),
  new NetworkFirst({ cacheName: PAGES_CACHE }),
);

// The app asks for images from elsewhere only as map tiles, and only after consent
// (the Content-Security-Policy allows no other image host).
registerRoute(
  ({ request, url }) => request.destination === 'image' && url.origin !== scope.origin,
  new CacheFirst({ cacheName: TILE_CACHE, plugins: [new TileBudget(tileCap)] }),
);
