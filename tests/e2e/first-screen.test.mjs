// End-to-end: the prerendered first screen in index.html and the entry pages under e/
// (`ankommen-catalog publish --site`, crates/core/src/site/). Without JavaScript both are
// readable and every link works; with it, the app takes the first screen's place without
// moving anything, keeps what was typed before it started, never flashes the default list for
// a link to another view, and an entry page opens the app with its entry.
import { test, before, after } from 'node:test';
import assert, { reportAssertions } from './assert.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { serve } from './server.mjs';
import { openBrowser, assertClean, ARTIFACTS } from './browser.mjs';
import { catalog, config, browserToday, isCurrent } from './catalog.mjs';
import { shape } from './shape.mjs';

const DIST = process.env.DIST ?? 'dist';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const ROWS = 20; // FIRST_SCREEN_ROWS in crates/core/src/query.rs
let server;
reportAssertions(import.meta.url);

before(async () => {
  server = await serve(DIST);
});
after(async () => {
  await server?.close();
});

const app = (browser) => browser.page.waitForFunction(
  () => !document.querySelector('.ak-first') && document.querySelector('.ak-app:not(.is-pending) .ak-count'),
  null,
  { timeout: 20000 },
);

/** The entries the default view lists, in order: the catalogue's current ones. */
async function current(page) {
  const today = await browserToday(page);
  return catalog.entries.filter((entry) => isCurrent(entry, today));
}

