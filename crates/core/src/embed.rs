//! The widget: the options only an embedding uses, the initial map area, and the code a web
//! editor copies from the configurator. Options travel in the app's URL under the same names
//! as every other parameter (`docs/url.md`), and `embed.js` passes its `data-` attributes on
//! under those names, so one list of names serves both forms.

use crate::catalog::{Bounds, LatLon, Region};
use crate::decimal;
use crate::theme::Rgb;
use crate::url::UrlState;

/// Every option a snippet or iframe may set: the URL parameters a visitor's link can hold, and
/// those only an embedding uses. `assets/embed.js` keeps the same list (a test compares them).
pub const OPTIONS: &[&str] = &[
    "lang",
    "q",
    "kind",
    "category",
    "profession",
    "district",
    "municipality",
    "near",
    "radius",
    "sort",
    "entry",
    "view",
    "catalog",
    "area",
    "lock",
    "compact",
    "accent",
    "font",
    "minheight",
    "maxheight",
    "fullview",
    "title",
];

/// Filters a widget can lock, so visitors cannot remove their preset values.
pub const LOCKABLE: &[&str] = &[
    "kind",
    "category",
    "profession",
    "district",
    "municipality",
    "near",
];

/// How the app behaves inside another site's page.
#[derive(Debug, Clone, PartialEq)]
pub struct Embed {
    /// `embed=1`: history entries are replaced, links open new tabs, heights are fixed.
    pub enabled: bool,
    /// `host`: the embedding page's origin, set by `embed.js`; height messages go only there.
    pub host: Option<String>,
    /// `compact=1`: no header.
    pub compact: bool,
    /// `accent`: the operator's colour, darkened where it is not readable.
    pub accent: Option<Rgb>,
    /// `font`: a CSS font-family list of fonts installed on visitors' devices.
    pub font: Option<String>,
    /// `minheight`, `maxheight`: limits in CSS pixels for the fitted iframe (used by `embed.js`).
    pub min_height: Option<u32>,
    pub max_height: Option<u32>,
    /// `fullview=0` hides the "open in full view" link.
    pub full_view: bool,
    /// `title`: the iframe's accessible name (used by `embed.js`).
    pub title: Option<String>,
}

impl Default for Embed {
    fn default() -> Self {
        Embed {
            enabled: false,
            host: None,
            compact: false,
            accent: None,
            font: None,
            min_height: None,
            max_height: None,
            full_view: true,
            title: None,
        }
    }
}

/// The longest font list or title accepted: enough for any real one, and no more.
const MAX_TEXT: usize = 200;
pub const MAX_HEIGHT_PX: u32 = 10_000;

impl Embed {
    /// Reads one embedding parameter. `None` when `param` is not one; `Some(false)` when its
    /// value is unusable (the caller reports it).
    pub fn read(&mut self, param: &str, value: &str) -> Option<bool> {
        let ok = match param {
            "embed" => flag(value).map(|on| self.enabled = on).is_some(),
            "host" => is_origin(value)
                .then(|| self.host = Some(value.to_owned()))
                .is_some(),
            "compact" => flag(value).map(|on| self.compact = on).is_some(),
            "accent" => Rgb::parse(value).map(|c| self.accent = Some(c)).is_some(),
            "font" => is_font_list(value)
                .then(|| self.font = Some(value.to_owned()))
                .is_some(),
            "minheight" => pixels(value).map(|px| self.min_height = Some(px)).is_some(),
            "maxheight" => pixels(value).map(|px| self.max_height = Some(px)).is_some(),
            "fullview" => flag(value).map(|on| self.full_view = on).is_some(),
            "title" => {
                (!value.is_empty() && value.chars().count() <= MAX_TEXT && !has_control(value))
                    .then(|| self.title = Some(value.to_owned()))
                    .is_some()
            }
            _ => return None,
        };
        Some(ok)
    }

    /// The parameters that differ from the defaults, in a fixed order.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let on = |b: bool| if b { "1" } else { "0" }.to_owned();
        if self.compact {
            out.push(("compact", on(true)));
        }
        if let Some(accent) = self.accent {
            // Without '#', so the URL needs no escape for it.
            out.push(("accent", accent.to_hex()[1..].to_owned()));
        }
        if let Some(font) = &self.font {
            out.push(("font", font.clone()));
        }
        if let Some(px) = self.min_height {
            out.push(("minheight", px.to_string()));
        }
        if let Some(px) = self.max_height {
            out.push(("maxheight", px.to_string()));
        }
        if !self.full_view {
            out.push(("fullview", on(false)));
        }
        if let Some(title) = &self.title {
            out.push(("title", title.clone()));
        }
        if self.enabled {
            out.push(("embed", on(true)));
        }
        if let Some(host) = &self.host {
            out.push(("host", host.clone()));
        }
        out
    }
}

