// End-to-end: a hostile catalogue, and what a user sees after an internal error. Every text
// field of some entries holds markup, script URLs, bidi and zero-width characters, NUL, a
// 100 KB string; every URL field of others holds a forbidden scheme; others have numbers where
// text belongs and the reverse. No script may run, no forbidden URL may become a link, the
// validator must name each bad field, and the valid entries must still show.
import { test, before, after } from 'node:test';
import assert, { reportAssertions } from './assert.mjs';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, recommendedHeaders } from './server.mjs';
import { openBrowser, foreignRequests, assertClean, routeJsonCatalogue, ARTIFACTS } from './browser.mjs';
import { catalog } from './catalog.mjs';

const LOAD = 20000;
const CLI = 'target/debug/ankommen-catalog';

const TEXTS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<svg onload="window.__pwned = \'svg\'"><circle r="5"/></svg>',
  '"><iframe src="javascript:window.__pwned=\'iframe\'"></iframe>',
  '&lt;script&gt;window.__pwned = "entity"&lt;/script&gt; &amp; &#x3C;b&#x3E;',
  'Klinik \u202Egnp.exe\u202C \u2066isolate\u2069',
  'Kli\u200Bnik\u200D\uFEFF mit Nullbreite',
  'Pflege 👩‍⚕️ Ä̈̈ e\u0301 ﷽ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'Null\u0000Byte',
  'A'.repeat(100_000),
];
const URLS = [
  'javascript:window.__pwned = "js"',
  ' JaVaScRiPt:window.__pwned = "case"',
  'java\tscript:window.__pwned = "tab"',
  '&#106;avascript:window.__pwned = "entity"',
  'data:text/html,<script>window.__pwned = "data"</script>',
  'DATA:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
];
// The texts the validator refuses (TEXTS indices): bidi override, zero-width space, NUL, length.
const REFUSED = [5, 6, 8, 9];
// Each: the field's JSON pointer inside an entry, and a value of the wrong type.
const TYPES = [
  ['/name', 42],
  ['/description', ['a list']],
  ['/location/lat', '51.0'],
  ['/professions', 'doctor'],
  ['/tags', 5],
  ['/website', 17],
  ['/contact/name', { de: 'x' }],
];

let server;
let published; // a copy of the build whose data/ is the hostile catalogue, published
let dir;
let file; // the hostile catalogue on disk, for the CLI and the preview
let hostile;
let report; // what the validator says about it
let pages; // the ids of the entry pages written for it
reportAssertions(import.meta.url);

function build() {
  const base = catalog.entries.find((e) => e.contact && e.address && e.website);
  const clone = (id) => ({ ...structuredClone(base), id, illustrative: true });
  const entries = catalog.entries.slice(0, 20).map((e) => structuredClone(e));
  TEXTS.forEach((text, i) => {
    const e = clone(`hostile-text-${i}`);
    e.name = { de: text, en: text };
    e.description = { de: text, en: text };
    e.address = { ...e.address, street: text, city: text };
    e.contact = { name: text, opening_hours: { de: text } };
    e.tags = [text.slice(0, 60), 'feindlich']; // tags are short by rule
    e.links = [{ label: { de: text }, url: 'https://example.org/' }];
    e.source = { ...e.source, name: text };
    entries.push(e);
  });
  URLS.forEach((url, i) => {
    const e = clone(`hostile-url-${i}`);
    e.name = { de: `Feindliche Adresse ${i}` };
    e.website = url;
    e.links = [{ label: { de: 'Link' }, url }];
    e.source = { ...e.source, url };
    // E-mail and phone become mailto: and tel: links: the same payloads must not get through.
    e.contact = { name: 'Kontakt', email: url, phone: url };
    entries.push(e);
  });
  TYPES.forEach(([pointer, value], i) => {
    const e = clone(`hostile-type-${i}`);
    const path = pointer.split('/').slice(1);
    let at = e;
    for (const key of path.slice(0, -1)) at = at[key];
    at[path.at(-1)] = value;
    entries.push(e);
  });
  const doc = { ...structuredClone(catalog), entries };
  // The region's name is text too; the maintainer's address becomes the "report an error" link.
  doc.region.name = { de: `${TEXTS[1]} Region`, en: `${TEXTS[0]} region` };
  doc.maintainer = { ...doc.maintainer, email: 'javascript:window.__pwned = "maintainer"' };
  return doc;
}

