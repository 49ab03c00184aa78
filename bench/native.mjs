// Reads criterion's estimates for the native core benchmarks and writes them to BENCHMARKS.md.
import { readFile } from 'node:fs/promises';
import { fmt, machineLine, writeSection } from './report.mjs';

const BENCHES = [
  ['catalog/parse_and_validate_100k', 'parse + validate a generated 100,000-entry catalogue', 'under 1 s'],
  ['query/prepare_100k', 'prepare search (fold all texts) for 100,000 entries', '—'],
  ['query/search_and_filter_100k', 'typical query: text "kinder" + kind + profession, facet counts, 100,000 entries', '—'],
];
const rows = [];
for (const [id, what, budget] of BENCHES) {
  const estimates = JSON.parse(await readFile(`target/criterion/${id}/new/estimates.json`, 'utf8'));
  const ms = (key) => (estimates[key].point_estimate / 1e6).toFixed(0);
  const low = (estimates.median.confidence_interval.lower_bound / 1e6).toFixed(0);
  const high = (estimates.median.confidence_interval.upper_bound / 1e6).toFixed(0);
  rows.push(`| ${what} | ${ms('median')} ms (95 % CI ${low}–${high}) | ${ms('mean')} ms | ${budget} |`);
}
const size = (await readFile(process.argv[2] ?? 'target/bench/catalog-100000.json')).length;
const table = [
  '## Native core (criterion, release build, 10 samples)',
  '',
  machineLine(),
  '',
  `Catalogue: \`ankommen-catalog generate --entries 100000 --seed 1\`, ${fmt(size)} bytes.`,
  '',
  '| benchmark | median | mean | budget |',
  '|---|---:|---:|---|',
  ...rows,
].join('\n');
await writeSection('native', table);
console.log(table);
