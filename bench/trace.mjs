// Chromium traces for the benchmarks (bench/load.mjs, bench/interaction.mjs): the longest task on
// the page's main thread in a window of the page's own clock, and what a visit transferred.
//
// A task is a `RunTask` event on the renderer's main thread (`CrRendererMain`), as the
// Performance panel of Chromium's developer tools shows them; "long" in the sense of the Long
// Tasks API is over 50 ms. The page's main thread is the one that recorded the app's (or the
// benchmark's) performance marks, which also tie the trace's clock to `performance.now()`.

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  // DocumentLoader::CommitNavigation: the task in which Chromium commits the navigation.
  'loading',
  '__metadata',
];

/** Starts a trace on `cdp` (a page's CDP session); resolves to `stop()`, which resolves to its events. */
export async function startTrace(cdp) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES },
  });
  return async () => {
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/**
 * The longest main-thread task of `events` that overlaps [from, to] (milliseconds of the page's
 * `performance.now()`): `{ ms, at, count50, tasks, top, navigation }`, `at` when it started
 * (page clock), `count50` how many tasks in the window took over 50 ms, `top` the longest events
 * inside it (what it spent its time on). The task in which the browser commits the navigation
 * (it replaces the blank page, creates the document and its script context, and scans the
 * HTML's head, before any of the page's scripts runs) is left out of these and reported alone
 * as `navigation` (ms, or null): it is the browser's, the same whatever the page then loads.
 * `anchor` is a performance mark the page set, with its `startTime`, to find the page's thread
 * and clock; null when the trace has no such mark.
 */
export function longestTask(events, { anchor, startTime }, from, to) {
  const mark = events.find((e) => e.name === anchor && e.cat?.includes('blink.user_timing'));
  if (!mark) return null;
  const { pid, tid } = mark;
  const page = (ts) => (ts - mark.ts) / 1000 + startTime;
  const onThread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number');
  const within = (task) => (e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur;
  const all = onThread.filter((e) => e.name === 'RunTask' && page(e.ts + e.dur) >= from && page(e.ts) <= to);
  const commits = onThread.filter((e) => e.name === 'DocumentLoader::CommitNavigation');
  const isNavigation = (task) => commits.some(within(task));
  const navigation = all.filter(isNavigation).reduce((ms, t) => Math.max(ms ?? 0, t.dur / 1000), null);
  const tasks = all.filter((t) => !isNavigation(t));
  if (tasks.length === 0) return { ms: 0, at: null, count50: 0, tasks: 0, top: [], navigation };
  const longest = tasks.reduce((a, b) => (b.dur > a.dur ? b : a));
  const inside = onThread
    .filter((e) => e !== longest && e.ts >= longest.ts && e.ts + e.dur <= longest.ts + longest.dur && e.name !== 'RunTask')
    .sort((a, b) => b.dur - a.dur)
    .slice(0, 4)
    .map((e) => `${e.name}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''} ${(e.dur / 1000).toFixed(0)} ms`);
  return {
    ms: longest.dur / 1000,
    at: page(longest.ts),
    count50: tasks.filter((t) => t.dur > 50_000).length,
    tasks: tasks.length,
    top: inside,
    navigation,
  };
}

/**
 * Records what `context` (a Playwright browser context) fetches over HTTP, the requests of
 * dedicated workers included (Chromium's page-level CDP Network events and the page's resource
 * timing do not see those; Playwright attaches to each worker). `transferred()` resolves to
 * `[{ url, bytes }]`, bytes as received: body as encoded on the wire plus response headers.
 */
export function recordTransfers(context) {
  const pending = [];
  context.on('requestfinished', (request) => {
    if (!/^https?:/.test(request.url())) return;
    pending.push(
      request
        .sizes()
        .then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize }))
        .catch(() => ({ url: request.url(), bytes: 0 })),
    );
  });
  return { transferred: () => Promise.all(pending) };
}
