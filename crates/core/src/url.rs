//! What the user sees, as the URL's query string: filters, search text, place and radius,
//! sort order, the open entry, the phone view and the language. The URL is the one source of
//! truth; `docs/url.md` documents every parameter, and embedding reuses the same names.
//!
//! Parsing never fails: a value it cannot use is dropped and reported as [`Ignored`], so a
//! typo in a shared link or an embed snippet costs one filter, not the page.

use crate::catalog::{LatLon, Region};
use crate::embed::{Embed, MapArea, LOCKABLE};
use crate::query::{Near, Query, Sort};
use crate::validate::{is_language_code, is_well_formed_id};
use crate::vocab::{Category, Kind, Profession};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// The radius used when a place is picked without one.
pub const DEFAULT_RADIUS_KM: u32 = 25;
pub const MAX_RADIUS_KM: u32 = 300;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct UrlState {
    /// `lang`: the UI language, when the URL sets one.
    pub lang: Option<String>,
    /// `q`: the search text.
    pub text: String,
    /// `kind`, `category`, `profession`, `district`, `municipality`: comma-separated values.
    pub kinds: Vec<Kind>,
    pub categories: Vec<Category>,
    pub professions: Vec<Profession>,
    pub districts: Vec<String>,
    pub municipalities: Vec<String>,
    /// `near`: a municipality key or `lat,lon`.
    pub near: Option<Place>,
    /// `radius`: kilometres around `near`; [`DEFAULT_RADIUS_KM`] when absent.
    pub radius_km: Option<u32>,
    /// `sort`: `relevance` (default), `distance`, `name`, `newest`.
    pub sort: Sort,
    /// `entry`: the id of the entry whose details are open.
    pub entry: Option<String>,
    /// `view`: which pane shows, `list` (default), `map` or `both`.
    pub pane: Pane,
    /// `catalog`: a catalogue other than the configured one (checked against the runtime
    /// configuration's allowed origins before it is loaded).
    pub catalog: Option<String>,
    /// `area`: where the map starts instead of the whole region.
    pub area: Option<MapArea>,
    /// `lock`: filters whose values visitors cannot change (a widget's preset).
    pub locked: Vec<&'static str>,
    /// The options only an embedding uses.
    pub embed: Embed,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// An 8-digit municipality key (AGS) of the catalogue's region.
    Municipality(String),
    /// A point, e.g. the browser's location after the user asked for it.
    Point(LatLon),
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Pane {
    #[default]
    List,
    Map,
    /// List and map at once, also on a phone (a widget's choice).
    Both,
}

/// A parameter value that was dropped, for a console warning that names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Ignored {
    pub param: String,
    pub value: String,
}

impl std::fmt::Display for Ignored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ignored URL parameter {}={:?}", self.param, self.value)
    }
}

impl Sort {
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Distance => "distance",
            Sort::Name => "name",
            Sort::Newest => "newest",
        }
    }

    pub fn from_id(id: &str) -> Option<Sort> {
        [Sort::Relevance, Sort::Distance, Sort::Name, Sort::Newest]
            .into_iter()
            .find(|s| s.as_str() == id)
    }
}

impl UrlState {
    /// Reads a query string (with or without the leading `?`). Repeated parameters add up for
    /// list parameters; for single ones the last wins.
    pub fn parse(query: &str) -> (UrlState, Vec<Ignored>) {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut state = UrlState::default();
        let mut ignored = Vec::new();
        for (param, value) in form_urlencoded::parse(query.as_bytes()) {
            let mut ignore = |v: &str| {
                ignored.push(Ignored {
                    param: param.to_string(),
                    value: v.to_owned(),
                })
            };
            let raw = &value;
            let value = value.trim();
            match &*param {
                "lang" if is_language_code(value) => state.lang = Some(value.to_owned()),
                // Not trimmed: a space typed between two words is part of the text.
                "q" => state.text = raw.to_string(),
                "kind" => add_all(&mut state.kinds, value, Kind::from_id, &mut ignore),
                "category" => add_all(&mut state.categories, value, Category::from_id, &mut ignore),
                "profession" => add_all(
                    &mut state.professions,
                    value,
                    Profession::from_id,
                    &mut ignore,
                ),
                "district" => add_all(&mut state.districts, value, ags(5), &mut ignore),
                "municipality" => add_all(&mut state.municipalities, value, ags(8), &mut ignore),
                "near" => match parse_place(value) {
                    Some(place) => state.near = Some(place),
                    None => ignore(value),
                },
                "radius" => match value.parse::<u32>() {
                    Ok(km) if (1..=MAX_RADIUS_KM).contains(&km) => state.radius_km = Some(km),
                    _ => ignore(value),
                },
                "sort" => match Sort::from_id(value) {
                    Some(sort) => state.sort = sort,
                    None => ignore(value),
                },
                "entry" if is_well_formed_id(value) => state.entry = Some(value.to_owned()),
                "view" => match value {
                    "list" => state.pane = Pane::List,
                    "map" => state.pane = Pane::Map,
                    "both" => state.pane = Pane::Both,
                    _ => ignore(value),
                },
                "catalog" if is_catalog_address(value) => state.catalog = Some(value.to_owned()),
                "area" => match MapArea::parse(value) {
                    Some(area) => state.area = Some(area),
                    None => ignore(value),
                },
                "lock" => add_all(
                    &mut state.locked,
                    value,
                    |v| LOCKABLE.iter().copied().find(|l| *l == v),
                    &mut ignore,
                ),
                name => {
                    if state.embed.read(name, value) != Some(true) {
                        ignore(value)
                    }
                }
            }
        }
        (state, ignored)
    }

