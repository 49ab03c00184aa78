// End-to-end: embedding. The configurator (dist/configure/) generates the code; a host page on
// another site (localhost, while the app is on 127.0.0.1) embeds it under a strict CSP of its
// own, once as the script snippet and once as the plain iframe, with different presets.
import { test, before, after } from 'node:test';
import assert, { reportAssertions } from './assert.mjs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { serve, recommendedHeaders } from './server.mjs';
import { openBrowser, assertClean, ARTIFACTS } from './browser.mjs';
import { catalog, browserToday, find } from './catalog.mjs';

const LOAD = 20000;
const STATE = 8000;
// Chromium resolves the host page's name to the loopback address the server listens on.
const HOST_RULES = 'MAP localhost 127.0.0.1, ';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const DISTRICT = '05966'; // Kreis Olpe: the snippet's locked preset
const KIND = 'event'; // the iframe's preset
const LIGHT = '#ffcc00'; // fails AA on white: must be darkened
const DARK = '#005a9c'; // passes: must be used as it is

let app; // the app on 127.0.0.1, which host pages on localhost may frame
let host; // the host page's site
let hostDir;
const code = {}; // what the configurator generated, embedded below
reportAssertions(import.meta.url);

before(async () => {
  hostDir = await mkdtemp(join(tmpdir(), 'ankommen-host-'));
  // Chromium asks every site for its icon; a missing one would be a console error.
  await writeFile(join(hostDir, 'favicon.ico'), '');
  // The app's headers generated from a configuration that lets localhost sites embed it.
  const dist = process.env.DIST ?? 'dist';
  const config = JSON.parse(readFileSync(join(dist, 'config.json'), 'utf8'));
  const configFile = join(hostDir, 'app-config.json');
  writeFileSync(configFile, JSON.stringify({ ...config, frameAncestors: ['http://localhost:*'] }));
  const headers = recommendedHeaders(configFile);
  assert.match(headers['Content-Security-Policy'], /frame-ancestors 'self' http:\/\/localhost:\*$/);
  app = await serve(dist, { headers });
  const appOrigin = new URL(app.url).origin;
  // The host page allows only what the two forms need: the app as a frame, and its script.
  host = await serve(hostDir, {
    host: 'localhost',
    headers: {},
    csp: `default-src 'none'; frame-src ${appOrigin}; script-src ${appOrigin}; style-src 'self'; img-src 'self'`,
  });
});
after(async () => {
  await app?.close();
  await host?.close();
  if (hostDir) await rm(hostDir, { recursive: true, force: true });
});

async function open(options) {
  const browser = await openBrowser({ hostRules: HOST_RULES, ...options });
  browser.page.setDefaultTimeout(STATE);
  browser.warnings = [];
  browser.page.on('console', (m) => m.type() === 'warning' && browser.warnings.push(m.text()));
  return browser;
}

async function countOf(frame) {
  const text = await frame.locator('.ak-count').textContent();
  return /Keine|No results/.test(text) ? 0 : Number(text.replace(/\D/g, ''));
}

/** Waits for the app in a frame whose URL contains `part`. */
async function widget(page, part) {
  let frame;
  await page.waitForFunction(() => document.querySelectorAll('iframe').length >= 1, null, { timeout: LOAD });
  const deadline = Date.now() + LOAD;
  while (!(frame = page.frames().find((f) => f.url().includes(part))) && Date.now() < deadline) {
    await page.waitForTimeout(50);
  }
  assert.ok(frame, `a frame with ${part}`);
  await frame.waitForSelector('.ak-count', { state: 'attached', timeout: LOAD });
  return frame;
}

/** The iframe element on the host page that shows `frame`. */
const elementOf = async (frame) => frame.frameElement();

/** Host iframe height minus the widget's content height, once both have settled. */
async function fitted(page, frame) {
  const element = await elementOf(frame);
  let last = null;
  const deadline = Date.now() + STATE;
  while (Date.now() < deadline) {
    const content = await frame.evaluate(() => document.body.scrollHeight);
    const box = await element.evaluate((e) => e.getBoundingClientRect().height);
    if (Math.abs(box - content) <= 3) return { box, content };
    last = { box, content };
    await page.waitForTimeout(50);
  }
  return last;
}

