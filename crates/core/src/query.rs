//! What the user asked for and what the catalogue answers: filters (OR within a facet, AND
//! across facets), search, "near a place", sorting, and facet counts.
//!
//! The app keeps a [`Query`] in the URL and calls [`Finder::find`] on every change; the result
//! drives both the list and the map.

#[cfg(feature = "json")]
use crate::catalog::Catalog;
use crate::catalog::{Area, LatLon};
#[cfg(feature = "json")]
use crate::date::Date;
use crate::geo::distance_km;
use crate::search::Synonyms;
use crate::store::{Store, NONE};
use crate::vocab::{Category, Kind, Profession};
use std::collections::BTreeMap;

/// Rows of results on the first screen: what the app renders before its first paint, and what
/// the prerendered page (`site::first_screen`) shows.
pub const FIRST_SCREEN_ROWS: usize = 20;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub text: String,
    pub kinds: Vec<Kind>,
    pub categories: Vec<Category>,
    pub professions: Vec<Profession>,
    /// 5-digit district keys.
    pub districts: Vec<String>,
    /// 8-digit municipality keys.
    pub municipalities: Vec<String>,
    pub near: Option<Near>,
    pub sort: Sort,
    /// The UI language, for sorting by name; German when empty.
    pub lang: String,
    /// Only entries of these districts, when the map's view decides what is loaded of a large
    /// set (`scope.rs`); unlike the district filter, the others are not counted either.
    pub within: Option<Vec<String>>,
}

/// "Within `radius_km` of this point"; `district` (of a picked municipality) lets entries that
/// cover a whole district count as near.
#[derive(Debug, Clone, PartialEq)]
pub struct Near {
    pub center: LatLon,
    pub radius_km: f64,
    pub district: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best search matches first; without search text, catalogue order.
    #[default]
    Relevance,
    Distance,
    Name,
    /// Most recently checked first.
    Newest,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into the catalogue's entries.
    pub index: usize,
    pub score: u32,
    /// Distance from the "near" point; `None` without one, or for area entries.
    pub distance_km: Option<f64>,
}

/// How many results each facet value would leave, given all the other filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    pub kinds: BTreeMap<Kind, usize>,
    pub categories: BTreeMap<Category, usize>,
    pub professions: BTreeMap<Profession, usize>,
    pub districts: BTreeMap<String, usize>,
    pub municipalities: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

/// The loaded entries prepared for repeated queries: the search index comes prebuilt with
/// each chunk, and every filter is a comparison of small numbers. It owns the [`Store`], so
/// the app keeps one value for both.
pub struct Finder {
    store: Store,
    /// Each entry's place among all entries sorted by name, for the language and store
    /// version it was made for: sorting by name compares numbers, not folded texts.
    name_ranks: Option<(u64, String, Vec<u32>)>,
    /// Scores of the last search, reused so a keystroke allocates nothing large.
    scores: Vec<Option<u32>>,
    /// Results worked out ahead by [`Finder::prime`], handed out once.
    primed: Option<(Query, Results)>,
}

/// The facets, as bit positions in the mask of facets an entry fails.
#[derive(Clone, Copy)]
enum Facet {
    Kind = 0,
    Category = 1,
    Profession = 2,
    District = 3,
    Municipality = 4,
}

impl Finder {
    pub fn with_store(store: Store) -> Finder {
        Finder {
            store,
            name_ranks: None,
            scores: Vec::new(),
            primed: None,
        }
    }