/// Where the map starts: a district, a town with a radius, or explicit bounds (`area`).
#[derive(Debug, Clone, PartialEq)]
pub enum MapArea {
    /// `area=05966`
    District(String),
    /// `area=05966024` or `area=05966024,10` (kilometres around the town; default 10).
    Municipality { key: String, radius_km: u32 },
    /// `area=south,west,north,east` in decimal degrees.
    Bounds(Bounds),
}

pub const DEFAULT_AREA_RADIUS_KM: u32 = 10;

impl MapArea {
    pub fn parse(value: &str) -> Option<MapArea> {
        let parts: Vec<&str> = value.split(',').map(str::trim).collect();
        let key = |v: &str, digits: usize| {
            (v.len() == digits && v.bytes().all(|b| b.is_ascii_digit())).then(|| v.to_owned())
        };
        match parts[..] {
            [district] if key(district, 5).is_some() => Some(MapArea::District(district.into())),
            [town] => Some(MapArea::Municipality {
                key: key(town, 8)?,
                radius_km: DEFAULT_AREA_RADIUS_KM,
            }),
            [town, km] => Some(MapArea::Municipality {
                key: key(town, 8)?,
                radius_km: km
                    .parse()
                    .ok()
                    .filter(|km| (1..=crate::url::MAX_RADIUS_KM).contains(km))?,
            }),
            [s, w, n, e] => {
                let b = Bounds {
                    south: decimal::parse(s)?,
                    west: decimal::parse(w)?,
                    north: decimal::parse(n)?,
                    east: decimal::parse(e)?,
                };
                let ordered = b.south < b.north && b.west < b.east;
                let on_earth = (-90.0..=90.0).contains(&b.south)
                    && (-90.0..=90.0).contains(&b.north)
                    && (-180.0..=180.0).contains(&b.west)
                    && (-180.0..=180.0).contains(&b.east);
                (ordered && on_earth).then_some(MapArea::Bounds(b))
            }
            _ => None,
        }
    }

    pub fn to_param(&self) -> String {
        match self {
            MapArea::District(key) => key.clone(),
            MapArea::Municipality { key, radius_km } if *radius_km == DEFAULT_AREA_RADIUS_KM => {
                key.clone()
            }
            MapArea::Municipality { key, radius_km } => format!("{key},{radius_km}"),
            MapArea::Bounds(b) => {
                format!("{:.5},{:.5},{:.5},{:.5}", b.south, b.west, b.north, b.east)
            }
        }
    }

    /// The area on the map; `None` when the region knows no such district or town.
    pub fn bounds(&self, region: &Region) -> Option<Bounds> {
        match self {
            MapArea::Bounds(b) => Some(*b),
            MapArea::Municipality { key, radius_km } => {
                let at = region.municipalities.get(key)?.location;
                Some(around(at, *radius_km as f64))
            }
            MapArea::District(key) => {
                // The district's towns, with a margin: the catalogue's region has their
                // locations, and the outline file need not be loaded for this.
                let mut towns = region
                    .municipalities
                    .iter()
                    .filter(|(k, _)| k.starts_with(key.as_str()))
                    .map(|(_, m)| m.location);
                let first = towns.next()?;
                let b = towns.fold(around(first, 5.0), |b, p| {
                    let p = around(p, 5.0);
                    Bounds {
                        south: b.south.min(p.south),
                        west: b.west.min(p.west),
                        north: b.north.max(p.north),
                        east: b.east.max(p.east),
                    }
                });
                Some(b)
            }
        }
    }
}

/// A square of `km` around `at`, in degrees.
fn around(at: LatLon, km: f64) -> Bounds {
    let dlat = km / 111.2;
    let dlon = km / (111.2 * at.lat.to_radians().cos().max(0.01));
    Bounds {
        south: at.lat - dlat,
        west: at.lon - dlon,
        north: at.lat + dlat,
        east: at.lon + dlon,
    }
}

