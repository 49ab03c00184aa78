// Ankommen's embed snippet: `<script src="https://…/embed.js" data-district="05966" async>`
// inserts the app as an iframe right after this script tag and keeps the iframe's height
// fitted to its content. Options are `data-` attributes with the names of docs/embedding.md.
//
// On the host page it defines no global, adds no style sheet and sets no cookie; it only
// styles its own iframe. Height messages are accepted only from this iframe and from the app's
// origin, and the app sends them only to the origin it was given here (`host`).
(() => {
  'use strict';
  // The same list as OPTIONS in crates/core/src/embed.rs (a test compares them).
  const OPTIONS = [
    'lang', 'q', 'kind', 'category', 'profession', 'district', 'municipality', 'near', 'radius',
    'sort', 'entry', 'view', 'catalog', 'area', 'lock', 'compact', 'accent', 'font', 'minheight',
    'maxheight', 'fullview', 'title',
  ];
  const TITLES = {
    de: 'Ankommen: Arbeit und Unterstützung für Gesundheitsberufe',
    en: 'Ankommen: jobs and support for health professionals',
  };
  const FIRST_HEIGHT = 600;

  const script = document.currentScript;
  if (!script || !script.src) {
    console.warn('Ankommen: embed.js must be loaded by a plain <script src> tag (not a module).');
    return;
  }
  const app = new URL('./', script.src);
  const params = new URLSearchParams();
  for (const { name, value } of script.attributes) {
    if (!name.startsWith('data-')) continue;
    const option = name.slice(5);
    if (OPTIONS.includes(option)) {
      params.append(option, value);
    } else {
      console.warn(`Ankommen: unknown option ${name} ignored`);
    }
  }
  params.set('embed', '1');
  // A page opened from a file has the origin "null"; then the height stays fixed.
  if (location.origin !== 'null') params.set('host', location.origin);

  const pixels = (name) => {
    const value = script.getAttribute(`data-${name}`);
    if (value === null) return undefined;
    const px = Number.parseInt(value, 10);
    if (px >= 1 && px <= 10000) return px;
    console.warn(`Ankommen: option data-${name}="${value}" ignored: a height in pixels, 1 to 10000`);
    return undefined;
  };
  const min = pixels('minheight') ?? 0;
  const max = pixels('maxheight') ?? Infinity;
  const fitted = (height) => Math.min(Math.max(height, min), max);

  const lang = (script.dataset.lang || document.documentElement.lang || 'de').slice(0, 2);
  const frame = document.createElement('iframe');
  frame.src = `${app.href}?${params}`;
  frame.title = script.dataset.title || TITLES[lang] || TITLES.de;
  frame.allow = 'geolocation';
  frame.style.border = '0';
  frame.style.display = 'block';
  frame.style.width = '100%';
  frame.style.height = `${fitted(FIRST_HEIGHT)}px`;
  script.after(frame);

  window.addEventListener('message', (event) => {
    if (event.origin !== app.origin || event.source !== frame.contentWindow) return;
    const { type, height } = event.data ?? {};
    if (type !== 'ankommen:height' || !Number.isFinite(height) || height < 0) return;
    frame.style.height = `${fitted(Math.ceil(height))}px`;
  });
})();
