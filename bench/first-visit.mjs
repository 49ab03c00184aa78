// Loads the release build (dist/) in Chromium, records every file the first visit fetches,
// and writes their sizes (raw, gzip, brotli) to BENCHMARKS.md. The service worker is allowed,
// so the files it precaches on that visit count too. The catalogue and tiles are left out:
// they are data, not the app. The peer page's files are measured the same way for the ratio.
// Writes target/bench/first-visit.json for bench/summary.mjs.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from '../tests/e2e/server.mjs';
import { openBrowser } from '../tests/e2e/browser.mjs';
import { sizes, fmt, machineLine, writeSection } from './report.mjs';
import { stage } from './stage.mjs';

const DATA = /\/(catalog|config)\.json$|\/tiles\//;
const server = await serve('dist');
const browser = await openBrowser({ serviceWorkers: 'allow' });
await browser.page.goto(server.url);
await browser.page.waitForSelector('.ak-map .leaflet-marker-icon', { timeout: 20000 });
await browser.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
await browser.close();
await server.close();

// What the worker downloads on install: its precache list (sw/build.mjs writes it into sw.js).
const sw = await readFile('dist/sw.js', 'utf8');
const precached = JSON.parse(sw.match(/\[\{"url":.*?\}\]/)[0]).map((e) => `/${e.url}`);
const requested = [...new Set(browser.requests)]
  .filter((url) => url.startsWith(server.url) && !DATA.test(url))
  .map((url) => new URL(url).pathname.replace(/\/$/, '/index.html'));
const files = [...new Set([...requested, '/sw.js', ...precached])];
const rows = [];
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const path of files) {
  const s = sizes(await readFile(join('dist', path)));
  const how = requested.includes(path) ? 'page' : 'service worker';
  rows.push(`| ${path.replace(/-[0-9a-f]{15,16}(?=[._])/, '-…')} | ${how} | ${fmt(s.raw)} | ${fmt(s.gzip)} | ${fmt(s.brotli)} |`);
  for (const key of Object.keys(total)) total[key] += s[key];
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
  'Files a first visit to the release build fetches: those the page requested, and those the service worker ' +
    'precaches on that visit (catalogue, config.json and tiles excluded). Budget: 200 KB brotli in total.',
  '',
  '| file | fetched by | raw | gzip -9 | brotli 11 |',
  '|---|---|---:|---:|---:|',
  ...rows,
  `| **total** | | **${fmt(total.raw)}** | **${fmt(total.gzip)}** | **${fmt(total.brotli)}** |`,
  `| peer page (bench/peer: HTML, Leaflet, markercluster) | page | ${fmt(peer.raw)} | ${fmt(peer.gzip)} | ${fmt(peer.brotli)} |`,
].join('\n');
await writeSection('first-visit', table);
await writeFile('target/bench/first-visit.json', JSON.stringify({ app: total, peer }));
console.log(table);
