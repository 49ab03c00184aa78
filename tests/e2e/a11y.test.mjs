// End-to-end accessibility: axe (WCAG 2.0/2.1 A and AA) on every main state of the app, in
// German and English, on a phone and a desktop; a keyboard-only journey from search to a phone
// number and back; and the result count as a polite live region.
import { test, before, after } from 'node:test';
import assert, { reportAssertions } from './assert.mjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { serve } from './server.mjs';
import { openBrowser, foreignRequests, ARTIFACTS } from './browser.mjs';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SIZES = [
  [390, 844],
  [1280, 800],
];
const LANGS = ['de', 'en'];

const catalog = JSON.parse(await readFile('assets/catalog.json', 'utf8'));

/** The single-line messages of a Fluent file (enough for button and landmark names). */
async function messages(lang) {
  const text = await readFile(`crates/core/i18n/${lang}.ftl`, 'utf8');
  const out = {};
  for (const line of text.split('\n')) {
    const m = /^([a-z][a-z0-9-]*) = (.+)$/.exec(line);
    if (m && !m[2].includes('{')) out[m[1]] = m[2].trim();
  }
  return out;
}
const T = { de: await messages('de'), en: await messages('en') };

// The entry the keyboard journey ends at: one with a phone number that the nurse filter keeps
// (its professions include nurses, or it names none and so is for every profession).
const forNurses = (entry) => !entry.professions?.length || entry.professions.includes('nurse');
const target = catalog.entries.find((entry) => entry.contact?.phone && forNurses(entry));
const entryText = (entry) =>
  [entry.name.de, entry.description?.de ?? '', ...(entry.tags ?? [])].join(' ').toLowerCase();
/** The word of its German name that the fewest other nurse entries mention. */
const searchWord = (() => {
  const words = target.name.de.split(/[^\p{L}]+/u).filter((w) => w.length >= 5);
  const others = catalog.entries.filter((e) => e !== target && forNurses(e)).map(entryText);
  const mentions = (word) => others.filter((text) => text.includes(word.toLowerCase())).length;
  return words.sort((a, b) => mentions(a) - mentions(b))[0];
})();
/** What the app makes of a phone number in a tel: link: digits and "+" only. */
const telHref = `tel:${target.contact.phone.replace(/[^0-9+]/g, '')}`;

let server;
reportAssertions(import.meta.url);

before(async () => {
  server = await serve(process.env.DIST ?? 'dist');
});
after(async () => {
  await server?.close();
});

/** The URL of the app with the given query parameters (lang=de is the default: left out). */
function appUrl(lang, params = {}) {
  const query = new URLSearchParams(params);
  if (lang !== 'de') query.set('lang', lang);
  const search = query.toString();
  return search ? `${server.url}?${search}` : server.url;
}

/** The list has rendered and the map, where it shows, has its markers and outlines: the app is ready. */
async function ready(page) {
  await page.locator('li.ak-item').first().waitFor({ timeout: 15000 });
  // A phone's list view builds no map until the map is shown (src/map.rs).
  if (!(await page.locator('.ak-map-pane').isVisible())) return;
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.ak-map .leaflet-marker-icon, .ak-map .marker-cluster').length > 0 &&
      document.querySelectorAll('.ak-map .leaflet-overlay-pane path').length > 0,
    null,
    { timeout: 15000 },
  );
}