test('without JavaScript: the first screen and every entry page are readable, and every link works', async () => {
  const browser = await openBrowser({ javaScript: false });
  try {
    const { page } = browser;
    const response = await page.goto(server.url);
    assert.equal(response.status(), 200);
    const entries = await current(page);
    const block = page.locator('.ak-first[lang="de"]');
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((el) => el.id));
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'no id is doubled in the page');
    assert.ok(await block.isVisible(), 'the German first screen shows');
    assert.equal(await page.locator('.ak-first[lang="en"]').isVisible(), false, 'the English one does not');
    assert.equal(await block.locator('h1').textContent(), catalog.region.name.de);
    assert.equal(await block.locator('.ak-count').textContent(), `${entries.length} Ergebnisse`);
    const rows = block.locator('.ak-item__name a');
    assert.equal(await page.locator('.ak-first[lang="en"] a.ak-skip').getAttribute('href'), '#ak-main-en', "the English block's skip link stays in it");
    assert.deepEqual(
      await rows.evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')])),
      entries.slice(0, ROWS).map((entry) => [entry.name.de, `e/${entry.id}/`]),
      'the first rows of the default view link to their entry pages',
    );
    await block.screenshot({ path: join(ARTIFACTS, 'first-screen-no-js-1280.png') });

    // Every link of the first screen leads somewhere: same-site ones answer 200, a fragment
    // names an element of the page, the operator's legal links are http(s) or mailto.
    const links = await block.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const legal = Object.values(config.legal ?? {});
    for (const href of links) {
      if (href.startsWith('#')) {
        assert.equal(await page.locator(href).count(), 1, `${href} is on the page`);
      } else if (legal.includes(href)) {
        assert.match(href, /^(https?:|mailto:)/);
      } else {
        assert.equal((await page.request.get(new URL(href, server.url).href)).status(), 200, `${href} answers`);
      }
    }

    // Every entry page: its heading, its details, each of its same-site links answers.
    const checked = new Set();
    for (const entry of entries) {
      const url = `${server.url}e/${entry.id}/`;
      assert.equal((await page.goto(url)).status(), 200, `${entry.id} has a page`);
      assert.equal(await page.locator('h1').textContent(), entry.name.de, `${entry.id}: its name is the heading`);
      if (entry.contact?.phone) {
        assert.equal(await page.locator('a[href^="tel:"]').count(), 1, `${entry.id}: the phone number is a link`);
      }
      const hrefs = await page.evaluate(() => [
        ...[...document.querySelectorAll('a[href]')].map((a) => a.href),
        ...[...document.querySelectorAll('link[rel="stylesheet"], link[rel="icon"]')].map((l) => l.href),
        ...[...document.querySelectorAll('script[src]')].map((s) => s.src),
      ]);
      for (const href of hrefs) {
        const target = new URL(href);
        if (target.origin !== new URL(server.url).origin) {
          assert.match(href, /^(https?:|mailto:|tel:)/, `${entry.id}: ${href}`);
          continue;
        }
        const key = target.pathname + target.search;
        if (checked.has(key)) continue;
        checked.add(key);
        assert.equal((await page.request.get(href)).status(), 200, `${entry.id}: ${key} answers`);
      }
    }
    await page.goto(`${server.url}e/${entries[0].id}/`);
    await page.screenshot({ path: join(ARTIFACTS, 'entry-page-no-js-1280.png'), fullPage: true });

    // The sitemap lists the app and exactly these pages; robots.txt points to it.
    const sitemap = await (await page.request.get(`${server.url}sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    assert.deepEqual(locs.sort(), ['/', ...entries.map((entry) => `/e/${entry.id}/`)].sort());
    assert.match(await (await page.request.get(`${server.url}robots.txt`)).text(), /^Sitemap: https?:\/\/.+\/sitemap\.xml$/m);
    await assertClean(assert, browser);
  } finally {
    await browser.close();
  }
});

test('entry pages: canonical address, share previews and schema.org data fit each entry', async () => {
  const browser = await openBrowser({ javaScript: false });
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  try {
    const { page } = browser;
    const entries = await (async () => {
      await page.goto(server.url);
      return current(page);
    })();
    const types = new Set();
    for (const entry of entries) {
      await page.goto(`${server.url}e/${entry.id}/`);
      const head = await page.evaluate(() => {
        const meta = (key) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.content ?? null;
        return {
          canonical: document.querySelector('link[rel="canonical"]')?.href ?? null,
          title: meta('og:title'),
          description: meta('og:description'),
          url: meta('og:url'),
          image: meta('og:image'),
          card: meta('twitter:card'),
          data: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
        };
      });
      assert.match(head.canonical, new RegExp(`^https?://[^/]+/.*e/${entry.id}/$`), `${entry.id}: an absolute canonical address`);
      assert.equal(head.url, head.canonical, `${entry.id}: og:url is the canonical address`);
      assert.equal(head.title, entry.name.de);
      assert.ok(head.description?.length > 0 && head.description.length <= 200, `${entry.id}: a short description`);
      assert.match(head.image, /^https?:\/\/.+\.png$/);
      assert.equal(head.card, 'summary');
      assert.equal(head.data.length, 1, `${entry.id}: one JSON-LD block`);
      const data = JSON.parse(head.data[0]);
      assert.equal(data['@context'], 'https://schema.org');
      assert.equal(data.url, head.canonical);
      assert.equal(data.description, entry.description?.de ?? entry.name.de, `${entry.id}: the catalogue's text, unchanged`);
      types.add(data['@type']);
      if (entry.kind === 'opportunity') {
        assert.equal(data['@type'], 'JobPosting');
        assert.equal(data.title, entry.name.de);
        assert.match(data.datePosted, iso);
        assert.ok(data.hiringOrganization?.name, `${entry.id}: hiringOrganization`);
        assert.equal(data.jobLocation?.address?.addressCountry, 'DE');
        assert.ok(data.jobLocation.address.addressLocality, `${entry.id}: jobLocation's locality`);
        if (entry.valid?.until) assert.equal(data.validThrough, entry.valid.until);
        else assert.equal(data.validThrough, undefined, `${entry.id}: no end date made up`);
      } else if (entry.kind === 'event') {
        assert.equal(data['@type'], 'Event');
        assert.equal(data.startDate, entry.event.start);
        assert.match(data.endDate, iso);
        assert.ok(data.location?.address, `${entry.id}: the event's location`);
      } else {
        assert.ok(['Hospital', 'MedicalClinic', 'Pharmacy', 'ChildCare', 'LocalBusiness', 'GovernmentOffice', 'Organization'].includes(data['@type']), data['@type']);
        assert.equal(data.name, entry.name.de);
        assert.ok(data.address?.addressLocality, `${entry.id}: an address`);
      }
    }
    for (const type of ['JobPosting', 'Event', 'Hospital', 'MedicalClinic', 'GovernmentOffice', 'Organization']) {
      assert.ok(types.has(type), `the example has a ${type} (${[...types]})`);
    }
    await assertClean(assert, browser);
  } finally {
    await browser.close();
  }
});

