// The stage every browser benchmark uses: Ankommen's release build and the peer page
// (bench/peer/ with Leaflet and Leaflet.markercluster from bench/node_modules) served from
// 127.0.0.1 side by side, with the generated catalogues (target/bench) under /data/ of both.
// Ankommen gets the headers `ankommen-catalog headers` recommends; the peer, a page a developer
// would put up quickly, gets none (its script is inline).
import { cp, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, recommendedHeaders } from '../tests/e2e/server.mjs';

const PEER_FILES = [
  'leaflet/dist/leaflet.js',
  'leaflet/dist/leaflet.css',
  'leaflet.markercluster/dist/leaflet.markercluster.js',
  'leaflet.markercluster/dist/MarkerCluster.css',
  'leaflet.markercluster/dist/MarkerCluster.Default.css',
];

/** `compress`: both servers send brotli, as a deployment should (docs/deployment.md). */
export async function stage({ compress = false } = {}) {
  const root = await mkdtemp(join(tmpdir(), 'ankommen-bench-'));
  await symlink(resolve('dist'), join(root, 'app'));
  await symlink(resolve('target/bench'), join(root, 'data'));
  await cp('bench/peer', join(root, 'peer'), { recursive: true });
  for (const file of PEER_FILES) await cp(join('bench/node_modules', file), join(root, 'peer', file.split('/').at(-1)));
  // Leaflet's default marker icon, which leaflet.css finds under images/.
  await cp('bench/node_modules/leaflet/dist/images', join(root, 'peer', 'images'), { recursive: true });
  const app = await serve(root, { headers: recommendedHeaders('dist/config.json'), compress });
  const peer = await serve(root, { headers: {}, compress });
  return {
    root,
    peerFiles: ['index.html', ...PEER_FILES.map((f) => f.split('/').at(-1))].map((f) => join(root, 'peer', f)),
    /** Ankommen on the generated catalogue of `n` entries. */
    appUrl: (n) => `${app.url}app/?catalog=../data/catalog-${n}.json`,
    /** The peer on the same catalogue as GeoJSON. */
    peerUrl: (n) => `${peer.url}peer/?data=../data/catalog-${n}.geojson`,
    close: () => Promise.all([app.close(), peer.close()]),
  };
}

/** Median, min, max and p95 of a list of numbers. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted.at(-1), n: sorted.length };
}

/**
 * The page shows the entries: its result count and markers (or clusters) on the map; then the
 * time since navigation start, for waitForFunction (which must not take a string: the app's
 * CSP forbids eval). `which` is 'app' or 'peer'. Runs in the page, so it closes over nothing.
 */
export function shown(which) {
  const ready =
    which === 'app'
      ? document.querySelector('.ak-count') !== null && document.querySelector('.ak-map .ak-marker, .ak-map .ak-cluster') !== null
      : /^\d+ Ergebnisse$/.test(document.getElementById('count')?.textContent ?? '') &&
        document.querySelector('.leaflet-marker-icon') !== null;
  return ready && performance.now();
}
