// Reads criterion's estimates for the native core benchmarks (crates/bench/benches/catalog.rs)
// and writes them to BENCHMARKS.md. The benchmarks are found in target/criterion (CRITERION_DIR),
// whatever their names: those described below get their description and budget, any other is
// listed by its id. Results older than target/bench/native.stamp (scripts/bench.sh touches it
// before `cargo bench`) are left out: they are of benchmarks that no longer exist.
//   node bench/native.mjs [CATALOGUE]      (the catalogue the benchmarks generate, for its size)
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fmt, machineLine, writeSection } from './report.mjs';

const DIR = process.env.CRITERION_DIR ?? 'target/criterion';
const STAMP = 'target/bench/native.stamp';
/** id → [what it measures, budget]. */
const KNOWN = {
  'catalog/parse_and_validate_100k': ['parse + validate a generated 100,000-entry catalogue', 'under 1 s'],
  'query/prepare_100k': ['prepare search (fold all texts) for 100,000 entries', '—'],
  'query/search_and_filter_100k': ['typical query: text "kinder" + kind + profession, facet counts, 100,000 entries', '—'],
};

/** Every `…/new/benchmark.json` under `dir`. */
async function found(dir) {
  const out = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === 'report') continue;
    const path = join(dir, entry.name);
    if (entry.name === 'new') {
      const file = join(path, 'benchmark.json');
      if (await stat(file).catch(() => null)) out.push(path);
    } else out.push(...(await found(path)));
  }
  return out;
}

const since = (await stat(STAMP).catch(() => null))?.mtimeMs ?? 0;
const results = [];
for (const dir of await found(DIR)) {
  try {
    const estimatesFile = join(dir, 'estimates.json');
    if ((await stat(estimatesFile)).mtimeMs < since) continue;
    const { full_id: id } = JSON.parse(await readFile(join(dir, 'benchmark.json'), 'utf8'));
    const estimates = JSON.parse(await readFile(estimatesFile, 'utf8'));
    results.push({ id, estimates });
  } catch (error) {
    console.error(`[native] ${dir}: ${error.message}; left out`);
  }
}
// Those described first, in their order; the rest by id.
const order = Object.keys(KNOWN);
const rank = (id) => (order.includes(id) ? order.indexOf(id) : order.length);
results.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
for (const id of order) if (!results.some((r) => r.id === id)) console.error(`[native] no result for ${id}; left out`);

if (results.length === 0) {
  console.error(`[native] no criterion results in ${DIR}${since ? ' newer than ' + STAMP : ''}; the native section is left as it was`);
} else {
  // Criterion's estimates are in nanoseconds; a fast benchmark reads better in µs.
  const unit = (ns) => (ns >= 1e6 ? [1e6, 'ms'] : [1e3, 'µs']);
  const rows = results.map(({ id, estimates }) => {
    const [div, name] = unit(estimates.median.point_estimate);
    const f = (ns) => (ns / div).toFixed(ns / div >= 10 ? 0 : 1);
    const [what, budget] = KNOWN[id] ?? [`\`${id}\``, '—'];
    const ci = estimates.median.confidence_interval;
    return `| ${what} | ${f(estimates.median.point_estimate)} ${name} (95 % CI ${f(ci.lower_bound)}–${f(ci.upper_bound)}) | ${f(estimates.mean.point_estimate)} ${name} | ${budget} |`;
  });
  const size = await stat(process.argv[2] ?? 'target/bench/catalog-100000.json').then((s) => s.size, () => null);
  const table = [
    '## Native core (criterion, release build)',
    '',
    machineLine(),
    '',
    `Benchmarks of \`crates/bench/benches/catalog.rs\`${size ? `; catalogue: \`ankommen-catalog generate --entries 100000 --seed 1\`, ${fmt(size)} bytes` : ''}.`,
    '',
    '| benchmark | median | mean | budget |',
    '|---|---:|---:|---|',
    ...rows,
  ].join('\n');
  await writeSection('native', table);
  console.log(table);
}