for (const [lang, locale] of [['de', 'de-DE'], ['en', 'en-US']]) {
  test(`${lang}: the prerendered first screen is the app's first render, and the app takes its place without a layout shift`, async () => {
    const prerendered = await (async () => {
      const browser = await openBrowser({ javaScript: false });
      try {
        await browser.page.goto(server.url);
        return await browser.page.locator(`.ak-first[lang="${lang}"]`).evaluate(shape, { rows: ROWS, suffix: lang === 'de' ? '' : `-${lang}` });
      } finally {
        await browser.close();
      }
    })();
    for (const [width, height] of [[390, 844], [1280, 800]]) {
      const browser = await openBrowser({ width, height, locale, awaitApp: false });
      try {
        const { page } = browser;
        await page.addInitScript(() => {
          window.__shifts = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) window.__shifts.push({ value: e.value, nodes: e.sources.map((s) => s.node?.className ?? s.node?.nodeName ?? '?') });
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(server.url);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.firstScreen), lang, 'first-screen.js picks the language the app will');
        await app(browser);
        const ours = await page.locator('.ak-app').evaluate(shape, { rows: ROWS, suffix: '' });
        assert.deepEqual(ours, prerendered, `${width} px: the app's first screen equals the prerendered one`);
        await page.waitForTimeout(1500); // the map, the rest of the list, the outlines
        assert.deepEqual(await page.evaluate(() => window.__shifts), [], `${width} px: nothing moved (layout shifts)`);
        await page.screenshot({ path: join(ARTIFACTS, `first-screen-app-${lang}-${width}.png`) });
        await assertClean(assert, browser);
      } finally {
        await browser.close();
      }
    }
  });
}

/** A browser whose app code waits until `release()`: what shows before the app starts. */
async function withHeldApp(options) {
  const browser = await openBrowser({ ...options, awaitApp: false });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await browser.page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  browser.release = release;
  return browser;
}

test('a search typed before the app has started is kept, with focus and caret', async () => {
  const browser = await withHeldApp({ width: 390, height: 844 });
  try {
    const { page } = browser;
    await page.goto(server.url);
    const box = page.locator('.ak-first[lang="de"] input[type=search]');
    await box.click();
    await page.keyboard.type('kita');
    assert.equal(await page.locator('.ak-app').count(), 0, 'premise: the app has not started yet');
    browser.release();
    await app(browser);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'kita', null, { timeout: 10000 });
    const input = page.locator('#ak-search-input');
    assert.equal(await input.inputValue(), 'kita');
    assert.ok(await input.evaluate((el) => el === document.activeElement && el.selectionStart === 4), 'focus and caret are in the box');
    const count = Number((await page.locator('.ak-count').textContent()).split(' ')[0]);
    const all = (await current(page)).length;
    assert.ok(count > 0 && count < all, `the results are the search's (${count} of ${all})`);
    // Typing goes on in the app's box.
    await page.keyboard.type(' olpe');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'kita olpe', null, { timeout: 10000 });
    await assertClean(assert, browser);
  } finally {
    await browser.close();
  }
});

test('a link to another view never shows the default list; a language link or a kept choice shows its own', async () => {
  for (const [path, expected, init] of [
    ['?kind=event', 'none'],
    ['?entry=attendorn-krankenhaus', 'none'],
    ['?lang=en', 'en'],
    ['', 'en', () => localStorage.setItem('ankommen.language', 'en')],
  ]) {
    const browser = await withHeldApp({});
    try {
      const { page } = browser;
      if (init) await page.addInitScript(init);
      await page.goto(server.url + path);
      await page.waitForLoadState('domcontentloaded');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.firstScreen), expected, `${path || init}: decided before the app`);
      const visible = await page.locator('.ak-first').evaluateAll((blocks) =>
        blocks.filter((b) => getComputedStyle(b).display !== 'none').map((b) => b.lang),
      );
      assert.deepEqual(visible, expected === 'none' ? [] : [expected], `${path || init}: what shows before the app`);
      browser.release();
      await app(browser);
      if (path === '?kind=event') {
        const events = (await current(page)).filter((e) => e.kind === 'event').length;
        assert.equal(await page.locator('.ak-count').textContent(), `${events} Ergebnisse`);
      }
      await assertClean(assert, browser);
    } finally {
      await browser.close();
    }
  }
});

