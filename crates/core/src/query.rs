//! What the user asked for and what the catalogue answers: filters (OR within a facet, AND
//! across facets), search, "near a place", sorting, and facet counts.
//!
//! The app keeps a [`Query`] in the URL and calls [`Finder::find`] on every change; the result
//! drives both the list and the map.

use crate::catalog::{Area, Catalog, Entry, LatLon};
use crate::date::Date;
use crate::geo::distance_km;
use crate::search::{Index, Synonyms};
use crate::vocab::{Category, Kind, Profession};
use std::cmp::Ordering;
use std::collections::BTreeMap;

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
    current: Vec<bool>,
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
    /// Prepares `catalog`; entries that are not current on `today` (expired, past events) are
    /// never found.
    pub fn new(catalog: Catalog, today: Date) -> Finder {
        let index = Index::new(&catalog.entries, &catalog.region);
        let current = catalog
            .entries
            .iter()
            .map(|e| e.is_current(today))
            .collect();
        Finder {
            catalog,
            index,
            current,
        }
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// How many entries are current (shown without any filter).
    pub fn current_count(&self) -> usize {
        self.current.iter().filter(|c| **c).count()
    }

    pub fn find(&self, query: &Query) -> Results {
        let terms = Synonyms::bundled().terms(&query.text);
        let scores = self.index.scores(&terms);
        let mut results = Results::default();
        for (index, entry) in self.catalog.entries.iter().enumerate() {
            if !self.current[index] {
                continue;
            }
            let Some(score) = scores[index] else { continue };
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
            if misses == 0 {
                results.hits.push(Hit {
                    index,
                    score,
                    distance_km: distance,
                });
            }
        }
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
        let mut hits = self.find(&query).hits;
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
        let name = |h: &Hit| crate::search::fold(&entries[h.index].name.de);
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

/// An entry counts for a facet's values when it passes every other filter.
fn count_facets(facets: &mut Facets, entry: &Entry, misses: u8) {
    let counts_for = |facet: Facet| misses & !(1 << facet as u8) == 0;
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
    if counts_for(Facet::District) {
        increment(&mut facets.districts, &entry.district);
    }
    if let Some(m) = entry
        .municipality
        .as_ref()
        .filter(|_| counts_for(Facet::Municipality))
    {
        increment(&mut facets.municipalities, m);
    }
}

/// Counts `key`, allocating only the first time it is seen.
fn increment(counts: &mut BTreeMap<String, usize>, key: &str) {
    match counts.get_mut(key) {
        Some(count) => *count += 1,
        None => {
            counts.insert(key.to_owned(), 1);
        }
    }
}
