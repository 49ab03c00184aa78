// Starts the app from a file instead of Trunk's inline loader, so the page runs under a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval', no 'unsafe-inline').
// Trunk writes the hashed file names into this script tag's data attributes (Trunk.toml);
// scripts/minify-glue.mjs adds the files' integrity, which the browser checks.
//
// Beside a prerendered first screen (assets/first-screen.js) the code is fetched once that
// screen has been painted: on a slow network 280 KB of wasm would otherwise share the line
// with the page's styles, and nothing on the first screen needs it. Without one (a link to
// another view, a widget) nothing shows before the app, so it starts at once.
const tag = document.querySelector('script[data-wasm]');
const { js, wasm, jsIntegrity, wasmIntegrity } = tag.dataset;
if ((document.documentElement.dataset.firstScreen ?? 'none') !== 'none') {
  // After the next frame; a page that paints no frames (a background tab) goes ahead anyway.
  await new Promise((painted) => {
    requestAnimationFrame(() => setTimeout(painted, 0));
    setTimeout(painted, 100);
  });
}
if (jsIntegrity) {
  // A dynamic import has no integrity option; it takes the module this preload checked.
  const preload = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: js, integrity: jsIntegrity, crossOrigin: 'anonymous' });
  document.head.append(preload);
}
// The wasm is fetched while the glue loads, as a preload link would.
const module = fetch(wasm, { integrity: wasmIntegrity ?? '' });
const { default: init } = await import(js);
await init({ module_or_path: module });
