// Turns bench/profile-savings.sh's builds into a table in BENCHMARKS.md.
import { readFile } from 'node:fs/promises';
import { sizes, fmt, machineLine, writeSection } from './report.mjs';

const lines = (await readFile(process.argv[2], 'utf8')).trim().split('\n');
const rows = [];
let tuned;
for (const line of lines) {
  const [name, plain, optimised] = line.split('\t');
  const before = sizes(await readFile(plain));
  const after = sizes(await readFile(optimised));
  tuned ??= { before, after };
  const delta = after.brotli - tuned.after.brotli;
  rows.push(
    `| ${name} | ${fmt(before.raw)} / ${fmt(before.brotli)} | ${fmt(after.raw)} / ${fmt(after.brotli)} | ${delta === 0 ? '—' : (delta > 0 ? '+' : '') + fmt(delta)} |`,
  );
}
const table = [
  '## What each release-profile setting saves (app wasm, bytes)',
  '',
  machineLine(),
  '',
  'Each row changes one setting of the tuned profile back to the default. Columns: wasm after wasm-bindgen, raw / brotli; the same after `wasm-opt -Oz`; last column: brotli bytes after wasm-opt compared with the tuned build (positive = the tuned setting saves that much).',
  '',
  '| variant | without wasm-opt | with wasm-opt -Oz | vs tuned |',
  '|---|---:|---:|---:|',
  ...rows,
  '',
  `wasm-opt -Oz itself saves ${fmt(tuned.before.brotli - tuned.after.brotli)} bytes brotli (${fmt(tuned.before.raw - tuned.after.raw)} raw) on the tuned build.`,
].join('\n');
await writeSection('profile-savings', table);
console.log(table);
