//! What the user asked for and what the catalogue answers: filters (OR within a facet, AND
//! across facets), search, "near a place", sorting, and facet counts.
//!
//! The app keeps a [`Query`] in the URL and calls [`Finder::find`] on every change; the result
//! drives both the list and the map.

use crate::catalog::{Area, Catalog, Entry, LatLon};
use crate::date::Date;
use crate::geo::distance_km;
use crate::search::{Index, IndexBuilder, Synonyms};
use crate::vocab::{Category, Kind, Profession};
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

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

/// A catalogue prepared for repeated queries: search words are folded once, not per keystroke.
/// It owns the catalogue, so the app keeps one value for both.
pub struct Finder {
    catalog: Catalog,
    index: Index,
    /// The search index while it is still being built ([`Finder::deferred`]).
    building: Option<IndexBuilder>,
    current: Vec<bool>,
    districts: Interned,
    municipalities: Interned,
}

/// Each entry's district or municipality key as a small number, so facet counting on every
/// keystroke indexes an array instead of comparing strings.
struct Interned {
    keys: Vec<String>,
    /// Per entry; `NONE` when the entry has no key.
    of_entry: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Interned {
    fn new<'a>(keys: impl Iterator<Item = Option<&'a str>>) -> Interned {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut out = Interned {
            keys: Vec::new(),
            of_entry: Vec::new(),
        };
        for key in keys {
            let id = key.map_or(NONE, |key| {
                *ids.entry(key).or_insert_with(|| {
                    out.keys.push(key.to_owned());
                    out.keys.len() as u32 - 1
                })
            });
            out.of_entry.push(id);
        }
        out
    }

