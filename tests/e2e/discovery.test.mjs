// End-to-end: discovery on the built app (search, filters with counts, near a place, details,
// deep links and history, map and list, phone views, legal links, long lists, reflow, motion).
// Every expectation about the catalogue is computed in JS (./catalog.mjs), never read back from
// the app. Each functional scenario runs on a phone (390x844) and a desktop (1280x800).
import { test, before, after } from 'node:test';
import assert, { reportAssertions } from './assert.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { openBrowser, foreignRequests, routeJsonCatalogue } from './browser.mjs';
import {
  catalog, config, outlineCount, KINDS, CATEGORIES, PROFESSIONS, label, browserToday, isCurrent, find, nearby,
  fold, words, searchFields, formatNumber, parseKm,
} from './catalog.mjs';

const VIEWPORTS = [
  ['phone', 390, 844],
  ['desktop', 1280, 800],
];
const LOAD = 15000; // the first paint of a fresh browser: WebAssembly compile and the catalogue
const STATE = 8000; // any later state the app reaches after an action

let server;
let big; // the generated 2000-entry catalogue
let bigDir;
reportAssertions(import.meta.url);

before(async () => {
  server = await serve(process.env.DIST ?? 'dist');
  const tool = 'target/debug/ankommen-catalog';
  if (!existsSync(tool)) execFileSync('cargo', ['build', '-p', 'ankommen-catalog'], { stdio: 'inherit' });
  bigDir = await mkdtemp(join(tmpdir(), 'ankommen-big-'));
  const file = join(bigDir, 'catalog.json');
  execFileSync(tool, ['generate', '--entries', '2000', '--seed', '7', '-o', file], { stdio: 'pipe' });
  big = JSON.parse(readFileSync(file, 'utf8'));
});
after(async () => {
  await server?.close();
  if (bigDir) await rm(bigDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// UI texts, from the same Fluent files the app is built from (single-line messages only).

const ftl = Object.fromEntries(
  ['de', 'en'].map((lang) => [
    lang,
    Object.fromEntries(
      readFileSync(new URL(`../../crates/core/i18n/${lang}.ftl`, import.meta.url), 'utf8')
        .split('\n')
        .map((line) => line.match(/^([a-z][a-z0-9-]*) = (.+)$/))
        .filter(Boolean)
        .map(([, key, value]) => [key, value.trim()]),
    ),
  ]),
);
const t = (lang, key, vars = {}) => ftl[lang][key].replace(/\{ \$(\w+) \}/g, (_, v) => vars[v]);
/** Whole numbers as the app writes them: "2.000" in German, "2,000" in English. */
const grouped = (n, lang) => String(n).replace(/\B(?=(\d{3})+$)/g, lang === 'de' ? '.' : ',');
const countText = (n, lang) =>
  lang === 'de'
    ? n === 0 ? 'Keine Ergebnisse' : n === 1 ? '1 Ergebnis' : `${grouped(n, 'de')} Ergebnisse`
    : n === 0 ? 'No results' : n === 1 ? '1 result' : `${grouped(n, 'en')} results`;
const filtersTitle = (n, lang) =>
  n === 0 ? (lang === 'de' ? 'Filter' : 'Filters') : lang === 'de' ? `Filter (${n} aktiv)` : `Filters (${n} active)`;
/** An entry's name as the UI shows it in `lang`: its translation, or German with the marker. */
const shownName = (entry, lang) =>
  lang === 'de' || entry.name[lang] ? entry.name[lang] ?? entry.name.de : `${entry.name.de} ${t(lang, 'fallback-german')}`;

// ---------------------------------------------------------------------------------------------
// Page helpers

async function open(options) {
  const browser = await openBrowser(options);
  browser.page.setDefaultTimeout(STATE);
  browser.warnings = [];
  browser.page.on('console', (m) => m.type() === 'warning' && browser.warnings.push(m.text()));
  return browser;
}

/** Every test ends here: no console error or CSP violation, nothing sent away, no cookie. */
async function assertClean(browser) {
  assert.deepEqual(browser.errors, [], 'no console error or CSP violation');
  assert.deepEqual(foreignRequests(browser.requests), [], 'no request left 127.0.0.1');
  assert.equal(await browser.page.evaluate(() => document.cookie), '', 'no cookie');
}

/** Waits for a state; a timeout is not thrown here, so the assertion after it shows the difference. */
async function settle(page, fn, arg, timeout = STATE) {
  await page.waitForFunction(fn, arg, { timeout }).catch(() => {});
}

async function goto(page, search = '') {
  await page.goto(server.url + search);
  await page.waitForSelector('.ak-count', { state: 'attached', timeout: LOAD });
}

const countIs = (page, text) => settle(page, (x) => document.querySelector('.ak-count')?.textContent === x, text);
const searchIs = (page, search) => settle(page, (s) => location.search === s, search);

/** The rendered result rows. */
const rows = (page) =>
  page.$$eval('.ak-list > li.ak-item', (lis) =>
    lis.map((li) => ({
      id: li.querySelector('h3 a').id.replace(/^ak-item-/, ''),
      name: li.querySelector('h3 a').textContent,
      meta: li.querySelector('.ak-item__meta').textContent,
      setsize: Number(li.getAttribute('aria-setsize')),
      pos: Number(li.getAttribute('aria-posinset')),
      open: li.classList.contains('is-open'),
    })),
  );
const rowIds = async (page) => (await rows(page)).map((r) => r.id);
const listIs = (page, ids) =>
  settle(page, (want) => JSON.stringify([...document.querySelectorAll('.ak-list > li.ak-item h3 a')].map((a) => a.id.slice(8))) === want, JSON.stringify(ids));

/** Every facet checkbox: { "kind:support": { label, count: "(3)", checked } }. */
const facetsShown = (page) =>
  page.$$eval('.ak-filters input[type=checkbox]', (inputs) =>
    Object.fromEntries(
      inputs.map((i) => {
        const choice = i.closest('label');
        return [
          `${i.name}:${i.value}`,
          {
            label: choice.querySelector('.ak-facet__label').textContent,
            count: choice.querySelector('.ak-facet__count').textContent,
            checked: i.checked,
          },
        ];
      }),
    ),
  );

/** What the facet checkboxes should say for `result` with `state` checked (profession and kind always listed). */
function facetsExpected(result, state, lang) {
  const out = {};
  const region = catalog.region;
  const show = (facet, id, text, always) => {
    const n = result.facets[facet][id] ?? 0;
    const checked = (state[facet] ?? []).includes(id);
    if (always || n > 0 || checked) out[`${facet}:${id}`] = { label: text, count: `(${n})`, checked };
  };
  PROFESSIONS.forEach((id) => show('profession', id, label(id, lang), true));
  KINDS.forEach((id) => show('kind', id, label(id, lang), true));
  CATEGORIES.forEach((id) => show('category', id, label(id, lang), false));
  Object.entries(region.districts).forEach(([id, name]) => show('district', id, name, false));
  Object.entries(region.municipalities).forEach(([id, m]) => show('municipality', id, m.name, false));
  return out;
}

async function openFilters(page) {
  if (!(await page.$eval('.ak-filters', (d) => d.open))) await page.locator('.ak-filters > summary').click();
  await page.waitForFunction(() => document.querySelector('.ak-filters').open);
}

const checkbox = (page, name, value) => page.locator(`.ak-filters input[name="${name}"][value="${value}"]`);

/** Cluster counts plus single markers, and the marker count the map reports. */
const mapState = (page) =>
  page.evaluate(() => {
    const map = document.querySelector('.ak-map');
    const clusters = [...map.querySelectorAll('.ak-cluster')].map((c) => Number(c.textContent));
    const singles = [...map.querySelectorAll('.leaflet-marker-icon.ak-marker')].map((m) => m.title);
    return {
      markerCount: Number(map.dataset.markerCount),
      entryCount: Number(map.dataset.entryCount),
      clustered: clusters.reduce((a, b) => a + b, 0),
      singles,
      shown: clusters.reduce((a, b) => a + b, 0) + singles.length,
    };
  });
/**
 * Shows the map pane as a visitor would when it is hidden (a phone's list view, which builds no
 * map until then: src/map.rs); whether it had to.
 */
async function showMap(page) {
  if (await page.locator('.ak-map-pane').isVisible()) return false;
  await page.getByRole('group', { name: 'Ansicht' }).getByRole('button', { name: 'Karte', exact: true }).click();
  await page.locator('.ak-map-pane').waitFor({ state: 'visible' });
  return true;
}
/** The map has placed every located result in a cluster or as a single marker. */
const mapSettled = (page, located) =>
  settle(
    page,
    (n) => {
      const map = document.querySelector('.ak-map');
      if (!map) return false;
      const clustered = [...map.querySelectorAll('.ak-cluster')].reduce((s, c) => s + Number(c.textContent), 0);
      return Number(map.dataset.markerCount) === n && clustered + map.querySelectorAll('.ak-marker').length === n;
    },
    located,
    LOAD,
  );

const located = (hits) => hits.filter((h) => h.entry.location).length;
const entryIndex = (id) => catalog.entries.findIndex((e) => e.id === id);
/** The place a row names: the entry's town, else its district. */
const placeOf = (e) => catalog.region.municipalities[e.municipality]?.name ?? catalog.region.districts[e.district] ?? '';

// ---------------------------------------------------------------------------------------------

for (const [device, width, height] of VIEWPORTS) {
  const size = `${device} ${width}x${height}`;

  test(`filters (${size}): facet counts match the catalogue, OR within a facet, AND across, clear-all resets`, async () => {
    const browser = await open({ width, height });
    try {
      const { page } = browser;
      await goto(page);
      const today = await browserToday(page);
      const all = find(catalog, today);
      await countIs(page, countText(all.hits.length, 'de'));
      assert.equal(await page.locator('.ak-count').textContent(), countText(all.hits.length, 'de'));
      assert.equal(await page.locator('.ak-filters').evaluate((d) => d.open), false, 'filters start folded');
      assert.equal(await page.locator('.ak-filters > summary').textContent(), 'Filter');
      assert.equal(await page.getByRole('button', { name: 'Alle Filter entfernen' }).getAttribute('aria-disabled'), 'true', 'nothing to clear yet');
      await openFilters(page);
      assert.deepEqual(await facetsShown(page), facetsExpected(all, {}, 'de'), 'unfiltered facet counts');

      const narrowed = { profession: ['doctor', 'pharmacist'], kind: ['support'] };
      const district = Object.keys(catalog.region.districts).find((d) => {
        const n = find(catalog, today, { ...narrowed, district: [d] }).hits.length;
        return n > 0 && n < find(catalog, today, narrowed).hits.length;
      });
      assert.ok(district, 'premise: a district has some, not all, support for doctors or pharmacists');
      const steps = [
        ['profession', 'doctor', { profession: ['doctor'] }, '?profession=doctor'],
        ['profession', 'pharmacist', { profession: ['doctor', 'pharmacist'] }, '?profession=doctor,pharmacist'],
        ['kind', 'support', { profession: ['doctor', 'pharmacist'], kind: ['support'] }, '?kind=support&profession=doctor,pharmacist'],
        [
          'district', district,
          { profession: ['doctor', 'pharmacist'], kind: ['support'], district: [district] },
          `?kind=support&profession=doctor,pharmacist&district=${district}`,
        ],
      ];
      let previous = all;
      for (const [name, value, query, search] of steps) {
        await checkbox(page, name, value).click();
        const want = find(catalog, today, query);
        await searchIs(page, search);
        await listIs(page, want.hits.map((h) => h.entry.id));
        assert.equal(await page.evaluate(() => location.search), search, `URL after ${name}=${value}`);
        assert.equal(await page.locator('.ak-count').textContent(), countText(want.hits.length, 'de'), `count after ${name}=${value}`);
        assert.deepEqual(await rowIds(page), want.hits.map((h) => h.entry.id), `results after ${name}=${value}`);
        assert.deepEqual(await facetsShown(page), facetsExpected(want, query, 'de'), `facet counts after ${name}=${value}`);
        const active = Object.values(query).flat().length;
        assert.equal(await page.locator('.ak-filters > summary').textContent(), filtersTitle(active, 'de'));
        assert.ok((await rows(page)).every((r) => {
          const e = catalog.entries[entryIndex(r.id)];
          return !e.professions?.length || e.professions.some((p) => query.profession.includes(p));
        }), 'every result is for a chosen profession, or for every profession');
        if (value === 'pharmacist') {
          // OR within a facet: adding a value never removes a result.
          const before = new Set(previous.hits.map((h) => h.entry.id));
          assert.ok([...before].every((id) => want.hits.some((h) => h.entry.id === id)), 'a second profession widens');
          assert.ok(want.hits.length > previous.hits.length, 'premise: pharmacists add results');
        } else if (name !== 'profession') {
          assert.ok(want.hits.length < previous.hits.length, `${name} narrows (AND across facets)`);
          assert.ok((await rows(page)).every((r) => {
            const e = catalog.entries[entryIndex(r.id)];
            return (name === 'kind' ? e.kind === value : e.district === value);
          }), `every result has ${name}=${value}`);
        }
        const map = await mapState(page);
        assert.equal(map.markerCount, located(want.hits), 'the map shows the located results');
        assert.equal(map.entryCount, want.hits.length, 'the map counts every result');
        previous = want;
      }

      await page.getByRole('button', { name: 'Alle Filter entfernen' }).click();
      await searchIs(page, '');
      await countIs(page, countText(all.hits.length, 'de'));
      assert.equal(await page.evaluate(() => location.search), '', 'clear-all leaves an empty query string');
      assert.equal(await page.locator('.ak-count').textContent(), countText(all.hits.length, 'de'));
      assert.deepEqual(await rowIds(page), all.hits.map((h) => h.entry.id), 'all results again');
      assert.deepEqual(await facetsShown(page), facetsExpected(all, {}, 'de'), 'nothing checked, counts as at start');
      assert.equal(await page.getByRole('button', { name: 'Alle Filter entfernen' }).getAttribute('aria-disabled'), 'true', 'cleared: nothing left to clear');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Alle Filter entfernen', 'focus stays on the button');
      assert.equal(await page.locator('.ak-filters > summary').textContent(), 'Filter');
      await assertClean(browser);
    } finally {
      await browser.close();
    }
  });

  test(`search (${size}): umlaut spellings, prefixes and synonyms find the same entries, best match first`, async () => {
    const browser = await open({ width, height });
    try {
      const { page } = browser;
      await goto(page);
      const today = await browserToday(page);
      const input = page.getByLabel('Suchen', { exact: true });
      assert.equal(await input.getAttribute('id'), 'ak-search-input');
      const search = async (text) => {
        await input.fill(text);
        const want = find(catalog, today, { q: text });
        await settle(page, (q) => new URL(location.href).searchParams.get('q') === q, text);
        await listIs(page, want.hits.map((h) => h.entry.id));
        assert.equal(await page.evaluate(() => new URL(location.href).searchParams.get('q')), text, `URL q for "${text}"`);
        assert.equal(await page.locator('.ak-count').textContent(), countText(want.hits.length, 'de'), `count for "${text}"`);
        const ids = await rowIds(page);
        assert.deepEqual(ids, want.hits.map((h) => h.entry.id), `results for "${text}"`);
        // The map follows: exactly the located results, alone or in a cluster's count, and no
        // marker of an earlier search left behind.
        const switched = await showMap(page);
        await mapSettled(page, located(want.hits));
        const map = await mapState(page);
        assert.equal(map.shown, located(want.hits), `the map shows the located results of "${text}"`);
        // Clusters updated in place keep their title in step with their number.
        const stale = await page.$$eval('.ak-map .ak-cluster', (cs) =>
          cs.filter((c) => !c.title.replace(/[.,]/g, "").startsWith(`${c.textContent} `)).map((c) => `${c.textContent}: ${c.title}`),
        );
        assert.deepEqual(stale, [], `cluster titles match their counts after "${text}"`);
        if (switched) await page.getByRole('group', { name: 'Ansicht' }).getByRole('button', { name: 'Liste', exact: true }).click();
        return ids;
      };

      const umlaut = await search('Lüdenscheid');
      assert.ok(umlaut.length > 0, '"Lüdenscheid" finds entries');
      assert.deepEqual(await search('luedenscheid'), umlaut, '"luedenscheid" = "Lüdenscheid"');
      assert.deepEqual(await search('ludenscheid'), umlaut, '"ludenscheid" = "Lüdenscheid"');
      assert.deepEqual((await search('lüden')).sort(), [...umlaut].sort(), 'the prefix "lüden" finds the same entries');

      // Synonyms: a result no word of which starts with the typed term was found through a
      // synonym (data/synonyms.txt), e.g. "GP" → "Allgemeinmedizin", "Kita" → "Kinderbetreuung".
      const viaSynonym = (ids, typed) =>
        ids.filter((id) => !searchFields(catalog.entries[entryIndex(id)], catalog.region).some(([, ws]) => ws.some((w) => w.startsWith(typed))));
      const gp = await search('GP');
      const hausarzt = await search('Hausarzt');
      const gpOnly = viaSynonym(gp, 'gp');
      assert.ok(gpOnly.length > 0, `"GP" finds entries that never say GP: ${gpOnly.join(', ')}`);
      assert.ok(
        gpOnly.some((id) => ['medical_practice', 'practice_takeover'].includes(catalog.entries[entryIndex(id)].category)),
        '…among them a medical practice or practice takeover',
      );
      const named = catalog.entries
        .filter((e) => isCurrent(e, today) && words(e.name.de).some((w) => w.startsWith('hausarzt')))
        .map((e) => e.id);
      assert.ok(named.length > 0 && named.every((id) => gp.includes(id)), '"GP" finds every entry named Hausarzt…');
      assert.deepEqual([...gp].sort(), [...hausarzt].sort(), '"GP" and "Hausarzt" find the same entries');
      const kita = await search('Kita');
      const childcare = await search('childcare');
      assert.ok(viaSynonym(kita, 'kita').length > 0, '"Kita" finds an entry through a synonym');
      assert.ok(viaSynonym(childcare, 'childcare').length > 0, '"childcare" finds an entry through a synonym');
      const care = catalog.entries.filter((e) => isCurrent(e, today) && e.category === 'childcare').map((e) => e.id);
      assert.ok(care.length > 0 && care.every((id) => kita.includes(id)), '"Kita" finds every childcare entry');
      assert.deepEqual([...kita].sort(), [...childcare].sort(), '"Kita" and "childcare" find the same entries');

      // Best match first: "Apotheke" in a name outranks "Apotheke" only in a description.
      const word = 'apotheke';
      const where = (e) => searchFields(e, catalog.region).filter(([, ws]) => ws.some((w) => w.startsWith(word))).map(([weight]) => weight);
      const inName = catalog.entries.filter((e) => isCurrent(e, today) && words(e.name.de).includes(word)).map((e) => e.id);
      const onlyDescription = catalog.entries
        .filter((e) => isCurrent(e, today) && where(e).length === 1 && where(e)[0] === 1)
        .map((e) => e.id);
      assert.ok(inName.length > 0 && onlyDescription.length > 0, 'premise: "Apotheke" is in names and in descriptions only');
      const ranked = await search('Apotheke');
      const last = Math.max(...inName.map((id) => ranked.indexOf(id)));
      const first = Math.min(...onlyDescription.map((id) => ranked.indexOf(id)));
      assert.ok(last >= 0 && first >= 0 && last < first, `"${catalog.entries[entryIndex(inName[0])].name.de}" comes before "${catalog.entries[entryIndex(onlyDescription[0])].name.de}"`);
      assert.ok(fold(ranked.map((id) => catalog.entries[entryIndex(id)].name.de)[0]).includes(word), 'the first result has the word in its name');

      await input.fill('');
      await searchIs(page, '');
      await countIs(page, countText(find(catalog, today).hits.length, 'de'));
      assert.equal(await page.evaluate(() => location.search), '', 'an empty search leaves no q');
      await assertClean(browser);
    } finally {
      await browser.close();
    }
  });

  test(`near a place (${size}): results within the radius, nearest first, district-wide entries kept`, async () => {
    const browser = await open({ width, height });
    try {
      const { page } = browser;
      await goto(page);
      const today = await browserToday(page);
      const place = '05962032'; // Lüdenscheid
      const radius = 10;
      await openFilters(page);
      await page.locator('#ak-near').selectOption(place);
      await searchIs(page, `?near=${place}&sort=distance`);
      assert.equal(await page.evaluate(() => location.search), `?near=${place}&sort=distance`, 'picking a place sorts by distance');
      assert.equal(await page.getByLabel('Sortieren').inputValue(), 'distance');
      await page.locator('#ak-radius').selectOption(String(radius));
      await searchIs(page, `?near=${place}&radius=${radius}&sort=distance`);
      assert.equal(await page.evaluate(() => location.search), `?near=${place}&radius=${radius}&sort=distance`);
      assert.equal(await page.locator('.ak-filters > summary').textContent(), filtersTitle(1, 'de'));

      const want = find(catalog, today, { near: place, radius, sort: 'distance' });
      await listIs(page, want.hits.map((h) => h.entry.id));
      assert.equal(await page.locator('.ak-count').textContent(), countText(want.hits.length, 'de'));
      const shown = await rows(page);
      assert.deepEqual(shown.map((r) => r.id), want.hits.map((h) => h.entry.id), 'the entries near the place');
      const distances = [];
      for (const row of shown) {
        const entry = catalog.entries[entryIndex(row.id)];
        const hit = want.hits.find((h) => h.entry.id === row.id);
        const km = entry.location ? `${formatNumber(hit.distance, 'de')} km` : null;
        assert.equal(row.meta, km ? `${placeOf(entry)} · ${km}` : placeOf(entry), `place and distance of "${row.id}"`);
        if (km) {
          assert.ok(parseKm(km) <= radius, `"${row.id}" is within ${radius} km`);
          distances.push(hit.distance);
        }
      }
      assert.ok(distances.length > 0, 'some located entries are near');
      assert.deepEqual(distances, [...distances].sort((a, b) => a - b), 'nearest first');
      assert.ok(shown.slice(distances.length).every((r) => !catalog.entries[entryIndex(r.id)].location), 'located entries before area entries');
      const districtWide = catalog.entries.filter((e) => isCurrent(e, today) && e.area === 'district' && e.district === place.slice(0, 5));
      assert.ok(districtWide.length > 0, 'premise: the district has district-wide entries');
      for (const e of districtWide) assert.ok(shown.some((r) => r.id === e.id), `district-wide "${e.id}" is still listed`);
      const outside = catalog.entries.find((e) => isCurrent(e, today) && e.location && !want.hits.some((h) => h.index === entryIndex(e.id)));
      assert.ok(!shown.some((r) => r.id === outside.id), 'an entry further away is not listed');
      assert.ok(shown.some((r) => /\d,\d km$/.test(r.meta)), 'German distances have a decimal comma');

      // The same view in English writes decimals with a point.
      await page.getByRole('button', { name: 'English' }).click();
      await countIs(page, countText(want.hits.length, 'en'));
      const english = await rows(page);
      const hit = want.hits.find((h) => h.distance !== null && formatNumber(h.distance, 'en').includes('.'));
      assert.ok(english.find((r) => r.id === hit.entry.id).meta.endsWith(` · ${formatNumber(hit.distance, 'en')} km`), 'English distances have a decimal point');
      await assertClean(browser);
    } finally {
      await browser.close();
    }
  });

  test(`details in German and English (${size}): phone link, report link, help nearby, Escape returns focus`, async () => {
    const browser = await open({ width, height });
    try {
      const { page } = browser;
      await goto(page);
      const today = await browserToday(page);
      const withPhone = catalog.entries.find((e) => isCurrent(e, today) && e.contact?.phone);
      const hospital = catalog.entries.find(
        (e, i) => isCurrent(e, today) && e.category === 'hospital' && nearby(catalog, today, i, 10).some((h) => h.distance !== null),
      );
      assert.ok(withPhone && hospital, 'premise: an entry with a phone and a hospital with help nearby');
      const labelsOf = (lang) => Object.entries(ftl[lang]).filter(([k]) => k.startsWith('details-')).map(([, v]) => v);

      for (const lang of ['de', 'en']) {
        await goto(page, `?lang=${lang}`);
        await countIs(page, countText(find(catalog, today).hits.length, lang));
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);

        // An entry with a phone number.
        await page.locator(`#ak-item-${withPhone.id}`).click();
        const details = page.locator('aside.ak-details');
        await details.waitFor();
        await settle(page, () => document.activeElement?.id === 'ak-details-title');
        assert.equal(await page.evaluate(() => new URL(location.href).searchParams.get('entry')), withPhone.id, 'URL names the entry');
        assert.equal(await details.getAttribute('aria-labelledby'), 'ak-details-title');
        assert.equal(await page.locator('#ak-details-title').textContent(), shownName(withPhone, lang), 'heading in the UI language');
        assert.equal(await page.evaluate(() => document.activeElement.id), 'ak-details-title', 'focus moves to the heading');
        const tel = `tel:${withPhone.contact.phone.replace(/[^\d+]/g, '')}`;
        assert.equal(await details.locator(`a[href="${tel}"]`).count(), 1, `a ${tel} link`);
        const dts = await details.locator('dl > dt').allTextContents();
        assert.ok(dts.includes(t(lang, 'details-phone')), `the phone field is labelled "${t(lang, 'details-phone')}"`);
        assert.ok(dts.every((d) => labelsOf(lang).includes(d)), `every field label is ${lang}: ${dts.join(', ')}`);
        const report = details.getByRole('link', { name: t(lang, 'details-report') });
        const href = await report.getAttribute('href');
        assert.ok(href.startsWith(`mailto:${catalog.maintainer.email}?subject=`), `report goes to the maintainer: ${href}`);
        const subject = decodeURIComponent(new URL(href).searchParams.get('subject') ?? href.split('subject=')[1]);
        assert.ok(subject.includes(`(${withPhone.id})`), `the subject names the entry id: ${subject}`);
        assert.equal(await page.locator(`#ak-item-${withPhone.id}`).evaluate((a) => a.closest('li').classList.contains('is-open')), true, 'its row is marked open');
        for (const link of await details.locator('a[target="_blank"]').all()) {
          assert.equal(await link.getAttribute('rel'), 'noopener noreferrer', 'external links open safely');
        }
        await page.keyboard.press('Escape');
        await details.waitFor({ state: 'detached' });
        await settle(page, (id) => document.activeElement?.id === id, `ak-item-${withPhone.id}`);
        assert.equal(await page.evaluate(() => document.activeElement.id), `ak-item-${withPhone.id}`, 'Escape returns focus to the row link');
        assert.equal(await page.evaluate(() => location.search), `?lang=${lang}`, 'closing removes entry from the URL');

        // A hospital: help nearby lists support, contacts and events around it.
        await page.locator(`#ak-item-${hospital.id}`).click();
        await details.waitFor();
        assert.equal(await page.locator('#ak-details-title').textContent(), shownName(hospital, lang));
        const section = details.getByRole('region', { name: t(lang, 'nearby-title') });
        assert.equal(await section.count(), 1, `a "${t(lang, 'nearby-title')}" section`);
        const want = nearby(catalog, today, entryIndex(hospital.id), 10);
        const items = await section.locator('li').evaluateAll((lis) =>
          lis.map((li) => ({
            id: new URL(li.querySelector('a').href).searchParams.get('entry'),
            kind: li.querySelector('.ak-icon').className.replace(/.*ak-icon--/, ''),
            text: li.textContent,
          })),
        );
        assert.deepEqual(items.map((i) => i.id), want.map((h) => h.entry.id), 'nearby entries, nearest first');
        assert.ok(items.every((i) => ['support', 'contact', 'event'].includes(i.kind)), 'only support, contacts and events');
        for (const [i, h] of want.entries()) {
          const suffix = h.distance === null ? t(lang, 'nearby-area') : `${formatNumber(h.distance, lang)} km`;
          assert.ok(items[i].text.endsWith(` · ${suffix}`), `"${h.entry.id}" ends with "${suffix}"`);
        }
        await details.getByRole('button', { name: t(lang, 'details-close') }).click();
        await details.waitFor({ state: 'detached' });
        await settle(page, (id) => document.activeElement?.id === id, `ak-item-${hospital.id}`);
        assert.equal(await page.evaluate(() => document.activeElement.id), `ak-item-${hospital.id}`, 'the close button returns focus too');
      }
      await assertClean(browser);
    } finally {
      await browser.close();
    }
  });

  test(`deep link (${size}): a view built by clicking, opened from its URL in a new browser, is the same view`, async () => {
    const first = await open({ width, height });
    let second;
    try {
      const { page } = first;
      await goto(page, '?lang=en');
      const today = await browserToday(page);
      const query = { q: 'pflege', kind: ['employer'], profession: ['nurse'], near: '05962032', sort: 'distance' };
      const want = find(catalog, today, query);
      assert.ok(want.hits.length > 1, 'premise: the view has results');
      const entry = want.hits[0].entry;

      await page.getByLabel('Search', { exact: true }).pressSequentially('pflege');
      await openFilters(page);
      await checkbox(page, 'kind', 'employer').click();
      await searchIs(page, '?lang=en&q=pflege&kind=employer');
      await checkbox(page, 'profession', 'nurse').click();
      await searchIs(page, '?lang=en&q=pflege&kind=employer&profession=nurse');
      await page.locator('#ak-near').selectOption(query.near);
      await listIs(page, want.hits.map((h) => h.entry.id));
      await page.locator(`#ak-item-${entry.id}`).click();
      await page.locator('aside.ak-details').waitFor();
      let expected = `?lang=en&q=pflege&kind=employer&profession=nurse&near=${query.near}&sort=distance&entry=${entry.id}`;
      if (device === 'phone') {
        await page.getByRole('button', { name: 'Map', exact: true }).click();
        expected += '&view=map';
      }
      await searchIs(page, expected);
      assert.equal(await page.evaluate(() => location.search), expected, 'the URL holds the whole view, in canonical order');

      second = await open({ width, height });
      const other = second.page;
      await goto(other, `${expected}&kind=hospitl&radius=0`);
      await other.locator('aside.ak-details').waitFor();
      await countIs(other, countText(want.hits.length, 'en'));
      assert.equal(await other.locator('.ak-count').textContent(), countText(want.hits.length, 'en'), 'same count');
      assert.equal(await other.evaluate(() => document.documentElement.lang), 'en', 'same language');
      assert.equal(await other.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
      assert.equal(await other.locator('#ak-search-input').inputValue(), 'pflege', 'same search text');
      const checked = await other.$$eval('.ak-filters input:checked', (is) => is.map((i) => `${i.name}:${i.value}`).sort());
      assert.deepEqual(checked, ['kind:employer', 'profession:nurse'], 'same boxes checked');
      assert.equal(await other.locator('#ak-near').inputValue(), query.near, 'same place');
      assert.equal(await other.getByLabel('Sort by').inputValue(), 'distance', 'same sort');
      assert.equal(await other.locator('#ak-details-title').textContent(), shownName(entry, 'en'), 'same entry open');
      assert.deepEqual(await rowIds(other), await rowIds(page), 'same results in the same order');
      if (device === 'phone') {
        assert.equal(await other.getByRole('button', { name: 'Map', exact: true }).getAttribute('aria-pressed'), 'true', 'the map view is chosen');
      }
      assert.ok(other.url().includes('kind=hospitl'), 'the app does not rewrite the address on load');
      assert.ok(second.warnings.some((w) => w.includes('kind') && w.includes('hospitl')), 'an unknown kind is named in a console warning');
      assert.ok(second.warnings.some((w) => w.includes('radius') && w.includes('"0"')), 'an invalid radius is named in a console warning');
      await assertClean(first);
      await assertClean(second);
    } finally {
      await first.close();
      await second?.close();
    }
  });

  test(`history (${size}): a filter is one back step, typing is none; back and forward restore the filters`, async () => {
    const browser = await open({ width, height });
    try {
      const { page } = browser;
      await goto(page);
      const today = await browserToday(page);
      const length = () => page.evaluate(() => history.length);
      const start = await length();

      await page.locator('#ak-search-input').pressSequentially('Pfl');
      await searchIs(page, '?q=Pfl');
      assert.equal(await page.evaluate(() => location.search), '?q=Pfl', 'typing updates the URL');
      assert.equal(await length(), start, 'typing three letters adds no history entry');

      await openFilters(page);
      const views = [
        ['?q=Pfl', { q: 'Pfl' }, []],
        ['?q=Pfl&kind=employer', { q: 'Pfl', kind: ['employer'] }, ['kind:employer']],
        ['?q=Pfl&kind=employer&profession=nurse', { q: 'Pfl', kind: ['employer'], profession: ['nurse'] }, ['kind:employer', 'profession:nurse']],
      ];
      const assertView = async ([search, query, boxes], what) => {
        const want = find(catalog, today, query);
        await searchIs(page, search);
        await listIs(page, want.hits.map((h) => h.entry.id));
        assert.equal(await page.evaluate(() => location.search), search, `${what}: URL`);
        assert.deepEqual(await page.$$eval('.ak-filters input:checked', (is) => is.map((i) => `${i.name}:${i.value}`).sort()), boxes, `${what}: checked boxes`);
        assert.equal(await page.locator('#ak-search-input').inputValue(), 'Pfl', `${what}: search text`);
        assert.equal(await page.locator('.ak-count').textContent(), countText(want.hits.length, 'de'), `${what}: count`);
        assert.deepEqual(await rowIds(page), want.hits.map((h) => h.entry.id), `${what}: results`);
      };
      await checkbox(page, 'kind', 'employer').click();
      await assertView(views[1], 'kind checked');
      assert.equal(await length(), start + 1, 'checking a filter adds one history entry');
      await checkbox(page, 'profession', 'nurse').click();
      await assertView(views[2], 'profession checked');
      assert.equal(await length(), start + 2, 'each filter adds one');

      await page.goBack();
      await assertView(views[1], 'back once');
      await page.goBack();
      await assertView(views[0], 'back twice');
      await page.goForward();
      await assertView(views[1], 'forward');
      await page.goForward();
      await assertView(views[2], 'forward again');
      await assertClean(browser);
    } finally {
      await browser.close();
    }
  });

  test(`map and list (${size}): a marker opens its details and marks the row; ${
    device === 'desktop' ? 'an entry opened from the list highlights its marker' : 'closing returns to the map'
  }`, async () => {
    const browser = await open({ width, height });
    try {
      const { page } = browser;
      // A phone shows the map when the URL asks for it.
      await goto(page, device === 'phone' ? '?view=map' : '');
      const today = await browserToday(page);
      const all = find(catalog, today);
      await mapSettled(page, located(all.hits));
      const state = await mapState(page);
      assert.equal(state.shown, located(all.hits), 'every located entry is in a cluster or a single marker');
      assert.ok(state.singles.length > 0, 'premise: some marker stands alone');

      const title = state.singles[0];
      const entry = all.hits.find((h) => h.entry.name.de === title).entry;
      await page.locator(`.ak-map .ak-marker[title="${title}"]`).click();
      await page.locator('aside.ak-details').waitFor();
      await settle(page, (id) => document.getElementById(`ak-item-${id}`)?.closest('li').classList.contains('is-open'), entry.id);
      assert.equal(await page.evaluate(() => new URL(location.href).searchParams.get('entry')), entry.id, 'the marker opened its entry');
      assert.equal(await page.locator('#ak-details-title').textContent(), shownName(entry, 'de'));
      assert.deepEqual((await rows(page)).filter((r) => r.open).map((r) => r.id), [entry.id], 'its list row, and only it, is open');

      if (device === 'desktop') {
        await settle(page, (name) => document.querySelector('.ak-marker.is-open')?.title === name, title);
        assert.deepEqual(await page.$$eval('.ak-marker.is-open', (ms) => ms.map((m) => m.title)), [title], 'the clicked marker is highlighted');
        await page.keyboard.press('Escape');
        await page.locator('aside.ak-details').waitFor({ state: 'detached' });
        assert.equal(await page.locator('.ak-marker.is-open').count(), 0, 'closing removes the highlight');

        // An entry hidden in a cluster: opening it from the list brings its marker out.
        const singles = new Set((await mapState(page)).singles);
        const hidden = all.hits.find((h) => h.entry.location && !singles.has(h.entry.name.de)).entry;
        await page.locator(`#ak-item-${hidden.id}`).click();
        await page.locator('aside.ak-details').waitFor();
        await settle(page, (name) => document.querySelector('.ak-marker.is-open')?.title === name, hidden.name.de);
        assert.deepEqual(await page.$$eval('.ak-marker.is-open', (ms) => ms.map((m) => m.title)), [hidden.name.de], 'its marker is unclustered and highlighted');
        assert.deepEqual((await rows(page)).filter((r) => r.open).map((r) => r.id), [hidden.id], 'and its row is the open one');
      } else {
        // On a phone the details replace the map; closing shows the map again.
        await page.keyboard.press('Escape');
        await page.locator('aside.ak-details').waitFor({ state: 'detached' });
        await page.locator('.ak-map').waitFor({ state: 'visible' });
        assert.equal(await page.evaluate(() => location.search), '?view=map', 'back on the map view');
        assert.equal(await page.locator('.ak-results').isVisible(), false, 'the list stays hidden');
        await assertClean(browser);
        await settle(page, () => document.activeElement && document.activeElement !== document.body, null, 2000);
        // The entry's list link is hidden here, so focus cannot go back to it; it must not be dropped either.
        assert.notEqual(
          await page.evaluate(() => document.activeElement?.tagName),
          'BODY',
          'closing details opened from the map leaves keyboard focus on an element, not on <body>',
        );
        return;
      }
      await assertClean(browser);
    } finally {
      await browser.close();
    }
  });

  test(`language and legal links (${size}): browser language, stored choice and URL; footer links in German and English`, async () => {
    const browser = await open({ width, height, locale: 'en-US' });
    try {
      const { page } = browser;
      const footer = async (lang) => {
        const links = await page.locator('.ak-footer a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
        assert.deepEqual(
          links,
          [
            [t(lang, 'legal-imprint'), config.legal.imprint],
            [t(lang, 'legal-privacy'), config.legal.privacy],
            [t(lang, 'legal-accessibility'), config.legal.accessibility],
            [t(lang, 'legal-accessibility-feedback'), config.legal.accessibilityFeedback],
          ],
          `legal links in ${lang}`,
        );
      };
      const language = async (lang) => {
        await settle(page, (l) => document.documentElement.lang === l, lang);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `<html lang="${lang}">`);
        const nav = page.getByRole('navigation', { name: t(lang, 'language-switch') });
        assert.equal(await nav.getByRole('button', { name: 'Deutsch' }).getAttribute('aria-pressed'), String(lang === 'de'));
        assert.equal(await nav.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), String(lang === 'en'));
      };

      await goto(page);
      await page.locator('.ak-footer').waitFor();
      await language('en');
      await footer('en');

      await page.getByRole('button', { name: 'Deutsch' }).click();
      await searchIs(page, '?lang=de');
      await language('de');
      await footer('de');
      assert.equal(await page.evaluate(() => localStorage.getItem('ankommen.language')), 'de', 'the choice is stored on the device');

      await goto(page);
      await page.locator('.ak-footer').waitFor();
      await language('de');
      assert.equal(await page.locator('#ak-search-input').evaluate((i) => i.labels[0].textContent), 'Suchen', 'the stored choice beats the browser language');

      await goto(page, '?lang=en');
      await page.locator('.ak-footer').waitFor();
      await language('en');
      await footer('en');
      await assertClean(browser);
    } finally {
      await browser.close();
    }
  });

  test(`virtualised list (${size}): 2000 generated entries render a window with aria-setsize/posinset; the bottom is reachable`, async () => {
    const browser = await open({ width, height });
    try {
      const { page } = browser;
      await routeJsonCatalogue(page, big);
      await goto(page);
      const today = await browserToday(page);
      const want = find(big, today);
      const total = want.hits.length;
      assert.ok(total > 150, 'premise: more results than are ever rendered at once');
      await countIs(page, countText(total, 'de'));
      assert.equal(await page.locator('.ak-count').textContent(), countText(total, 'de'));
      const check = async (where) => {
        const shown = await rows(page);
        assert.ok(shown.length > 0 && shown.length < 100, `${where}: ${shown.length} rows rendered, fewer than 100`);
        assert.ok(shown.every((r) => r.setsize === total), `${where}: every row has aria-setsize=${total}`);
        assert.deepEqual(shown.map((r) => r.pos), shown.map((_, i) => shown[0].pos + i), `${where}: aria-posinset is consecutive`);
        assert.deepEqual(shown.map((r) => r.id), want.hits.slice(shown[0].pos - 1, shown[0].pos - 1 + shown.length).map((h) => h.entry.id), `${where}: the rows are those results`);
        return shown;
      };
      const top = await check('top');
      assert.equal(top[0].pos, 1, 'the list starts at the first result');
      await page.locator('.ak-results__scroller').evaluate((s) => { s.scrollTop = s.scrollHeight; });
      await settle(page, (n) => document.querySelector(`.ak-list > li[aria-posinset="${n}"]`), total);
      const bottom = await check('bottom');
      assert.equal(bottom.at(-1).pos, total, 'scrolled to the bottom, the last result is rendered');
      assert.equal(bottom.at(-1).id, want.hits.at(-1).entry.id);
      await assertClean(browser);
    } finally {
      await browser.close();
    }
  });

  test(`reduced motion (${size}): the map starts without zoom animation when the user asks for less motion`, async () => {
    const browser = await open({ width, height });
    try {
      const { page } = browser;
      // Leaflet 1.9's vector renderer always gives its <svg> the class leaflet-zoom-animated
      // (for its transform origin, whatever the map's options), so that one element is not counted.
      const load = async () => {
        await goto(page);
        const today = await browserToday(page);
        await showMap(page);
        await mapSettled(page, located(find(catalog, today).hits));
        await settle(page, (n) => document.querySelectorAll('.ak-map .leaflet-overlay-pane path').length === n, outlineCount, LOAD);
        assert.equal(await page.locator('.ak-map .leaflet-overlay-pane path').count(), outlineCount, 'the map is drawn');
        return page.evaluate(() => ({
          animated: [...document.querySelectorAll('.leaflet-zoom-animated')]
            .filter((e) => !(e.tagName.toLowerCase() === 'svg' && e.parentElement.classList.contains('leaflet-overlay-pane')))
            .map((e) => e.className),
          proxy: document.querySelectorAll('.leaflet-proxy').length,
          fade: document.querySelector('.ak-map').classList.contains('leaflet-fade-anim'),
        }));
      };
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const still = await load();
      assert.deepEqual(still.animated, [], 'with reduced motion no element is zoom-animated');
      assert.equal(still.proxy, 0, 'no zoom-animation proxy');
      assert.equal(still.fade, false, 'no fade animation');
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      const moving = await load();
      assert.ok(moving.animated.length > 0, 'without it, the map animates zooming');
      assert.equal(moving.proxy, 1, 'with a zoom-animation proxy');
      await assertClean(browser);
    } finally {
      await browser.close();
    }
  });
}

test('phone view switch (phone 390x844): "Karte" shows the map of the region, back returns to the list', async () => {
  const browser = await open({ width: 390, height: 844 });
  try {
    const { page } = browser;
    await goto(page);
    const today = await browserToday(page);
    const all = find(catalog, today);
    await countIs(page, countText(all.hits.length, 'de'));
    const group = page.getByRole('group', { name: 'Ansicht' });
    const list = group.getByRole('button', { name: 'Liste', exact: true });
    const map = group.getByRole('button', { name: 'Karte', exact: true });
    const both = group.getByRole('button', { name: 'Liste und Karte' });
    assert.equal(await list.getAttribute('aria-pressed'), 'true');
    assert.equal(await map.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.locator('.ak-results').isVisible(), true, 'the list shows');
    assert.equal(await page.locator('.ak-map-pane').isVisible(), false, 'the map does not');
    const start = await page.evaluate(() => history.length);

    await map.click();
    await searchIs(page, '?view=map');
    await page.locator('.ak-map-pane').waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => location.search), '?view=map');
    assert.equal(await page.evaluate(() => history.length), start + 1, 'one history entry');
    assert.equal(await map.getAttribute('aria-pressed'), 'true');
    assert.equal(await list.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.locator('.ak-results').isVisible(), false, 'the list is hidden');
    assert.equal(await page.locator('.ak-legend').isVisible(), true, 'the legend shows');
    assert.deepEqual(
      await page.locator('.ak-legend li').evaluateAll((lis) => lis.slice(0, 5).map((li) => li.textContent)),
      KINDS.map((k) => label(k, 'de')),
      'the legend lists the five kinds',
    );
    await mapSettled(page, located(all.hits));
    assert.equal((await mapState(page)).shown, located(all.hits), 'every located entry is on the map');
    // Measured now (once the map has had time to frame the region), asserted last: how much of
    // the map the region's outlines fill, and into how many clusters and markers it falls.
    const framingOf = (check) => {
      const box = document.querySelector('.ak-map').getBoundingClientRect();
      const paths = [...document.querySelectorAll('.ak-map .leaflet-overlay-pane path')].map((p) => p.getBoundingClientRect());
      const left = Math.max(box.left, Math.min(...paths.map((r) => r.left)));
      const right = Math.min(box.right, Math.max(...paths.map((r) => r.right)));
      const framing = { share: (right - left) / box.width, groups: document.querySelectorAll('.ak-map .ak-cluster, .ak-map .ak-marker').length };
      return check ? framing.share >= 0.5 && framing.groups > 1 : framing;
    };
    await settle(page, framingOf, true, 3000);
    const framing = await page.evaluate(framingOf, false);

    await page.goBack();
    await searchIs(page, '');
    await page.locator('.ak-results').waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => location.search), '', 'back leaves the map view');
    assert.equal(await page.locator('.ak-map-pane').isVisible(), false, 'the map is hidden again');
    assert.equal(await list.getAttribute('aria-pressed'), 'true');

    // "Liste und Karte" shows both, one above the other.
    await both.click();
    await searchIs(page, '?view=both');
    await page.locator('.ak-map-pane').waitFor({ state: 'visible' });
    assert.equal(await both.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('.ak-results').isVisible(), true, 'the list shows with the map');
    const [listBox, mapBox] = await Promise.all(['.ak-results', '.ak-map-pane'].map((s) => page.locator(s).boundingBox()));
    assert.ok(mapBox.y >= listBox.y + listBox.height - 1, 'the map is below the list');
    await assertClean(browser);

    assert.ok(
      framing.share >= 0.5 && framing.groups > 1,
      `the map, first shown after the switch, frames the region: outlines span ${Math.round(framing.share * 100)} % of its width (want >= 50 %), ${framing.groups} clusters/markers (want > 1)`,
    );
  } finally {
    await browser.close();
  }
});

