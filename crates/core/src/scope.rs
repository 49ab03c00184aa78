//! Which chunks of a published set a view needs. A set of up to `load_whole` entries (by
//! default [`LOAD_ALL`]; the publisher may set it) is loaded whole, as a regional catalogue
//! always was, except in a widget locked to a place: it loads that place's districts only. A
//! larger one (a nationwide operator) is loaded where the user looks: the
//! districts a filter or a place names, else the districts in the map's view while they hold
//! at most `view_entries` (by default [`VIEW_ENTRIES`]); zoomed out further, the app shows
//! each district's count from the manifest instead of entries.

use crate::catalog::{Bounds, LatLon};
use crate::manifest::Manifest;
use crate::query::Facets;
use crate::url::{Place, UrlState};
use crate::vocab::Category;

/// By default, sets up to this many entries are loaded whole.
pub const LOAD_ALL: u32 = 120_000;
/// By default, the most entries a map view of a larger set loads.
pub const VIEW_ENTRIES: u32 = 30_000;

#[derive(Debug, Clone, PartialEq)]
pub enum Scope {
    /// Every entry of the set.
    All,
    /// The entries of these districts (keys); `chunks` are the manifest chunks that hold them.
    /// `in_view`: chosen by the map's view rather than by a filter or place, so results are
    /// limited to them ([`Query::within`](crate::query::Query::within)).
    Districts {
        keys: Vec<String>,
        chunks: Vec<u32>,
        in_view: bool,
    },
    /// Too many entries in view: counts per district from the manifest.
    Overview,
}

impl Scope {
    /// The chunks to load for this scope.
    pub fn chunks(&self, manifest: &Manifest) -> Vec<u32> {
        match self {
            Scope::All => (0..manifest.chunks.len() as u32).collect(),
            Scope::Districts { chunks, .. } => chunks.clone(),
            Scope::Overview => Vec::new(),
        }
    }
}

/// The scope of `state` with the map showing `view` (`None` before the map has started or
/// when it is hidden).
pub fn scope(manifest: &Manifest, state: &UrlState, view: Option<Bounds>) -> Scope {
    let whole = manifest.entries <= manifest.load_whole;
    // A widget locked to a place never shows anything else.
    let locked = ["district", "municipality", "near"]
        .iter()
        .any(|param| state.is_locked(param));
    if whole && !locked {
        return Scope::All;
    }
    let mut keys: Vec<String> = state.districts.clone();
    keys.extend(
        state
            .municipalities
            .iter()
            .filter_map(|m| m.get(..5).map(str::to_owned)),
    );
    if let Some(place) = &state.near {
        let center = match place {
            Place::Point(at) => Some(*at),
            Place::Municipality(key) => town_position(manifest, key),
        };
        if let Some(center) = center {
            let around = around(center, f64::from(state.radius()));
            keys.extend(districts_in(manifest, around));
            // A town's own district, even where its entries have no positions.
            if let Place::Municipality(key) = place {
                keys.extend(key.get(..5).map(str::to_owned));
            }
        }
    }
    if keys.is_empty() && whole {
        return Scope::All;
    }
    let in_view = keys.is_empty();
    if in_view {
        let Some(view) = view else {
            return Scope::Overview;
        };
        let shown = districts_in(manifest, view);
        let entries: u32 = manifest
            .districts
            .iter()
            .filter(|d| shown.contains(&d.key))
            .map(|d| d.entries)
            .sum();
        if shown.is_empty() || entries > manifest.view_entries {
            return Scope::Overview;
        }
        keys = shown;
    }
    crate::sort::sort_by(&mut keys, |a, b| a.cmp(b));
    keys.dedup();
    let mut chunks: Vec<u32> = manifest
        .districts
        .iter()
        .filter(|d| keys.contains(&d.key))
        .flat_map(|d| d.chunks.iter().copied())
        .collect();
    // Offers for the whole region apply in every district.
    chunks.extend(
        (0..manifest.chunks.len() as u32).filter(|n| manifest.chunks[*n as usize].region_wide),
    );
    crate::sort::sort_by(&mut chunks, |a, b| a.cmp(b));
    chunks.dedup();
    Scope::Districts {
        keys,
        chunks,
        in_view,
    }
}

