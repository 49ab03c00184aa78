// End-to-end: offline after the first visit (the service worker in sw/, the kept catalogue in
// src/offline.rs), a kept catalogue when the source fails, a new build taking over, and the
// capped tile cache. Each test serves its own copy of the build, so it can change files on the
// "server"; every wait is for a state, never for a time.
import { test, after } from 'node:test';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert, { reportAssertions } from './assert.mjs';
import { serve } from './server.mjs';
import { serveTiles } from './tile-server.mjs';
import { openBrowser, assertClean, ARTIFACTS } from './browser.mjs';
import { catalog, config, browserToday, find, outlineCount } from './catalog.mjs';

const LOAD = 20000;
const DIST = process.env.DIST ?? 'dist';
reportAssertions(import.meta.url);

const copies = [];
after(async () => {
  await Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A copy of the build on its own server; `log` receives every request. */
async function deploy() {
  const dir = await mkdtemp(join(tmpdir(), 'ankommen-offline-'));
  copies.push(dir);
  await cp(DIST, dir, { recursive: true });
  const log = [];
  const server = await serve(dir, { log });
  return { dir, log, server };
}

/**
 * Waits until `fn` (run in the page, may be async) is true. Playwright's waitForFunction
 * takes a promise for a truthy value, and the Cache API only answers with promises.
 */
async function until(page, fn, arg, what, timeout = LOAD) {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

const count = async (page) => Number((await page.locator('.ak-count').textContent()).replace(/\D/g, ''));
const countIs = (page, n) =>
  page.waitForFunction((n) => document.querySelector('.ak-count')?.textContent.replace(/\D/g, '') === String(n), n, { timeout: LOAD });

/** Every cache of the page's origin: `{ name: [{ url, bytes, headers }] }`. */
function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = await Promise.all(
        (await cache.keys()).map(async (request) => {
          const response = await cache.match(request);
          return {
            url: request.url,
            bytes: (await response.clone().blob()).size,
            headers: Object.fromEntries(response.headers.entries()),
          };
        }),
      );
    }
    return out;
  });
}

/** A first visit that ends with the service worker in control and the catalogue kept. */
async function firstVisit(page, url, kept = ['config.json', 'data/manifest.json']) {
  await page.goto(url);
  await page.waitForSelector('.ak-count', { timeout: LOAD });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: LOAD });
  await until(
    page,
    async (kept) => {
      const keys = (await (await caches.open('ankommen-data')).keys()).map((r) => new URL(r.url).pathname);
      return kept.every((k) => keys.some((path) => path.endsWith(`/${k}`)));
    },
    kept,
    'the kept configuration and catalogue',
  );
}

/** The precached files by name (Workbox appends the revision as a query parameter). */
const precached = (caches) =>
  Object.entries(caches)
    .filter(([name]) => name.startsWith('workbox-precache'))
    .flatMap(([, entries]) => entries.map((e) => new URL(e.url).pathname.slice(1)))
    .sort();

/** Errors a page shows while the network is cut are the subject of these tests. */
const withoutNetworkErrors = (errors) => errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e));

