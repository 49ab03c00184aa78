// Interaction latency of the release build in headless Chromium, on generated catalogues:
// a keystroke in the search field, and a filter checkbox, to the updated screen.
//
// What is timed: from dispatching the input/change event (in the page, so no Playwright
// round trip is counted) to the first animation frame after the app has updated list, count
// and map (Leptos applies changes in microtasks, before that frame), plus one macrotask, so
// the frame has been rendered. The map reclusters in the same update, so it is included.
//
//   node bench/interaction.mjs CATALOG.json [CATALOG.json …]
import { readFile, stat } from 'node:fs/promises';
import { serve } from '../tests/e2e/server.mjs';
import { openBrowser } from '../tests/e2e/browser.mjs';
import { fmt, machineLine, writeSection } from './report.mjs';

const WORDS = ['pflege', 'kita', 'hausarzt', 'klinik', 'wohnen', 'ludenscheid'];
const rows = [];

const server = await serve('dist');
for (const file of process.argv.slice(2)) {
  const body = await readFile(file);
  const entries = JSON.parse(body).entries.length;
  const browser = await openBrowser({ width: 1280, height: 800 });
  const { page } = browser;
  await page.route('**/catalog.json', (route) =>
    route.fulfill({ contentType: 'application/json', body }),
  );
  await page.goto(server.url);
  await page.waitForSelector('.ak-item', { timeout: 120000 });
  await page.waitForSelector('.ak-map .ak-marker, .ak-map .ak-cluster', { timeout: 120000 });
  const result = await page.evaluate(async (words) => {
    const painted = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    // Leptos applies updates in microtasks; a macrotask runs after all of them.
    const scripted = () => new Promise((done) => setTimeout(done, 0));
    const input = document.querySelector('#ak-search-input');
    const keys = [];
    const work = [];
    const type = async (value) => {
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await scripted();
      work.push(performance.now() - t0);
      await painted();
      keys.push(performance.now() - t0);
      await painted();
    };
    for (let round = 0; round < 2; round += 1) {
      for (const word of words) {
        for (let i = 1; i <= word.length; i += 1) await type(word.slice(0, i));
        await type('');
      }
    }
    const filters = [];
    const filterWork = [];
    const boxes = [...document.querySelectorAll('input[name=profession], input[name=kind]')];
    for (let round = 0; round < 3; round += 1) {
      for (const box of boxes) {
        // The checkbox list re-renders with new counts: find it again by value each time.
        const current = document.querySelector(`input[name=${box.name}][value=${box.value}]`);
        const t0 = performance.now();
        current.click();
        await scripted();
        filterWork.push(performance.now() - t0);
        await painted();
        filters.push(performance.now() - t0);
        await painted();
      }
    }
    return { keys, work, filters, filterWork };
  }, WORDS);
  const memory = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  await browser.close();
  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { median: at(0.5), p95: at(0.95), n: sorted.length };
  };
  rows.push({
    entries,
    mb: (await stat(file)).size / 1e6,
    keys: stats(result.keys),
    work: stats(result.work),
    filters: stats(result.filters),
    filterWork: stats(result.filterWork),
    heap: memory / 2 ** 20,
  });
  console.log(`${entries} entries:`, JSON.stringify(rows.at(-1)));
}
await server.close();

const ms = (v) => v.toFixed(1);
const table = [
  '## Interaction: keystroke and filter change to updated list and map',
  '',
  machineLine(),
  '',
  'Release build in headless Chromium at 1280 × 800, generated catalogues (`ankommen-catalog generate --seed 1`). ' +
    'Each keystroke types one more letter of six search words (and clears the field), twice; each filter change ' +
    'toggles one profession or kind checkbox, three rounds. Times in milliseconds from the event to the next ' +
    'rendered frame, list, count and map markers included; this includes waiting for the next frame ' +
    '(up to 16.7 ms at 60 Hz). "Script" is the app\'s own work: from the event until the list, count and map are ' +
    'updated in the DOM, before style, layout and paint. ' +
    'Goals: keystroke median ≤ 16 ms at 10,000 entries, p95 ≤ 50 ms at 100,000.',
  '',
  '| entries | catalogue MB | keystroke script median | keystroke median | keystroke p95 | filter script median | filter median | filter p95 | samples (keys / filters) | JS heap MB |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${fmt(r.entries)} | ${r.mb.toFixed(1)} | ${ms(r.work.median)} | ${ms(r.keys.median)} | ${ms(r.keys.p95)} | ${ms(r.filterWork.median)} | ${ms(r.filters.median)} | ${ms(r.filters.p95)} | ${r.keys.n} / ${r.filters.n} | ${r.heap.toFixed(0)} |`,
  ),
].join('\n');
await writeSection('interaction', table);
console.log(table);
