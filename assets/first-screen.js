// Runs before the first paint (a classic script in <head>, so no 'unsafe-inline'): decides
// whether index.html's prerendered first screen is the view this visit shows, and in which
// language, by the app's rules (docs/url.md): `lang` in the URL, else the language kept on
// this device, else the first of the browser's languages the app speaks, else the first one.
// A URL with any other parameter asks for another view: then no prerendered block shows, so
// a deep link never flashes the default list. src/first_screen.rs reads the decision.
(() => {
  const root = document.documentElement;
  const offered = (root.dataset.languages ?? '').split(' ').filter(Boolean);
  if (offered.length === 0) return; // no first screen was written (a development build)
  const exact = (code) => (offered.includes(code) ? code : null);
  const negotiated = (tag) =>
    exact(tag) ?? exact(tag.split(/[-_]/)[0].toLowerCase());
  const params = new URLSearchParams(location.search);
  const otherView = [...params.keys()].some((key) => key !== 'lang');
  let kept = null;
  try {
    kept = localStorage.getItem('ankommen.language');
  } catch {
    // Storage disabled: the browser's languages decide.
  }
  const lang =
    exact(params.get('lang')) ??
    exact(kept) ??
    (navigator.languages ?? []).map(negotiated).find(Boolean) ??
    offered[0];
  root.dataset.firstScreen = otherView ? 'none' : lang;
  if (!otherView) root.lang = lang;
})();