test('an entry page opened with JavaScript lands in the app with that entry open', async () => {
  const browser = await openBrowser({ width: 390, height: 844 });
  try {
    const { page } = browser;
    const entry = catalog.entries.find((e) => e.id === 'attendorn-krankenhaus');
    await page.goto(`${server.url}e/${entry.id}/`);
    await page.waitForURL((url) => url.searchParams.get('entry') === entry.id, { timeout: 10000 });
    assert.equal(new URL(page.url()).pathname, '/');
    const title = page.locator('#ak-details-title');
    await title.waitFor({ timeout: 20000 });
    assert.equal(await title.textContent(), entry.name.de);
    await assertClean(assert, browser);
  } finally {
    await browser.close();
  }
});

test('axe: no WCAG 2.1 A/AA violation on the first screen before the app and on entry pages', async () => {
  // axe runs as a script in the page, so JavaScript is on; the app's code and entry.js are
  // held back, which leaves what a reader without JavaScript gets (but the <noscript> note).
  const kinds = ['employer', 'opportunity', 'support', 'contact', 'event'];
  for (const [width, height] of [[390, 844], [1280, 800]]) {
    for (const locale of ['de-DE', 'en-US']) {
      const browser = await openBrowser({ width, height, locale, awaitApp: false });
      try {
        const { page } = browser;
        await page.route('**/*_bg.wasm', () => {});
        await page.route('**/entry.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
        await page.goto(server.url);
        const entries = await current(page);
        const pages = ['', ...(locale === 'de-DE' ? kinds.map((kind) => `e/${entries.find((e) => e.kind === kind).id}/`) : [])];
        for (const path of pages) {
          await page.goto(server.url + path);
          const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
          assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `${width} px ${locale} /${path}`);
        }
      } finally {
        await browser.close();
      }
    }
  }
});

test('the service worker precaches first-screen.js, which the prerendered page needs offline', () => {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  assert.ok(sw.includes('"first-screen.js"'), 'first-screen.js is in the precache list');
  assert.ok(!sw.includes('"e/'), 'entry pages are not (they are many and reached online)');
});

