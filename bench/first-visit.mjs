// Loads the release build (dist/) in Chromium, records every file the first visit fetches,
// and writes their sizes (raw, gzip, brotli) to BENCHMARKS.md. The catalogue and tiles are
// left out: they are data, not the app.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from '../tests/e2e/server.mjs';
import { openBrowser } from '../tests/e2e/browser.mjs';
import { sizes, fmt, machineLine, writeSection } from './report.mjs';

const DATA = /\/catalog\.json$|\/tiles\//;
const server = await serve('dist');
const browser = await openBrowser();
await browser.page.goto(server.url);
await browser.page.waitForSelector('.ak-map .leaflet-marker-icon', { timeout: 20000 });
await browser.close();
await server.close();

const files = [...new Set(browser.requests)]
  .filter((url) => url.startsWith(server.url) && !DATA.test(url))
  .map((url) => new URL(url).pathname.replace(/\/$/, '/index.html'));
const rows = [];
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const path of files) {
  const s = sizes(await readFile(join('dist', path)));
  rows.push(`| ${path.replace(/-[0-9a-f]{16}(?=[._])/, '-…')} | ${fmt(s.raw)} | ${fmt(s.gzip)} | ${fmt(s.brotli)} |`);
  for (const key of Object.keys(total)) total[key] += s[key];
}
const table = [
  '## First visit: every file, in bytes',
  '',
  machineLine(),
  '',
  'Files the page requested on a first visit to the release build (catalogue and tiles excluded). Budget: 200 KB brotli in total.',
  '',
  '| file | raw | gzip -9 | brotli 11 |',
  '|---|---:|---:|---:|',
  ...rows,
  `| **total** | **${fmt(total.raw)}** | **${fmt(total.gzip)}** | **${fmt(total.brotli)}** |`,
].join('\n');
await writeSection('first-visit', table);
console.log(table);
