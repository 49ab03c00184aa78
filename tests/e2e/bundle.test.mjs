// What the app's main wasm carries: no JSON parser, no catalogue validation, no publisher and
// no hash code (the published set is read as it is; a JSON source goes to the worker, which
// carries all of them). Read from the function names of the release build that Trunk made
// (cargo's output before wasm-bindgen and wasm-opt, which keeps a name section); the worker's
// wasm, which must carry them, shows that the check can see them.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import assert, { reportAssertions } from './assert.mjs';

reportAssertions(import.meta.url);

const BUILD = 'target/wasm32-unknown-unknown/release';

/** The crate and module paths in a wasm's name section (Rust's mangled names). */
async function names(file) {
  const module = new WebAssembly.Module(await readFile(`${BUILD}/${file}`));
  const [section] = WebAssembly.Module.customSections(module, 'name');
  assert.ok(section, `${file} has a name section`);
  return Buffer.from(section).toString('latin1');
}

// Mangled: `_ZN10serde_json2de…`, `_ZN13ankommen_core5parse…`.
const FORBIDDEN = [
  ['serde_json', /\d+serde_json\d/],
  ['serde_path_to_error', /\d+serde_path_to_error\d/],
  ['serde_ignored', /\d+serde_ignored\d/],
  ['sha2', /\d+sha2\d/],
  ['the catalogue parser (ankommen_core::parse)', /ankommen_core5parse\d/],
  ['the GeoJSON reader (ankommen_core::geojson)', /ankommen_core7geojson\d/],
  ['the validation of entries (validate::check_entry)', /ankommen_core8validate11check_entry/],
  ['the publisher (ankommen_core::publish)', /ankommen_core7publish\d/],
];

test("the app's main wasm carries no JSON parser, validation, publisher or hash code; the worker does", async () => {
  const [app, worker] = [await names('ankommen.wasm'), await names('ankommen-worker.wasm')];
  assert.match(app, /ankommen_core5store\d/, "premise: the app's names are readable");
  for (const [what, pattern] of FORBIDDEN) {
    assert.doesNotMatch(app, pattern, `the app carries ${what}`);
  }
  for (const [what, pattern] of FORBIDDEN) {
    assert.match(worker, pattern, `premise: the worker carries ${what}, so the check sees it`);
  }
});

test("the app's main wasm carries no float parser of the standard library (its 10 KB table of powers of five)", async () => {
  const app = await names('ankommen.wasm');
  // Premise: the standard library's float formatting is there (serde's messages use it), so
  // its names are readable.
  assert.match(app, /4core3fmt5float\d/, "premise: the standard library's float code is named");
  assert.doesNotMatch(app, /4core3num7dec2flt\d/, 'the app carries core::num::dec2flt');
});

test("the JavaScript wasm-bindgen writes is minified, named by its bytes, and the integrity written for it matches", async () => {
  const { createHash } = await import('node:crypto');
  const hash = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  for (const dir of ['dist', 'dist/preview', 'dist/configure']) {
    const html = await readFile(`${dir}/index.html`, 'utf8');
    const attribute = (name) => new RegExp(` ${name}="([^"]+)"`).exec(html)?.[1];
    const glue = attribute('data-js')?.replace(/^\.\//, '');
    const wasm = attribute('data-wasm')?.replace(/^\.\//, '');
    assert.ok(glue && wasm, `${dir}: the page names its glue and wasm`);
    const js = await readFile(`${dir}/${glue}`);
    assert.ok(!/\n {4}\S/.test(js.toString('utf8')), `${dir}/${glue} is minified (no indented lines)`);
    assert.equal(attribute('data-js-integrity'), hash(js), `${dir}: the glue's integrity is its hash`);
    assert.ok(/-[0-9a-f]{16}\.js$/.test(glue) && glue.includes(createHash('sha256').update(js).digest('hex').slice(0, 16)), `${dir}: the glue is named by its own bytes (${glue})`);
    assert.doesNotMatch(html, /rel="(module)?preload"[^>]*\.(js|wasm)"/, `${dir}: no preload of the code before the first paint`);
  }
});