test("a phone's list view loads no Leaflet and builds no map until the map is shown; the rest of the list and the filter groups follow in parts", async () => {
  const browser = await openBrowser({ width: 390, height: 844 });
  try {
    const { page, requests } = browser;
    const leaflet = () => requests.filter((url) => /\/leaflet\.(js|css)$/.test(url));
    // The app's row and filter-group counts each time the page changes (an observer's
    // callback runs once per task that changed it).
    await page.addInitScript(() => {
      window.akCounts = { rows: [], groups: [] };
      const note = (list, n) => list.at(-1) !== n && list.push(n);
      new MutationObserver(() => {
        note(window.akCounts.rows, document.querySelectorAll('.ak-app .ak-item').length);
        note(window.akCounts.groups, document.querySelectorAll('.ak-app details.ak-filters .ak-facet').length);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url);
    await app(browser);
    const entries = await current(page);
    await page.waitForFunction((n) => document.querySelectorAll('.ak-item').length === n, entries.length, { timeout: 10000 });
    await page.waitForFunction(() => document.querySelectorAll('details.ak-filters .ak-facet').length === 6 && document.querySelector('#ak-near'), null, { timeout: 10000 });
    // Every row of the short list and every filter group arrived, a part a task.
    const counts = await page.evaluate(() => window.akCounts);
    const between = counts.rows.filter((n) => n > ROWS && n < entries.length);
    assert.ok(between.length >= 3, `rows grew in parts of ${ROWS}: ${counts.rows}`);
    assert.ok(counts.rows.every((n, i) => i === 0 || n - counts.rows[i - 1] <= ROWS), `never more than ${ROWS} rows at once after the first screen: ${counts.rows}`);
    assert.deepEqual(counts.groups.filter((n) => n > 0), [1, 2, 3, 4, 5, 6], `the filter groups one a task: ${counts.groups}`);
    await page.waitForTimeout(500);
    assert.deepEqual(leaflet(), [], 'no Leaflet file requested while the list shows');
    assert.equal(await page.evaluate(() => typeof window.L), 'undefined', 'Leaflet has not run');
    assert.equal(await page.locator('.leaflet-container').count(), 0, 'no Leaflet map');
    await page.getByRole('group', { name: 'Ansicht' }).getByRole('button', { name: 'Karte', exact: true }).click();
    await page.locator('.ak-map.leaflet-container').waitFor({ timeout: 10000 });
    await page.locator('.ak-map .ak-marker, .ak-map .ak-cluster').first().waitFor({ timeout: 10000 });
    assert.equal(leaflet().length, 2, "Leaflet's script and stylesheet, once each");
    const box = await page.locator('.ak-map').boundingBox();
    assert.ok(box.width > 300 && box.height > 200, `the map fills its pane once shown (${JSON.stringify(box)})`);
    // Leaflet's stylesheet goes before the app's, so the app's rules of the same weight win.
    const sheets = await page.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href')));
    assert.ok(sheets.indexOf('leaflet.css') === 0 && sheets.length === 2, `stylesheets in order: ${sheets}`);
    await assertClean(assert, browser);
  } finally {
    await browser.close();
  }
});

test('beside the prerendered first screen the app\'s code is requested after the first paint; without it, at once', async () => {
  for (const [path, prerendered] of [['', true], ['?kind=event', false]]) {
    const browser = await openBrowser({ width: 1280, height: 800, awaitApp: false });
    try {
      const { page } = browser;
      await page.goto(server.url + path);
      await page.locator('.ak-app:not(.is-pending) .ak-count').waitFor({ timeout: 20000 });
      const timing = await page.evaluate(() => {
        const [code] = performance.getEntriesByName('ankommen-code');
        const fetched = (pattern) => performance.getEntriesByType('resource').find((e) => pattern.test(e.name));
        const wasm = fetched(/_bg\.wasm$/);
        return {
          code: code && { at: code.startTime, waited: code.detail.waited },
          wasm: wasm && { at: wasm.startTime, by: wasm.initiatorType },
          glue: fetched(/\/ankommen-[0-9a-f]+\.js$/)?.startTime,
          paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        };
      });
      const label = `${path || '/'}: ${JSON.stringify(timing)}`;
      assert.equal(timing.wasm?.by, 'fetch', `${label}: the wasm is fetched by boot.js, not by a preload link`);
      assert.ok(timing.code.at <= timing.wasm.at && timing.code.at <= timing.glue, `${label}: the code is asked for when boot.js says so`);
      assert.equal(timing.code.waited, prerendered, `${label}: boot.js waits for the paint exactly when a first screen shows`);
      if (prerendered) {
        assert.ok(timing.paint !== undefined && timing.wasm.at > timing.paint, `${label}: the wasm after the first paint`);
        assert.ok(timing.glue > timing.paint, `${label}: the glue after the first paint`);
      }
      await assertClean(assert, browser);
    } finally {
      await browser.close();
    }
  }
});

test('glue whose bytes do not match the integrity written for it is refused: the first screen stays', async () => {
  for (const file of [/\/ankommen-[0-9a-f]+\.js$/]) {
    const browser = await openBrowser({ width: 1280, height: 800, awaitApp: false });
    try {
      const { page } = browser;
      await page.route((url) => file.test(url.pathname), async (route) => {
        const response = await route.fetch();
        const body = await response.body();
        body[body.length - 2] ^= 1; // one bit, as a corrupted or tampered file
        await route.fulfill({ response, body });
      });
      await page.goto(server.url);
      await page.waitForTimeout(3000);
      assert.equal(await page.locator('.ak-first[lang="de"]').isVisible(), true, `${file}: the prerendered screen still shows`);
      assert.equal(await page.locator('.ak-app.is-pending').count(), 0, `${file}: the app never mounted`);
      assert.ok(browser.errors.some((e) => /integrity|digest/i.test(e)), `${file}: the browser names the integrity failure (${browser.errors})`);
    } finally {
      await browser.close();
    }
  }
});
