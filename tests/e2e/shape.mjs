// The structure of a page region as data, for comparing index.html's prerendered first screen
// (crates/core/src/site/first_screen.rs) with the app's first render
// (tests/e2e/first-screen.test.mjs, national.test.mjs). Passed to `locator.evaluate`.

/**
 * The structure of `root` as data, for comparing the prerendered screen with the app's:
 * elements with their attributes (no `style`, which the app sets through the CSSOM), a form
 * control's value, merged text. Left out, as parts that differ by design or arrive after the
 * first paint: the map's inside (Leaflet, or a no-script note), the filter groups (built
 * after the first paint; the summary stays), rows after the first screen's; a row's link is
 * reduced to its entry id (`e/<id>/` prerendered, `?entry=<id>` in the app); the `-<lang>`
 * that a block's ids end in when it is not the first (`suffix`) is dropped.
 */
export function shape(root, { rows, suffix }) {
  const unsuffixed = (value) => (suffix && value.endsWith(suffix) ? value.slice(0, -suffix.length) : value);
  const attributes = (el) => {
    if (el.classList.contains('ak-map')) return { role: el.getAttribute('role'), 'aria-label': el.getAttribute('aria-label') };
    const out = {};
    for (const { name, value } of el.attributes) {
      if (name === 'style' || name === 'selected') continue;
      const reference = ['id', 'for', 'aria-labelledby'].includes(name) || (name === 'href' && value.startsWith('#'));
      out[name] = reference ? unsuffixed(value) : value;
    }
    // A district's link in the overview: `?district=<key>` prerendered, with the path in the app.
    if (el.matches('.ak-overview a')) out.href = out.href.slice(out.href.indexOf('?'));
    if (el.matches('.ak-item__name a')) {
      const href = out.href;
      out.href = `entry:${/^e\/(.+)\/$/.exec(href)?.[1] ?? new URLSearchParams(href.split('?')[1] ?? '').get('entry')}`;
    }
    if (el.matches('select, input')) out['(value)'] = el.value;
    if (el.matches('option')) out['(disabled)'] = String(el.disabled);
    return out;
  };
  const walk = (el) => {
    const children = [];
    let text = '';
    const flush = () => {
      if (text.trim()) children.push(text.replace(/\s+/g, ' ').trim());
      text = '';
    };
    const skip = el.classList.contains('ak-map');
    let row = 0;
    for (const node of skip ? [] : el.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      if (el.matches('details.ak-filters') && node.tagName !== 'SUMMARY') continue;
      if (node.matches('.ak-item') && ++row > rows) continue;
      flush();
      children.push(walk(node));
    }
    flush();
    return { tag: el.tagName.toLowerCase(), attributes: attributes(el), children };
  };
  return [...root.children].map(walk);
}
