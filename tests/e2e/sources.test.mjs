// End-to-end: the catalogue from an operator's source that misbehaves. Each fault gets its own
// message, and the bundled catalogue stays on screen; nothing is ever a blank page.
import { test, before, after } from 'node:test';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert, { reportAssertions } from './assert.mjs';
import { serve } from './server.mjs';
import { openBrowser, assertClean } from './browser.mjs';
import { catalog, config, browserToday, find } from './catalog.mjs';

const LOAD = 20000;
const SOURCE = 'operator/katalog.json';
const TIMEOUT_MS = 1500;

let server;
reportAssertions(import.meta.url);

before(async () => {
  server = await serve(process.env.DIST ?? 'dist');
});
after(async () => {
  await server?.close();
});

const json = (body) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });

// Each case: what the operator's server does, and what the notice must say (German UI).
const FAULTS = [
  ['HTTP 404', () => ({ status: 404, contentType: 'text/plain', body: 'not found' }), 'unter dieser Adresse gibt es keinen Katalog (HTTP 404).'],
  ['HTTP 500', () => ({ status: 500, contentType: 'text/plain', body: 'oops' }), 'Fehler beim Server (HTTP 500); bitte später erneut versuchen.'],
  ['HTTP 503', () => ({ status: 503, contentType: 'text/plain', body: 'busy' }), 'Fehler beim Server (HTTP 503); bitte später erneut versuchen.'],
  ['no answer', null, 'keine Antwort innerhalb von 2 Sekunden.'],
  ['broken JSON', () => ({ status: 200, contentType: 'application/json', body: '{"format": "1.0", "entries": [' }), 'ist nicht lesbar: Kein gültiges JSON (Zeile 1'],
  ['a web page', () => ({ status: 200, contentType: 'text/html; charset=utf-8', body: '<html><body>Anmeldung</body></html>' }), 'der Server sendet keinen Katalog (JSON), sondern „text/html; charset=utf-8“.'],
  // The bundled catalogue (about 0.2 MB) is within the limit; the operator's, at 2 MB, is not.
  ['too large', () => json({ ...catalog, padding: 'x'.repeat(2_000_000) }), 'er ist größer als die erlaubten 1 MB.', { catalogMaxBytes: 1_000_000 }],
  ['a newer major format', () => json({ ...catalog, format: '2.0' }), 'ist nicht lesbar: Formatversion 2.0 ist neuer als die unterstützte Version 1.x'],
];

/** A browser on the app whose config.json points at the operator's source. */
async function openWith(source, extra = {}) {
  const browser = await openBrowser({ width: 1280, height: 800 });
  const { page } = browser;
  await page.route('**/config.json', (route) =>
    route.fulfill(json({ ...config, catalog: SOURCE, catalogTimeoutMs: TIMEOUT_MS, ...extra })),
  );
  // `null`: the server takes the request and never answers.
  await page.route(`**/${SOURCE}`, (route) => (source ? route.fulfill(source()) : undefined));
  return browser;
}

for (const [name, source, message, extra] of FAULTS) {
  test(`the operator's source fails (${name}): a specific message, and the bundled catalogue stays`, async () => {
    const browser = await openWith(source, extra);
    const { page } = browser;
    try {
      await page.goto(server.url);
      await page.waitForSelector('.ak-count', { timeout: LOAD });
      const today = await browserToday(page);
      const count = Number((await page.locator('.ak-count').textContent()).replace(/\D/g, ''));
      assert.equal(count, find(catalog, today).hits.length, 'the bundled catalogue shows');
      const notice = await page.locator('.ak-notice').first().textContent();
      assert.ok(notice.includes(message), `notice: ${notice}`);
      assert.ok(notice.endsWith('Angezeigt wird der mitgelieferte Katalog.'), notice);
      // Errors of the failed request itself are the subject of this test; nothing else may fail.
      browser.errors = browser.errors.filter((e) => !/Failed to load resource/.test(e));
      await assertClean(assert, browser);
    } finally {
      await browser.close();
    }
  });
}

