// End-to-end: map tiles only after consent. A local tile server plays a third-party host
// ("tiles.test", mapped to 127.0.0.1 inside Chromium); nothing may reach it before the user
// agrees or after they withdraw, and the configured attribution is shown as text.
import { test, before, after } from 'node:test';
import assert, { reportAssertions } from './assert.mjs';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { serve, CSP, recommendedHeaders } from './server.mjs';
import { openBrowser, ARTIFACTS } from './browser.mjs';
import { serveTiles } from './tile-server.mjs';

const TILE_HOST = 'tiles.test';
const HOST_RULES = `MAP ${TILE_HOST} 127.0.0.1, `;
const STORED = 'ankommen.tiles';
const TILE_PATH = /^\/\d+\/\d+\/\d+\.png$/;
const AGREE = 'Kartenhintergrund laden';
const WITHDRAW = 'Kartenhintergrund ausschalten';
const NOTICE = 'Kartenhintergrund';

let server;
reportAssertions(import.meta.url);

before(async () => {
  server = await serve(process.env.DIST ?? 'dist');
});
after(async () => {
  await server?.close();
});

const hostOf = (url) => {
  const { protocol, hostname } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' ? null : hostname;
};
const toTiles = (requests) => requests.filter((url) => hostOf(url) === TILE_HOST);
const elsewhere = (requests) =>
  requests.filter((url) => ![null, '127.0.0.1', TILE_HOST].includes(hostOf(url)));

/**
 * A browser on the app with `tiles` configured in config.json and a fresh tile server.
 * `csp: 'tiles'` serves the page with the strict CSP plus the tile origin in img-src, as a
 * deployment that configures a tile server has to (the strict CSP alone allows images from the
 * app's origin only); `csp: 'strict'` leaves the served CSP untouched.
 */
async function openTiles({ width = 1280, height = 800, attribution = '© Test tiles', csp = 'tiles' } = {}) {
  const tiles = await serveTiles();
  const origin = `http://${TILE_HOST}:${tiles.port}`;
  const source = { url: `${origin}/{z}/{x}/{y}.png`, attribution };
  const browser = await openBrowser({ width, height, hostRules: HOST_RULES });
  const { page } = browser;
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await page.route('**/config.json', async (route) => {
    const config = JSON.parse(await (await route.fetch()).text());
    config.tiles = source;
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) });
  });
  if (csp === 'tiles') {
    const appOrigin = new URL(server.url).origin;
    const configFile = join(mkdtempSync(join(tmpdir(), 'ankommen-tiles-')), 'config.json');
    writeFileSync(configFile, JSON.stringify({ ...JSON.parse(readFileSync('assets/config.json', 'utf8')), tiles: source }));
    // A document fulfilled by the test has no known address, so Chromium's Local Network
    // Access would treat it as public and refuse it the (loopback) tile server: allow that.
    await browser.context.grantPermissions(['local-network-access'], { origin: appOrigin });
    await page.route(
      (url) => url.origin === appOrigin && (url.pathname === '/' || url.pathname === '/index.html'),
      async (route) => {
        const response = await route.fetch();
        const policy = response.headers()['content-security-policy'];
        assert.equal(policy, CSP, 'the bundled configuration gets the strict CSP');
        // The policy `ankommen-catalog headers` generates for the configuration with tiles.
        const generated = recommendedHeaders(configFile)['Content-Security-Policy'];
        assert.ok(generated.includes(`img-src 'self' data: ${origin};`), generated);
        await route.fulfill({
          response,
          headers: { ...response.headers(), 'content-security-policy': generated },
        });
      },
    );
  }
  // Observes the Leaflet map the app makes (zoom level, zoomend), without touching it.
  await page.addInitScript(() => {
    let leaflet;
    Object.defineProperty(window, 'L', {
      configurable: true,
      get: () => leaflet,
      set(value) {
        leaflet = value;
        value.Map.addInitHook(function hook() {
          window.akMap = this;
          window.akZoomEnds = 0;
          this.on('zoomend', () => {
            window.akZoomEnds += 1;
          });
        });
      },
    });
  });
  const close = async () => {
    await browser.close();
    await tiles.close();
  };
  return { ...browser, tiles, source, origin, dialogs, close };
}

/** The map has its markers and outlines: the app has loaded and drawn. */
async function mapReady(page) {
  await page.waitForFunction(
    () =>
      window.akMap !== undefined &&
      document.querySelectorAll('.ak-map .leaflet-marker-icon, .ak-map .marker-cluster').length > 0 &&
      document.querySelectorAll('.ak-map .leaflet-overlay-pane path').length > 0,
    null,
    { timeout: 15000 },
  );
}

