// End-to-end: the built app in Chromium, on the bundled example catalogue.
import { test, before, after } from 'node:test';
import assert, { reportAssertions } from './assert.mjs';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { openBrowser, foreignRequests, routeJsonCatalogue, ARTIFACTS } from './browser.mjs';
import { catalog, outlineCount, browserToday, isCurrent } from './catalog.mjs';

let server;
reportAssertions(import.meta.url);

before(async () => {
  server = await serve(process.env.DIST ?? 'dist');
});
after(async () => {
  await server?.close();
});

/** Clusters' counts plus single markers: every located result is in exactly one of them. */
const onMap = (page) =>
  page.evaluate(() => {
    const map = document.querySelector('.ak-map');
    const clustered = [...map.querySelectorAll('.ak-cluster')].reduce((s, c) => s + Number(c.textContent), 0);
    const singles = [...map.querySelectorAll('.leaflet-marker-icon.ak-marker')].map((m) => m.title);
    return { clustered, singles, total: clustered + singles.length };
  });

for (const [label, width, height] of [['phone', 390, 844], ['desktop', 1280, 800]]) {
  test(`${label} (${width} px): every current entry is listed and on the clustered map, nothing leaves the origin`, async () => {
    const browser = await openBrowser({ width, height });
    try {
      const { page } = browser;
      await page.goto(server.url);
      const results = page.getByRole('list', { name: 'Ergebnisse' });
      const items = results.getByRole('listitem');
      await assert.doesNotReject(items.first().waitFor({ timeout: 15000 }), 'the list never appeared');
      const today = await browserToday(page);
      const current = catalog.entries.filter((entry) => isCurrent(entry, today));
      // Entries with a point get a marker; area entries (a whole district or region) are listed only.
      const located = current.filter((entry) => entry.location);
      assert.ok(current.length > 0 && located.length > 0, 'premise: current entries with locations');
      assert.equal(await items.count(), current.length, 'one list item per current entry');
      const headings = await results.locator('h3').allTextContents();
      assert.deepEqual([...headings].sort(), current.map((entry) => entry.name.de).sort(), 'each current entry is listed once');
      assert.equal(await page.locator('.ak-count').textContent(), `${current.length} Ergebnisse`);

      // A phone shows the map on request; its first layout is then the map's own.
      if (width < 900) await page.goto(`${server.url}?view=map`);
      const map = page.locator('.ak-map');
      await map.waitFor({ state: 'attached', timeout: 15000 });
      await page.waitForFunction(
        (n) => {
          const el = document.querySelector('.ak-map');
          if (!el) return false;
          const clustered = [...el.querySelectorAll('.ak-cluster')].reduce((s, c) => s + Number(c.textContent), 0);
          return clustered + el.querySelectorAll('.leaflet-marker-icon.ak-marker').length === n;
        },
        located.length,
        { timeout: 15000 },
      ).catch(() => {});
      assert.equal(await map.getAttribute('data-marker-count'), String(located.length), 'data-marker-count: entries with a location');
      assert.equal(await map.getAttribute('data-entry-count'), String(current.length), 'data-entry-count: every result');
      assert.equal(
        await page.locator('.ak-map__summary').textContent(),
        `Die Karte zeigt ${current.length} Einträge: ${located.length} mit Standort, ${current.length - located.length} für einen ganzen Kreis oder die Region.`,
      );
      const shown = await onMap(page);
      assert.equal(shown.total, located.length, 'cluster counts plus single markers = entries with a location');
      assert.ok(shown.clustered > 0, 'nearby markers are clustered');
      const names = new Set(located.map((entry) => entry.name.de));
      assert.ok(shown.singles.every((title) => names.has(title)), 'each single marker is titled with its entry');
      assert.equal(new Set(shown.singles).size, shown.singles.length, 'no entry has two markers');

      await page.waitForFunction(
        (n) => document.querySelectorAll('.ak-map .leaflet-overlay-pane path').length === n,
        outlineCount,
        { timeout: 15000 },
      );
      assert.equal(await page.locator('.ak-map .leaflet-overlay-pane path').count(), outlineCount, 'one outline per district');
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
    await routeJsonCatalogue(page, broken);
    await page.goto(server.url);
    const items = page.getByRole('list', { name: 'Ergebnisse' }).getByRole('listitem');
    await items.first().waitFor({ timeout: 15000 });
    const today = await browserToday(page);
    const current = catalog.entries.filter((entry) => isCurrent(entry, today));
    assert.ok(isCurrent(catalog.entries[0], today), 'premise: the entry that breaks would be shown');
    assert.equal(await items.count(), current.length - 1);
    assert.equal(
      await items.getByRole('heading', { name: catalog.entries[0].name.de, exact: true }).count(),
      0,
      'the broken entry is left out',
    );
    assert.match(await page.locator('.ak-notice').innerText(), /Ein Eintrag des Katalogs ist fehlerhaft/);
    assert.deepEqual(browser.errors, []);
    assert.deepEqual(foreignRequests(browser.requests), []);
    assert.equal(await page.evaluate(() => document.cookie), '');
  } finally {
    await browser.close();
  }
});

test('a catalogue that cannot be loaded gives a message, not a blank page', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    // The bundled published set itself fails: nothing to fall back on.
    await page.route('**/data/manifest.json', (route) => route.fulfill({ status: 500, body: 'boom' }));
    await page.goto(server.url);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 15000 });
    assert.match(await alert.innerText(), /HTTP 500/);
    // Chromium itself logs the failed request; the app adds no error of its own.
    assert.deepEqual(
      browser.errors,
      ['Failed to load resource: the server responded with a status of 500 (Internal Server Error)'],
      'only the browser\'s own network message',
    );
    assert.deepEqual(foreignRequests(browser.requests), []);
    assert.equal(await page.evaluate(() => document.cookie), '');
  } finally {
    await browser.close();
  }
});
