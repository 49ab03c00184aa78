// End-to-end: the operator preview (dist/preview/) checks dropped files in the browser, with
// the same messages as the CLI, and shows the valid entries as users would see them.
import { test, before, after } from 'node:test';
import assert, { reportAssertions } from './assert.mjs';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { openBrowser, assertClean, ARTIFACTS } from './browser.mjs';

const CLI = 'target/debug/ankommen-catalog';
const catalog = JSON.parse(readFileSync('assets/catalog.json', 'utf8'));
let server;
reportAssertions(import.meta.url);

before(async () => {
  server = await serve(process.env.DIST ?? 'dist');
});
after(async () => {
  await server?.close();
});

/** Runs the CLI; returns stdout even when it exits 1 (a report with errors). */
function cli(...args) {
  try {
    return execFileSync(CLI, ['--today', today(), ...args], { encoding: 'utf8' });
  } catch (error) {
    if (error.status === 1) return error.stdout;
    throw error;
  }
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

async function openPreview(file) {
  const browser = await openBrowser();
  const { page } = browser;
  await page.goto(`${server.url}preview/`);
  await page.locator('#ak-file').setInputFiles(file);
  await page.getByRole('heading', { name: 'Prüfbericht / Validation report' }).waitFor({ timeout: 15000 });
  return browser;
}

async function reportRows(page) {
  return page.locator('.ak-report__table tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.innerText.trim())),
  );
}

test('a catalogue with broken entries: the CLI messages, and the valid entries on list and map', async () => {
  const broken = structuredClone(catalog);
  broken.entries[0].category = 'hospitl';
  broken.entries[2].website = 'javascript:alert(1)';
  broken.entries[3].location = { lat: broken.entries[3].location.lon, lon: broken.entries[3].location.lat };
  const dir = mkdtempSync(join(tmpdir(), 'ankommen-preview-'));
  const file = join(dir, 'katalog.json');
  execFileSync('sh', ['-c', `cat > ${file}`], { input: JSON.stringify(broken) });

  const expected = JSON.parse(cli('validate', '--format', 'json', file)).problems;
  const browser = await openPreview(file);
  try {
    const { page } = browser;
    const rows = await reportRows(page);
    assert.equal(rows.length, expected.length, 'one report row per CLI problem');
    assert.equal(expected.length, 3);
    for (const [i, problem] of expected.entries()) {
      assert.deepEqual(rows[i].slice(1), [problem.entry, problem.pointer, problem.message_de], `row ${i}`);
    }
    assert.match(rows[0][3], /Meinten Sie „hospital“\?/);

    await page.getByLabel(/messages in English/).check();
    assert.equal((await reportRows(page))[0][3], expected[0].message_en, 'the English message is the CLI one');

    const valid = broken.entries.length - 3;
    const items = page.getByRole('list', { name: 'Ergebnisse' }).getByRole('listitem');
    assert.equal(await items.count(), valid, 'the valid entries are listed');
    // Every valid entry with a position is on the map, alone or inside a cluster's count.
    await page.waitForFunction((n) => {
      const map = document.querySelector('.ak-map');
      const clustered = [...map.querySelectorAll('.ak-cluster')].reduce((s, c) => s + Number(c.textContent), 0);
      return Number(map.dataset.markerCount) === n && clustered + map.querySelectorAll('.ak-marker').length === n;
    }, valid - catalog.entries.filter((e) => !e.location).length);
    assert.match(await page.locator('.ak-notice').innerText(), /^3 Einträge/);
    await page.screenshot({ path: join(ARTIFACTS, 'preview-1280.png'), fullPage: true });
    assert.ok(!browser.requests.some((url) => url.includes('katalog.json')), 'the file is never sent anywhere');
    await assertClean(assert, browser);
  } finally {
    await browser.close();
  }
});

test('a German Excel CSV: problems by row and column, valid rows shown', async () => {
  const csv =
    'ID;Art;Kategorie;Name (de);Kreis (AGS);Breitengrad;Längengrad;PLZ\r\n' +
    'kita-olpe;support;childcare;Kita Sonnenschein Olpe;05966;51,0276;7,8436;\r\n' +
    'klinik;employer;hospital;Klinik Süd;05966;abc;7,84;\r\n';
  const latin1 = Buffer.from(csv, 'latin1');
  const browser = await openPreview({ name: 'daten.csv', mimeType: 'text/csv', buffer: latin1 });
  try {
    const { page } = browser;
    const rows = await reportRows(page);
    const located = rows.map((r) => `${r[2]} | ${r[3]}`);
    assert.ok(
      located.includes('CSV, Zeile/row 3, Spalte/column Breitengrad (F) | „abc“ ist keine Zahl.'),
      located.join('\n'),
    );
    const names = await page.getByRole('list', { name: 'Ergebnisse' }).getByRole('heading').allInnerTexts();
    assert.deepEqual(names, ['Kita Sonnenschein Olpe']);
    await assertClean(assert, browser);
  } finally {
    await browser.close();
  }
});

test('an unreadable spreadsheet gets a clear message, not a blank page', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await page.goto(`${server.url}preview/`);
    await page.locator('#ak-file').setInputFiles({ name: 'kaputt.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04 nope') });
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 15000 });
    assert.match(await alert.innerText(), /kaputt\.xlsx: Die Datei ist keine lesbare Tabelle/);
    await assertClean(assert, browser);
  } finally {
    await browser.close();
  }
});