    /// A catalogue published in memory and loaded whole, every language included: what the
    /// app holds after loading all of its published set (tests and the operator preview).
    #[cfg(feature = "json")]
    pub fn new(catalog: Catalog, today: Date) -> Finder {
        Finder::with_store(crate::publish::load_all(&catalog, today))
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut Store {
        self.primed = None;
        &mut self.store
    }

    /// Works out `query`'s results now, for the next [`Finder::find`] of the same query: the
    /// app does this in a task of its own before the first screen renders, so that the render
    /// (one task) does not also filter every entry.
    pub fn prime(&mut self, query: &Query) {
        let results = self.find(query);
        self.primed = Some((query.clone(), results));
    }

    /// The entries `query` asks for, with facet counts.
    pub fn find(&mut self, query: &Query) -> Results {
        if let Some((primed, results)) = self.primed.take() {
            if primed == *query {
                return results;
            }
        }
        let terms = Synonyms::bundled().terms(&query.text);
        if terms.is_empty() {
            return self.filter(query, None);
        }
        let mut scores = std::mem::take(&mut self.scores);
        scores.clear();
        for (_, index) in self.store.indexes() {
            index.append_scores(&terms, &mut scores);
        }
        let results = self.filter(query, Some(&scores));
        self.scores = scores;
        results
    }

    /// The entries that pass `query`'s filters and have a score (every entry without search),
    /// in catalogue order, then sorted.
    fn filter(&mut self, query: &Query, scores: Option<&[Option<u32>]>) -> Results {
        let store = &self.store;
        let mut results = Results::default();
        let kinds = query.kinds.iter().fold(0u8, |mask, k| mask | 1 << *k as u8);
        let mut categories = [false; Category::ALL.len()];
        for c in &query.categories {
            categories[*c as usize] = true;
        }
        let professions = crate::chunk::professions_mask(&query.professions);
        let districts: Vec<Option<u16>> = query
            .districts
            .iter()
            .map(|d| store.district_number(d))
            .collect();
        let towns: Vec<Option<u32>> = query
            .municipalities
            .iter()
            .map(|m| store.town_number(m))
            .collect();
        let within: Option<Vec<Option<u16>>> = query
            .within
            .as_ref()
            .map(|keys| keys.iter().map(|d| store.district_number(d)).collect());
        let mut kind_counts = [0usize; Kind::ALL.len()];
        let mut category_counts = [0usize; Category::ALL.len()];
        let mut profession_counts = [0usize; Profession::ALL.len()];
        let mut district_counts = vec![0usize; store.district_keys().len()];
        let mut town_counts = vec![0usize; store.town_keys().len()];
        for &i in store.in_order() {
            let i = i as usize;
            // An offer for the whole region is within every view.
            let outside = || {
                within
                    .as_ref()
                    .is_some_and(|w| !w.contains(&Some(store.district_id(i))))
                    && store.area(i) != Some(Area::Region)
            };
            if !store.is_current(i) || outside() {
                continue;
            }
            let Some(score) = scores.map_or(Some(0), |scores| scores[i]) else {
                continue;
            };
            let distance = match &query.near {
                None => None,
                Some(near) => match self.near(i, near) {
                    Some(distance) => distance,
                    None => continue,
                },
            };
            let category = store.category(i);
            let kind = category.kind();
            let mask = store.profession_mask(i);
            let district = store.district_id(i);
            let town = store.town_id(i);
            let passes = [
                kinds == 0 || kinds & 1 << kind as u8 != 0,
                query.categories.is_empty() || categories[category as usize],
                // An entry for no profession in particular is for every profession.
                professions == 0 || mask == 0 || mask & professions != 0,
                districts.is_empty() || districts.contains(&Some(district)),
                towns.is_empty() || (town != NONE && towns.contains(&Some(town))),
            ];
            // One bit per facet the entry fails; this runs for every entry on every keystroke,
            // so nothing here allocates.
            let misses = passes
                .iter()
                .enumerate()
                .filter(|(_, passes)| !**passes)
                .fold(0u8, |bits, (facet, _)| bits | 1 << facet);
            if counts_for(misses, Facet::Kind) {
                kind_counts[kind as usize] += 1;
            }
            if counts_for(misses, Facet::Category) {
                category_counts[category as usize] += 1;
            }
            if counts_for(misses, Facet::Profession) {
                let mask = if mask == 0 { u16::MAX } else { mask };
                for (bit, count) in profession_counts.iter_mut().enumerate() {
                    *count += usize::from(mask & 1 << bit != 0);
                }
            }
            if counts_for(misses, Facet::District) {
                district_counts[district as usize] += 1;
            }
            if town != NONE && counts_for(misses, Facet::Municipality) {
                town_counts[town as usize] += 1;
            }
            if misses == 0 {
                results.hits.push(Hit {
                    index: i,
                    score,
                    distance_km: distance,
                });
            }
        }
        let facets = &mut results.facets;
        facets.kinds = counted(&kind_counts, |i| Kind::ALL[i]);
        facets.categories = counted(&category_counts, |i| Category::ALL[i]);
        facets.professions = counted(&profession_counts, |i| Profession::ALL[i]);
        facets.districts = counted(&district_counts, |i| store.district_keys()[i].clone());
        facets.municipalities = counted(&town_counts, |i| store.town_keys()[i].clone());
        self.sort(&mut results.hits, query);
        results
    }

    /// What helps around entry `index`: support offers, contacts and events within
    /// `radius_km` of its position (or its town's), and those that cover its district or the
    /// whole region, nearest first. A nurse looking at a hospital sees the childcare near it.
    pub fn nearby(&mut self, index: usize, radius_km: f64) -> Vec<Hit> {
        let store = &self.store;
        let Some(center) = store.location(index).or_else(|| {
            let key = store.municipality_key(index)?;
            Some(store.region().municipalities.get(key)?.location)
        }) else {
            return Vec::new();
        };
        let query = Query {
            kinds: vec![Kind::Support, Kind::Contact, Kind::Event],
            near: Some(Near {
                center,
                radius_km,
                district: Some(store.district_key(index).to_owned()),
            }),
            sort: Sort::Distance,
            ..Query::default()
        };
        let mut hits = self.filter(&query, None).hits;
        hits.retain(|hit| hit.index != index);
        hits
    }

    /// `None`: too far. `Some(None)`: near, without a distance (an area entry).
    fn near(&self, i: usize, near: &Near) -> Option<Option<f64>> {
        let store = &self.store;
        match (store.location(i), store.area(i)) {
            (Some(at), _) => {
                let d = distance_km(near.center, at);
                (d <= near.radius_km).then_some(Some(d))
            }
            (None, Some(Area::Region)) => Some(None),
            (None, _) => (near.district.as_deref() == Some(store.district_key(i))).then_some(None),
        }
    }

    /// Sorts hits that arrive in catalogue order; the sort is stable, so ties stay in
    /// catalogue order. Every order is a number per hit, so one sort serves them all.
    fn sort(&mut self, hits: &mut [Hit], query: &Query) {
        if query.sort == Sort::Name {
            self.rank_names(&query.lang);
        }
        let store = &self.store;
        let ranks = self.name_ranks.as_ref().map_or(&[][..], |(_, _, r)| r);
        // The standard sort in place, one copy of it for every order (sorting positions and
        // then moving the hits, as `crate::sort` does, cost 4 ms per keystroke natively at
        // 100,000 entries).
        hits.sort_by_key(|h| match query.sort {
            Sort::Relevance => u64::from(u32::MAX - h.score),
            // Distances are never negative, so their bits order as the numbers do; entries
            // without a distance (areas) come last.
            Sort::Distance => h.distance_km.map_or(u64::MAX, f64::to_bits),
            Sort::Name => u64::from(ranks[h.index]),
            Sort::Newest => u64::from(u32::MAX - store.checked(h.index)),
        });
    }

    /// Every entry's place in the list of all entries sorted by their folded name in `lang`
    /// (German when empty), ties in catalogue order; made once per language and store version.
    fn rank_names(&mut self, lang: &str) {
        let lang = if lang.is_empty() { "de" } else { lang };
        let store = &self.store;
        let fresh = self
            .name_ranks
            .as_ref()
            .is_some_and(|(version, l, _)| *version == store.version() && l == lang);
        if !fresh {
            let mut sorted: Vec<(String, u32)> = store
                .in_order()
                .iter()
                .map(|&i| {
                    let name = store.name(i as usize, lang).map_or("", |n| n.text);
                    (crate::search::fold(name), i)
                })
                .collect();
            // Stable, and the input is in catalogue order.
            crate::sort::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
            let mut ranks = vec![0u32; store.len()];
            for (rank, (_, i)) in sorted.iter().enumerate() {
                ranks[*i as usize] = rank as u32;
            }
            self.name_ranks = Some((store.version(), lang.to_owned(), ranks));
        }
    }
}

/// The counts that are not zero, by the key of their position. Inserted one by one: collecting
/// into a map would sort first, another copy of the sort in the wasm per key type.
fn counted<K: Ord>(counts: &[usize], key: impl Fn(usize) -> K) -> BTreeMap<K, usize> {
    let mut map = BTreeMap::new();
    for (i, n) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
        map.insert(key(i), *n);
    }
    map
}

/// True when an entry that fails the facets in `misses` counts for `facet`'s values: it passes
/// every other filter.
fn counts_for(misses: u8, facet: Facet) -> bool {
    misses & !(1 << facet as u8) == 0
}
