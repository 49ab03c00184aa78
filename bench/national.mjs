// The nationwide set: `ankommen-catalog generate --nationwide --entries 200000 --seed 1`,
// published with the defaults (above `loadWhole`, so it is loaded by district and map view;
// bench/stage.mjs generates and publishes it). Two first screens, each the median of 3 visits in
// a fresh browser profile (no service worker, empty HTTP cache):
//   widget   a widget locked to one district (`?embed=1&district=05966&lock=district`): from
//            navigation start until its entries show (the count and the first rows of the list);
//   country  the default address, the whole country zoomed out: until the overview shows (the
//            count per district in the list, `.ak-overview`, and the district markers on the map).
// Each with the bytes transferred (as served: the stage does not compress; the dedicated workers'
// requests included), the requests to the set's files, and the same files' brotli size (what a
// server that compresses would send). Writes target/bench/national.json and its BENCHMARKS.md section.
//   node bench/national.mjs      (ANKOMMEN_DIST: the build, default dist)
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openBrowser } from '../tests/e2e/browser.mjs';
import { fmt, machineLine, sizes, writeSection } from './report.mjs';
import { NATIONAL, stage, stats } from './stage.mjs';
import { recordTransfers } from './trace.mjs';

const RUNS = Number(process.env.BENCH_RUNS) || 3;
const TIMEOUT = 120_000;

/** In the page: the widget's entries show (a count and list rows, not the overview); then the time. */
function entriesShown() {
  const ready =
    document.querySelector('.ak-count') !== null &&
    document.querySelector('.ak-list .ak-item') !== null &&
    document.querySelector('.ak-overview') === null;
  return ready && performance.now();
}

/** In the page: the zoomed-out overview shows, in the list and as district markers on the map; then the time. */
function overviewShown() {
  const ready = document.querySelector('.ak-overview') !== null && document.querySelector('.ak-map .ak-cluster') !== null;
  return ready && performance.now();
}

const VIEWS = [
  { id: 'widget', query: `?embed=1&district=${NATIONAL.district}&lock=district`, ready: entriesShown, what: `widget locked to district ${NATIONAL.district}: entries shown` },
  { id: 'country', query: '', ready: overviewShown, what: 'whole country zoomed out (default address): overview shown' },
];

const s = await stage({ national: true });
const results = {};
try {
  for (const view of VIEWS) {
    const visits = [];
    for (let run = 0; run < RUNS; run += 1) {
      const browser = await openBrowser({ width: 1280, height: 800 });
      try {
        const transfers = recordTransfers(browser.context);
        await browser.page.goto(s.nationalUrl(view.query), { waitUntil: 'commit' });
        const ms = await (await browser.page.waitForFunction(view.ready, null, { polling: 'raf', timeout: TIMEOUT })).jsonValue();
        const marks = await browser.page.evaluate(() =>
          Object.fromEntries(['config', 'manifest', 'entries'].map((n) => [n, performance.getEntriesByName(`ankommen-${n}`)[0]?.startTime ?? null])),
        );
        const count = await browser.page.evaluate(() => document.querySelector('.ak-count')?.textContent ?? '');
        // What the first screen fetches: until the network has been quiet for a moment.
        await browser.page.waitForLoadState('networkidle');
        const sent = await transfers.transferred();
        const data = sent.filter((t) => new URL(t.url).pathname.startsWith('/app-national/data/'));
        visits.push({
          ms,
          marks,
          count,
          bytes: sent.reduce((sum, t) => sum + t.bytes, 0),
          dataBytes: data.reduce((sum, t) => sum + t.bytes, 0),
          requests: sent.length,
          files: data.map((t) => new URL(t.url).pathname),
        });
      } finally {
        await browser.close();
      }
    }
    // The set's files of the last visit, compressed as a deployment would serve them.
    const files = [...new Set(visits.at(-1).files)];
    let brotli = 0;
    for (const path of files) brotli += sizes(await readFile(join(s.root, path))).brotli;
    const median = (key) => stats(visits.map((v) => v[key])).median;
    results[view.id] = {
      what: view.what,
      url: view.query || '/',
      ms: stats(visits.map((v) => v.ms)),
      marks: Object.fromEntries(
        Object.keys(visits[0].marks).map((k) => [k, visits.some((v) => v.marks[k] === null) ? null : stats(visits.map((v) => v.marks[k])).median]),
      ),
      bytes: median('bytes'),
      dataBytes: median('dataBytes'),
      dataBrotli: brotli,
      requests: visits.at(-1).requests,
      dataRequests: files.length,
      dataFiles: files.map((f) => f.split('/').at(-1)),
      count: visits.at(-1).count,
    };
    console.log(view.id, JSON.stringify(results[view.id]));
  }
} finally {
  await s.close();
}
const manifest = JSON.parse(await readFile(`target/bench/published-${NATIONAL.name}/manifest.json`, 'utf8'));
results.set = { entries: manifest.entries, districts: manifest.districts.length, chunks: manifest.chunks.length, loadWhole: manifest.loadWhole ?? 120_000 };
await writeFile('target/bench/national.json', JSON.stringify(results, null, 1));

const kb = (b) => fmt(Math.round(b / 1000));
const spread = (m) => `${(m.median / 1000).toFixed(2)} (${(m.min / 1000).toFixed(2)}–${(m.max / 1000).toFixed(2)})`;
const table = [
  '## Nationwide set: a district widget and the whole country',
  '',
  machineLine(),
  '',
  `\`ankommen-catalog generate --nationwide --entries ${NATIONAL.entries} --seed ${NATIONAL.seed}\`, published with the defaults: ` +
    `${fmt(results.set.entries)} entries in ${fmt(results.set.districts)} districts, ${fmt(results.set.chunks)} chunks; above \`loadWhole\` ` +
    `(${fmt(results.set.loadWhole)}), so the app loads it by district and map view. Release build, headless Chromium at 1280 × 800, each visit ` +
    `a first visit in a fresh profile from 127.0.0.1, served uncompressed; seconds: median (min–max) of ${RUNS} visits, from navigation start ` +
    'until the first screen shows. "Transferred": every response of the visit until the network is quiet (the app too), as served; ' +
    '"set files": the requests to the set (manifest and chunk files), their bytes as served and brotli 11 (as a compressing server sends them).',
  '',
  '| first screen | s | manifest mark s | transferred KB | requests | set files | set KB | set KB brotli | shows |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ...VIEWS.map(({ id }) => {
    const r = results[id];
    return `| ${r.what} (\`${r.url}\`) | ${spread(r.ms)} | ${r.marks.manifest === null ? '–' : (r.marks.manifest / 1000).toFixed(2)} | ${kb(r.bytes)} | ${r.requests} | ${r.dataRequests} | ${kb(r.dataBytes)} | ${kb(r.dataBrotli)} | ${r.count} |`;
  }),
].join('\n');
await writeSection('national', table);
console.log(table);
