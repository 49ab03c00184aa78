// The stage every browser benchmark uses: Ankommen's release build and the peer page
// (bench/peer/ with Leaflet and Leaflet.markercluster from bench/node_modules) served from
// 127.0.0.1 side by side, with the generated catalogues (target/bench) under /data/ of both.
//
// Ankommen reads a published set (docs/published.md): for each size N the stage publishes
// target/bench/catalog-N.json into target/bench/published-N/ with the release CLI and serves a
// site /app-N/ that is the build with its data/ replaced by that set (symlinks), so the app opens
// it as it opens its bundled set. The same build also opens the JSON catalogue (`?catalog=`,
// read and published in memory by its worker) for comparison, and /app/ is the build as it is,
// with the bundled example set (Lighthouse). The nationwide set (`generate --nationwide`) is
// served the same way under /app-national/.
//
// Ankommen gets the headers `ankommen-catalog headers` recommends; the peer, a page a developer
// would put up quickly, gets none (its script is inline).
//
// Environment: ANKOMMEN_DIST, the build folder (default dist); ANKOMMEN_CLI, the release CLI
// (default target/release/ankommen-catalog).
//   node bench/stage.mjs [N …] [national]     generates and publishes what is missing or stale
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { serve, recommendedHeaders } from '../tests/e2e/server.mjs';

export const DIST = process.env.ANKOMMEN_DIST ?? 'dist';
process.env.ANKOMMEN_CLI ??= 'target/release/ankommen-catalog';
const CLI = process.env.ANKOMMEN_CLI;
const BENCH = 'target/bench';

/** The nationwide synthetic catalogue (crates/bench `nationwide`), and the district its widget shows. */
export const NATIONAL = { entries: 200_000, seed: 1, district: '05966', name: 'national-200000' };

const PEER_FILES = [
  'leaflet/dist/leaflet.js',
  'leaflet/dist/leaflet.css',
  'leaflet.markercluster/dist/leaflet.markercluster.js',
  'leaflet.markercluster/dist/MarkerCluster.css',
  'leaflet.markercluster/dist/MarkerCluster.Default.css',
];

const run = promisify(execFile);
const mtime = async (path) => (await stat(path).catch(() => null))?.mtimeMs ?? null;
const log = (line) => console.error(`[stage] ${line}`);

/** Generates target/bench/catalog-N.json and its GeoJSON (for the peer) unless both are there. */
export async function catalogue(n) {
  const json = `${BENCH}/catalog-${n}.json`;
  const geojson = `${BENCH}/catalog-${n}.geojson`;
  if ((await mtime(json)) !== null && (await mtime(geojson)) !== null) return json;
  await mkdir(BENCH, { recursive: true });
  log(`generating ${json} and ${geojson}`);
  await run(CLI, ['generate', '--entries', String(n), '--seed', '1', '-o', json, '--geojson', geojson], { maxBuffer: 1 << 24 });
  return json;
}

/** Generates the nationwide catalogue unless it is there. */
export async function nationalCatalogue() {
  const json = `${BENCH}/${NATIONAL.name}.json`;
  if ((await mtime(json)) !== null) return json;
  await mkdir(BENCH, { recursive: true });
  log(`generating ${json} (nationwide)`);
  await run(CLI, ['generate', '--nationwide', '--entries', String(NATIONAL.entries), '--seed', String(NATIONAL.seed), '-o', json], {
    maxBuffer: 1 << 24,
  });
  return json;
}

/**
 * Publishes `source` into `dir` with the release CLI, unless the set's manifest is newer than
 * both the catalogue and the CLI (a rebuilt CLI may write another format, which the rebuilt app
 * then expects). Resolves to `dir`.
 */
export async function publish(source, dir) {
  const manifest = await mtime(join(dir, 'manifest.json'));
  if (manifest !== null && manifest > (await mtime(source)) && manifest > (await mtime(CLI))) return dir;
  log(`publishing ${source} into ${dir}`);
  const { stdout, stderr } = await run(CLI, ['publish', source, '-o', dir, '--lang', 'en'], { maxBuffer: 1 << 26 });
  log(`${(stdout + stderr).trim().split('\n').at(-1)}`);
  return dir;
}

/** Everything the browser benchmarks read: the catalogues of `sizes` and their sets, and the nationwide set. */
export async function prepare({ sizes = [], national = false } = {}) {
  for (const n of sizes) await publish(await catalogue(n), `${BENCH}/published-${n}`);
  if (national) await publish(await nationalCatalogue(), `${BENCH}/published-${NATIONAL.name}`);
}

/**
 * The build in `DIST` as a folder at `at`, but with `data/` → `data` (a published set), and an
 * `index.html` without the bundled example's prerendered first screen (it would show the
 * example's entries until the app shows the set's; `publish --site` writes a set's own, with a
 * page per entry, which the benchmark does not need).
 */