before(async () => {
  server = await serve(process.env.DIST ?? 'dist');
  hostile = build();
  dir = mkdtempSync(join(tmpdir(), 'ankommen-hostile-'));
  file = join(dir, 'katalog.json');
  writeFileSync(file, JSON.stringify(hostile));
  let out;
  try {
    out = execFileSync(CLI, ['validate', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  } catch (error) {
    assert.equal(error.status, 1, 'the validator reports errors, it does not fail');
    out = error.stdout;
  }
  report = JSON.parse(out);
  // Published as an operator would, the broken entries left out.
  const site = join(dir, 'site');
  cpSync(process.env.DIST ?? 'dist', site, { recursive: true });
  rmSync(join(site, 'data'), { recursive: true, force: true });
  execFileSync(CLI, ['publish', '--drop-invalid', file, '-o', join(site, 'data'), '--site', site, '--site-url', 'https://ankommen.example/'], { stdio: 'pipe', maxBuffer: 1 << 26 });
  pages = readdirSync(join(site, 'e'));
  published = await serve(site);
});
after(async () => {
  await server?.close();
  await published?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A browser whose page gets the hostile catalogue (from an API, as JSON, unless
 * `json: false`); every dialog and script flag recorded. */
async function open(options, json = true) {
  const browser = await openBrowser(options);
  const { page, context } = browser;
  browser.dialogs = [];
  page.on('dialog', (d) => {
    browser.dialogs.push(d.message());
    d.dismiss();
  });
  if (json) await routeJsonCatalogue(context, hostile);
  return browser;
}

/** Nothing ran, nothing forbidden is a link, no event-handler attribute exists in the page. */
async function assertHarmless(browser, where) {
  const { page } = browser;
  const found = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    badLinks: [...document.querySelectorAll('a[href]')]
      .map((a) => a.href)
      .filter((href) => !/^(https?|mailto|tel):/i.test(href)),
    handlers: [...document.querySelectorAll('*')]
      .flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
    frames: document.querySelectorAll('iframe').length,
    dataImages: document.querySelectorAll('img[src="x"]').length,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  }));
  assert.equal(found.pwned, null, `${where}: no script from the catalogue ran`);
  assert.deepEqual(browser.dialogs, [], `${where}: no dialog opened`);
  assert.deepEqual(found.badLinks, [], `${where}: only http(s), mailto and tel links`);
  assert.deepEqual(found.handlers, [], `${where}: no event-handler attribute in the page`);
  assert.equal(found.frames + found.dataImages, 0, `${where}: no frame or image from markup in the data`);
  assert.ok(found.overflow <= 0, `${where}: no horizontal scrolling (${found.overflow} px)`);
  assert.deepEqual(browser.errors, [], `${where}: no console error or CSP violation`);
  assert.deepEqual(foreignRequests(browser.requests), [], `${where}: no request left this machine`);
}

test('the validator names every bad field of the hostile catalogue', () => {
  const named = (id) => report.problems.filter((p) => p.entry === id && p.severity === 'error').map((p) => p.pointer);
  const index = (id) => hostile.entries.findIndex((e) => e.id === id);
  URLS.forEach((url, i) => {
    const at = `/entries/${index(`hostile-url-${i}`)}`;
    assert.deepEqual(
      named(`hostile-url-${i}`).sort(),
      [`${at}/contact/email`, `${at}/contact/phone`, `${at}/links/0/url`, `${at}/source/url`, `${at}/website`],
      `URL ${JSON.stringify(url)}: all five fields named`,
    );
  });
  TYPES.forEach(([pointer, value], i) => {
    const id = `hostile-type-${i}`;
    assert.ok(
      named(id).some((p) => p.startsWith(`/entries/${index(id)}${pointer}`)),
      `${pointer} = ${JSON.stringify(value)}: named (got ${named(id)})`,
    );
  });
  // Markup is text: it is shown escaped, not refused. Over-long text and NUL are refused.
  const refusedTexts = TEXTS.map((_, i) => `hostile-text-${i}`).filter((id) => named(id).length > 0);
  assert.deepEqual(
    refusedTexts,
    REFUSED.map((i) => `hostile-text-${i}`),
    'bidi overrides, zero-width spaces, NUL and the 100 KB string are refused; markup, entities and emoji are text',
  );
  assert.equal(report.valid_entries, 20 + TEXTS.length - REFUSED.length, 'the untouched entries and the markup entries are valid');
});

const SOURCES = [
  ['from an API, read in the worker', true],
  ['published with --drop-invalid', false],
];
for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 800]]) for (const [source, json] of SOURCES) {
  test(`the app shows the valid entries of the hostile catalogue, escaped, and runs nothing (${name}, ${source})`, async () => {
    const browser = await open({ width, height }, json);
    const { page } = browser;
    const base = json ? server.url : published.url;
    try {
      await page.goto(base);
      await page.waitForSelector('.ak-count', { timeout: LOAD });
      const count = Number((await page.locator('.ak-count').textContent()).replace(/\D/g, ''));
      assert.equal(count, report.valid_entries, 'every valid entry shows');
      if (json) {
        assert.match(await page.locator('.ak-notice').textContent(), new RegExp(String(hostile.entries.length - report.valid_entries)));
      }
      await assertHarmless(browser, 'list');

      // Each markup entry opens as text, exactly as written.
      for (const [i, text] of TEXTS.entries()) {
        if (REFUSED.includes(i)) continue;
        await page.goto(`${base}?entry=hostile-text-${i}`);
        const title = page.locator('.ak-details__title');
        await title.waitFor({ timeout: LOAD });
        assert.equal(await title.textContent(), text, `entry ${i}: the name is shown as text`);
        await assertHarmless(browser, `details ${i}`);
        if (i === 2 || i === 7) {
          await page.screenshot({ path: join(ARTIFACTS, `hostile-${i}-${name}-${json ? 'json' : 'published'}.png`), fullPage: false });
        }
      }
      // A search for the markup finds it as text.
      await page.goto(`${base}?q=${encodeURIComponent('<script>')}`);
      await page.waitForSelector('.ak-item', { timeout: LOAD });
      await assertHarmless(browser, 'search');
      assert.equal(await page.evaluate(() => document.cookie), '');
    } finally {
      await browser.close();
    }
  });
}

