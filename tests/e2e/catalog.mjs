// Catalogue facts for the end-to-end tests, computed in plain JavaScript from the catalogue
// JSON, the vocabulary (crates/core/src/vocab.rs) and the synonyms (crates/core/data/
// synonyms.txt): what is current, what a search finds and in which order, facet counts,
// distances. The tests compare the app against these, so a result the app shows is checked
// against an independent computation rather than against itself.
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The bundled example catalogue and runtime configuration. */
export const catalog = JSON.parse(read('assets/catalog.json'));
export const config = JSON.parse(read('assets/config.json'));
export const outlineCount = JSON.parse(read('assets/districts.geojson')).features.length;

/** The closed vocabularies with their ids and labels, read from vocab.rs: { Kind: [{id, de, en}], … }. */
export const vocab = (() => {
  const source = read('crates/core/src/vocab.rs');
  const out = {};
  for (const block of source.split('vocabulary! {').slice(1)) {
    const name = block.match(/^\s*(?:\/\/\/[^\n]*\n\s*)*(\w+)\s*\{/)[1];
    out[name] = [...block.split('\n}')[0].matchAll(/^\s*\w+ = "([a-z_]+)", "([^"]*)", "([^"]*)";/gm)].map(
      ([, id, de, en]) => ({ id, de, en }),
    );
  }
  return out;
})();
export const KINDS = vocab.Kind.map((v) => v.id);
export const CATEGORIES = vocab.Category.map((v) => v.id);
export const PROFESSIONS = vocab.Profession.map((v) => v.id);
const labels = Object.fromEntries(
  Object.values(vocab).flatMap((list) => list.map((v) => [v.id, v])),
);
/** The label of a kind, category or profession id in `lang` (German for de, English otherwise). */
export const label = (id, lang) => labels[id][lang === 'de' ? 'de' : 'en'];

// ---------------------------------------------------------------------------------------------
// Dates

/** `YYYY-MM-DD` of the browser's today (its time zone), the date the app decides with. */
export function browserToday(page) {
  return page.evaluate(() => {
    const d = new Date();
    const two = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  });
}

/** Shown at all: within its validity window, and for an event not yet over. ISO dates compare as strings. */
export function isCurrent(entry, today) {
  const valid = entry.valid ?? {};
  if (valid.from && valid.from > today) return false;
  if (valid.until && today > valid.until) return false;
  if (entry.kind === 'event' && entry.event) return today <= (entry.event.end ?? entry.event.start);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Text: folding and synonyms, as the search does it

/** Lower case, umlauts and accents folded, "ae/oe/ue" typed for umlauts, "ß" as "ss", the rest spaces. */
export function fold(text) {
  const map = {
    a: 'äàáâãåą', o: 'öòóôõø', u: 'üùúû', e: 'éèêëę', i: 'íìîï', c: 'çćč', n: 'ñń', l: 'ł', s: 'śš', z: 'źżž',
  };
  const table = new Map();
  for (const [to, from] of Object.entries(map)) for (const ch of from) table.set(ch, to);
  let out = '';
  let previous = ' ';
  for (const ch of [...text.toLowerCase()]) {
    let folded;
    if (table.has(ch)) folded = table.get(ch);
    else if (ch === 'ß') {
      out += 's';
      folded = 's';
    } else if (/[\p{Alphabetic}\p{N}]/u.test(ch)) folded = ch;
    else folded = ' ';
    if (folded === 'e' && 'aou'.includes(previous)) {
      previous = 'e';
      continue;
    }
    out += folded;
    previous = folded;
  }
  return out;
}

export const words = (text) => fold(text).split(/\s+/).filter(Boolean);

/** Synonym groups: each a list of terms, each term a list of folded words. */
export const synonymGroups = read('crates/core/data/synonyms.txt')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.split(',').map(words).filter((t) => t.length));

const byTerm = new Map();
synonymGroups.forEach((group, g) => group.forEach((t) => byTerm.has(t.join(' ')) || byTerm.set(t.join(' '), g)));

/** The query's terms, as typed and with their synonyms (multi-word synonyms taken as one term). */
export function terms(query) {
  const tokens = words(query);
  const out = [];
  for (let i = 0; i < tokens.length; ) {
    let found = null;
    for (let n = Math.min(3, tokens.length - i); n >= 1 && !found; n--) {
      const key = tokens.slice(i, i + n).join(' ');
      if (byTerm.has(key)) found = { n, group: synonymGroups[byTerm.get(key)], key };
    }
    if (found) {
      out.push({
        typed: tokens.slice(i, i + found.n),
        synonyms: found.group.filter((t) => t.join(' ') !== found.key),
      });
      i += found.n;
    } else {
      out.push({ typed: [tokens[i]], synonyms: [] });
      i += 1;
    }
  }
  return out;
}

const WEIGHT = { name: 8, tags: 4, category: 4, place: 3, description: 1 };

/** All texts of a localized value, German first, then the other languages by code. */
const allTexts = (localized) =>
  [localized.de, ...Object.keys(localized).filter((k) => k !== 'de').sort().map((k) => localized[k])].join(' ');

/** The searchable fields of an entry as [weight, folded words]. */
export function searchFields(entry, region) {
  const fields = [
    [WEIGHT.name, allTexts(entry.name)],
    [WEIGHT.tags, (entry.tags ?? []).join(' ')],
    [
      WEIGHT.category,
      `${label(entry.category, 'de')} ${label(entry.category, 'en')} ${label(entry.kind, 'de')} ${label(entry.kind, 'en')}`,
    ],
  ];
  let place = region.municipalities?.[entry.municipality]?.name ?? '';
  if (region.districts[entry.district]) place += ` ${region.districts[entry.district]}`;
  if (entry.address?.city) place += ` ${entry.address.city}`;
  fields.push([WEIGHT.place, place]);
  if (entry.description) fields.push([WEIGHT.description, allTexts(entry.description)]);
  return fields.map(([weight, text]) => [weight, words(text)]);
}

/** Score of one phrase (folded words) in an entry's fields, or null; the last word may be a prefix. */
function phraseScore(fields, phrase, prefixOk) {
  const last = phrase[phrase.length - 1];
  const first = phrase.slice(0, -1);
  let best = null;
  for (const [weight, field] of fields) {
    for (let i = 0; i + first.length < field.length; i++) {
      if (!first.every((w, k) => field[i + k] === w)) continue;
      const word = field[i + first.length];
      const quality = word === last ? 2 : prefixOk && word.startsWith(last) ? 1 : 0;
      if (quality && (best === null || weight * quality > best)) best = weight * quality;
    }
  }
  return best;
}

/** The entry's search score for `query`: null when a term does not match, 0 for no text. */
export function score(entry, region, query) {
  const fields = searchFields(entry, region);
  let sum = 0;
  for (const term of terms(query)) {
    const alternatives = [
      [term.typed, 2, true],
      ...term.synonyms.map((s) => [s, 1, false]),
    ];
    let best = null;
    for (const [phrase, factor, typed] of alternatives) {
      const long = [...phrase[phrase.length - 1]].length >= 4;
      const s = phraseScore(fields, phrase, typed || long);
      if (s !== null && (best === null || s * factor > best)) best = s * factor;
    }
    if (best === null) return null;
    sum += best;
  }
  return sum;
}

// ---------------------------------------------------------------------------------------------
// Distances and numbers

/** Great-circle distance in km (haversine, earth radius 6371 km). */
export function distanceKm(a, b) {
  const rad = (d) => (d * Math.PI) / 180;
  const dlat = rad(b.lat - a.lat);
  const dlon = rad(b.lon - a.lon);
  const h = Math.sin(dlat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dlon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** A number as the UI writes it: integers plain, else one decimal, "," in German. */
export function formatNumber(n, lang) {
  const tenths = Math.round(n * 10);
  const whole = Math.trunc(tenths / 10);
  const rest = tenths % 10;
  const digits = String(whole).replace(/\B(?=(\d{3})+$)/g, lang === 'de' ? '.' : ',');
  return rest === 0 ? digits : `${digits}${lang === 'de' ? ',' : '.'}${rest}`;
}

/** Parses "12,3 km" / "12.3 km" back into a number. */
export const parseKm = (text) => Number(text.replace(/\s*km\s*$/, '').replace(',', '.'));

// ---------------------------------------------------------------------------------------------
// Finding: filters (OR within a facet, AND across), near a place, sorting, facet counts

const FACETS = ['kind', 'category', 'profession', 'district', 'municipality'];

/**
 * What the app should show for `query` = { q, kind, category, profession, district,
 * municipality (arrays), near (municipality key or {lat, lon}), radius (km, default 25), sort }.
 * Returns { hits: [{ index, entry, score, distance }], facets: { kind: {id: n}, … } }.
 */
export function find(cat, today, query = {}) {
  const region = cat.region;
  const want = Object.fromEntries(FACETS.map((f) => [f, query[f] ?? []]));
  let near = null;
  if (query.near) {
    const radius = query.radius ?? 25;
    if (typeof query.near === 'string') {
      const m = region.municipalities?.[query.near];
      if (m) near = { center: m.location, radius, district: query.near.slice(0, 5) };
    } else {
      near = { center: query.near, radius, district: null };
    }
  }
  const facets = Object.fromEntries(FACETS.map((f) => [f, {}]));
  const add = (facet, id) => (facets[facet][id] = (facets[facet][id] ?? 0) + 1);
  const hits = [];
  cat.entries.forEach((entry, index) => {
    if (!isCurrent(entry, today)) return;
    const s = query.q ? score(entry, region, query.q) : 0;
    if (s === null) return;
    let distance = null;
    if (near) {
      if (entry.location) {
        distance = distanceKm(near.center, entry.location);
        if (distance > near.radius) return;
      } else if (entry.area !== 'region' && near.district !== entry.district) {
        return;
      }
    }
    const professions = entry.professions?.length ? entry.professions : PROFESSIONS;
    const passes = {
      kind: !want.kind.length || want.kind.includes(entry.kind),
      category: !want.category.length || want.category.includes(entry.category),
      profession:
        !want.profession.length || !entry.professions?.length || entry.professions.some((p) => want.profession.includes(p)),
      district: !want.district.length || want.district.includes(entry.district),
      municipality: !want.municipality.length || want.municipality.includes(entry.municipality),
    };
    const misses = FACETS.filter((f) => !passes[f]);
    const countsFor = (facet) => misses.every((m) => m === facet);
    if (countsFor('kind')) add('kind', entry.kind);
    if (countsFor('category')) add('category', entry.category);
    if (countsFor('profession')) professions.forEach((p) => add('profession', p));
    if (countsFor('district')) add('district', entry.district);
    if (entry.municipality && countsFor('municipality')) add('municipality', entry.municipality);
    if (!misses.length) hits.push({ index, entry, score: s, distance });
  });
  const byIndex = (a, b) => a.index - b.index;
  switch (query.sort ?? 'relevance') {
    case 'relevance':
      hits.sort((a, b) => b.score - a.score || byIndex(a, b));
      break;
    case 'distance':
      hits.sort((a, b) => {
        if (a.distance !== null && b.distance !== null) return a.distance - b.distance || byIndex(a, b);
        if (a.distance !== null) return -1;
        if (b.distance !== null) return 1;
        return byIndex(a, b);
      });
      break;
    case 'name': {
      const key = (h) => fold(h.entry.name.de);
      hits.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      break;
    }
    case 'newest': {
      const checked = (h) => h.entry.source?.checked ?? '';
      hits.sort((a, b) => (checked(b) < checked(a) ? -1 : checked(b) > checked(a) ? 1 : byIndex(a, b)));
      break;
    }
  }
  return { hits, facets };
}

/** Support, contact and event entries around entry `index` within `radius` km (or covering its district or the region), nearest first. */
export function nearby(cat, today, index, radius) {
  const entry = cat.entries[index];
  const center = entry.location ?? cat.region.municipalities?.[entry.municipality]?.location;
  if (!center) return [];
  // As find() with a point, but area entries of the entry's own district count as near.
  const hits = [];
  cat.entries.forEach((other, i) => {
    if (i === index || !isCurrent(other, today) || !['support', 'contact', 'event'].includes(other.kind)) return;
    if (other.location) {
      const d = distanceKm(center, other.location);
      if (d <= radius) hits.push({ index: i, entry: other, distance: d });
    } else if (other.area === 'region' || other.district === entry.district) {
      hits.push({ index: i, entry: other, distance: null });
    }
  });
  return hits.sort((a, b) => {
    if (a.distance !== null && b.distance !== null) return a.distance - b.distance || a.index - b.index;
    if (a.distance !== null) return -1;
    if (b.distance !== null) return 1;
    return a.index - b.index;
  });
}