function contrast(hex, background = '#ffffff') {
  const lum = (h) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(hex), lum(background)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

test('the configurator generates both codes, previews the widget live and copies the code', async () => {
  const browser = await open({ width: 1280, height: 900 });
  const { page, context } = browser;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await page.goto(`${app.url}configure/`);
  await page.getByRole('heading', { name: 'Code für Ihre Website' }).waitFor({ timeout: LOAD });

  // Snippet A: one district, locked; a light accent; list and map; no header.
  await page.getByRole('group', { name: 'Kreise' }).getByLabel(catalog.region.districts[DISTRICT]).check();
  await page.getByLabel('Vorauswahl festlegen', { exact: false }).check();
  await page.getByLabel('Akzentfarbe (z. B. #0b5d6b)').fill(LIGHT);
  await page.getByRole('group', { name: 'Ansicht beim Start' }).getByLabel('Liste und Karte').check();
  await page.getByLabel('Kompakt: ohne Kopfzeile').check();
  const snippet = await page.locator('#ak-code-snippet').inputValue();
  assert.equal(
    snippet,
    `<script src="${app.url}embed.js" data-district="${DISTRICT}" data-view="both" data-lock="district" data-compact="1" data-accent="ffcc00" async></script>`,
  );
  assert.match(await page.locator('.ak-hint[role=status]').textContent(), /#ffcc00 hat auf weißem Grund zu wenig Kontrast.*verwendet #[0-9a-f]{6}/);

  // The preview is the widget with these options, fitted to its content.
  const preview = await widget(page, `district=${DISTRICT}`);
  const today = await browserToday(page);
  assert.equal(await countOf(preview), find(catalog, today, { district: [DISTRICT] }).hits.length, 'preview shows the preset');
  const fit = await fitted(page, preview);
  assert.ok(Math.abs(fit.box - fit.content) <= 3, `preview height ${fit.box} fits content ${fit.content}`);

  // Copy puts exactly the visible code on the clipboard.
  await page.getByRole('button', { name: 'Code kopieren' }).first().click();
  await page.locator('.ak-code__status', { hasText: 'Kopiert.' }).first().waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
  code.snippet = snippet;

  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], 'axe: configurator');

  // Iframe B, from a fresh form: one kind, a readable accent, the default view.
  await page.reload();
  await page.getByRole('heading', { name: 'Code für Ihre Website' }).waitFor({ timeout: LOAD });
  await page.getByRole('group', { name: 'Art des Eintrags' }).getByLabel('Veranstaltung').check();
  await page.getByLabel('Akzentfarbe (z. B. #0b5d6b)').fill(DARK);
  await page.getByLabel('Titel des Widgets für Screenreader').fill('Termine für Gesundheitsberufe');
  await page.getByLabel('Schrift', { exact: false }).fill('Georgia, serif');
  assert.equal(await page.locator('.ak-hint[role=status]').textContent(), '', 'no contrast note for a readable accent');
  const iframe = await page.locator('#ak-code-iframe').inputValue();
  assert.equal(
    iframe,
    `<iframe src="${app.url}?kind=${KIND}&amp;accent=005a9c&amp;font=Georgia,%20serif&amp;title=Termine%20f%C3%BCr%20Gesundheitsberufe&amp;embed=1" title="Termine für Gesundheitsberufe" width="100%" height="800" allow="geolocation" loading="lazy"></iframe>`,
  );
  code.iframe = iframe;
  await assertClean(assert, browser, [await widget(page, `kind=${KIND}`)]);
  await browser.close();
});