/** Clicks the map's "+" and waits until Leaflet has finished that zoom. */
async function zoomIn(page) {
  const before = await page.evaluate(() => ({ ends: window.akZoomEnds, zoom: window.akMap.getZoom() }));
  await page.locator('.ak-map .leaflet-control-zoom-in').click();
  await page.waitForFunction((ends) => window.akZoomEnds > ends, before.ends);
  const zoom = await page.evaluate(() => window.akMap.getZoom());
  assert.ok(zoom > before.zoom, `the map zoomed in (${before.zoom} → ${zoom})`);
}

/** Every tile image on the map has loaded (so no tile request is still under way). */
async function tilesLoaded(page) {
  await page.waitForFunction(
    () => {
      const tiles = [...document.querySelectorAll('.ak-map img.leaflet-tile')];
      return tiles.length > 0 && tiles.every((img) => img.classList.contains('leaflet-tile-loaded'));
    },
    null,
    { timeout: 15000 },
  );
}

const stored = (page) => page.evaluate((key) => localStorage.getItem(key), STORED);
const attributionText = (page) => page.locator('.ak-map .leaflet-control-attribution').innerText();

/** The checks every test ends with. */
async function expectClean(browser) {
  assert.deepEqual(browser.errors, [], 'no console error (CSP violations included)');
  assert.equal(await browser.page.evaluate(() => document.cookie), '', 'no cookie');
  assert.deepEqual(elsewhere(browser.requests), [], 'no request to any host but 127.0.0.1 and tiles.test');
  assert.deepEqual(browser.dialogs, [], 'no dialog opened');
  for (const { path, host } of browser.tiles.requests) {
    assert.match(path, TILE_PATH, 'the tile server was only asked for tiles');
    assert.equal(host, `${TILE_HOST}:${browser.tiles.port}`, 'tile requests went to the tiles.test name');
  }
}

test('before consent: the notice names the tile host and nothing is fetched from it', async () => {
  const browser = await openTiles();
  try {
    const { page, tiles } = browser;
    await page.goto(server.url);
    await mapReady(page);
    const notice = page.getByRole('region', { name: NOTICE });
    await notice.waitFor();
    const text = await notice.innerText();
    assert.ok(text.includes(`${TILE_HOST}:${tiles.port}`), `the notice names the host: ${text}`);
    assert.match(text, /IP-Adresse/, 'the notice says what the host learns');
    assert.ok(await notice.getByRole('button', { name: AGREE }).isVisible(), 'the agree button is shown');

    await zoomIn(page);
    await zoomIn(page);
    // Panning by keyboard, as a user would look around.
    await page.locator('.ak-map').focus();
    const moved = await page.evaluate(() => window.akMap.getCenter());
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      ({ lng }) => window.akMap.getCenter().lng !== lng,
      moved,
    );

    assert.equal(await page.locator('.ak-map img.leaflet-tile').count(), 0, 'no tile image on the map');
    assert.deepEqual(toTiles(browser.requests), [], 'the browser asked tiles.test for nothing');
    assert.deepEqual(tiles.requests, [], 'the tile server received no request');
    assert.equal(await stored(page), null, `no ${STORED} in localStorage`);
    assert.doesNotMatch(await attributionText(page), /Test tiles/, 'the tile attribution is not shown yet');
    await page.screenshot({ path: join(ARTIFACTS, 'tiles-before-consent-1280.png') });
    await expectClean(browser);
  } finally {
    await browser.close();
  }
});

