// Shared helpers for the benchmark scripts: byte counts and BENCHMARKS.md sections.
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { readFile, writeFile } from 'node:fs/promises';
import { execSync } from 'node:child_process';
import os from 'node:os';

/** Raw, gzip -9 and brotli 11 sizes of a buffer. */
export function sizes(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
    }).length,
  };
}

export const fmt = (n) => n.toLocaleString('en-US');

/** One line naming the date, machine and tool versions, for every section. */
export function machineLine() {
  const version = (cmd) => {
    try {
      return execSync(cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0];
    } catch {
      return 'n/a';
    }
  };
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} × ${cpu}, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB · ${version('rustc --version')} · ` +
    `${version('trunk --version')} · ${version('wasm-opt --version')} · ${version('chromium --version')}`;
}

/**
 * Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in BENCHMARKS.md (or in
 * the file BENCHMARKS_FILE names: a trial run of one script that leaves the results alone).
 */
export async function writeSection(name, body) {
  const file = process.env.BENCHMARKS_FILE ?? 'BENCHMARKS.md';
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    text = '# Benchmarks\n\nWritten by `scripts/bench.sh`; do not edit the generated sections by hand.\n';
  }
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  text = pattern.test(text) ? text.replace(pattern, block) : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(file, text);
}
