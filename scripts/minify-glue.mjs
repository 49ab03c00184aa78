// After Trunk: minifies the JavaScript that wasm-bindgen writes beside each wasm (the "glue":
// 75 KB as written, 34 KB minified; Lighthouse flags it) and writes the integrity of the glue
// and of its wasm into the tag that starts them (`data-js-integrity`, `data-wasm-integrity`;
// assets/boot.js has the browser check both). Trunk's own minifier (`minify = "on_release"`)
// would also minify index.html and drop the comments that mark the prerendered first screen;
// its integrity goes into preload links, which Trunk.toml turns off (boot.js fetches the code
// after the first paint). Run by scripts/build.sh before the service worker's precache list.
// Usage: node scripts/minify-glue.mjs DIR…
import { transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

for (const dir of process.argv.slice(2)) {
  const names = await readdir(dir);
  const sealed = new Map(); // file name → integrity
  for (const name of names) {
    // Glue is the module named as its wasm is, without `_bg.wasm`.
    const wasm = name.replace(/\.js$/, '_bg.wasm');
    if (!name.endsWith('.js') || !names.includes(wasm)) continue;
    const path = join(dir, name);
    const source = await readFile(path);
    // Only ES modules: a worker's glue is a classic script whose top-level names are globals
    // its loader calls, which minifying as a module would rename.
    if (!/^export /m.test(source.toString('utf8'))) continue;
    const { code } = await transform(source.toString('utf8'), { minify: true, format: 'esm', target: 'es2020' });
    await writeFile(path, code);
    sealed.set(name, integrity(Buffer.from(code)));
    sealed.set(wasm, integrity(await readFile(join(dir, wasm))));
    console.log(`${path}: ${source.length} → ${Buffer.byteLength(code)} bytes`);
  }
  for (const page of names.filter((n) => n.endsWith('.html'))) {
    const path = join(dir, page);
    const html = await readFile(path, 'utf8');
    const out = html.replace(/ data-(js|wasm)="\.\/([^"]+)"/g, (attribute, kind, name) =>
      sealed.has(name) ? `${attribute} data-${kind}-integrity="${sealed.get(name)}"` : attribute,
    );
    if (out !== html) await writeFile(path, out);
  }
}
