// Builds dist/sw.js: bundles sw/sw.js with the Workbox modules it imports (esbuild), then puts
// the precache list of the app shell in place of `self.__WB_MANIFEST`, so the list always
// matches the build. Run by scripts/build.sh after Trunk. Usage: node sw/build.mjs [DIST]
//
// Workbox's own list builder (workbox-build) needs rollup's per-platform packages, which the
// registry here lacks; listing one folder and hashing its files is all this app needs of it.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';

// The app shell only: the top level of dist. Not the catalogue or config.json (operators
// change them without a new build; the app keeps its own copies), not embed.js (host pages
// load it), not the preview's and configurator's folders (cached when opened), and not the
// PNG icons, which only installing the app needs (the browser fetches them then): 28 KB
// less on the first visit.
const SHELL = /\.(html|js|css|wasm|geojson|webmanifest|svg)$/;
// Nor the worker that reads JSON catalogues: a deployment on a published set never loads it,
// so it is cached when first used (sw.js).
const NOT_SHELL = new Set(['sw.js', 'embed.js', 'ankommen-worker.js', 'ankommen-worker_bg.wasm', 'ankommen-worker_loader.js']);
// Trunk puts a content hash in these names, so they need no revision of their own.
const HASHED = /-[0-9a-f]{15,16}(_bg)?\.(js|css|wasm)$/;

/** Workbox's precache entries for `dir`: `{ url, revision }`, revision null for hashed names. */
export async function shellManifest(dir) {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && SHELL.test(e.name) && !NOT_SHELL.has(e.name))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (url) => ({
      url,
      revision: HASHED.test(url) ? null : createHash('md5').update(await readFile(join(dir, url))).digest('hex'),
    })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { outputFiles } = await build({
    entryPoints: ['sw/sw.js'],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome100',
    write: false,
    // Workbox logs only in development builds.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const code = outputFiles[0].text;
  const placeholder = 'self.__WB_MANIFEST';
  if (code.split(placeholder).length !== 2) throw new Error(`sw/build.mjs: expected one ${placeholder} in the bundle`);
  const manifest = await shellManifest(dist);
  await writeFile(join(dist, 'sw.js'), code.replace(placeholder, JSON.stringify(manifest)));
  console.log(`sw/build.mjs: ${join(dist, 'sw.js')} precaches ${manifest.length} files`);
}