fn flag(value: &str) -> Option<bool> {
    match value {
        "1" | "true" | "yes" | "" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

fn pixels(value: &str) -> Option<u32> {
    let value = value.strip_suffix("px").unwrap_or(value);
    value
        .parse()
        .ok()
        .filter(|px| (1..=MAX_HEIGHT_PX).contains(px))
}

fn has_control(value: &str) -> bool {
    value.chars().any(char::is_control)
}

/// A web origin: `http(s)://host[:port]`, nothing after it. postMessage needs exactly that.
pub fn is_origin(value: &str) -> bool {
    let Some((scheme, rest)) = value.split_once("://") else {
        return false;
    };
    // IPv6 literals are not supported: no municipal site is served from one.
    let (host, port) = match rest.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    matches!(scheme, "http" | "https")
        && !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        && port.is_none_or(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Font names, commas, spaces, hyphens and quotes: nothing that could end the CSS value.
fn is_font_list(value: &str) -> bool {
    !value.trim().is_empty()
        && value.chars().count() <= MAX_TEXT
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || " ,-_'\"".contains(c))
}

/// The code a web editor copies: `app` is the app's address (ending in `/`).
pub struct Code {
    /// `<script src=…/embed.js data-…>`: a fitted, resizing iframe.
    pub snippet: String,
    /// `<iframe src=…>`: for sites that allow no third-party script; fixed height.
    pub iframe: String,
}

/// The iframe's accessible name when the editor gives none (the same as in `embed.js`).
pub fn default_title(lang: &str) -> &'static str {
    match lang {
        "en" => "Ankommen: jobs and support for health professionals",
        _ => "Ankommen: Arbeit und Unterstützung für Gesundheitsberufe",
    }
}

/// The height of the plain iframe, which cannot fit itself to its content.
pub const IFRAME_HEIGHT_PX: u32 = 800;

pub fn code(app: &str, state: &UrlState, title: &str) -> Code {
    let params = state.params();
    let mut snippet = format!("<script src=\"{}embed.js\"", attr(app));
    // `embed.js` adds `embed` and `host` itself.
    for (name, value) in params
        .iter()
        .filter(|(n, _)| !matches!(*n, "embed" | "host"))
    {
        snippet.push_str(&format!(" data-{name}=\"{}\"", attr(value)));
    }
    snippet.push_str(" async></script>");

    let mut iframe_state = state.clone();
    iframe_state.embed.enabled = true;
    let height = state.embed.min_height.unwrap_or(0).max(
        state
            .embed
            .max_height
            .unwrap_or(IFRAME_HEIGHT_PX)
            .min(IFRAME_HEIGHT_PX),
    );
    let src = format!("{app}?{}", iframe_state.to_query());
    let iframe = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" allow=\"geolocation\" loading=\"lazy\"></iframe>",
        attr(&src),
        attr(state.embed.title.as_deref().unwrap_or(title)),
    );
    Code { snippet, iframe }
}

/// Text for a double-quoted HTML attribute.
fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_scheme_host_and_port_only() {
        for good in [
            "https://www.kreis-olpe.de",
            "http://localhost:8080",
            "http://127.0.0.1:5173",
        ] {
            assert!(is_origin(good), "{good}");
        }
        for bad in [
            "",
            "*",
            "null",
            "https://",
            "javascript://x",
            "https://kreis-olpe.de/",
            "https://kreis-olpe.de/seite",
            "https://a b",
            "https://x:80a",
            "https://x:",
        ] {
            assert!(!is_origin(bad), "{bad}");
        }
    }

    #[test]
    fn fonts_cannot_break_out_of_the_css_value() {
        assert!(is_font_list("\"Source Sans 3\", Arial, sans-serif"));
        assert!(is_font_list("Fira Sans"));
        for bad in ["", "Arial; color: red", "x}body{", "url(x)", "a\\62"] {
            assert!(!is_font_list(bad), "{bad}");
        }
    }

    #[test]
    fn map_areas_parse_and_print_back() {
        for (text, printed) in [
            ("05966", "05966"),
            ("05966024", "05966024"),
            ("05966024,10", "05966024"),
            ("05966024, 20", "05966024,20"),
            ("50.9,7.7,51.2,8.1", "50.90000,7.70000,51.20000,8.10000"),
        ] {
            let area = MapArea::parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(area.to_param(), printed);
            assert_eq!(MapArea::parse(printed), Some(area));
        }
        for bad in [
            "",
            "0596",
            "Olpe",
            "05966024,0",
            "05966024,x",
            "51.2,7.7,50.9,8.1",
            "1,2,3",
            "95,1,96,2",
        ] {
            assert_eq!(MapArea::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn generated_code_escapes_what_an_editor_typed() {
        let mut state = UrlState::default();
        state.embed.font = Some("\"Fira Sans\", sans-serif".into());
        state.embed.title = Some("A & B".into());
        let code = code("https://app.example/ankommen/", &state, "Ankommen");
        assert_eq!(
            code.snippet,
            "<script src=\"https://app.example/ankommen/embed.js\" \
             data-font=\"&quot;Fira Sans&quot;, sans-serif\" data-title=\"A &amp; B\" async></script>"
        );
        assert!(code.iframe.starts_with(
            "<iframe src=\"https://app.example/ankommen/?font=%22Fira%20Sans%22,%20sans-serif&amp;title=A%20%26%20B&amp;embed=1\" title=\"A &amp; B\""
        ), "{}", code.iframe);
        assert!(code.iframe.contains("allow=\"geolocation\""));
    }
}
