// Starts the app from a file instead of Trunk's inline loader, so the page runs under a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval', no 'unsafe-inline').
// Trunk writes the hashed file names into this script tag's data attributes (Trunk.toml);
// scripts/minify-glue.mjs adds the glue's integrity, which browsers that support modulepreload
// check. Not the wasm's: a fetch with integrity hands over its response only once the whole
// body has arrived and been hashed, so the wasm could not be compiled while it downloads.
//
// Beside a prerendered first screen (assets/first-screen.js) the code is fetched once that
// screen has been painted: on a slow network 280 KB of wasm would otherwise share the line
// with the page's styles, and nothing on the first screen needs it. Without one (a link to
// another view, a widget) nothing shows before the app, so it starts at once.
const tag = document.querySelector('script[data-wasm]');
const { js, wasm, jsIntegrity } = tag.dataset;
const prerendered = (document.documentElement.dataset.firstScreen ?? 'none') !== 'none';
const waits = prerendered && document.visibilityState === 'visible';
if (waits) {
  // Once the browser reports the first contentful paint (or, without paint timing, two frames
  // on). A tab hidden meanwhile paints nothing and goes ahead, and so does a page whose first
  // paint takes over a second.
  await new Promise((go) => {
    if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      new PerformanceObserver((list, observer) => {
        if (list.getEntriesByName('first-contentful-paint').length > 0) {
          observer.disconnect();
          go();
        }
      }).observe({ type: 'paint', buffered: true });
    } else {
      requestAnimationFrame(() => requestAnimationFrame(go));
    }
    document.addEventListener('visibilitychange', go, { once: true });
    setTimeout(go, 1000);
  });
}
// For the tests and traces: when the code was asked for, and whether it waited for the paint.
performance.mark('ankommen-code', { detail: { waited: waits } });
if (jsIntegrity) {
  // A dynamic import has no integrity option; it takes the module this preload checked.
  const preload = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: js, integrity: jsIntegrity, crossOrigin: 'anonymous' });
  document.head.append(preload);
}
// The wasm is fetched while the glue loads, as a preload link would.
const module = fetch(wasm);
const { default: init } = await import(js);
await init({ module_or_path: module });
