// Load time and memory, Ankommen beside the peer, in one run: from navigation start to the
// list and the map showing the entries, on generated catalogues of each size, at full speed and
// under Chromium's 4× CPU throttling; each run in a fresh browser profile (a first visit).
// Then the page memory after loading the largest catalogue: JS heap plus WebAssembly memory,
// after a garbage collection (for Ankommen, once its search index is built too). Writes target/bench/load.json for bench/summary.mjs.
//   node bench/load.mjs N [N …]      (catalogues target/bench/catalog-N.json and .geojson)
import { writeFile } from 'node:fs/promises';
import { openBrowser } from '../tests/e2e/browser.mjs';
import { stage, stats, shown } from './stage.mjs';

const sizes = process.argv.slice(2).map(Number);
const RUNS = (n) => (n >= 100_000 ? 3 : 5);
const THROTTLES = [1, 4];
const TIMEOUT = 600_000;

/**
 * One first visit of `which` page: milliseconds from navigation start until it shows the entries, and the
 * page memory at that point (MB). The app's boot script is wrapped so its WebAssembly memory
 * can be read; nothing else changes.
 */
async function visit(url, which, throttle) {
  const browser = await openBrowser({ width: 1280, height: 800 });
  const { page, context } = browser;
  try {
    await page.route('**/boot.js', async (route) => {
      const text = await (await route.fetch()).text();
      await route.fulfill({
        contentType: 'text/javascript',
        body: text.replace('await init(', 'window.akWasm = await init('),
      });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(shown, which, { polling: 'raf', timeout: TIMEOUT });
    const ms = await handle.jsonValue();
    // Ankommen builds its search index after showing the entries (a search before then
    // finishes it at once): when it is done, and the memory only after that.
    const searchMs =
      which === 'app'
        ? await (
            await page.waitForFunction(() => performance.getEntriesByName('ankommen-search-ready')[0]?.startTime, null, {
              polling: 50,
              timeout: TIMEOUT,
            })
          ).jsonValue()
        : ms;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
    const wasm = await page.evaluate(() => window.akWasm?.memory?.buffer.byteLength ?? 0);
    return { ms, searchMs, heapMb: heap / 1e6, wasmMb: wasm / 1e6 };
  } finally {
    await browser.close();
  }
}

const s = await stage();
const rows = [];
try {
  for (const n of sizes) {
    for (const throttle of THROTTLES) {
      const row = { entries: n, throttle };
      for (const [name, url] of [
        ['app', s.appUrl(n)],
        ['peer', s.peerUrl(n)],
      ]) {
        const visits = [];
        for (let run = 0; run < RUNS(n); run += 1) visits.push(await visit(url, name, throttle));
        row[name] = { ...stats(visits.map((v) => v.ms)), search: stats(visits.map((v) => v.searchMs)), memory: visits.at(-1) };
        console.log(`${n} entries, ${throttle}× CPU, ${name}: ${JSON.stringify(row[name])}`);
      }
      rows.push(row);
    }
  }
} finally {
  await s.close();
}
await writeFile('target/bench/load.json', JSON.stringify(rows, null, 1));
