// End-to-end: a published set whose files go bad on the server. A chunk whose bytes do not
// match its hash (damaged, cut short), a missing chunk, a manifest of a newer major version,
// a manifest that points outside its origin: each gets its own message, the last good copy
// kept on the device stays on screen, and nothing panics. Without a kept copy, the districts
// whose files are fine still show.
import { test, before, after } from 'node:test';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert, { reportAssertions } from './assert.mjs';
import { serve } from './server.mjs';
import { openBrowser, assertClean } from './browser.mjs';
import { catalog, browserToday, find } from './catalog.mjs';

const LOAD = 20000;
const CLI = process.env.ANKOMMEN_CLI ?? 'target/debug/ankommen-catalog';
reportAssertions(import.meta.url);

const temporary = [];
after(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/** A copy of the build, served; `publish(doc)` publishes another catalogue into its data/. */
async function deploy() {
  const dir = await mkdtemp(join(tmpdir(), 'ankommen-published-'));
  temporary.push(dir);
  await cp(process.env.DIST ?? 'dist', dir, { recursive: true });
  const server = await serve(dir);
  const publish = async (doc, ...options) => {
    const source = join(dir, 'source.json');
    await writeFile(source, JSON.stringify(doc));
    execFileSync(CLI, ['publish', source, '-o', join(dir, 'data'), ...options]);
    return JSON.parse(await readFile(join(dir, 'data', 'manifest.json'), 'utf8'));
  };
  return { dir, server, publish };
}

const count = async (page) => Number((await page.locator('.ak-count').textContent()).replace(/\D/g, ''));
const notices = (page) => page.locator('.ak-notice').allTextContents();
/** The failed requests are the subject of these tests; nothing else may fail. */
const withoutFailedLoads = (errors) => errors.filter((e) => !/Failed to load resource/.test(e));

/** A chunk of `manifest` whose index and German texts are new in it (not files of
 * `previous`, which the browser may hold from the first visit), and its district's name. */
function newChunk(manifest, previous) {
  const old = new Set(previous.chunks.flatMap((c) => [c.entriesFile.name, c.index.name, c.texts.de.name]));
  const chunk = manifest.chunks.find((c) => ![c.entriesFile.name, c.index.name, c.texts.de.name].some((n) => old.has(n)));
  return { chunk };
}

// Each case breaks the second publication on the server; `message` is what the notice says.
const BREAKS = [
  [
    'a chunk whose bytes are not those its name promises',
    async (dir, { chunk }) => {
      const file = join(dir, 'data', chunk.index.name);
      const bytes = await readFile(file);
      bytes[bytes.length - 1] ^= 0xff;
      await writeFile(file, bytes);
    },
    ({ chunk }) => `ist beschädigt oder unvollständig (ihre Prüfsumme stimmt nicht).`,
  ],
  [
    'a chunk cut short in transfer',
    async (dir, { chunk }) => truncate(join(dir, 'data', chunk.entriesFile.name), 10),
    () => `ist beschädigt oder unvollständig (ihre Prüfsumme stimmt nicht).`,
  ],
  [
    'a missing chunk',
    async (dir, { chunk }) => rm(join(dir, 'data', chunk.texts.de.name)),
    ({ chunk }) => `die Datei „${chunk.texts.de.name}“ fehlt auf dem Server (HTTP 404).`,
  ],
  [
    'a manifest of a newer major version',
    async (dir) => {
      const file = join(dir, 'data', 'manifest.json');
      const manifest = JSON.parse(await readFile(file, 'utf8'));
      await writeFile(file, JSON.stringify({ ...manifest, published: '2.0' }));
    },
    () => 'Das Datenformat 2.0 ist neuer als die unterstützte Version 1.x; bitte Ankommen aktualisieren.',
  ],
  [
    'a manifest that points outside its origin',
    async (dir) => {
      const file = join(dir, 'data', 'manifest.json');
      const manifest = JSON.parse(await readFile(file, 'utf8'));
      manifest.chunks[0].index.name = 'https://evil.example/x-0123456789abcdef.bin';
      await writeFile(file, JSON.stringify(manifest));
    },
    () => 'Die Datei „https://evil.example/x-0123456789abcdef.bin“ liegt nicht neben dem Manifest; Daten von anderen Adressen werden nicht geladen.',
  ],
];

for (const [name, damage, message] of BREAKS) {
  test(`a new publication with ${name}: its message, and the last good copy stays on screen`, async () => {
    const { dir, server, publish } = await deploy();
    const browser = await openBrowser({ width: 1280, height: 800 });
    const { page } = browser;
    try {
      const first = JSON.parse(await readFile(join(dir, 'data', 'manifest.json'), 'utf8'));
      await page.goto(server.url);
      await page.waitForSelector('.ak-count', { timeout: LOAD });
      const today = await browserToday(page);
      const all = find(catalog, today).hits.length;
      assert.equal(await count(page), all, 'first visit: the bundled set');
      // The good copy is kept once its chunks have loaded.
      await page.waitForFunction(
        async () => (await (await caches.open('ankommen-data')).keys()).some((r) => r.url.endsWith('/data/manifest.json')),
        null,
        { timeout: LOAD },
      );

      // The operator publishes again (one entry fewer); the new files go bad on the server.
      const second = await publish({ ...structuredClone(catalog), entries: catalog.entries.slice(1) });
      const broken = newChunk(second, first);
      await damage(dir, broken);
      await page.reload();
      await page.waitForSelector('.ak-count', { timeout: LOAD });
      assert.equal(await count(page), all, 'the last good copy: every entry of the first publication');
      const shown = await notices(page);
      assert.equal(shown.length, 1, `one notice: ${shown}`);
      assert.ok(shown[0].includes(message(broken)), shown[0]);
      assert.match(shown[0], /Angezeigt wird die zuletzt geladene Fassung vom \d\d\.\d\d\.\d{4}, \d\d:\d\d\.$/);
      browser.errors = withoutFailedLoads(browser.errors);
      await assertClean(assert, browser);
    } finally {
      await browser.close();
      await server.close();
    }
  });
}

test('without a kept copy, a broken chunk costs its district and the others show', async () => {
  const { dir, server, publish } = await deploy();
  // One district per chunk (a small set's districts otherwise share one).
  const manifest = await publish(catalog, '--group-below', '1');
  const chunk = manifest.chunks.find((c) => c.entries > 1);
  assert.deepEqual(chunk.districts.length, 1, 'premise: a chunk of one district');
  const district = manifest.districts.find((d) => d.key === chunk.districts[0]);
  const file = join(dir, 'data', chunk.entriesFile.name);
  const bytes = await readFile(file);
  bytes[8] ^= 0x55;
  await writeFile(file, bytes);
  const browser = await openBrowser({ width: 1280, height: 800 });
  const { page } = browser;
  try {
    await page.goto(server.url);
    await page.waitForSelector('.ak-count', { timeout: LOAD });
    const today = await browserToday(page);
    // The chunk holds its district's entries, those for the whole region in a chunk of their own.
    const inChunk = (e) => e.district === chunk.districts[0] && (e.area === 'region') === Boolean(chunk.regionWide);
    const others = { ...catalog, entries: catalog.entries.filter((e) => !inChunk(e)) };
    assert.equal(await count(page), find(others, today).hits.length, 'every district but the broken one');
    const shown = await notices(page);
    assert.deepEqual(shown, [
      `Die Einträge aus ${district.name} konnten nicht geladen werden: die Datei „${chunk.entriesFile.name}“ ist beschädigt oder unvollständig (ihre Prüfsumme stimmt nicht).`,
    ]);
    await assertClean(assert, browser);
  } finally {
    await browser.close();
    await server.close();
  }
});

test("a widget locked to one district of a regional set fetches that district's chunks and the region's offers, nothing else", async () => {
  const { server, publish } = await deploy();
  // One district per chunk, as a regional set with larger districts has (the example's 113
  // entries otherwise share two chunks).
  const manifest = await publish(catalog, '--group-below', '1');
  const key = '05966';
  const district = manifest.districts.find((d) => d.key === key);
  const wanted = manifest.chunks
    .map((c, n) => [c, n])
    .filter(([c, n]) => c.regionWide || district.chunks.includes(n))
    .map(([c]) => c);
  assert.ok(wanted.length < manifest.chunks.length / 2, `premise: most chunks are of other districts (${wanted.length} of ${manifest.chunks.length})`);
  const files = (chunks) => chunks.flatMap((c) => [c.entriesFile.name, c.index.name, c.texts.de.name]);
  const browser = await openBrowser({ width: 1280, height: 800 });
  const { page } = browser;
  try {
    await page.goto(`${server.url}?embed=1&district=${key}&lock=district`);
    await page.locator('.ak-item').first().waitFor({ timeout: LOAD });
    const today = await browserToday(page);
    const want = find(catalog, today, { district: [key] }).hits.length;
    assert.ok(want > 0, 'premise: the district has current entries');
    assert.equal(await count(page), want, "the district's entries, all of them");
    // An entry opens with the help nearby, the offers for the whole region among it.
    await page.locator('.ak-item__name a').first().click();
    await page.locator('aside.ak-details').waitFor({ timeout: LOAD });
    await page.waitForTimeout(500); // anything else the page would fetch has been asked for
    const fetched = browser.requests
      .map((url) => new URL(url).pathname)
      .filter((path) => path.startsWith('/data/'))
      .map((path) => path.slice('/data/'.length));
    const stems = new Set(wanted.map((c) => c.entriesFile.name.replace(/-entries-.*$/, '')));
    const pages = fetched.filter((name) => /-(excerpts|details)-/.test(name));
    assert.ok(pages.length > 0, 'premise: excerpts and details were fetched');
    assert.ok(pages.every((name) => stems.has(name.replace(/-(excerpts|details)-.*$/, ''))), `pages of those chunks only: ${pages}`);
    const rest = fetched.filter((name) => !pages.includes(name));
    // The places file comes with the first screen of a set loaded whole, when it is small.
    assert.deepEqual(
      rest.filter((name) => !name.startsWith('places-')).sort(),
      ['manifest.json', ...files(wanted)].sort(),
    );
    await assertClean(assert, browser);
  } finally {
    await browser.close();
    await server.close();
  }
});

test("a details file that went missing: the entry's details say so, the list stays", async () => {
  const { dir, server } = await deploy();
  const browser = await openBrowser({ width: 1280, height: 800 });
  const { page } = browser;
  try {
    const entry = catalog.entries.find((e) => e.contact?.phone);
    await page.goto(server.url);
    await page.waitForSelector('.ak-count', { timeout: LOAD });
    // Every details file gone from the server, after the list has loaded.
    for (const name of await (await import('node:fs/promises')).readdir(join(dir, 'data'))) {
      if (name.includes('-details-')) await rm(join(dir, 'data', name));
    }
    await page.locator(`#ak-item-${entry.id}`).click();
    const details = page.locator('aside.ak-details');
    await details.getByRole('alert').waitFor({ timeout: LOAD });
    assert.match(await details.getByRole('alert').textContent(), /fehlt auf dem Server \(HTTP 404\)\.$/);
    assert.equal(await details.getByRole('heading', { level: 2 }).textContent(), entry.name.de, 'the name still shows');
    assert.ok((await count(page)) > 0, 'the list stays');
    browser.errors = withoutFailedLoads(browser.errors);
    await assertClean(assert, browser);
  } finally {
    await browser.close();
    await server.close();
  }
});