test('the prerendered first screen and the entry pages of the hostile catalogue run nothing and hold its texts as text', async () => {
  assert.deepEqual(
    pages.filter((id) => id.startsWith('hostile-text-')).sort(),
    TEXTS.map((_, i) => i).filter((i) => !REFUSED.includes(i)).map((i) => `hostile-text-${i}`).sort(),
    'a page for every valid markup entry',
  );
  for (const javaScript of [false, true]) {
    const browser = await open({ width: 390, height: 844, javaScript, awaitApp: false }, false);
    const { page } = browser;
    try {
      // The app held back: the prerendered screen alone, with the hostile region name.
      await page.route('**/*_bg.wasm', () => {});
      await page.goto(published.url);
      assert.equal(await page.locator('.ak-first[lang="de"] h1').textContent(), hostile.region.name.de, 'the region name is text');
      await assertHarmless(browser, `first screen (JavaScript ${javaScript ? 'on' : 'off'})`);
      // entry.js would open the app; held back too, so the page itself is what is checked.
      await page.route('**/entry.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
      for (const id of pages.filter((id) => id.startsWith('hostile-'))) {
        await page.goto(`${published.url}e/${id}/`);
        const where = `entry page ${id} (JavaScript ${javaScript ? 'on' : 'off'})`;
        await assertHarmless(browser, where);
        const entry = hostile.entries.find((e) => e.id === id);
        assert.equal(await page.locator('h1').textContent(), entry.name.de, `${where}: the name is text`);
        const data = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
        assert.equal(data.description, entry.description.de, `${where}: the data block holds the text exactly`);
        const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.type || s.src.replace(/^.*\//, '')));
        assert.deepEqual(scripts.sort(), ['application/ld+json', 'entry.js'], `${where}: no script but the page's own`);
      }
    } finally {
      await browser.close();
    }
  }
});

test('the operator preview reports the hostile file and runs nothing', async () => {
  const browser = await open({ width: 1280, height: 800 });
  const { page } = browser;
  try {
    await page.goto(`${server.url}preview/`);
    await page.locator('#ak-file').setInputFiles(file);
    await page.getByRole('heading', { name: 'Prüfbericht / Validation report' }).waitFor({ timeout: LOAD });
    const rows = await page.locator('.ak-report__table tbody tr').count();
    assert.equal(rows, report.problems.length, 'one report row per problem, as the CLI');
    await page.waitForSelector('.ak-count', { timeout: LOAD });
    await assertHarmless(browser, 'preview');
  } finally {
    await browser.close();
  }
});

test('after an internal error the user sees an apology and a reload link, never a frozen page', async () => {
  const browser = await openBrowser({ width: 390, height: 844 });
  const { page } = browser;
  try {
    await page.goto(`${server.url}?q=pflege&lang=en`);
    await page.waitForSelector('.ak-count', { timeout: LOAD });
    // The deliberate panic is one of the module's exports, not reachable from the page.
    const thrown = await page.evaluate(async () => {
      const module = await import(document.querySelector('script[data-wasm]').dataset.js);
      try {
        module.panic_for_tests();
        return null;
      } catch (error) {
        return String(error);
      }
    });
    assert.match(thrown, /unreachable/i, 'the panic aborts the WebAssembly instance');
    const apology = page.getByRole('alert');
    await apology.waitFor();
    assert.equal(await page.locator('.ak-crash__title').textContent(), 'Sorry, something went wrong.');
    assert.ok(!(await page.locator('body').textContent()).includes('panic_for_tests'), 'the panic text is not shown');
    assert.ok(browser.errors.some((e) => e.includes('panic_for_tests: a deliberate panic')), 'it goes to the console');
    const reload = page.getByRole('link', { name: 'Reload the page' });
    assert.ok(await reload.evaluate((a) => a === document.activeElement), 'the reload link has focus');
    await reload.click();
    await page.waitForSelector('.ak-count', { timeout: LOAD });
    assert.equal(await page.evaluate(() => location.search), '?q=pflege&lang=en', 'reload keeps the view');
    assert.equal(await page.locator('.ak-crash').count(), 0);
    await page.screenshot({ path: join(ARTIFACTS, 'crash-after-reload.png') });
  } finally {
    await browser.close();
  }
});

test('the app, the preview and the configurator run under the generated headers, with no CSP violation', async () => {
  const dist = process.env.DIST ?? 'dist';
  const wanted = recommendedHeaders(join(dist, 'config.json'));
  const browser = await openBrowser({ width: 1280, height: 800 });
  const { page } = browser;
  try {
    for (const [path, ready] of [['', '.ak-count'], ['preview/', '#ak-file'], ['configure/', '#ak-code-snippet']]) {
      const response = await page.goto(server.url + path);
      await page.waitForSelector(ready, { timeout: LOAD });
      const sent = response.headers();
      for (const [name, value] of Object.entries(wanted)) {
        assert.equal(sent[name.toLowerCase()], value, `${path || '/'}: ${name}`);
      }
    }
    await assertClean(assert, browser);
  } finally {
    await browser.close();
  }
});
