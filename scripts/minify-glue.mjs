// After Trunk: minifies the JavaScript that wasm-bindgen writes beside each wasm (the "glue":
// 75 KB as written, 34 KB minified; Lighthouse flags it), names it by a hash of the minified
// bytes, and writes its integrity into the tag that starts it (`data-js-integrity`;
// assets/boot.js has the browser check it, and says why the wasm gets none).
//
// The new name matters: Trunk's hash in the glue's name does not change when only the
// minifier does, and a file under a hashed name is cached as immutable (by the service worker's
// precache and by docs/deployment.md's headers), so changed bytes under the old name would fail
// the integrity check of a returning visitor. Trunk's own minifier (`minify = "on_release"`)
// would also minify index.html and drop the comments that mark the prerendered first screen;
// its integrity goes into preload links, which Trunk.toml turns off (boot.js fetches the code
// after the first paint). Run by scripts/build.sh on Trunk's fresh output, before the service
// worker's precache list. Usage: node scripts/minify-glue.mjs DIR…
import { transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const digest = (algorithm, bytes, encoding) => createHash(algorithm).update(bytes).digest(encoding);
const integrity = (bytes) => `sha384-${digest('sha384', bytes, 'base64')}`;

for (const dir of process.argv.slice(2)) {
  const names = await readdir(dir);
  const renamed = new Map(); // Trunk's glue name → the minified glue's name
  const sealed = new Map(); // the minified glue's name → its integrity
  for (const name of names) {
    // Glue is the module named as its wasm is, without `_bg.wasm`.
    const wasm = name.replace(/\.js$/, '_bg.wasm');
    if (!name.endsWith('.js') || !names.includes(wasm)) continue;
    const source = await readFile(join(dir, name), 'utf8');
    // Only ES modules: a worker's glue is a classic script whose top-level names are globals
    // its loader calls, which minifying as a module would rename.
    if (!/^export /m.test(source)) continue;
    const { code } = await transform(source, { minify: true, format: 'esm', target: 'es2020' });
    const bytes = Buffer.from(code);
    // Trunk's pattern, `<crate>-<16 hex digits>.js`, so hosts and the service worker treat it alike.
    const minified = name.replace(/-[0-9a-f]{15,16}\.js$/, `-${digest('sha256', bytes, 'hex').slice(0, 16)}.js`);
    await writeFile(join(dir, minified), bytes);
    if (minified !== name) await rm(join(dir, name));
    renamed.set(name, minified);
    sealed.set(minified, integrity(bytes));
    console.log(`${join(dir, name)} → ${minified}: ${Buffer.byteLength(source)} → ${bytes.length} bytes`);
  }
  for (const page of names.filter((n) => n.endsWith('.html'))) {
    const path = join(dir, page);
    const html = await readFile(path, 'utf8');
    // A tag already sealed (a second run) has no glue of Trunk's left to rename: it stays.
    const out = html.replace(/ data-js="\.\/([^"]+)"( data-js-integrity="[^"]*")?/g, (tag, name) => {
      const file = renamed.get(name) ?? name;
      return sealed.has(file) ? ` data-js="./${file}" data-js-integrity="${sealed.get(file)}"` : tag;
    });
    if (out !== html) await writeFile(path, out);
  }
}
