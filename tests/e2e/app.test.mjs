// End-to-end: the built app (dist/) in Chromium, on the bundled example catalogue.
import { test, before, after } from 'node:test';
import assert, { reportAssertions } from './assert.mjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { openBrowser, foreignRequests, ARTIFACTS } from './browser.mjs';

const catalog = JSON.parse(await readFile('assets/catalog.json', 'utf8'));
const names = catalog.entries.map((entry) => entry.name.de);
// Entries with a point get a marker; area entries (a whole district or region) are listed only.
const mapped = catalog.entries.filter((entry) => entry.location).map((entry) => entry.name.de);
const outlines = JSON.parse(await readFile('assets/districts.geojson', 'utf8')).features.length;
let server;
reportAssertions(import.meta.url);

before(async () => {
  server = await serve('dist');
});
after(async () => {
  await server?.close();
});

for (const [label, width, height] of [['phone', 390, 844], ['desktop', 1280, 800]]) {
  test(`${label} (${width} px): every entry is listed and mapped, nothing leaves the origin`, async () => {
    const browser = await openBrowser({ width, height });
    try {
      const { page } = browser;
      await page.goto(server.url);
      const results = page.getByRole('list', { name: 'Ergebnisse' });
      const items = results.getByRole('listitem');
      await assert.doesNotReject(items.first().waitFor({ timeout: 15000 }), 'the list never appeared');
      assert.equal(await items.count(), names.length, 'one list item per catalogue entry');
      for (const name of names) {
        assert.equal(
          await results.getByRole('heading', { name, exact: true }).count(),
          1,
          `"${name}" is listed once`,
        );
      }

      const markers = page.locator('.ak-map .leaflet-marker-icon');
      await page.waitForFunction(
        (n) => document.querySelectorAll('.ak-map .leaflet-marker-icon').length === n,
        mapped.length,
        { timeout: 15000 },
      );
      assert.equal(await markers.count(), mapped.length, 'one marker per entry with a location');
      const titles = await markers.evaluateAll((els) => els.map((el) => el.title).sort());
      assert.deepEqual(titles, [...mapped].sort(), 'each marker is titled with its entry');
      assert.equal(await page.getAttribute('.ak-map', 'data-marker-count'), String(mapped.length));

      await page.waitForFunction(
        (n) => document.querySelectorAll('.ak-map .leaflet-overlay-pane path').length === n,
        outlines,
        { timeout: 15000 },
      );
      assert.match(
        await page.locator('.ak-map .leaflet-control-attribution').innerText(),
        /GeoBasis-DE \/ BKG 2019 \(Daten verändert\), dl-de\/by-2-0/,
        'the outlines carry their licence attribution',
      );

      // The list is long: the viewport, and the map pane on its own.
      await page.screenshot({ path: join(ARTIFACTS, `app-${width}.png`) });
      await page.locator('.ak-map-pane').screenshot({ path: join(ARTIFACTS, `app-${width}-map.png`) });
      assert.deepEqual(browser.errors, [], 'no console error');
      assert.deepEqual(foreignRequests(browser.requests), [], 'no request left 127.0.0.1');
      assert.ok(!browser.requests.some((url) => url.includes('/preview/')), 'the preview bundle is not loaded');
      assert.equal(await page.evaluate(() => document.cookie), '', 'no cookie');
    } finally {
      await browser.close();
    }
  });
}

test('a broken catalogue entry is reported and the valid ones still show', async () => {
  const broken = structuredClone(catalog);
  broken.entries[0] = { ...broken.entries[0], kind: 'hospitl' };
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await page.route('**/catalog.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(broken) }),
    );
    await page.goto(server.url);
    const items = page.getByRole('list', { name: 'Ergebnisse' }).getByRole('listitem');
    await items.first().waitFor({ timeout: 15000 });
    assert.equal(await items.count(), names.length - 1);
    assert.equal(await items.getByRole('heading', { name: names[0], exact: true }).count(), 0, 'the broken entry is left out');
    assert.match(await page.locator('.ak-notice').innerText(), /1 Einträge/);
    assert.deepEqual(browser.errors, []);
  } finally {
    await browser.close();
  }
});

test('a catalogue that cannot be loaded gives a message, not a blank page', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await page.route('**/catalog.json', (route) => route.fulfill({ status: 500, body: 'boom' }));
    await page.goto(server.url);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 15000 });
    assert.match(await alert.innerText(), /HTTP 500/);
  } finally {
    await browser.close();
  }
});
