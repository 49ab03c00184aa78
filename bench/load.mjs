// Load time, main-thread tasks, bytes and memory, Ankommen beside the peer, in one run: from
// navigation start to the list and the map showing all entries, on generated catalogues of each
// size, at full speed and under Chromium's 4× CPU throttling; each run in a fresh browser profile
// (a first visit). Three pages:
//   app   Ankommen on the published set of the catalogue (bench/stage.mjs publishes it): the budget row;
//   json  Ankommen on the JSON catalogue itself (`?catalog=`), which its worker reads and publishes in memory;
//   peer  bench/peer/ (Leaflet + markercluster) on the same entries as GeoJSON.
// For Ankommen also its performance marks (ankommen-config, -manifest, -entries), and how soon a
// search typed the moment the entries show is answered. Once per size at 1× CPU, an extra visit of
// each Ankommen page is traced (not counted in the times): the longest main-thread task from
// navigation start until the entries show (bench/trace.mjs). Every visit records the bytes it
// transferred, the dedicated workers' requests included. The page memory after loading (JS heap plus
// WebAssembly memory, after a garbage collection) comes from the last visit at 1× CPU.
// Writes target/bench/load.json for bench/summary.mjs.
//   node bench/load.mjs N [N …]      (ANKOMMEN_DIST: the build, default dist)
import { writeFile } from 'node:fs/promises';
import { openBrowser } from '../tests/e2e/browser.mjs';
import { stage, stats, shown } from './stage.mjs';
import { longestTask, recordTransfers, startTrace } from './trace.mjs';

const sizes = process.argv.slice(2).map(Number);
// BENCH_RUNS overrides the number of visits (a quick check of the script).
const RUNS = (n) => Number(process.env.BENCH_RUNS) || (n >= 100_000 ? 3 : 5);
const THROTTLES = [1, 4];
const TIMEOUT = 600_000;
const MARKS = ['ankommen-config', 'ankommen-manifest', 'ankommen-entries'];

/**
 * In the page, the moment the entries show: types a word into the search field and resolves to
 * the milliseconds until the result count has changed and the next frame is rendered.
 */
function searchAtOnce() {
  const field = document.querySelector('#ak-search-input');
  const count = document.querySelector('.ak-count');
  if (!field || !count) return null;
  const before = count.textContent;
  const t0 = performance.now();
  field.value = 'pflege';
  field.dispatchEvent(new Event('input', { bubbles: true }));
  return new Promise((done) => {
    const check = () => {
      if (count.textContent !== before || performance.now() - t0 > 30_000) {
        setTimeout(() => done({ ms: performance.now() - t0, answered: count.textContent !== before }), 0);
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/**
 * One first visit of `url` (`which`: 'app', 'json' or 'peer'): milliseconds from navigation
 * start until it shows the entries, Ankommen's marks and first search, the bytes transferred and
 * the page memory (MB). The app's boot script is wrapped so its WebAssembly memory can be read;
 * nothing else changes. `trace`: record a Chromium trace and report the longest main-thread task.
 */
async function visit(url, which, throttle, { trace = false } = {}) {
  const browser = await openBrowser({ width: 1280, height: 800 });
  const { page, context } = browser;
  try {
    const transfers = recordTransfers(context);
    await page.route('**/boot.js', async (route) => {
      const text = await (await route.fetch()).text();
      await route.fulfill({
        contentType: 'text/javascript',
        body: text.replace('await init(', 'window.akWasm = await init('),
      });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const stop = trace ? await startTrace(cdp) : null;
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(shown, which === 'peer' ? 'peer' : 'app', { polling: 'raf', timeout: TIMEOUT });
    const ms = await handle.jsonValue();
    const result = { ms };
    if (which !== 'peer') {
      const search = await page.evaluate(searchAtOnce);
      result.searchMs = search?.answered ? search.ms : null;
      result.marks = await page.evaluate(
        (names) => Object.fromEntries(names.map((n) => [n.replace('ankommen-', ''), performance.getEntriesByName(n)[0]?.startTime ?? null])),
        MARKS,
      );
      if (stop) {
        const events = await stop();
        result.longestTask = longestTask(events, { anchor: 'ankommen-entries', startTime: result.marks.entries }, 0, ms);
      }
    } else if (stop) await stop();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    // Whatever the page does right after the first screen (the offline copy of the manifest, …).
    await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 2000 })));
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
    const wasm = await page.evaluate(() => window.akWasm?.memory?.buffer.byteLength ?? 0);
    // ArrayBuffers' contents (the WebAssembly memory among them), which JSHeapUsedSize leaves out.
    const usage = await cdp.send('Runtime.getHeapUsage').catch(() => ({}));
    result.memory = { heapMb: heap / 1e6, wasmMb: wasm / 1e6, backingMb: (usage.backingStorageSize ?? NaN) / 1e6 };
    const sent = await transfers.transferred();
    const data = sent.filter((t) => /\/data\//.test(new URL(t.url).pathname));
    result.bytes = sent.reduce((sum, t) => sum + t.bytes, 0);
    result.dataBytes = data.reduce((sum, t) => sum + t.bytes, 0);
    result.requests = sent.length;
    result.dataRequests = data.length;
    return result;
  } finally {
    await browser.close();
  }
}

/** Medians of the visits' figures, the spread of their times. */
function summarise(visits) {
  const median = (values) => (values.some((v) => v === null || v === undefined) ? null : stats(values).median);
  const out = { ...stats(visits.map((v) => v.ms)), bytes: median(visits.map((v) => v.bytes)), dataBytes: median(visits.map((v) => v.dataBytes)) };
  out.requests = visits.at(-1).requests;
  out.dataRequests = visits.at(-1).dataRequests;
  out.memory = visits.at(-1).memory;
  if (visits[0].marks) {
    out.marks = Object.fromEntries(Object.keys(visits[0].marks).map((k) => [k, median(visits.map((v) => v.marks[k]))]));
    out.search = median(visits.map((v) => v.searchMs));
  }
  return out;
}

const s = await stage({ sizes });
const rows = [];
try {
  for (const n of sizes) {
    for (const throttle of THROTTLES) {
      const row = { entries: n, throttle };
      for (const [name, url] of [
        ['app', s.appUrl(n)],
        ['json', s.jsonUrl(n)],
        ['peer', s.peerUrl(n)],
      ]) {
        const visits = [];
        for (let run = 0; run < RUNS(n); run += 1) visits.push(await visit(url, name, throttle));
        row[name] = summarise(visits);
        if (throttle === 1 && name !== 'peer') {
          const traced = await visit(url, name, throttle, { trace: true });
          row[name].trace = { ms: traced.ms, longestTask: traced.longestTask, bytes: traced.bytes };
        }
        console.log(`${n} entries, ${throttle}× CPU, ${name}: ${JSON.stringify(row[name])}`);
      }
      rows.push(row);
    }
  }
} finally {
  await s.close();
}
await writeFile('target/bench/load.json', JSON.stringify(rows, null, 1));