function formatViolations(violations) {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help} – ${v.helpUrl}`,
        ...v.nodes.map(
          (n) => `  target: ${n.target.join(' ')}\n  html:   ${n.html}\n  ${n.failureSummary.replace(/\n/g, '\n  ')}`,
        ),
      ].join('\n'),
    )
    .join('\n\n');
}

async function expectNoViolations(page, label) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  if (violations.length > 0) console.log(`axe violations in ${label}:\n${formatViolations(violations)}`);
  assert.equal(violations.length, 0, `axe violations in ${label}:\n${formatViolations(violations)}`);
}

/** The checks every test ends with. */
async function expectClean(browser) {
  assert.deepEqual(browser.errors, [], 'no console error (CSP violations included)');
  assert.equal(await browser.page.evaluate(() => document.cookie), '', 'no cookie');
  assert.deepEqual(foreignRequests(browser.requests), [], 'no request left 127.0.0.1');
}

// Each state is reached from a fresh page; `lang` and `width` only change the view.
const STATES = {
  async initial(page, lang) {
    await page.goto(appUrl(lang));
    await ready(page);
  },
  async filtered(page, lang) {
    await page.goto(appUrl(lang));
    await ready(page);
    const count = page.locator('.ak-count');
    const before = await count.innerText();
    await page.locator('details.ak-filters > summary').click();
    await page.locator('input[name=profession][value=nurse]').check();
    await page.locator('#ak-search-input').fill('Pflege');
    await page.waitForFunction(() => {
      const query = new URLSearchParams(location.search);
      return query.get('profession') === 'nurse' && query.get('q') === 'Pflege';
    });
    await page.waitForFunction((text) => document.querySelector('.ak-count').innerText !== text, before);
    assert.ok(await page.locator('details.ak-filters').evaluate((d) => d.open), 'the filters are open');
  },
  async details(page, lang) {
    await page.goto(appUrl(lang));
    await ready(page);
    await page.locator(`#ak-item-${target.id}`).click();
    await page.waitForFunction(() => document.activeElement?.id === 'ak-details-title');
    await page.locator('aside.ak-details a[href^="tel:"]').waitFor();
  },
  async consent(page, lang, width) {
    await page.route('**/config.json', async (route) => {
      const config = JSON.parse(await (await route.fetch()).text());
      config.tiles = { url: 'https://tiles.test/{z}/{x}/{y}.png', attribution: '© Test tiles' };
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) });
    });
    // On a phone the notice is part of the map view, as the map is.
    await page.goto(appUrl(lang, width < 900 ? { view: 'map' } : {}));
    await page.locator('.ak-map .leaflet-overlay-pane path').first().waitFor({ state: 'attached', timeout: 15000 });
    await page.getByRole('region', { name: T[lang]['tiles-title'] }).waitFor();
    await page.getByRole('button', { name: T[lang]['tiles-agree'] }).waitFor();
    assert.match(
      await page.getByRole('region', { name: T[lang]['tiles-title'] }).innerText(),
      /tiles\.test/,
      'the notice names the tile host',
    );
  },
  async map(page, lang) {
    await page.goto(appUrl(lang, { view: 'map' }));
    await page.locator('.ak-map .leaflet-marker-icon, .ak-map .marker-cluster').first().waitFor({ state: 'visible', timeout: 15000 });
    assert.ok(await page.locator('.ak-map').isVisible(), 'the phone shows the map');
    assert.equal(
      await page.getByRole('button', { name: T[lang]['view-map'], exact: true }).getAttribute('aria-pressed'),
      'true',
      'the "map" view button is pressed',
    );
  },
};

for (const [state, reach] of Object.entries(STATES)) {
  for (const [width, height] of SIZES) {
    // The map view is the phone's; the desktop shows list and map side by side anyway.
    if (state === 'map' && width !== 390) continue;
    for (const lang of LANGS) {
      test(`axe: ${state} view, ${width} px, ${lang}: no WCAG 2.1 A/AA violation`, async () => {
        const browser = await openBrowser({ width, height });
        try {
          const { page } = browser;
          await reach(page, lang, width);
          assert.equal(await page.evaluate(() => document.documentElement.lang), lang, 'the page language is set');
          await page.screenshot({ path: join(ARTIFACTS, `a11y-${state}-${width}-${lang}.png`) });
          await expectNoViolations(page, `${state} view, ${width} px, ${lang}`);
          await expectClean(browser);
        } finally {
          await browser.close();
        }
      });
    }
  }
}

/** A short description of the focused element, for failure messages. */
const DESCRIBE = `(el) => {
  if (!el || el === document.body) return 'body';
  let d = el.tagName.toLowerCase();
  if (el.id) d += '#' + el.id;
  if (el.className && typeof el.className === 'string') d += '.' + el.className.trim().split(/\\s+/).join('.');
  for (const a of ['name', 'value', 'type', 'href']) if (el.getAttribute(a)) d += '[' + a + '=' + el.getAttribute(a) + ']';
  const text = (el.innerText || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  return text ? d + ' "' + text + '"' : d;
}`;

/** What is focused now: its description and whether `predicateSource` holds for it. */
function focusState(page, predicateSource) {
  // An expression string, not a function: the page's CSP forbids eval, and this needs none.
  return page.evaluate(`(() => {
    const el = document.activeElement;
    return { ok: Boolean((${predicateSource})(el)), what: (${DESCRIBE})(el) };
  })()`);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element satisfies `predicateSource` (a function
 * of the element, as source text); fails listing every element visited if it takes over `max`.
 */
async function tabUntil(page, predicateSource, max = 60, { shift = false } = {}) {
  const visited = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const { ok, what } = await focusState(page, predicateSource);
    visited.push(what);
    if (ok) return visited;
  }
  assert.fail(
    `${shift ? 'Shift+Tab' : 'Tab'} ×${max} never reached ${predicateSource}; visited:\n  ${visited.join('\n  ')}`,
  );
}

/** The focused element shows a focus indicator: it matches :focus-visible and has an outline. */
async function expectFocusRing(page, label) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
      focusVisible: el.matches(':focus-visible'),
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      style: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
    };
  });
  assert.ok(ring.focusVisible, `${label} matches :focus-visible`);
  assert.notEqual(ring.style, 'none', `${label} has a focus outline (${ring.outline})`);
  assert.ok(ring.width >= 2, `${label}'s focus outline is at least 2px wide (${ring.outline})`);
}

