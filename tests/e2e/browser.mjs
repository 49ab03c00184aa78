// Starts Debian's Chromium through playwright-core, with a recorder of every request and
// console error, so each test can assert that nothing left the machine.
import { chromium } from 'playwright-core';
import { mkdtemp, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Stops Chromium's own look-ups; requests the app tries still reach the recorder.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

export const ARTIFACTS = join(process.cwd(), 'target', 'e2e-artifacts');

/**
 * A fresh browser profile and page; `requests` and `errors` fill as the page runs.
 * `hostRules` (e.g. 'MAP tiles.test 127.0.0.1, ') is put in front of the resolver rules, so a
 * test can give a local server a third-party host name. `serviceWorkers: 'allow'` lets the
 * app's service worker run (blocked otherwise). `javaScript: false` is a browser without it
 * (the prerendered first screen and the entry pages). A navigation of the page (`goto`,
 * `reload`) returns once the app has taken the place of index.html's prerendered first screen
 * (src/first_screen.rs), as the tests expect the app; `awaitApp: false` returns at once.
 */
export async function openBrowser({ width = 1280, height = 800, locale = 'de-DE', hostRules = '', serviceWorkers = 'block', javaScript = true, awaitApp = true } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'ankommen-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS.map((arg) => arg.replace(/^--host-resolver-rules=/, (flag) => flag + hostRules)),
    viewport: { width, height },
    locale,
    // Playwright's page.route, which most tests use to play a server, cannot see what a
    // service worker fetches; tests/e2e/offline.test.mjs allows the worker and tests it.
    serviceWorkers,
    javaScriptEnabled: javaScript,
  });
  const requests = [];
  const errors = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  if (javaScript && awaitApp) {
    for (const method of ['goto', 'reload']) {
      const navigate = page[method].bind(page);
      page[method] = async (...args) => {
        const response = await navigate(...args);
        await page.waitForFunction(() => !document.querySelector('.ak-first'), null, { timeout: 30000 });
        return response;
      };
    }
  }
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  // A Content-Security-Policy violation is an error even when the browser does not log one.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await mkdir(ARTIFACTS, { recursive: true });
  return { context, page, requests, errors, close: () => context.close() };
}

/**
 * What every test ends with: no console error or CSP violation, no request that left this
 * machine, no cookie on any origin or in any of `frames` (the page's own frame included).
 */
export async function assertClean(assert, browser, frames = []) {
  assert.deepEqual(browser.errors, [], 'no console error or CSP violation');
  assert.deepEqual(foreignRequests(browser.requests), [], 'no request left this machine');
  assert.deepEqual(await browser.context.cookies(), [], 'no cookie on any origin');
  for (const frame of [browser.page.mainFrame(), ...frames]) {
    assert.equal(await frame.evaluate(() => document.cookie), '', `no cookie in ${frame.url()}`);
  }
}

/** Requests that went anywhere but this machine. */
export function foreignRequests(requests) {
  return requests.filter((url) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return false;
    return hostname !== '127.0.0.1' && hostname !== 'localhost';
  });
}

/**
 * Makes `target` (a page or a browser context) load `doc` as the operator's JSON catalogue, as
 * from an API: config.json names `catalog.json` (plus `extra` settings), which answers `doc`.
 * The app reads it through its worker (src/worker.rs), not as a published set.
 */
export async function routeJsonCatalogue(target, doc, extra = {}) {
  const config = JSON.parse(readFileSync(new URL('../../assets/config.json', import.meta.url), 'utf8'));
  await target.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...config, catalog: 'catalog.json', ...extra }) }),
  );
  await target.route('**/catalog.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: typeof doc === 'string' ? doc : JSON.stringify(doc) }),
  );
}
