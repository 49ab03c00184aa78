// Loads the release build (ANKOMMEN_DIST, default dist/) in Chromium with its bundled published
// set, records every file the first visit fetches (the page's own requests and those of its
// dedicated workers, such as fetcher.js reading the set's files), and writes their sizes (raw,
// gzip, brotli) to BENCHMARKS.md. The service worker is allowed, so the files it precaches on
// that visit count too. The catalogue data (data/: manifest and set files), config.json and tiles
// are left out of the total: they are data, not the app; the bundled set is listed below it. Files
// of the build a first visit does not fetch (the worker for JSON sources, the preview and the
// configurator) are named under the table. The peer page's files are measured the same way for
// the ratio. Writes target/bench/first-visit.json for bench/summary.mjs.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from '../tests/e2e/server.mjs';
import { openBrowser } from '../tests/e2e/browser.mjs';
import { sizes, fmt, machineLine, writeSection } from './report.mjs';
import { DIST, stage, shown } from './stage.mjs';

const DATA = /\/data\/|\/config\.json$|\/tiles\//;
const server = await serve(DIST);
const browser = await openBrowser({ serviceWorkers: 'allow' });
await browser.page.goto(server.url);
await browser.page.waitForFunction(shown, 'app', { timeout: 20000 });
await browser.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
// What the page fetches right after its first screen (the rest of the list's texts, …).
await browser.page.waitForLoadState('networkidle');
await browser.close();
await server.close();

// What the worker downloads on install: its precache list (sw/build.mjs writes it into sw.js).
const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
const precached = JSON.parse(sw.match(/\[\{"url":.*?\}\]/)[0]).map((e) => `/${e.url}`);
const fetched = [...new Set(browser.requests)]
  .filter((url) => url.startsWith(server.url))
  .map((url) => new URL(url).pathname.replace(/\/$/, '/index.html'));
const requested = fetched.filter((path) => !DATA.test(path));
const files = [...new Set([...requested, '/sw.js', ...precached])];
const rows = [];
const total = { raw: 0, gzip: 0, brotli: 0 };
let wasm = null;
for (const path of files) {
  const s = sizes(await readFile(join(DIST, path)));
  const how = requested.includes(path) ? 'page' : 'service worker';
  rows.push(`| ${path.replace(/-[0-9a-f]{15,16}(?=[._])/, '-…')} | ${how} | ${fmt(s.raw)} | ${fmt(s.gzip)} | ${fmt(s.brotli)} |`);
  for (const key of Object.keys(total)) total[key] += s[key];
  // The app's main wasm (Trunk names it ankommen-<hash>_bg.wasm).
  if (/^\/ankommen-[0-9a-f]{15,16}_bg\.wasm$/.test(path)) wasm = s;
}

// The bundled set's files this visit fetched (data, not counted above).
const data = { raw: 0, gzip: 0, brotli: 0, files: 0 };
for (const path of new Set(fetched.filter((p) => /\/data\//.test(p)))) {
  const s = sizes(await readFile(join(DIST, path)));
  for (const key of ['raw', 'gzip', 'brotli']) data[key] += s[key];
  data.files += 1;
}

// The build's files no first visit fetches (top level only: preview/ and configure/ are other pages).
const unfetched = [];
for (const name of (await readdir(DIST, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name)) {
  if (files.includes(`/${name}`) || DATA.test(`/${name}`) || /^(icon-|apple-touch-icon|embed\.js)/.test(name)) continue;
  unfetched.push(`\`${name.replace(/-[0-9a-f]{15,16}(?=[._])/, '-…')}\` (${fmt(sizes(await readFile(join(DIST, name))).brotli)} B brotli)`);
}

const peer = { raw: 0, gzip: 0, brotli: 0 };
const stageForPeer = await stage();
for (const file of stageForPeer.peerFiles) {
  const s = sizes(await readFile(file));
  for (const key of Object.keys(peer)) peer[key] += s[key];
}
await stageForPeer.close();

const table = [
  '## First visit: every file, in bytes',
  '',
  machineLine(),
  '',
  'Files a first visit to the release build fetches: those the page and its workers requested, and those the service worker ' +
    'precaches on that visit (the catalogue data in `data/`, config.json and tiles excluded; the bundled set is listed below the total). ' +
    'Budgets: 260 KB brotli in total (200 KB before the published set), the app\'s main wasm 200 KB brotli.',
  '',
  '| file | fetched by | raw | gzip -9 | brotli 11 |',
  '|---|---|---:|---:|---:|',
  ...rows,
  `| **total** | | **${fmt(total.raw)}** | **${fmt(total.gzip)}** | **${fmt(total.brotli)}** |`,
  `| bundled set (data/: ${data.files} files, the manifest included; not in the total) | page (fetcher.js) | ${fmt(data.raw)} | ${fmt(data.gzip)} | ${fmt(data.brotli)} |`,
  `| peer page (bench/peer: HTML, Leaflet, markercluster) | page | ${fmt(peer.raw)} | ${fmt(peer.gzip)} | ${fmt(peer.brotli)} |`,
  '',
  `Not fetched on a first visit with a published set: ${unfetched.join(', ') || 'nothing'} (the worker reads JSON and GeoJSON sources only; the icons and embed.js are for installs and host pages).`,
].join('\n');
await writeSection('first-visit', table);
await writeFile('target/bench/first-visit.json', JSON.stringify({ app: total, wasm, data, peer }));
console.log(table);