for (const [width, height, what] of [
  [320, 640, '320x640 (a small phone)'],
  [640, 400, '640x400 (1280x800 at 200 % zoom)'],
]) {
  test(`reflow at ${what}: no horizontal scrolling with the filters open and with details open`, async () => {
    const browser = await open({ width, height });
    try {
      const { page } = browser;
      await goto(page);
      await page.locator('.ak-item').first().waitFor();
      const overflow = () =>
        page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth }));
      await openFilters(page);
      const filters = await overflow();
      await page.locator('.ak-item h3 a').first().click();
      await page.locator('aside.ak-details').waitFor();
      const details = await overflow();
      const problems = [['filters open', filters], ['details open', details]]
        .filter(([, m]) => m.scrollWidth > m.innerWidth)
        .map(([state, m]) => `${state}: page is ${m.scrollWidth} px wide in a ${m.innerWidth} px viewport`);
      await assertClean(browser);
      assert.deepEqual(problems, [], 'no horizontal scrolling');
    } finally {
      await browser.close();
    }
  });
}

test('an entry without an English text shows the German one, marked, in the English UI', async () => {
  const untranslated = structuredClone(catalog);
  const entry = untranslated.entries[0];
  delete entry.name.en;
  delete entry.description.en;
  const browser = await open({ width: 1280, height: 800 });
  try {
    const { page } = browser;
    await routeJsonCatalogue(page, untranslated);
    await goto(page, `?lang=en&entry=${entry.id}`);
    const link = page.locator(`#ak-item-${entry.id}`);
    await link.waitFor();
    assert.equal(await link.locator('[lang="de"]').textContent(), entry.name.de, 'the German name, marked lang="de"');
    assert.match(await link.textContent(), new RegExp(`${t('en', 'fallback-german').replace(/[()]/g, '\\$&')}$`), 'the list marks the fallback');
    const details = page.locator('aside.ak-details');
    await details.waitFor();
    assert.equal(await details.locator('h2 [lang="de"]').textContent(), entry.name.de);
    assert.ok(
      (await details.locator('[lang="de"]').allTextContents()).includes(entry.description.de),
      'the German description, marked lang="de"',
    );
    assert.equal(await details.locator('.ak-fallback').count() >= 2, true, 'name and description carry the marker');
    // Map markers are titled in the UI language too (German where there is no English).
    await page.waitForSelector('.ak-map .ak-marker');
    const english = new Set(untranslated.entries.map((e) => e.name.en ?? e.name.de));
    const titles = await page.$$eval('.ak-map .ak-marker', (ms) => ms.map((m) => m.title));
    assert.ok(titles.length > 0 && titles.every((title) => english.has(title)), `marker titles in English: ${titles.slice(0, 3).join(' | ')}`);
    // A translated entry shows no marker.
    const other = catalog.entries[2];
    assert.equal(await page.locator(`#ak-item-${other.id} .ak-fallback`).count(), 0);
    assert.equal((await page.locator(`#ak-item-${other.id}`).textContent()).trim(), other.name.en);
    await assertClean(browser);
  } finally {
    await browser.close();
  }
});