test('consent loads tiles, is remembered across a reload, and withdrawing stops all tile requests', async () => {
  const browser = await openTiles();
  try {
    const { page, tiles, source } = browser;
    await page.goto(server.url);
    await mapReady(page);
    const notice = page.getByRole('region', { name: NOTICE });
    await notice.getByRole('button', { name: AGREE }).click();

    await tilesLoaded(page);
    assert.ok(tiles.requests.length > 0, 'tile requests reached the tile server');
    assert.ok(toTiles(browser.requests).length > 0, 'the browser requested tiles from tiles.test');
    assert.ok((await page.locator('.ak-map img.leaflet-tile').count()) > 0, 'tile images are on the map');
    assert.equal(await stored(page), source.url, 'the agreed tile URL is stored');
    assert.match(await attributionText(page), /© Test tiles/, 'the tile attribution is shown');
    assert.equal(
      await page.locator('.ak-map .leaflet-control-attribution').evaluate((el) =>
        [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.includes('© Test tiles')),
      ),
      true,
      'the attribution is a text node',
    );
    const on = await notice.innerText();
    assert.ok(on.includes(`${TILE_HOST}:${tiles.port}`), `the notice says where tiles come from: ${on}`);
    assert.ok(await notice.getByRole('button', { name: WITHDRAW }).isVisible(), 'the withdraw button is shown');
    await page.screenshot({ path: join(ARTIFACTS, 'tiles-consented-1280.png') });

    // A reload honours the stored choice: tiles come without a click.
    const beforeReload = tiles.requests.length;
    await page.reload();
    await mapReady(page);
    await tilesLoaded(page);
    assert.ok(tiles.requests.length > beforeReload, 'after the reload tiles were fetched again');
    assert.ok(await notice.getByRole('button', { name: WITHDRAW }).isVisible(), 'still agreed after the reload');
    assert.equal(await notice.getByRole('button', { name: AGREE }).count(), 0, 'no second question');

    // Withdrawing removes the layer and the stored choice; zooming fetches nothing more.
    await notice.getByRole('button', { name: WITHDRAW }).click();
    await page.locator('.ak-map img.leaflet-tile').first().waitFor({ state: 'detached' });
    assert.equal(await page.locator('.ak-map img.leaflet-tile').count(), 0, 'no tile image is left');
    assert.equal(await page.locator('.ak-map .leaflet-tile-pane .leaflet-layer').count(), 0, 'the tile layer is gone');
    assert.equal(await stored(page), null, 'the stored choice is removed');
    assert.doesNotMatch(await attributionText(page), /Test tiles/, 'the tile attribution is gone');
    assert.ok(await notice.getByRole('button', { name: AGREE }).isVisible(), 'the notice asks again');
    const [server0, browser0] = [tiles.requests.length, toTiles(browser.requests).length];
    await zoomIn(page);
    await zoomIn(page);
    assert.equal(tiles.requests.length, server0, 'no tile request reached the server after withdrawing');
    assert.equal(toTiles(browser.requests).length, browser0, 'the browser asked tiles.test for nothing more');
    assert.equal(await page.locator('.ak-map img.leaflet-tile').count(), 0, 'still no tile image');

    // And the next visit stays tile-free.
    const beforeVisit = tiles.requests.length;
    await page.reload();
    await mapReady(page);
    await zoomIn(page);
    assert.ok(await notice.getByRole('button', { name: AGREE }).isVisible(), 'the next visit asks again');
    assert.equal(tiles.requests.length, beforeVisit, 'the next visit fetched no tile');
    await page.screenshot({ path: join(ARTIFACTS, 'tiles-withdrawn-1280.png') });
    await expectClean(browser);
  } finally {
    await browser.close();
  }
});

test('phone (390 px): the consent notice is visible in the map view', async () => {
  const browser = await openTiles({ width: 390, height: 844 });
  try {
    const { page, tiles } = browser;
    await page.goto(server.url);
    await page.locator('li.ak-item').first().waitFor({ timeout: 15000 });
    await page.getByRole('button', { name: 'Karte', exact: true }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'map');
    await mapReady(page);
    const notice = page.getByRole('region', { name: NOTICE });
    await notice.waitFor({ state: 'visible' });
    const box = await notice.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `the notice fits the phone's width (${JSON.stringify(box)})`);
    assert.ok(box.height > 0 && box.y < 844, 'the notice starts on the first screen');
    assert.ok((await notice.innerText()).includes(`${TILE_HOST}:${tiles.port}`), 'the notice names the host');
    const agree = notice.getByRole('button', { name: AGREE });
    assert.ok(await agree.isVisible(), 'the agree button is visible');
    const button = await agree.boundingBox();
    assert.ok(button.x >= 0 && button.x + button.width <= 390, 'the agree button fits the width');
    assert.ok(await page.locator('.ak-map').isVisible(), 'the map is shown');
    assert.deepEqual(tiles.requests, [], 'nothing fetched from the tile host');
    assert.deepEqual(toTiles(browser.requests), []);
    await page.screenshot({ path: join(ARTIFACTS, 'tiles-notice-390.png') });
    await expectClean(browser);
  } finally {
    await browser.close();
  }
});

test('an attribution with markup is shown as text: no element, no script', async () => {
  const attribution = 'Tiles & "Co" <img src=x onerror=alert(1)> <b>bold</b>';
  const browser = await openTiles({ attribution });
  try {
    const { page } = browser;
    await page.goto(server.url);
    await mapReady(page);
    await page.getByRole('region', { name: NOTICE }).getByRole('button', { name: AGREE }).click();
    await tilesLoaded(page);
    const control = page.locator('.ak-map .leaflet-control-attribution');
    await page.waitForFunction(
      (text) => document.querySelector('.ak-map .leaflet-control-attribution').textContent.includes(text),
      attribution,
    );
    assert.ok((await control.innerText()).includes(attribution), 'the attribution reads exactly as configured');
    assert.equal(await control.locator('img').count(), 0, 'no img element in the attribution');
    assert.equal(await control.locator('b').count(), 0, 'no b element in the attribution');
    assert.equal(await page.locator('.ak-map img:not(.leaflet-tile)').count(), 0, 'no other image on the map');
    assert.ok(
      !browser.requests.some((url) => new URL(url).pathname === '/x'),
      'the injected src=x was never requested',
    );
    await expectClean(browser);
  } finally {
    await browser.close();
  }
});