test('template → filled spreadsheet → import → validate → the app shows the entries', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ankommen-roundtrip-'));
  cli('template', '--dir', dir);
  // A maintainer adds a row in the German-Excel way: semicolons, decimal commas, no id, and
  // a postcode instead of coordinates.
  const template = readFileSync(join(dir, 'template.csv'), 'utf8');
  const headers = template.replace(/^\uFEFF/, '').split('\r\n')[0].split(';');
  const cells = Object.fromEntries(headers.map((h) => [h, '']));
  Object.assign(cells, {
    Art: 'support', Kategorie: 'mobility', 'Name (de)': 'Bürgerbus Lienen', 'Name (en)': 'Community bus Lienen',
    Berufsgruppen: 'nurse; student', PLZ: '49536', Ort: 'Lienen', 'Gültig bis': '31.12.2030',
  });
  const filled = join(dir, 'filled.csv');
  const quote = (cell) => (/[;"\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const row = headers.map((h) => quote(cells[h])).join(';');
  execFileSync('sh', ['-c', `cat > ${filled}`], { input: `${template}${row}\r\n` });
  const imported = join(dir, 'catalog.json');
  const report = cli('import', filled, '-o', imported);
  assert.match(report, /6 gültige Einträge, 0 Fehler/, report);
  assert.match(cli('validate', imported), /6 gültige Einträge, 0 Fehler, 0 Warnungen/);
  const doc = JSON.parse(readFileSync(imported, 'utf8'));
  // Published, as an operator deploys it: a copy of the build with the new set in data/.
  const site = join(dir, 'site');
  cpSync(process.env.DIST ?? 'dist', site, { recursive: true });
  assert.match(cli('publish', imported, '-o', join(site, 'data')), /Veröffentlicht: 6 Einträge/);
  const deployed = await serve(site);

  const browser = await openBrowser();
  try {
    const { page } = browser;
    await page.goto(deployed.url);
    const names = page.getByRole('list', { name: 'Ergebnisse' }).getByRole('heading');
    await names.first().waitFor({ timeout: 15000 });
    assert.deepEqual(await names.allInnerTexts(), doc.entries.map((e) => e.name.de));
    assert.ok((await names.allInnerTexts()).includes('Bürgerbus Lienen'), 'the added row reaches the app');
    await assertClean(assert, browser);
  } finally {
    await browser.close();
    await deployed.close();
  }
});