test("the operator's own catalogue shows when its source works, in English too", async () => {
  const own = { ...structuredClone(catalog), entries: catalog.entries.slice(0, 3) };
  const browser = await openWith(() => json(own));
  const { page } = browser;
  try {
    await page.goto(`${server.url}?lang=en`);
    await page.waitForSelector('.ak-count', { timeout: LOAD });
    const today = await browserToday(page);
    assert.equal(await page.locator('.ak-count').textContent(), `${find(own, today).hits.length} results`);
    assert.equal(await page.locator('.ak-notice').count(), 0, 'no notice');
    await assertClean(assert, browser);
  } finally {
    await browser.close();
  }
  // The English notice for a failure.
  const failing = await openWith(FAULTS[1][1]);
  try {
    await failing.page.goto(`${server.url}?lang=en`);
    await failing.page.waitForSelector('.ak-count', { timeout: LOAD });
    assert.equal(
      await failing.page.locator('.ak-notice').first().textContent(),
      `The catalogue “${SOURCE}” could not be loaded: server error (HTTP 500); please try again later. Showing the bundled catalogue instead.`,
    );
  } finally {
    await failing.close();
  }
});

test('an unchanged manifest costs a 304 on the next visit, its chunks nothing; a republished one shows at once', async () => {
  // A copy of the build, so the test can publish another catalogue on the "server".
  const dir = await mkdtemp(join(tmpdir(), 'ankommen-etag-'));
  await cp(process.env.DIST ?? 'dist', dir, { recursive: true });
  const log = [];
  const own = await serve(dir, { log });
  const browser = await openBrowser({ width: 1280, height: 800 });
  const { page } = browser;
  const catalogRequests = () => log.filter((r) => r.path === '/data/manifest.json');
  const chunkRequests = () => log.filter((r) => r.path.endsWith('.bin'));
  try {
    await page.goto(own.url);
    await page.waitForSelector('.ak-count', { timeout: LOAD });
    const today = await browserToday(page);
    const all = find(catalog, today).hits.length;
    assert.deepEqual(catalogRequests().map((r) => r.status), [200], 'first visit: the manifest');
    const chunks = chunkRequests().length;
    assert.ok(chunks > 0, 'and the chunks');

    await page.reload();
    await page.waitForSelector('.ak-count', { timeout: LOAD });
    const second = catalogRequests().at(-1);
    assert.ok(second.conditional, 'the browser asks with If-None-Match');
    assert.equal(second.status, 304, 'unchanged: 304, no body');
    // Named by their hash, chunks are fresh in the HTTP cache: no request at all, or a 304.
    assert.ok(chunkRequests().slice(chunks).every((r) => r.status === 304), 'no chunk is sent again');
    assert.equal(Number((await page.locator('.ak-count').textContent()).replace(/\D/g, '')), all, 'the same entries');

    const changed = { ...structuredClone(catalog), entries: catalog.entries.slice(0, 3) };
    const source = join(dir, 'changed.json');
    await writeFile(source, JSON.stringify(changed));
    execFileSync(process.env.ANKOMMEN_CLI ?? 'target/debug/ankommen-catalog', ['publish', source, '-o', join(dir, 'data')]);
    await page.reload();
    await page.waitForSelector('.ak-count', { timeout: LOAD });
    assert.equal(catalogRequests().at(-1).status, 200, 'changed: a new ETag, the new manifest');
    assert.equal(await page.locator('.ak-count').textContent(), `${find(changed, today).hits.length} Ergebnisse`);
    await assertClean(assert, browser);
  } finally {
    await browser.close();
    await own.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test("the operator's source may be a GeoJSON FeatureCollection (docs/catalog.md mapping)", async () => {
  const { entries, ...head } = structuredClone(catalog);
  const features = entries.map(({ location, ...properties }) => ({
    type: 'Feature',
    geometry: location ? { type: 'Point', coordinates: [location.lon, location.lat] } : null,
    properties,
  }));
  // One feature whose geometry is no place: reported, the others shown.
  features[0].geometry = { type: 'LineString', coordinates: [[7, 51], [8, 52]] };
  const geojson = { type: 'FeatureCollection', ankommen: head, features };
  const browser = await openWith(() => ({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(geojson) }));
  const { page } = browser;
  try {
    await page.goto(server.url);
    await page.waitForSelector('.ak-count', { timeout: LOAD });
    const today = await browserToday(page);
    const rest = { ...catalog, entries: catalog.entries.slice(1) };
    assert.equal(
      Number((await page.locator('.ak-count').textContent()).replace(/\D/g, '')),
      find(rest, today).hits.length,
      'every feature but the broken one',
    );
    const notices = await page.locator('.ak-notice').allTextContents();
    assert.equal(notices.length, 1, `only the note on the skipped feature: ${notices}`);
    assert.equal(notices[0], "Ein Eintrag des Katalogs ist fehlerhaft und wird nicht angezeigt.");
    await assertClean(assert, browser);
  } finally {
    await browser.close();
  }
});