test('the iframe form works on a host page whose policy allows nothing but the frame', async () => {
  assert.ok(code.iframe, 'the configurator test ran first');
  const dir = await mkdtemp(join(tmpdir(), 'ankommen-host-strict-'));
  await writeFile(join(dir, 'favicon.ico'), '');
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Termine</title></head><body>${code.iframe}</body></html>`,
  );
  const strict = await serve(dir, {
    host: 'localhost',
    headers: {},
    csp: `default-src 'none'; frame-src ${new URL(app.url).origin}`,
  });
  const browser = await open({ width: 1280, height: 800 });
  try {
    await browser.page.goto(strict.url);
    const frame = await widget(browser.page, `kind=${KIND}`);
    const today = await browserToday(frame);
    assert.equal(await countOf(frame), find(catalog, today, { kind: [KIND] }).hits.length, 'the preset applies');
    await assertClean(assert, browser, [frame]);
  } finally {
    await browser.close();
    await strict.close();
    await rm(dir, { recursive: true, force: true });
  }
});

for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 800]]) {
  test(`a host page on another site embeds both forms (${name})`, async () => {
    assert.ok(code.snippet && code.iframe, 'the configurator test ran first');
    // A typo'd option and an unusable value: each is named in the console, nothing else breaks.
    const snippet = code.snippet.replace(' async>', ' data-colour="red" data-kind="employr" async>');
    // A third widget, written by hand: map only, starting around Olpe, height capped, no full view.
    const third = `<script src="${app.url}embed.js" data-kind="employer" data-view="map" data-area="05966024,15" data-maxheight="500" data-fullview="0" async></script>`;
    await writeFile(
      join(hostDir, 'index.html'),
      `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kreis Olpe – Gesundheitsregion</title></head>
<body><h1>Gesundheitsregion Kreis Olpe</h1>
<p><a id="before" href="#before">Vor den Widgets</a></p>
${snippet}
<p><a id="middle" href="#middle">Zwischen den Widgets</a></p>
${code.iframe}
<p><a id="after" href="#after">Nach den Widgets</a></p>
${third}
</body></html>`,
    );
    const browser = await open({ width, height });
    const { page } = browser;
    await page.goto(host.url);
    const a = await widget(page, `district=${DISTRICT}`);
    const b = await widget(page, `kind=${KIND}`);
    const c = await widget(page, 'kind=employer');
    const today = await browserToday(a);
    const historyLength = await page.evaluate(() => history.length);

    // Presets apply: A shows only its district, B only events; each widget on its own.
    const inDistrict = find(catalog, today, { district: [DISTRICT] }).hits.length;
    const events = find(catalog, today, { kind: [KIND] }).hits.length;
    assert.equal(await countOf(a), inDistrict, 'snippet: only the district');
    assert.equal(await countOf(b), events, 'iframe: only events');
    assert.ok(inDistrict < catalog.entries.length && events < catalog.entries.length);
    const employers = find(catalog, today, { kind: ['employer'] }).hits;
    assert.equal(await countOf(c), employers.length, 'third: only employers');

    // The third widget: only the map, around Olpe (fewer entries in view than it has), its
    // height capped at 500 px although its content is taller, and no full-view link.
    await c.locator('.ak-map .leaflet-marker-icon').first().waitFor();
    assert.equal(await c.locator('.ak-results').isVisible(), false, 'view=map: no list');
    const inView = await c.evaluate(() =>
      [...document.querySelectorAll('.ak-map .leaflet-marker-icon')]
        .map((m) => (m.classList.contains('ak-cluster') ? Number(m.textContent) : 1))
        .reduce((x, y) => x + y, 0),
    );
    const located = employers.filter((h) => h.entry.location).length;
    assert.ok(inView > 0 && inView < located, `area: ${inView} of ${located} located employers in view`);
    await page.waitForFunction(() => document.querySelectorAll('iframe')[2]?.getBoundingClientRect().height === 500).catch(() => {});
    assert.equal(await (await elementOf(c)).evaluate((e) => e.getBoundingClientRect().height), 500, 'maxheight caps the fitted height');
    assert.ok(await c.evaluate(() => document.body.scrollHeight > 500), 'the content is taller');
    assert.equal(await c.locator('.ak-footer a[href^="/"]').count(), 0, 'fullview=0: no full-view link');
    assert.equal(await b.evaluate(() => getComputedStyle(document.body).fontFamily), 'Georgia, serif', 'font');

    await fitted(page, a);
    await page.screenshot({ path: join(ARTIFACTS, `embed-host-${name}.png`), fullPage: true });
    // Chromium paints another site's frame only inside the viewport: the second one on its own.
    await (await elementOf(b)).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, `embed-host-${name}-iframe.png`) });

    // axe checks the host page and, inside it, every widget.
    const { violations, passes } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], 'axe: host page with widgets');
    assert.ok(passes.some((v) => v.nodes.some((n) => n.target.length > 1)), 'axe looked inside the widgets');

    // The lock: the district shows as a fixed, checked choice, and clearing keeps it.
    await a.locator('.ak-filters summary').click();
    const district = a.locator('.ak-facet', { has: a.locator('input[name=district]') });
    assert.match(await district.locator('legend').textContent(), /\(vorgegeben\)$/);
    assert.equal(await district.locator('input').count(), 1);
    assert.ok(await district.locator('input').isChecked());
    assert.ok(await district.locator('input').isDisabled());
    assert.equal(await a.locator('.ak-clear').getAttribute('aria-disabled'), 'true', 'nothing to clear');
    await a.locator('.ak-filters summary').click();

    // Looks: A's light accent darkened to pass AA, B's kept; A without header, B with.
    const accentOf = (f) => f.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ak-accent').trim());
    const darkened = await accentOf(a);
    assert.notEqual(darkened, LIGHT);
    assert.ok(contrast(darkened) >= 4.5, `${darkened} passes AA on white`);
    assert.equal(await accentOf(b), DARK);
    assert.equal(
      await b.locator('.ak-header').evaluate((e) => getComputedStyle(e).backgroundColor),
      'rgb(0, 90, 156)',
      'the accent is applied',
    );
    assert.equal(await a.locator('.ak-header').count(), 0, 'compact: no header');
    assert.ok(browser.warnings.some((w) => w.includes('accent #ffcc00') && w.includes(darkened)), 'the darkening is named in the console');
    assert.ok(browser.warnings.some((w) => w.includes('unknown option data-colour ignored')), 'the unknown option is named');
    assert.ok(browser.warnings.some((w) => w.includes('ignored URL parameter kind="employr"')), 'the unusable value is named');

    // The iframes: titled, allowed to ask for the location; the plain one has its fixed height.
    const [frameA, frameB] = [await elementOf(a), await elementOf(b)];
    assert.equal(await frameA.getAttribute('title'), 'Ankommen: Arbeit und Unterstützung für Gesundheitsberufe');
    assert.equal(await frameB.getAttribute('title'), 'Termine für Gesundheitsberufe');
    for (const f of [frameA, frameB]) assert.equal(await f.getAttribute('allow'), 'geolocation');
    assert.equal(await frameB.evaluate((e) => e.clientHeight), 800, "the plain iframe keeps its height");

    // Height: the snippet's iframe fits its content, follows it as filters change, and stays.
    const first = await fitted(page, a);
    assert.ok(Math.abs(first.box - first.content) <= 3, `fitted: ${JSON.stringify(first)}`);
    await a.locator('#ak-search-input').fill('zzzzzz');
    await a.waitForFunction(() => /Keine Ergebnisse/.test(document.querySelector('.ak-count').textContent));
    const empty = await fitted(page, a);
    assert.ok(Math.abs(empty.box - empty.content) <= 3, `fitted after search: ${JSON.stringify(empty)}`);
    assert.ok(empty.box < first.box - 50, `shrinks with fewer results: ${first.box} → ${empty.box}`);
    await page.waitForTimeout(400);
    assert.equal((await fitted(page, a)).box, empty.box, 'no growth loop');
    assert.equal(await countOf(b), events, 'the other widget is untouched');
    // Clearing brings back the district, not the whole catalogue.
    await a.locator('.ak-clear').click();
    await a.waitForFunction((n) => document.querySelector('.ak-count').textContent.includes(String(n)), inDistrict);
    assert.equal(await countOf(a), inDistrict, 'the locked preset survives "clear all filters"');
    const back = await fitted(page, a);
    assert.ok(Math.abs(back.box - back.content) <= 3 && Math.abs(back.box - first.box) <= 3, `fits again: ${JSON.stringify(back)}`);

    // Opening an entry replaces the widget's history entry: the host's Back button stays as it was.
    const withSite = find(catalog, today, { district: [DISTRICT] }).hits.find((h) => h.entry.website);
    await a.locator(`#ak-item-${withSite.entry.id}`).click();
    await a.locator('.ak-details').waitFor();
    assert.ok(a.url().includes(`entry=${withSite.entry.id}`), 'the widget shows the entry in its URL');
    assert.equal(await page.evaluate(() => history.length), historyLength, 'host history not filled');
    // Links leave in a new tab; the host page is never navigated.
    const links = await a.locator('.ak-details a[href^="http"], .ak-footer a').evaluateAll((all) =>
      all.map((l) => ({ href: l.getAttribute('href'), target: l.target, rel: l.rel })),
    );
    assert.ok(links.length >= 3, `links: ${links.length}`);
    for (const link of links) {
      assert.equal(link.target, '_blank', link.href);
      assert.equal(link.rel, 'noopener noreferrer', link.href);
    }
    const fullView = links.find((l) => l.href.startsWith('/?') || l.href.startsWith('/'));
    assert.ok(fullView, 'the full-view link shows');
    assert.ok(!/embed|lock|accent/.test(fullView.href) && fullView.href.includes(`district=${DISTRICT}`), fullView.href);
    assert.equal(page.url(), host.url);

    // Keyboard: Tab from the link before enters widget A, walks through it and leaves to the
    // next link; Shift+Tab goes back in.
    await page.locator('#before').focus();
    await page.keyboard.press('Tab');
    // Focus crosses into another process (the widget is another site): wait for it.
    const inFrame = () => page.waitForFunction(() => document.activeElement.tagName === 'IFRAME').catch(() => {});
    await inFrame();
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'IFRAME', 'Tab enters the widget');
    assert.ok(await a.evaluate(() => document.activeElement !== document.body), 'focus is on a control in the widget');
    let steps = 0;
    while (steps < 400 && (await page.evaluate(() => document.activeElement.id)) !== 'middle') {
      await page.keyboard.press('Tab');
      steps += 1;
    }
    assert.equal(await page.evaluate(() => document.activeElement.id), 'middle', `Tab leaves the widget (${steps} steps)`);
    await page.keyboard.press('Shift+Tab');
    await inFrame();
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'IFRAME', 'Shift+Tab goes back in');

    await assertClean(assert, browser, [a, b, c]);
    await browser.close();
  });
}