test('after one visit, a reload without a network shows the whole app with the kept catalogue', async () => {
  const { dir, log, server } = await deploy();
  const browser = await openBrowser({ width: 1280, height: 800, serviceWorkers: 'allow' });
  const { page, context } = browser;
  try {
    const started = Date.now();
    await firstVisit(page, server.url);
    const firstMs = Date.now() - started;
    const today = await browserToday(page);
    const all = find(catalog, today).hits.length;

    // The precache is exactly the app shell: what index.html loads, the manifest and icons.
    const cached = await cacheContents(page);
    const index = await readFile(join(dir, 'index.html'), 'utf8');
    // What the head loads; the body's links are the prerendered first screen's (entry pages, legal).
    const head = index.slice(0, index.indexOf('<body'));
    const shell = [...head.matchAll(/(?:href|src|data-js|data-wasm)="(?:\.\/)?([^"]+)"/g)]
      .map((m) => m[1])
      // The PNG icons (apple-touch-icon) matter only to installing; the browser fetches them then.
      .filter((f) => !f.startsWith('data:') && !f.endsWith('.png'))
      // The preloaded configuration and manifest are data, kept by the app (src/offline.rs).
      .filter((f) => f !== 'config.json' && !f.startsWith('data/'));
    for (const file of shell) assert.ok(precached(cached).includes(file), `${file}, which index.html loads, is precached`);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.webmanifest'), 'utf8'));
    assert.ok(precached(cached).includes('icon.svg'), 'the page icon is precached (the PNGs only matter to installing)');
    // Installable: Chromium's own check of the manifest, icons and worker finds nothing missing.
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'Chromium finds the app installable');
    const { url: manifestUrl, data, errors: manifestErrors } = await cdp.send('Page.getAppManifest');
    assert.ok(manifestUrl.endsWith('/manifest.webmanifest') && data.length > 0, manifestUrl);
    assert.deepEqual(manifestErrors, [], 'the manifest parses without errors');
    assert.equal(await page.locator('meta[name="theme-color"]').getAttribute('content'), manifest.theme_color);
    const top = (await readdir(dir)).filter((f) => /\.(html|js|css|wasm|geojson|webmanifest|svg)$/.test(f));
    const notShell = ['sw.js', 'embed.js', 'ankommen-worker.js', 'ankommen-worker_bg.wasm', 'ankommen-worker_loader.js'];
    assert.deepEqual(precached(cached), top.filter((f) => !notShell.includes(f)).sort(), 'nothing else (the worker for JSON sources is cached when used)');
    assert.ok(!precached(cached).some((f) => /^(preview|configure)\//.test(f)), 'the secondary pages are not precached');
    assert.equal(cached['ankommen-pages'], undefined, 'nor cached on the first visit');
    const kept = cached['ankommen-data'].find((e) => e.url.endsWith('/data/manifest.json'));
    assert.equal(kept.bytes, (await readFile(join(dir, 'data/manifest.json'))).length, 'the manifest is kept whole');
    // The chunks shown are kept by the service worker, each under its hashed name (fetched
    // before it ran, they are handed to it once it does).
    const set = JSON.parse(await readFile(join(dir, 'data/manifest.json'), 'utf8'));
    const shown = set.chunks.flatMap((c) => [c.entriesFile.name, c.index.name, c.texts.de.name]);
    await until(
      page,
      async (shown) => {
        const keys = await (await caches.open('ankommen-chunks')).keys();
        const names = keys.map((r) => new URL(r.url).pathname.split('/').at(-1));
        return shown.every((name) => names.includes(name));
      },
      shown,
      'every chunk shown in the service worker\'s data cache',
    );
    const sizes = Object.fromEntries(Object.entries(cached).map(([n, es]) => [n, es.reduce((s, e) => s + e.bytes, 0)]));
    console.log(`# first visit ${firstMs} ms; caches after it (bytes): ${JSON.stringify(sizes)}`);

    // An entry opened on the first visit: its details file, fetched after the first screen
    // (by a fetcher that started before the service worker), is kept too.
    const { entry } = find(catalog, today, { kind: ['support'] }).hits[0];
    await page.locator(`#ak-item-${entry.id}`).click();
    await page.locator('aside.ak-details .ak-details__fields').waitFor({ timeout: LOAD });
    await until(
      page,
      async () => (await (await caches.open('ankommen-chunks')).keys()).some((r) => r.url.includes('-details-')),
      null,
      'the details file in the service worker\'s data cache',
    );
    await page.goto(server.url);
    await countIs(page, all);

    // A repeat visit, online: the shell comes from the precache.
    const served = log.length;
    const again = Date.now();
    await page.reload();
    await countIs(page, all);
    console.log(`# repeat visit ${Date.now() - again} ms`);
    const fetched = log.slice(served).map((r) => r.path);
    assert.ok(!fetched.some((p) => /\.(wasm|css)$/.test(p) || /ankommen-.*\.js$/.test(p)), `no shell file fetched again: ${fetched}`);

    await context.setOffline(true);
    const offline = Date.now();
    await page.reload();
    await countIs(page, all);
    console.log(`# offline reload ${Date.now() - offline} ms`);
    const notice = await page.locator('.ak-notice').textContent();
    const day = new Date(kept.headers['x-ankommen-saved'] * 1).toLocaleDateString('de-DE', { dateStyle: 'medium' });
    assert.ok(notice.startsWith(`Keine Verbindung: Sie sehen die gespeicherten Daten vom ${day}, `), notice);
    assert.equal(await page.locator('.ak-status--error').count(), 0, 'no error in place of the list');
    assert.equal(await page.locator('.ak-map .leaflet-overlay-pane path').count(), outlineCount, 'the district outlines are drawn');

    // Filter and search work offline.
    await page.locator('.ak-filters > summary').click();
    const kind = 'employer';
    await page.locator(`.ak-filters input[name="kind"][value="${kind}"]`).click();
    await countIs(page, find(catalog, today, { kind: [kind] }).hits.length);
    await page.locator('#ak-search-input').fill('pflege');
    await countIs(page, find(catalog, today, { kind: [kind], q: 'pflege' }).hits.length);

    // A deep link opened offline: the page, its filters and the details seen online.
    await page.goto(`${server.url}?kind=support&entry=${entry.id}`);
    await countIs(page, find(catalog, today, { kind: ['support'] }).hits.length);
    await page.locator('aside.ak-details .ak-details__fields').waitFor({ timeout: LOAD });
    assert.equal(await page.locator('#ak-details-title').textContent(), entry.name.de, 'the entry opens');
    assert.equal(await page.locator('aside.ak-details [role="alert"]').count(), 0, 'with its details, no error');
    await page.screenshot({ path: join(ARTIFACTS, 'offline-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTIFACTS, 'offline-390.png'), fullPage: true });

    // Back online: the fresh catalogue, and no notice.
    await context.setOffline(false);
    await page.goto(server.url);
    await countIs(page, all);
    assert.equal(await page.locator('.ak-notice').count(), 0, 'online again: no notice');
    browser.errors = withoutNetworkErrors(browser.errors);
    await assertClean(assert, browser);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the operator preview and the configurator are cached when first opened, and then work offline', async () => {
  const { server } = await deploy();
  const browser = await openBrowser({ width: 1280, height: 800, serviceWorkers: 'allow' });
  const { page, context } = browser;
  try {
    await firstVisit(page, server.url);
    for (const [path, ready] of [
      ['preview/', 'h1'],
      ['configure/', '#ak-code-title'],
    ]) {
      await page.goto(server.url + path);
      await page.locator(ready).first().waitFor({ timeout: LOAD });
      const heading = await page.locator('h1').textContent();
      await context.setOffline(true);
      await page.reload();
      await page.locator(ready).first().waitFor({ timeout: LOAD });
      assert.equal(await page.locator('h1').textContent(), heading, `${path} shows offline`);
      await context.setOffline(false);
    }
    const pages = (await cacheContents(page))['ankommen-pages'].map((e) => new URL(e.url).pathname);
    assert.ok(pages.some((p) => p.startsWith('/preview/')) && pages.some((p) => p.startsWith('/configure/')), `${pages}`);
    browser.errors = withoutNetworkErrors(browser.errors);
    await assertClean(assert, browser);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('when the source fails later, the last good catalogue stays, with the fault and its date', async () => {
  const SOURCE = 'operator/katalog.json';
  const own = { ...structuredClone(catalog), entries: catalog.entries.slice(0, 5) };
  const browser = await openBrowser({ width: 1280, height: 800 });
  const { page } = browser;
  let answer = () => ({ status: 200, contentType: 'application/json', body: JSON.stringify(own) });
  const { server } = await deploy();
  try {
    await page.route('**/config.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...config, catalog: SOURCE, catalogTimeoutMs: 1500 }) }),
    );
    // `null`: the server takes the request and never answers.
    await page.route(`**/${SOURCE}`, (route) => (answer() ? route.fulfill(answer()) : undefined));
    await page.goto(server.url);
    const today = await browserToday(page);
    const shown = find(own, today).hits.length;
    await countIs(page, shown);
    await until(page, async (source) => (await (await caches.open('ankommen-data')).match(source)) !== undefined, SOURCE, 'the kept catalogue');

    for (const [name, fault, message] of [
      ['HTTP 500', { status: 500, contentType: 'text/plain', body: 'oops' }, 'Fehler beim Server (HTTP 500); bitte später erneut versuchen.'],
      ['HTTP 404', { status: 404, contentType: 'text/plain', body: 'gone' }, 'unter dieser Adresse gibt es keinen Katalog (HTTP 404).'],
      ['broken JSON', { status: 200, contentType: 'application/json', body: '{"format": "1.0", "entr' }, 'ist nicht lesbar: Kein gültiges JSON'],
      ['no answer', null, 'keine Antwort innerhalb von 2 Sekunden.'],
      ['a web page', { status: 200, contentType: 'text/html', body: '<p>Login</p>' }, 'der Server sendet keinen Katalog (JSON), sondern „text/html“.'],
    ]) {
      answer = () => fault;
      await page.reload();
      await page.locator('.ak-notice').waitFor({ timeout: LOAD });
      assert.equal(await count(page), shown, `${name}: the kept catalogue, not the bundled one`);
      const notice = await page.locator('.ak-notice').textContent();
      assert.ok(notice.includes(message), `${name}: ${notice}`);
      assert.match(notice, /Angezeigt wird die zuletzt geladene Fassung vom \d\d\.\d\d\.\d{4}, \d\d:\d\d\.$/, `${name}: ${notice}`);
    }
    // A broken answer never replaces the kept copy.
    const kept = await page.evaluate(async (source) => (await (await caches.open('ankommen-data')).match(source)).text(), SOURCE);
    assert.deepEqual(JSON.parse(kept), own, 'the kept copy is the last good catalogue');
    browser.errors = browser.errors.filter((e) => !/Failed to load resource/.test(e));
    await assertClean(assert, browser);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a new build takes over on the next visit and its old caches are deleted', async () => {
  const { dir, server } = await deploy();
  const browser = await openBrowser({ width: 1280, height: 800, serviceWorkers: 'allow' });
  const { page, context } = browser;
  try {
    await firstVisit(page, server.url);
    await page.goto(`${server.url}preview/`);
    await page.locator('h1').waitFor({ timeout: LOAD });
    const before = await cacheContents(page);
    assert.ok(before['ankommen-pages']?.length > 0, 'the old build cached the preview');
    const oldIndex = before[Object.keys(before).find((n) => n.startsWith('workbox-precache'))].find((e) =>
      new URL(e.url).pathname.endsWith('/index.html'),
    ).url;

    // "Release" a new build: a changed page and a changed boot script, and a service worker
    // whose precache list names their new revisions (sw/build.mjs, as scripts/build.sh runs it).
    const index = await readFile(join(dir, 'index.html'), 'utf8');
    await writeFile(join(dir, 'index.html'), index.replace('<head>', '<head>\n    <meta name="ankommen-build" content="2">'));
    await writeFile(join(dir, 'boot.js'), `${await readFile(join(dir, 'boot.js'), 'utf8')}// build 2\n`);
    execFileSync('node', ['sw/build.mjs', dir]);

    // The next visit loads the new page from the network and installs the new worker.
    await page.goto(server.url);
    await page.waitForSelector('.ak-count', { timeout: LOAD });
    await until(
      page,
      async (oldIndex) => {
        const names = await caches.keys();
        if (names.includes('ankommen-pages')) return false;
        const precache = await caches.open(names.find((n) => n.startsWith('workbox-precache')));
        const urls = (await precache.keys()).map((r) => r.url);
        return !urls.includes(oldIndex) && urls.some((u) => u.includes('/index.html'));
      },
      oldIndex,
      'the new worker to replace the precache',
    );
    assert.equal(await page.locator('meta[name="ankommen-build"]').count(), 1, 'the visit shows the new page');
    const after = await cacheContents(page);
    const revisions = precached(after);
    assert.deepEqual(revisions, precached(before), 'the same shell files, each once');
    assert.equal(after['ankommen-pages'], undefined, "the old build's secondary pages are gone");
    assert.ok(after['ankommen-data'].length >= 2, 'the kept configuration and catalogue stay');

    // Offline, the new build is what the precache holds.
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('.ak-count', { timeout: LOAD });
    assert.equal(await page.locator('meta[name="ankommen-build"]').count(), 1, 'offline: the new page');
    const boot = await page.evaluate(async () => (await (await fetch('boot.js')).text()).endsWith('// build 2\n'));
    assert.ok(boot, 'offline: the new boot script');
    browser.errors = withoutNetworkErrors(browser.errors);
    await assertClean(assert, browser);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('tiles the user agreed to are kept for offline use, within the configured cap', async () => {
  const TILE_BYTES = 100_000;
  const tiles = await serveTiles({ bytes: TILE_BYTES });
  const { dir, server } = await deploy();
  const source = { url: `http://tiles.test:${tiles.port}/{z}/{x}/{y}.png`, attribution: '© Test tiles' };
  // A 1 MB cap holds ten of these tiles; one map view needs more than that.
  await writeFile(join(dir, 'config.json'), JSON.stringify({ ...config, tiles: source, tileCacheMegabytes: 1 }));
  const headed = await serve(dir); // the server's CSP now names the tile origin (generated headers)
  await server.close();
  const browser = await openBrowser({ width: 1280, height: 800, serviceWorkers: 'allow', hostRules: 'MAP tiles.test 127.0.0.1, ' });
  const { page, context } = browser;
  try {
    await context.grantPermissions(['local-network-access'], { origin: new URL(headed.url).origin }).catch(() => {});
    await firstVisit(page, headed.url);
    const worker = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
    assert.ok(worker.endsWith('sw.js?tileCacheBytes=1000000&dataCacheBytes=100000000'), worker);
    await page.getByRole('button', { name: 'Kartenhintergrund laden' }).click();
    const stored = () =>
      page.evaluate(async () => {
        const cache = await caches.open('ankommen-tiles');
        // An entry listed by keys() can be evicted before match() reads it: it counts as gone.
        const sizes = await Promise.all((await cache.keys()).map(async (r) => (await cache.match(r))?.headers.get('x-ankommen-bytes')));
        return sizes.filter((size) => size != null).map(Number);
      });
    // Wait until the tiles are drawn and the cache has been trimmed to its cap.
    await page.waitForFunction(
      () => {
        const imgs = [...document.querySelectorAll('.ak-map img.leaflet-tile')];
        return imgs.length > 10 && imgs.every((img) => img.classList.contains('leaflet-tile-loaded'));
      },
      null,
      { timeout: LOAD },
    );
    const drawn = await page.locator('.ak-map img.leaflet-tile').count();
    // Within the cap, and settled: the same entries a moment later (tiles are stored and the
    // cache trimmed one after the other, while the worker also keeps the published files).
    await until(
      page,
      async () => {
        const read = async () => {
          const cache = await caches.open('ankommen-tiles');
          const entries = await Promise.all(
            (await cache.keys()).map(async (r) => [r.url, (await cache.match(r))?.headers.get('x-ankommen-bytes')]),
          );
          return entries.filter(([, size]) => size != null);
        };
        const first = await read();
        await new Promise((ok) => setTimeout(ok, 500));
        const second = await read();
        const total = second.reduce((sum, [, size]) => sum + Number(size), 0);
        return second.length > 0 && total <= 1_000_000 && JSON.stringify(first) === JSON.stringify(second);
      },
      null,
      'the tile cache settled within its cap',
    );
    const sizes = await stored();
    assert.ok(drawn > sizes.length, `more tiles drawn (${drawn}) than kept (${sizes.length}): the least recently used went`);
    assert.ok(sizes.every((s) => s === TILE_BYTES), 'each kept tile is stamped with its size');
    assert.equal(sizes.length, 10, 'exactly as many as fit in 1 MB');

    // Offline, the kept tiles still draw.
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('.ak-count', { timeout: LOAD });
    await page.waitForFunction(() => document.querySelectorAll('.ak-map img.leaflet-tile-loaded').length > 0, null, { timeout: LOAD });
    const loaded = await page.locator('.ak-map img.leaflet-tile-loaded').count();
    assert.ok(loaded > 0 && loaded <= 10, `offline: ${loaded} kept tiles drawn`);
    browser.errors = withoutNetworkErrors(browser.errors);
    assert.deepEqual(browser.errors, [], 'no console error or CSP violation');
    assert.deepEqual(await context.cookies(), [], 'no cookie');
  } finally {
    await browser.close();
    await headed.close();
    await tiles.close();
  }
});