    /// The canonical query string, without `?`; empty for the default view. Parameters come
    /// in a fixed order and defaults are left out, so one view has one URL.
    pub fn to_query(&self) -> String {
        self.params()
            .iter()
            .map(|(k, v)| format!("{k}={}", utf8_percent_encode(v, VALUE)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The parameters that differ from the defaults, in the order of `docs/url.md`.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = Vec::new();
        if let Some(lang) = &self.lang {
            out.push(("lang", lang.clone()));
        }
        if !self.text.trim().is_empty() {
            out.push(("q", self.text.clone()));
        }
        out.extend(self.filter_params());
        if self.sort != Sort::Relevance {
            out.push(("sort", self.sort.as_str().to_owned()));
        }
        if let Some(entry) = &self.entry {
            out.push(("entry", entry.clone()));
        }
        match self.pane {
            Pane::List => {}
            Pane::Map => out.push(("view", "map".to_owned())),
            Pane::Both => out.push(("view", "both".to_owned())),
        }
        if let Some(catalog) = &self.catalog {
            out.push(("catalog", catalog.clone()));
        }
        if let Some(area) = &self.area {
            out.push(("area", area.to_param()));
        }
        if !self.locked.is_empty() {
            out.push(("lock", self.locked.join(",")));
        }
        out.extend(self.embed.params());
        out
    }

    /// `kind` to `radius`: the parameters that narrow the results.
    fn filter_params(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let mut list = |name: &'static str, values: Vec<&str>| {
            if !values.is_empty() {
                out.push((name, values.join(",")));
            }
        };
        list("kind", self.kinds.iter().map(|k| k.as_str()).collect());
        list(
            "category",
            self.categories.iter().map(|c| c.as_str()).collect(),
        );
        list(
            "profession",
            self.professions.iter().map(|p| p.as_str()).collect(),
        );
        list(
            "district",
            self.districts.iter().map(String::as_str).collect(),
        );
        list(
            "municipality",
            self.municipalities.iter().map(String::as_str).collect(),
        );
        if let Some(place) = &self.near {
            out.push(("near", place.to_param()));
            if let Some(km) = self.radius_km.filter(|km| *km != DEFAULT_RADIUS_KM) {
                out.push(("radius", km.to_string()));
            }
        }
        out
    }

    /// The same view as a normal page of the app: what "open in full view" links to. Filters
    /// stay, but unlocked, and the widget's looks go.
    pub fn full_view(&self) -> UrlState {
        UrlState {
            locked: Vec::new(),
            embed: Embed::default(),
            ..self.clone()
        }
    }

    pub fn is_locked(&self, param: &str) -> bool {
        self.locked.contains(&param)
    }

    /// The search and filters this state asks of the catalogue. A municipality the region
    /// does not know cannot be a place, so it is left out.
    pub fn query(&self, region: &Region) -> Query {
        let near = self.near.as_ref().and_then(|place| {
            let (center, district) = match place {
                Place::Point(at) => (*at, None),
                Place::Municipality(key) => {
                    let m = region.municipalities.get(key)?;
                    // A well-formed key starts with its district's; the catalogue's region
                    // keys are only checked with warnings, so this must not assume it.
                    (m.location, key.get(..5).and_then(ags(5)))
                }
            };
            Some(Near {
                center,
                radius_km: self.radius() as f64,
                district,
            })
        });
        Query {
            text: self.text.clone(),
            kinds: self.kinds.clone(),
            categories: self.categories.clone(),
            professions: self.professions.clone(),
            districts: self.districts.clone(),
            municipalities: self.municipalities.clone(),
            near,
            sort: self.sort,
            lang: String::new(),
            within: None,
        }
    }

    /// Adds `value` to list parameter `param` (`kind`, `category`, …), or removes it when it
    /// is there: what a filter checkbox does. False when `param` or `value` is not valid.
    pub fn toggle(&mut self, param: &str, value: &str) -> bool {
        if self.is_locked(param) {
            return false;
        }
        fn flip<T: PartialEq>(list: &mut Vec<T>, value: Option<T>) -> bool {
            let Some(value) = value else { return false };
            match list.iter().position(|v| *v == value) {
                Some(at) => {
                    list.remove(at);
                }
                None => list.push(value),
            }
            true
        }
        match param {
            "kind" => flip(&mut self.kinds, Kind::from_id(value)),
            "category" => flip(&mut self.categories, Category::from_id(value)),
            "profession" => flip(&mut self.professions, Profession::from_id(value)),
            "district" => flip(&mut self.districts, ags(5)(value)),
            "municipality" => flip(&mut self.municipalities, ags(8)(value)),
            _ => false,
        }
    }

    pub fn radius(&self) -> u32 {
        self.radius_km.unwrap_or(DEFAULT_RADIUS_KM)
    }

    /// True when any filter, search text or place narrows the results.
    pub fn has_filters(&self) -> bool {
        !self.text.trim().is_empty() || !self.filter_params().is_empty()
    }

    /// True when "Clear all filters" would change something: locked presets do not count.
    pub fn has_clearable_filters(&self) -> bool {
        let mut cleared = self.clone();
        cleared.clear_filters();
        cleared.text != self.text || cleared.filter_params() != self.filter_params()
    }

    /// "Clear all filters": search, facets and place go, unless a widget locked them;
    /// everything else stays.
    pub fn clear_filters(&mut self) {
        let free = |param: &str| !self.locked.contains(&param);
        self.text.clear();
        if free("kind") {
            self.kinds.clear();
        }
        if free("category") {
            self.categories.clear();
        }
        if free("profession") {
            self.professions.clear();
        }
        if free("district") {
            self.districts.clear();
        }
        if free("municipality") {
            self.municipalities.clear();
        }
        if free("near") {
            self.near = None;
            self.radius_km = None;
            if self.sort == Sort::Distance {
                self.sort = Sort::Relevance;
            }
        }
    }
}

impl Place {
    fn to_param(&self) -> String {
        match self {
            Place::Municipality(key) => key.clone(),
            // Five decimals are about a metre: enough, and it keeps links short.
            Place::Point(at) => format!("{:.5},{:.5}", at.lat, at.lon),
        }
    }
}

/// Everything but letters, digits and `-_.,~` is percent-encoded; commas stay readable
/// because they separate list values.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b',')
    .remove(b'~');

fn add_all<T: PartialEq>(
    target: &mut Vec<T>,
    value: &str,
    parse: impl Fn(&str) -> Option<T>,
    ignore: &mut impl FnMut(&str),
) {
    for item in value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
        match parse(item) {
            Some(v) if !target.contains(&v) => target.push(v),
            Some(_) => {}
            None => ignore(item),
        }
    }
}

fn ags(digits: usize) -> impl Fn(&str) -> Option<String> {
    move |v| (v.len() == digits && v.bytes().all(|b| b.is_ascii_digit())).then(|| v.to_owned())
}

/// A catalogue address a link may carry: a path on the app's site, or an http(s) URL (whose
/// origin the runtime configuration must still allow). No other scheme gets through.
fn is_catalog_address(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let absolute = lower.starts_with("https://") || lower.starts_with("http://");
    let relative = !value.is_empty()
        && !value.starts_with("//")
        && !value.contains(':')
        && !value.contains('\\');
    (absolute || relative) && !value.chars().any(|c| c.is_control() || c == ' ')
}

fn parse_place(value: &str) -> Option<Place> {
    if let Some(key) = ags(8)(value) {
        return Some(Place::Municipality(key));
    }
    let (lat, lon) = value.split_once(',')?;
    let at = LatLon {
        lat: crate::decimal::parse(lat.trim())?,
        lon: crate::decimal::parse(lon.trim())?,
    };
    ((-90.0..=90.0).contains(&at.lat) && (-180.0..=180.0).contains(&at.lon))
        .then_some(Place::Point(at))
}