async function site(at, data) {
  await mkdir(at);
  for (const name of await readdir(DIST)) {
    if (name !== 'data' && name !== 'index.html') await symlink(resolve(DIST, name), join(at, name));
  }
  await symlink(resolve(data), join(at, 'data'));
  const index = await readFile(join(DIST, 'index.html'), 'utf8');
  await writeFile(
    join(at, 'index.html'),
    index
      .replace(/<!--ak:first-screen-->[\s\S]*<!--\/ak:first-screen-->/, '<!--ak:first-screen--><!--/ak:first-screen-->')
      .replace(/ data-languages="[^"]*"/, ''),
  );
}

/**
 * The build as a folder at `at` with the catalogue `source` published into its own `data/` and
 * the pages around the app written as scripts/build.sh writes the bundled set's
 * (`publish --site`): that set's first screen in `index.html`, a page per entry, the sitemap.
 * For Lighthouse on a generated set, which must see the first screen a deployment of it has.
 */
async function siteWithPages(at, source) {
  await mkdir(at);
  const written = new Set(['data', 'index.html', 'e', 'robots.txt']);
  for (const name of await readdir(DIST)) {
    if (!written.has(name) && !name.startsWith('sitemap')) await symlink(resolve(DIST, name), join(at, name));
  }
  await cp(join(DIST, 'index.html'), join(at, 'index.html'));
  log(`publishing ${source} with its pages into ${at}`);
  await run(CLI, ['publish', source, '-o', join(at, 'data'), '--lang', 'en', '--site', at, '--site-url', 'http://127.0.0.1/'], {
    maxBuffer: 1 << 26,
  });
}

/**
 * Serves the stage. `sizes`: the published sets to serve (published first when missing or
 * stale); `withPages`: sizes also served with their own first screen and entry pages (published
 * afresh on each start); `national`: the nationwide set too. `compress`: both servers send
 * brotli, as a deployment should (docs/deployment.md).
 */
export async function stage({ compress = false, sizes = [], withPages = [], national = false } = {}) {
  await prepare({ sizes, national });
  const root = await mkdtemp(join(tmpdir(), 'ankommen-bench-'));
  await symlink(resolve(DIST), join(root, 'app'));
  await symlink(resolve(BENCH), join(root, 'data'));
  for (const n of sizes) await site(join(root, `app-${n}`), `${BENCH}/published-${n}`);
  for (const n of withPages) await siteWithPages(join(root, `pages-${n}`), await catalogue(n));
  if (national) await site(join(root, 'app-national'), `${BENCH}/published-${NATIONAL.name}`);
  await cp('bench/peer', join(root, 'peer'), { recursive: true });
  for (const file of PEER_FILES) await cp(join('bench/node_modules', file), join(root, 'peer', file.split('/').at(-1)));
  // Leaflet's default marker icon, which leaflet.css finds under images/.
  await cp('bench/node_modules/leaflet/dist/images', join(root, 'peer', 'images'), { recursive: true });
  const app = await serve(root, { headers: recommendedHeaders(join(DIST, 'config.json')), compress });
  const peer = await serve(root, { headers: {}, compress });
  const servedSize = (n) => {
    if (!sizes.includes(n)) throw new Error(`the stage serves no published set of ${n} entries`);
    return n;
  };
  return {
    root,
    peerFiles: ['index.html', ...PEER_FILES.map((f) => f.split('/').at(-1))].map((f) => join(root, 'peer', f)),
    /** The build as it is, with its bundled example set. */
    bundledUrl: `${app.url}app/`,
    /** Ankommen on the published set of the generated catalogue of `n` entries. */
    appUrl: (n) => `${app.url}app-${servedSize(n)}/`,
    /** Ankommen on the set of `n` entries with its own first screen (`withPages`). */
    pagesUrl: (n) => {
      if (!withPages.includes(n)) throw new Error(`the stage serves no set of ${n} entries with its pages`);
      return `${app.url}pages-${n}/`;
    },
    /** Ankommen on the JSON catalogue of `n` entries, which its worker reads and publishes in memory. */
    jsonUrl: (n) => `${app.url}app/?catalog=../data/catalog-${n}.json`,
    /** Ankommen on the nationwide set, with `query` (e.g. '?embed=1&district=05966&lock=district'). */
    nationalUrl: (query = '') => {
      if (!national) throw new Error('the stage serves no nationwide set');
      return `${app.url}app-national/${query}`;
    },
    /** The peer on the same catalogue as GeoJSON. */
    peerUrl: (n) => `${peer.url}peer/?data=../data/catalog-${n}.geojson`,
    // The stage's folder holds symlinks and the peer's copied files; rm does not follow links.
    close: async () => {
      await Promise.all([app.close(), peer.close()]);
      await rm(root, { recursive: true, force: true });
    },
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

// `node bench/stage.mjs 100 10000 100000 national` prepares those sets (scripts/bench.sh).
if (import.meta.url === `file://${resolve(process.argv[1] ?? '')}`) {
  const args = process.argv.slice(2);
  await prepare({ sizes: args.filter((a) => /^\d+$/.test(a)).map(Number), national: args.includes('national') });
}