for (const [width, height] of SIZES) {
  test(`keyboard only, ${width} px: filter, search, open an entry, reach its phone number, Escape back`, async () => {
    const browser = await openBrowser({ width, height });
    try {
      const { page } = browser;
      await page.goto(server.url);
      await ready(page);

      await tabUntil(page, `(el) => el.matches('details.ak-filters > summary')`);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('details.ak-filters').open);

      const nurse = `(el) => el.matches('input[type=checkbox][name=profession][value=nurse]')`;
      await tabUntil(page, nurse);
      assert.ok(
        await page.getByRole('checkbox', { name: /^Pflegefachkräfte \(\d+\)$/ }).evaluate((el) => el === document.activeElement),
        'the focused checkbox is named "Pflegefachkräfte (N)"',
      );
      await expectFocusRing(page, 'the nurse checkbox');
      // Remember the element itself, to tell a replaced checkbox from a moved focus.
      await page.evaluate(() => {
        window.akFocusedBeforeSpace = document.activeElement;
      });
      await page.keyboard.press('Space');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('profession') === 'nurse');
      assert.ok(
        await page.locator('input[name=profession][value=nurse]').isChecked(),
        'Space checked the nurse filter',
      );
      // Checked after the rest of the journey, so one failure does not hide the others.
      const afterSpace = await focusState(page, nurse);
      const replaced = await page.evaluate(() => !window.akFocusedBeforeSpace.isConnected);
      const problems = [];
      if (!afterSpace.ok) {
        problems.push(
          `after Space the focus left the nurse checkbox for ${afterSpace.what}` +
            (replaced ? ' (the checkbox element was removed from the document and a new one rendered)' : ''),
        );
      }

      const visited = await tabUntil(page, `(el) => el.id === 'ak-search-input'`, 60, { shift: true });
      console.log(`keyboard ${width}px: Shift+Tab from the checkbox to the search field visited: ${visited.join(' → ')}`);
      console.log(`keyboard ${width}px: searching "${searchWord}" for ${target.id} (${telHref})`);
      await page.keyboard.type(searchWord);
      await page.waitForFunction((word) => new URLSearchParams(location.search).get('q') === word, searchWord);
      const link = page.locator(`#ak-item-${target.id}`);
      await link.waitFor();

      await tabUntil(page, `(el) => el.id === ${JSON.stringify(`ak-item-${target.id}`)}`);
      await expectFocusRing(page, 'the result link');
      await page.keyboard.press('Enter');
      await page.locator('aside.ak-details').waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'ak-details-title');
      assert.equal(
        await page.evaluate(() => document.activeElement.innerText.trim()),
        target.name.de,
        'the details heading, naming the entry, has the focus',
      );
      assert.equal(new URL(page.url()).searchParams.get('entry'), target.id, 'the URL names the open entry');

      // The entry's contact details come from its details file, fetched when it opens: a
      // visitor tabs on once they show.
      await page.locator('aside.ak-details a[href^="tel:"]').waitFor({ state: 'attached' });
      await tabUntil(page, `(el) => el.matches('a[href^="tel:"]')`, 20);
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), telHref);
      assert.ok(
        await page.evaluate(() => document.activeElement.closest('aside.ak-details') !== null),
        'the phone link is in the details',
      );

      await page.keyboard.press('Escape');
      await page.locator('aside.ak-details').waitFor({ state: 'detached' });
      await page.waitForFunction((id) => document.activeElement?.id === id, `ak-item-${target.id}`);
      assert.equal(new URL(page.url()).searchParams.get('entry'), null, 'the URL no longer names an entry');
      assert.ok(await link.isVisible(), 'the entry link that has the focus is visible');
      await page.screenshot({ path: join(ARTIFACTS, `a11y-keyboard-${width}.png`) });
      await expectClean(browser);
      assert.deepEqual(problems, [], 'keyboard focus is never lost on the way');
    } finally {
      await browser.close();
    }
  });
}

test('the result count is a polite status region whose text follows the filters', async () => {
  const browser = await openBrowser();
  try {
    const { page } = browser;
    await page.goto(server.url);
    await ready(page);
    const count = page.locator('.ak-count');
    assert.equal(await count.getAttribute('role'), 'status');
    assert.ok(
      [null, 'polite'].includes(await count.getAttribute('aria-live')),
      'role=status is polite; aria-live, if set, does not override it',
    );
    assert.equal(await page.getByRole('status').filter({ hasText: /Ergebnis/ }).count(), 1, 'one status names the count');
    const initial = await count.innerText();
    assert.equal(initial, `${catalog.entries.length} Ergebnisse`);

    await page.locator('details.ak-filters > summary').click();
    await page.locator('input[name=profession][value=nurse]').check();
    await page.waitForFunction((text) => document.querySelector('.ak-count').innerText !== text, initial);
    const filtered = await count.innerText();
    const label = await page.locator('input[name=profession][value=nurse]').evaluate((el) => el.closest('label').innerText);
    const expected = Number(/\((\d+)\)/.exec(label)[1]);
    assert.match(filtered, /^\d+ Ergebnisse?$|^Keine Ergebnisse$/);
    assert.notEqual(filtered, initial, 'the count changed');
    assert.equal(filtered, `${expected} Ergebnisse`, 'the count equals the number the nurse checkbox promised');
    assert.equal(await page.locator('li.ak-item').count(), expected, 'as many rows as the count says');
    await expectClean(browser);
  } finally {
    await browser.close();
  }
});
