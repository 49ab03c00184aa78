// End-to-end: a nationwide published set (401 districts) is loaded where the user looks. A
// widget locked to one district and a link to a district fetch the manifest and that
// district's chunks and nothing else; zoomed out, the country shows counts per district from
// the manifest; a district chosen, or the map zoomed in, fetches what the view needs.
import { test, before, after } from 'node:test';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert, { reportAssertions } from './assert.mjs';
import { serve } from './server.mjs';
import { openBrowser, assertClean } from './browser.mjs';
import { browserToday, find, formatNumber } from './catalog.mjs';
import { shape } from './shape.mjs';

const LOAD = 20000;
const CLI = process.env.ANKOMMEN_CLI ?? 'target/debug/ankommen-catalog';
const OLPE = '05966';

let dir;
let server;
let national; // the catalogue document
let manifest;
reportAssertions(import.meta.url);

before(async () => {
  // A copy of the build whose bundled set is a nationwide one: 3,000 entries, loaded by
  // district and view above 1,000 (a real one: 200,000 entries, the default 120,000), a view
  // loading at most 400.
  dir = await mkdtemp(join(tmpdir(), 'ankommen-national-'));
  await cp(process.env.DIST ?? 'dist', dir, { recursive: true });
  await rm(join(dir, 'data'), { recursive: true, force: true });
  const source = join(dir, 'national.json');
  execFileSync(CLI, ['generate', '--nationwide', '--entries', '3000', '--seed', '5', '-o', source]);
  execFileSync(CLI, ['publish', source, '-o', join(dir, 'data'), '--load-whole', '1000', '--view-entries', '400', '--site', dir, '--site-url', 'https://ankommen.example/']);
  national = JSON.parse(await readFile(source, 'utf8'));
  manifest = JSON.parse(await readFile(join(dir, 'data', 'manifest.json'), 'utf8'));
  server = await serve(dir);
});
after(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The files of the published set a page fetched, by name. */
const dataFiles = (requests) =>
  requests.filter((url) => new URL(url).pathname.startsWith('/data/')).map((url) => new URL(url).pathname.slice('/data/'.length));

/** The chunk files a view of `district` needs (German texts): its own, and those of the
 * offers for the whole region, which apply in every district. */
function chunkFiles(district) {
  const d = manifest.districts.find((x) => x.key === district);
  const wide = manifest.chunks.map((c, n) => (c.regionWide ? n : null)).filter((n) => n !== null);
  return [...new Set([...d.chunks, ...wide])].flatMap((n) => {
    const c = manifest.chunks[n];
    return [c.entriesFile.name, c.index.name, c.texts.de.name];
  });
}

const count = async (page) => Number((await page.locator('.ak-count').textContent()).replace(/\D/g, ''));

for (const [name, query] of [
  ['a widget locked to one district', `?embed=1&district=${OLPE}&lock=district`],
  ['a first visit to a district link', `?district=${OLPE}`],
]) {
  test(`${name} fetches the manifest and that district's chunks, nothing else of the set`, async () => {
    assert.ok(manifest.districts.length >= 400, `premise: a nationwide set (${manifest.districts.length} districts)`);
    assert.ok(manifest.entries > manifest.loadWhole, 'premise: too large to be loaded whole');
    const browser = await openBrowser({ width: 1280, height: 800 });
    const { page } = browser;
    try {
      await page.goto(server.url + query);
      await page.locator('.ak-item').first().waitFor({ timeout: LOAD });
      const today = await browserToday(page);
      const want = find(national, today, { district: [OLPE] }).hits.length;
      assert.ok(want > 0, 'premise: the district has current entries');
      assert.equal(await count(page), want, "the district's entries, all of them");
      await page.waitForTimeout(500); // anything else the page would fetch has been asked for
      const fetched = dataFiles(browser.requests);
      // The manifest, the district's chunks, and the excerpts pages of the rows on screen.
      const chunks = chunkFiles(OLPE);
      const stems = new Set(chunks.map((name) => name.split('-').slice(0, 2).join('-')));
      const excerpts = fetched.filter((name) => name.includes('-excerpts-de-'));
      assert.ok(excerpts.length > 0 && excerpts.every((name) => stems.has(name.split('-').slice(0, 2).join('-'))), `${excerpts}`);
      assert.deepEqual(fetched.filter((name) => !excerpts.includes(name)).sort(), ['manifest.json', ...chunks].sort());
      await assertClean(assert, browser);
    } finally {
      await browser.close();
    }
  });
}

test('zoomed out, the whole country shows counts per district from the manifest, and a chosen district loads', async () => {
  const browser = await openBrowser({ width: 1280, height: 800 });
  const { page } = browser;
  try {
    await page.goto(server.url);
    const overview = page.locator('.ak-overview');
    await overview.waitFor({ timeout: LOAD });
    assert.deepEqual(dataFiles(browser.requests), ['manifest.json'], 'no entries fetched for a zoomed-out country');
    const withEntries = manifest.districts.filter((d) => d.entries > 0);
    assert.equal(await overview.locator('li').count(), withEntries.length, 'every district with its count');
    assert.match(await page.locator('.ak-count').textContent(), new RegExp(`${formatNumber(manifest.entries, 'de')}.*${withEntries.length}`));
    // The map: a count per district, those that would cover each other merged; their sum the
    // whole set.
    await page.locator('.ak-map .ak-cluster').first().waitFor();
    const counts = (await page.locator('.ak-map .ak-cluster').allTextContents()).map(Number);
    const located = withEntries.filter((d) => d.bounds);
    assert.ok(counts.length > 20 && counts.length < located.length / 2, `${counts.length} markers for ${located.length} districts`);
    assert.equal(counts.reduce((a, b) => a + b, 0), located.reduce((a, d) => a + d.entries, 0));
    // No two markers cover each other's centre (markers are at most 40 px wide).
    const centres = await page.locator('.ak-map .ak-cluster').evaluateAll((all) =>
      all.map((m) => {
        const r = m.getBoundingClientRect();
        return [r.x + r.width / 2, r.y + r.height / 2];
      }),
    );
    const close = centres.flatMap((a, i) => centres.slice(i + 1).filter((b) => Math.hypot(a[0] - b[0], a[1] - b[1]) < 20));
    assert.deepEqual(close, [], 'no marker hides another');
    // Kind filters count from the manifest too.
    await page.goto(`${server.url}?kind=employer`);
    await overview.waitFor({ timeout: LOAD });
    const employers = national.entries.filter((e) => e.kind === 'employer').length;
    assert.match(await page.locator('.ak-count').textContent(), new RegExp(`^${formatNumber(employers, 'de')} `));

    // Choosing a district in the list loads it.
    const olpe = manifest.districts.find((d) => d.key === OLPE);
    await overview.getByRole('link', { name: new RegExp(`^${olpe.name}:`) }).click();
    await page.locator('.ak-item').first().waitFor({ timeout: LOAD });
    const today = await browserToday(page);
    assert.equal(await count(page), find(national, today, { district: [OLPE], kind: ['employer'] }).hits.length);
    assert.ok(new URL(page.url()).searchParams.get('district') === OLPE, 'the choice is in the URL');
    for (const file of chunkFiles(OLPE)) assert.ok(dataFiles(browser.requests).includes(file), `${file} fetched`);
    await assertClean(assert, browser);
  } finally {
    await browser.close();
  }
});

test("the prerendered first screen of the nationwide set is its overview, as the app's first render", async () => {
  const prerendered = await (async () => {
    const browser = await openBrowser({ javaScript: false });
    try {
      await browser.page.goto(server.url);
      return await browser.page.locator('.ak-first[lang="de"]').evaluate(shape, { rows: 20, suffix: '' });
    } finally {
      await browser.close();
    }
  })();
  const browser = await openBrowser({});
  try {
    const { page } = browser;
    await page.goto(server.url);
    await page.locator('.ak-overview a').first().waitFor({ timeout: LOAD });
    const ours = await page.locator('.ak-app').evaluate(shape, { rows: 20, suffix: '' });
    assert.deepEqual(ours, prerendered, "the app's first screen equals the prerendered one");
    assert.equal(
      await page.locator('.ak-overview a').count(),
      manifest.districts.filter((d) => d.entries > 0).length,
      'one link per district with entries',
    );
    await assertClean(assert, browser);
  } finally {
    await browser.close();
  }
});

test('a click on a district on the zoomed-out map zooms in and loads the districts in view', async () => {
  const browser = await openBrowser({ width: 1280, height: 800 });
  const { page } = browser;
  try {
    // Without animations (the app honours reduced motion): each click's zoom is done at once.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${server.url}?view=both`);
    await page.locator('.ak-map .ak-cluster').first().waitFor({ timeout: LOAD });
    const before = dataFiles(browser.requests).length;
    // The largest marker in the map's frame, until entries show: a marker of several districts
    // zooms to all of them, which may still be too many to load; then the largest one in view.
    // In the page: once the map has settled on other markers than `previous`, the largest one
    // inside the frame ('entries' when entries show instead).
    const settled = (previous) => {
      if (document.querySelector('.ak-item')) return 'entries';
      const map = document.querySelector('.ak-map');
      const frame = map.getBoundingClientRect();
      const inside = [...map.querySelectorAll('.ak-cluster')].filter((m) => {
        const r = m.getBoundingClientRect();
        return r.left >= frame.left && r.right <= frame.right && r.top >= frame.top && r.bottom <= frame.bottom;
      });
      const texts = inside.map((m) => m.textContent);
      if (texts.length === 0 || JSON.stringify(texts) === previous) return null;
      return JSON.stringify([texts.reduce((a, b) => (Number(b) > Number(a) ? b : a)), JSON.stringify(texts)]);
    };
    let shown = '';
    for (let click = 0; click < 6; click += 1) {
      const next = await (await page.waitForFunction(settled, shown, { timeout: LOAD })).jsonValue();
      if (next === 'entries') break;
      const [largest, texts] = JSON.parse(next);
      shown = texts;
      await page.locator('.ak-map .ak-cluster', { hasText: new RegExp(`^${largest}$`) }).first().click();
    }
    await page.locator('.ak-item').first().waitFor({ timeout: LOAD });
    const fetched = dataFiles(browser.requests).slice(before);
    const loaded = new Set(fetched.map((f) => f.slice(0, 5)));
    assert.ok(loaded.size >= 1 && loaded.size < 20, `only the districts in view: ${[...loaded]}`);
    for (const key of loaded) {
      for (const file of chunkFiles(key)) assert.ok(fetched.includes(file), `${file} fetched for the view`);
    }
    // The list holds exactly the entries of the districts in view.
    const today = await browserToday(page);
    assert.equal(await count(page), find(national, today, { district: [...loaded] }).hits.length);
    await assertClean(assert, browser);
  } finally {
    await browser.close();
  }
});
