// Lighthouse 12.8 (bench/node_modules, installed by scripts/bench.sh) on the release build
// (ANKOMMEN_DIST, default dist) with its bundled published set, mobile and desktop presets, and
// with the generated set of 10,000 entries published with its own first screen (mobile), with
// the local Chromium and no network.
// Writes target/bench/lighthouse.json for bench/summary.mjs.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stage } from './stage.mjs';
import { ARGS } from '../tests/e2e/browser.mjs';

// The same Chromium flags as the browser tests (no Google look-ups, no network but 127.0.0.1).
// A value with spaces (the resolver rules) is quoted, or Lighthouse splits it.
const FLAGS = ARGS.map((arg) => arg.replace(/=(.* .*)$/, '="$1"')).join(' ');

const RUNS = 3;
// Compressed, as a deployment serves it: Lighthouse's throttled download counts the bytes sent.
const LARGE = 10_000;
const s = await stage({ compress: true, withPages: [LARGE] });
const results = {};
try {
  const cases = [
    ['mobile', s.bundledUrl, 'mobile'],
    ['desktop', s.bundledUrl, 'desktop'],
    [`mobile${LARGE}`, s.pagesUrl(LARGE), 'mobile'],
  ];
  // The server compresses each file once: ahead of the runs, as a deployment's files are.
  for (const [, url] of cases) await warm(url, join(s.root, new URL(url).pathname));
  for (const [name, url, preset] of cases) {
    // Lighthouse's simulated throttling varies from run to run: the run with the median
    // performance score is reported, with the scores of all runs beside it.
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await audit(url, preset));
    runs.sort((a, b) => a.performance - b.performance);
    results[name] = { ...runs[Math.floor(RUNS / 2)], scores: runs.map((r) => r.performance) };
    console.log(name, JSON.stringify(results[name]));
  }
} finally {
  await s.close();
}
await writeFile('target/bench/lighthouse.json', JSON.stringify(results, null, 1));

/** Requests, brotli accepted, every file of the site at `url` (folder `dir`) and of its `data/`. */
async function warm(url, dir) {
  for (const sub of ['', 'data/']) {
    for (const name of await readdir(join(dir, sub))) {
      if ((await stat(join(dir, sub, name))).isFile()) await (await fetch(new URL(sub + name, url), { headers: { 'accept-encoding': 'br' } })).arrayBuffer();
    }
  }
}

/** One Lighthouse run of `url` with `preset`: scores, paint timings and what did not pass. */
async function audit(url, preset) {
  const out = join(await mkdtemp(join(tmpdir(), 'ankommen-lh-')), 'report.json');
  await promisify(execFile)(
    'bench/node_modules/.bin/lighthouse',
    [
      url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      '--only-categories=performance,accessibility,best-practices',
      `--chrome-flags=${FLAGS}`,
      ...(preset === 'desktop' ? ['--preset=desktop'] : []),
    ],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 1 << 26 },
  );
  const report = JSON.parse(await readFile(out, 'utf8'));
  const score = (id) => Math.round(report.categories[id].score * 100);
  const failing = (id) =>
    report.categories[id].auditRefs
      .map((ref) => report.audits[ref.id])
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
      .map((a) => a.id);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcpMs: report.audits['first-contentful-paint'].numericValue,
    lcpMs: report.audits['largest-contentful-paint'].numericValue,
    tbtMs: report.audits['total-blocking-time'].numericValue,
    failing: { accessibility: failing('accessibility'), bestPractices: failing('best-practices'), performance: failing('performance') },
  };
}
