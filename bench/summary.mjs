// Composes the load, memory, Lighthouse and budget sections of BENCHMARKS.md from the results
// the other benchmark scripts left in target/bench/*.json, with Ankommen / peer ratios.
import { readFile } from 'node:fs/promises';
import { fmt, machineLine, writeSection } from './report.mjs';

const read = async (name) => JSON.parse(await readFile(`target/bench/${name}.json`, 'utf8'));
const load = await read('load');
const interaction = await read('interaction');
const bytes = await read('first-visit');
const lighthouse = await read('lighthouse');

const s1 = (ms) => (ms / 1000).toFixed(2);
const ratio = (a, b) => (a / b).toFixed(2);
const spread = (m) => `${s1(m.median)} (${s1(m.min)}–${s1(m.max)})`;

await writeSection(
  'load',
  [
    '## Load: navigation start to list and map showing the entries',
    '',
    machineLine(),
    '',
    'Release build, headless Chromium at 1280 × 800, each run a first visit in a fresh profile (no service worker, ' +
      'empty HTTP cache), catalogue from 127.0.0.1. Ankommen loads the JSON catalogue; the peer (bench/peer/: ' +
      'Leaflet + Leaflet.markercluster, a plain JS filter loop) the same entries as GeoJSON. Seconds: median ' +
      '(min–max) of 5 runs, 3 at 100,000 entries. Ratio below 1: Ankommen is faster. ' +
      'Goals: ≤ 1 s with 10,000 entries; at 100,000 at least 2× faster than the peer. ' +
      '"Search ready": Ankommen builds its search index in slices after the entries show (list, map and filters ' +
      'answer meanwhile; a search typed before then waits for the rest of the index); the peer has no index.',
    '',
    '| entries | CPU | Ankommen s | Ankommen search ready s | peer s | Ankommen / peer |',
    '|---:|---|---:|---:|---:|---:|',
    ...load.map(
      (r) =>
        `| ${fmt(r.entries)} | ${r.throttle}× slower | ${spread(r.app)} | ${r.app.search ? s1(r.app.search.median) : '–'} | ${spread(r.peer)} | ${ratio(r.app.median, r.peer.median)} |`,
    ),
  ].join('\n'),
);

const largest = load.filter((r) => r.throttle === 1).at(-1);
const appMemory = largest.app.memory.heapMb + largest.app.memory.wasmMb;
await writeSection(
  'memory',
  [
    `## Memory after loading ${fmt(largest.entries)} entries`,
    '',
    machineLine(),
    '',
    'After the load above (full CPU speed; Ankommen with its search index built) and a forced garbage collection: the JS heap in use (Chromium ' +
      '`JSHeapUsedSize`) plus the WebAssembly memory (its `ArrayBuffer`, which the JS heap figure does not ' +
      'count). Goal: below 300 MB.',
    '',
    '| page | JS heap MB | WebAssembly MB | total MB |',
    '|---|---:|---:|---:|',
    `| Ankommen | ${largest.app.memory.heapMb.toFixed(0)} | ${largest.app.memory.wasmMb.toFixed(0)} | ${appMemory.toFixed(0)} |`,
    `| peer | ${largest.peer.memory.heapMb.toFixed(0)} | – | ${largest.peer.memory.heapMb.toFixed(0)} |`,
  ].join('\n'),
);

const lhRow = (preset) => {
  const r = lighthouse[preset];
  const failing = Object.values(r.failing).flat();
  return `| ${preset} | ${r.performance} (${(r.scores ?? [r.performance]).join(', ')}) | ${r.accessibility} | ${r.bestPractices} | ${fmt(Math.round(r.fcpMs))} | ${fmt(Math.round(r.lcpMs))} | ${fmt(Math.round(r.tbtMs))} | ${failing.join(', ') || '–'} |`;
};
await writeSection(
  'lighthouse',
  [
    '## Lighthouse 12.8',
    '',
    machineLine(),
    '',
    'The release build with the bundled catalogue, served from 127.0.0.1 with the recommended headers and brotli; ' +
      "Lighthouse's own simulated throttling for each preset; three runs each, the one with the median performance score " +
      'reported (all three scores in brackets). Goals: performance ≥ 95 (mobile), accessibility 100, best practices 100.',
    '',
    '| preset | performance (runs) | accessibility | best practices | FCP ms | LCP ms | TBT ms | audits not passed |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    lhRow('mobile'),
    lhRow('desktop'),
  ].join('\n'),
);

const at = (n, throttle = 1) => load.find((r) => r.entries === n && r.throttle === throttle);
const keysAt = (n) => interaction.find((r) => r.entries === n);
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const budget = (goal, value, met) => `| ${goal} | ${value} | ${met ? 'met' : '**missed**'} |`;
const peerRatio100k = at(100_000).peer.median / at(100_000).app.median;
const rows = [
  budget('First visit ≤ 200 KB brotli', `${kb(bytes.app.brotli)} (peer ${kb(bytes.peer.brotli)}; ratio ${ratio(bytes.app.brotli, bytes.peer.brotli)})`, bytes.app.brotli <= 200_000),
  budget('Interactive with 10,000 entries ≤ 1 s', `${s1(at(10_000).app.median)} s (peer ${s1(at(10_000).peer.median)} s)`, at(10_000).app.median <= 1000),
  budget('≥ 2× faster than the peer at 100,000 entries', `${peerRatio100k.toFixed(2)}× (4× CPU: ${(at(100_000, 4).peer.median / at(100_000, 4).app.median).toFixed(2)}×)`, peerRatio100k >= 2),
  budget('Keystroke median ≤ 16 ms at 10,000', `${keysAt(10_000).app.keys.median.toFixed(1)} ms (peer ${keysAt(10_000).peer.keys.median.toFixed(1)} ms)`, keysAt(10_000).app.keys.median <= 16),
  budget('Keystroke p95 ≤ 50 ms at 100,000', `${keysAt(100_000).app.keys.p95.toFixed(1)} ms (peer ${keysAt(100_000).peer.keys.p95.toFixed(1)} ms)`, keysAt(100_000).app.keys.p95 <= 50),
  budget('100,000 entries in < 300 MB of page memory', `${appMemory.toFixed(0)} MB (peer ${largest.peer.memory.heapMb.toFixed(0)} MB)`, appMemory < 300),
  budget('Lighthouse mobile performance ≥ 95', String(lighthouse.mobile.performance), lighthouse.mobile.performance >= 95),
  budget('Lighthouse accessibility 100', `${lighthouse.mobile.accessibility} / ${lighthouse.desktop.accessibility} (mobile / desktop)`, lighthouse.mobile.accessibility === 100 && lighthouse.desktop.accessibility === 100),
  budget('Lighthouse best practices 100', `${lighthouse.mobile.bestPractices} / ${lighthouse.desktop.bestPractices}`, lighthouse.mobile.bestPractices === 100 && lighthouse.desktop.bestPractices === 100),
];
await writeSection(
  'budgets',
  ['## Budgets', '', machineLine(), '', '| budget | measured | |', '|---|---|---|', ...rows].join('\n'),
);
console.log(rows.join('\n'));
