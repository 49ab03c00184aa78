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
