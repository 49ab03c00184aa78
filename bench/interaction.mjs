// Interaction latency of the release build in headless Chromium, on generated catalogues:
// a keystroke in the search field, and a filter checkbox, to the updated screen.
//
// What is timed: from dispatching the input/change event (in the page, so no Playwright
// round trip is counted) to the first animation frame after the app has updated list, count
// and map (Leptos applies changes in microtasks, before that frame), plus one macrotask, so
// the frame has been rendered. The map reclusters in the same update, so it is included.
//
// Ankommen and the peer page (bench/peer/) in the same run.
//   node bench/interaction.mjs N [N …]      (catalogues target/bench/catalog-N.json and .geojson)
import { stat, writeFile } from 'node:fs/promises';
import { openBrowser } from '../tests/e2e/browser.mjs';
import { fmt, machineLine, writeSection } from './report.mjs';
import { stage, stats, shown } from './stage.mjs';

const WORDS = ['pflege', 'kita', 'hausarzt', 'klinik', 'wohnen', 'ludenscheid'];
const rows = [];

/** Opens `url` and waits until the page (`which`: 'app' or 'peer') shows the entries. */
async function open(url, which) {
  const browser = await openBrowser({ width: 1280, height: 800 });
  await browser.page.goto(url);
  await browser.page.waitForFunction(shown, which, { timeout: 600_000 });
  return browser;
}

/**
 * Times, in the page, each keystroke of `words` typed into `input` and each change `step`
 * makes: to the end of the app's own work (a macrotask after the event) and to the next
 * rendered frame.
 */
function measure(page, { input, words, rounds, changes }) {
  return page.evaluate(async ({ input, words, rounds, changes }) => {
    const painted = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    // Leptos applies updates in microtasks; a macrotask runs after all of them.
    const scripted = () => new Promise((done) => setTimeout(done, 0));
    const timed = async (act, work, frames) => {
      const t0 = performance.now();
      act();
      await scripted();
      work.push(performance.now() - t0);
      await painted();
      frames.push(performance.now() - t0);
      await painted();
    };
    const field = document.querySelector(input);
    const keys = [];
    const work = [];
    const type = (value) => () => {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    };
    for (let round = 0; round < Math.min(rounds, 2); round += 1) {
      for (const word of words) {
        for (let i = 1; i <= word.length; i += 1) await timed(type(word.slice(0, i)), work, keys);
        await timed(type(''), work, keys);
      }
    }
    const filters = [];
    const filterWork = [];
    // Ankommen: each profession and kind checkbox (found again each time: the list re-renders
    // with new counts). The peer: each category in its select, "all" included.
    const steps =
      changes === 'app'
        ? [...document.querySelectorAll('input[name=profession], input[name=kind]')].map(
            (box) => () => document.querySelector(`input[name=${box.name}][value=${box.value}]`).click(),
          )
        : [...document.querySelectorAll('#category option')].map((option) => () => {
            const select = document.getElementById('category');
            select.value = option.value;
            select.dispatchEvent(new Event('change'));
          });
    for (let round = 0; round < rounds; round += 1) {
      for (const step of steps) await timed(step, filterWork, filters);
    }
    // The method's floor: an event nobody listens to, timed the same way. Each timing starts
    // just after a frame, so even no work at all waits for the next one.
    const floor = [];
    for (let i = 0; i < 30; i += 1) await timed(() => field.dispatchEvent(new Event('ak-nothing')), [], floor);
    return { keys, work, filters, filterWork, floor };
  }, { input, words, rounds, changes });
}

const s = await stage();
try {
  for (const n of process.argv.slice(2).map(Number)) {
    const row = { entries: n, mb: (await stat(`target/bench/catalog-${n}.json`)).size / 1e6 };
    for (const [name, url, input, rounds] of [
      ['app', s.appUrl(n), '#ak-search-input', 3],
      ['peer', s.peerUrl(n), '#q', 1],
    ]) {
      const browser = await open(url, name);
      const result = await measure(browser.page, { input, words: WORDS, rounds, changes: name });
      await browser.close();
      row[name] = {
        keys: stats(result.keys),
        work: stats(result.work),
        filters: stats(result.filters),
        filterWork: stats(result.filterWork),
        floor: stats(result.floor),
      };
    }
    rows.push(row);
    console.log(`${n} entries:`, JSON.stringify(row));
  }
} finally {
  await s.close();
}
await writeFile('target/bench/interaction.json', JSON.stringify(rows, null, 1));

const ms = (v) => v.toFixed(1);
const table = [
  '## Interaction: keystroke and filter change to updated list and map',
  '',
  machineLine(),
  '',
  'Release build in headless Chromium at 1280 × 800, generated catalogues (`ankommen-catalog generate --seed 1`). ' +
    'Each keystroke types one more letter of six search words (and clears the field), twice in Ankommen, once in the peer. A filter change ' +
    'toggles one profession or kind checkbox in Ankommen (three rounds), or picks the next category in the ' +
    "peer's select. Times in milliseconds from the event to the next rendered frame, list, count and map " +
    'markers included; this includes waiting for the next frame (up to 16.7 ms at 60 Hz). "Script" is the ' +
    'page\'s own work: from the event until the DOM is updated, before style, layout and paint. ' +
    '"Floor" is the same timing of an event that does nothing: each timing starts just after a frame, so no ' +
    'update can show sooner than the next one. ' +
    'Goals: keystroke median ≤ 16 ms at 10,000 entries, p95 ≤ 50 ms at 100,000.',
  '',
  '| entries | page | keystroke script median | keystroke median | keystroke p95 | filter script median | filter median | filter p95 | floor median | samples (keys / filters) |',
  '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.flatMap((r) =>
    ['app', 'peer'].map((name) => {
      const m = r[name];
      return `| ${fmt(r.entries)} | ${name === 'app' ? 'Ankommen' : 'peer'} | ${ms(m.work.median)} | ${ms(m.keys.median)} | ${ms(m.keys.p95)} | ${ms(m.filterWork.median)} | ${ms(m.filters.median)} | ${ms(m.filters.p95)} | ${ms(m.floor.median)} | ${m.keys.n} / ${m.filters.n} |`;
    }),
  ),
].join('\n');
await writeSection('interaction', table);
console.log(table);