    /// Counts by id, turned into the facet's map of key → count.
    fn counts(&self, counts: &[usize]) -> BTreeMap<String, usize> {
        counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(id, n)| (self.keys[id].clone(), *n))
            .collect()
    }
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
    /// Prepares `catalog`, search index included; entries that are not current on `today`
    /// (expired, past events) are never found.
    pub fn new(catalog: Catalog, today: Date) -> Finder {
        let mut finder = Finder::deferred(catalog, today);
        finder.prepare(usize::MAX);
        finder
    }

    /// Like [`Finder::new`], but leaves the search index to [`Finder::prepare`]: filters work
    /// at once, and the first search finishes whatever is left of the index. At 100,000
    /// entries the index takes longer to build than everything else the first screen needs.
    pub fn deferred(catalog: Catalog, today: Date) -> Finder {
        let current = catalog
            .entries
            .iter()
            .map(|e| e.is_current(today))
            .collect();
        let districts = Interned::new(catalog.entries.iter().map(|e| Some(e.district.as_str())));
        let municipalities =
            Interned::new(catalog.entries.iter().map(|e| e.municipality.as_deref()));
        Finder {
            catalog,
            index: Index::default(),
            building: Some(IndexBuilder::default()),
            current,
            districts,
            municipalities,
        }
    }

    /// Builds up to `budget` entries' worth of the search index; `true` once it is complete.
    pub fn prepare(&mut self, budget: usize) -> bool {
        let Some(builder) = &mut self.building else {
            return true;
        };
        let (entries, region) = (&self.catalog.entries, &self.catalog.region);
        while !builder.step(entries, region, budget) {
            if budget != usize::MAX {
                return false;
            }
        }
        if let Some(builder) = self.building.take() {
            self.index = builder.finish();
        }
        true
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The entries `query` asks for, with facet counts. A search finishes the index first if
    /// [`Finder::prepare`] has not.
    pub fn find(&mut self, query: &Query) -> Results {
        let terms = Synonyms::bundled().terms(&query.text);
        if terms.is_empty() {
            return self.filter(query, None);
        }
        self.prepare(usize::MAX);
        let scores = self.index.scores(&terms);
        self.filter(query, Some(&scores))
    }

    /// The entries that pass `query`'s filters and have a score (every entry without search).
    fn filter(&self, query: &Query, scores: Option<&[Option<u32>]>) -> Results {
        let mut results = Results::default();
        let mut districts = vec![0; self.districts.keys.len()];
        let mut municipalities = vec![0; self.municipalities.keys.len()];
        for (index, entry) in self.catalog.entries.iter().enumerate() {
            if !self.current[index] {
                continue;
            }
            let Some(score) = scores.map_or(Some(0), |scores| scores[index]) else {
                continue;
            };
            let distance = match &query.near {
                None => None,
                Some(near) => match self.near(entry, near) {
                    Some(distance) => distance,
                    None => continue,
                },
            };
            let passes = [
                query.kinds.is_empty() || query.kinds.contains(&entry.kind),
                query.categories.is_empty() || query.categories.contains(&entry.category),
                // An entry for no profession in particular is for every profession.
                query.professions.is_empty()
                    || entry.professions.is_empty()
                    || entry
                        .professions
                        .iter()
                        .any(|p| query.professions.contains(p)),
                query.districts.is_empty() || query.districts.contains(&entry.district),
                query.municipalities.is_empty()
                    || entry
                        .municipality
                        .as_ref()
                        .is_some_and(|m| query.municipalities.contains(m)),
            ];
            // One bit per facet the entry fails; this runs for every entry on every keystroke,
            // so nothing here allocates.
            let misses = passes
                .iter()
                .enumerate()
                .filter(|(_, passes)| !**passes)
                .fold(0u8, |bits, (facet, _)| bits | 1 << facet);
            count_facets(&mut results.facets, entry, misses);
            if counts_for(misses, Facet::District) {
                districts[self.districts.of_entry[index] as usize] += 1;
            }
            let municipality = self.municipalities.of_entry[index];
            if municipality != NONE && counts_for(misses, Facet::Municipality) {
                municipalities[municipality as usize] += 1;
            }
            if misses == 0 {
                results.hits.push(Hit {
                    index,
                    score,
                    distance_km: distance,
                });
            }
        }
        results.facets.districts = self.districts.counts(&districts);
        results.facets.municipalities = self.municipalities.counts(&municipalities);
        self.sort(&mut results.hits, query);
        results
    }

    /// What helps around entry `index`: support offers, contacts and events within
    /// `radius_km` of its position (or its town's), and those that cover its district or the
    /// whole region, nearest first. A nurse looking at a hospital sees the childcare near it.
    pub fn nearby(&self, index: usize, radius_km: f64) -> Vec<Hit> {
        let entry = &self.catalog.entries[index];
        let region = &self.catalog.region;
        let Some(center) = entry.location.or_else(|| {
            let key = entry.municipality.as_ref()?;
            Some(region.municipalities.get(key)?.location)
        }) else {
            return Vec::new();
        };
        let query = Query {
            kinds: vec![Kind::Support, Kind::Contact, Kind::Event],
            near: Some(Near {
                center,
                radius_km,
                district: Some(entry.district.clone()),
            }),
            sort: Sort::Distance,
            ..Query::default()
        };
        let mut hits = self.filter(&query, None).hits;
        hits.retain(|hit| hit.index != index);
        hits
    }

    /// `None`: too far. `Some(None)`: near, without a distance (an area entry).
    fn near(&self, entry: &Entry, near: &Near) -> Option<Option<f64>> {
        match (entry.location, entry.area) {
            (Some(at), _) => {
                let d = distance_km(near.center, at);
                (d <= near.radius_km).then_some(Some(d))
            }
            (None, Some(Area::Region)) => Some(None),
            (None, _) => {
                (near.district.as_deref() == Some(entry.district.as_str())).then_some(None)
            }
        }
    }

    fn sort(&self, hits: &mut [Hit], query: &Query) {
        let entries = &self.catalog.entries;
        let by_distance = |a: &Hit, b: &Hit| match (a.distance_km, b.distance_km) {
            (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        let name = |h: &Hit| crate::search::fold(entries[h.index].name.get(&query.lang));
        match query.sort {
            Sort::Relevance => {
                hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)))
            }
            Sort::Distance => hits.sort_by(|a, b| by_distance(a, b).then(a.index.cmp(&b.index))),
            Sort::Name => hits.sort_by_cached_key(name),
            Sort::Newest => hits.sort_by(|a, b| {
                let checked = |h: &Hit| entries[h.index].source.as_ref().map(|s| s.checked);
                checked(b).cmp(&checked(a)).then(a.index.cmp(&b.index))
            }),
        }
    }
}

/// True when an entry that fails the facets in `misses` counts for `facet`'s values: it passes
/// every other filter.
fn counts_for(misses: u8, facet: Facet) -> bool {
    misses & !(1 << facet as u8) == 0
}

/// An entry counts for a facet's values when it passes every other filter. (Districts and
/// municipalities are counted by id in [`Finder::find`].)
fn count_facets(facets: &mut Facets, entry: &Entry, misses: u8) {
    let counts_for = |facet| counts_for(misses, facet);
    if counts_for(Facet::Kind) {
        *facets.kinds.entry(entry.kind).or_default() += 1;
    }
    if counts_for(Facet::Category) {
        *facets.categories.entry(entry.category).or_default() += 1;
    }
    if counts_for(Facet::Profession) {
        let professions = if entry.professions.is_empty() {
            Profession::ALL
        } else {
            &entry.professions
        };
        for p in professions {
            *facets.professions.entry(*p).or_default() += 1;
        }
    }
}