impl Scope {
    /// The districts results are limited to, when the view chose them.
    pub fn within(&self) -> Option<Vec<String>> {
        match self {
            Scope::Districts {
                keys,
                in_view: true,
                ..
            } => Some(keys.clone()),
            _ => None,
        }
    }
}

/// A municipality's position is not in the manifest; its district's centre stands in.
fn town_position(manifest: &Manifest, key: &str) -> Option<LatLon> {
    let district = manifest
        .districts
        .iter()
        .find(|d| Some(d.key.as_str()) == key.get(..5))?;
    let b = district.bounds?;
    Some(LatLon {
        lat: (b.south + b.north) / 2.0,
        lon: (b.west + b.east) / 2.0,
    })
}

/// The districts whose entries' bounds meet `area`.
fn districts_in(manifest: &Manifest, area: Bounds) -> Vec<String> {
    manifest
        .districts
        .iter()
        .filter(|d| d.bounds.is_some_and(|b| meets(b, area)))
        .map(|d| d.key.clone())
        .collect()
}

fn meets(a: Bounds, b: Bounds) -> bool {
    a.south <= b.north && b.south <= a.north && a.west <= b.east && b.west <= a.east
}

/// A box around `at` at least `km` wide on each side.
fn around(at: LatLon, km: f64) -> Bounds {
    let dlat = km / 111.0;
    let dlon = km / (111.0 * at.lat.to_radians().cos().max(0.1));
    Bounds {
        south: at.lat - dlat,
        west: at.lon - dlon,
        north: at.lat + dlat,
        east: at.lon + dlon,
    }
}

/// What a zoomed-out view of a large set shows instead of entries: each district's entries
/// that pass the kind and category filters (counted exactly from the manifest's category
/// counts, since each entry has one category and each category one kind), and facet counts
/// for the whole set.
pub fn overview(manifest: &Manifest, state: &UrlState) -> (Vec<(usize, u32)>, Facets) {
    let wanted = |category: Category| {
        (state.kinds.is_empty() || state.kinds.contains(&category.kind()))
            && (state.categories.is_empty() || state.categories.contains(&category))
    };
    let counts = |district: &crate::manifest::District, pass: &dyn Fn(Category) -> bool| -> u32 {
        manifest
            .category_order
            .iter()
            .zip(&district.categories)
            .filter(|(c, _)| pass(**c))
            .map(|(_, n)| *n)
            .sum()
    };
    let districts: Vec<(usize, u32)> = manifest
        .districts
        .iter()
        .enumerate()
        .map(|(i, d)| (i, counts(d, &wanted)))
        .filter(|(_, n)| *n > 0)
        .collect();
    let mut facets = Facets::default();
    for d in &manifest.districts {
        for (category, n) in manifest.category_order.iter().zip(&d.categories) {
            let n = *n as usize;
            if n == 0 {
                continue;
            }
            // A facet's counts follow the other facet's choice, as with entries.
            if state.categories.is_empty() || state.categories.contains(category) {
                *facets.kinds.entry(category.kind()).or_default() += n;
            }
            if state.kinds.is_empty() || state.kinds.contains(&category.kind()) {
                *facets.categories.entry(*category).or_default() += n;
            }
        }
    }
    facets.professions = manifest
        .facets
        .professions
        .iter()
        .map(|(p, n)| (*p, *n as usize))
        .collect();
    facets.districts = districts
        .iter()
        .map(|(i, n)| (manifest.districts[*i].key.clone(), *n as usize))
        .collect();
    (districts, facets)
}
