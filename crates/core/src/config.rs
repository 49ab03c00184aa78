//! The runtime configuration (`config.json` beside `index.html`): what an operator changes
//! without rebuilding the app.

use crate::problem::Problem;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct RuntimeConfig {
    /// The catalogue loaded by default: a path relative to the app, or a URL.
    pub catalog: String,
    /// A tile server to use once the user agrees; `None` keeps the map tile-free.
    pub tiles: Option<TileSource>,
    /// The operator's legal pages, linked in every mode.
    pub legal: Legal,
    /// Origins a `catalog` link or widget option may load from besides the app's own, e.g.
    /// `https://daten.kreis-olpe.de`. Anything else is refused, so nobody can craft a link on
    /// the operator's site that shows a stranger's catalogue.
    pub catalog_origins: Vec<String>,
}

/// Links every German public website needs. Each is optional so a test deployment works, but
/// a production one should set all of them (docs/deployment.md).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Legal {
    /// Impressum (§ 5 DDG).
    pub imprint: Option<String>,
    /// Datenschutzerklärung.
    pub privacy: Option<String>,
    /// Erklärung zur Barrierefreiheit (BITV 2.0).
    pub accessibility: Option<String>,
    /// The accessibility feedback contact the statement names: a mailto: or https: link.
    pub accessibility_feedback: Option<String>,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig {
            catalog: "catalog.json".into(),
            tiles: None,
            legal: Legal::default(),
            catalog_origins: Vec::new(),
        }
    }
}

impl RuntimeConfig {
    /// The catalogue to load: `requested` (a link's `catalog`) when it is a path on the app's
    /// own site or a URL on an allowed origin, else the configured one, with the reason.
    pub fn catalog_address(
        &self,
        requested: Option<&str>,
        own_origin: &str,
    ) -> (String, Option<Problem>) {
        let Some(requested) = requested else {
            return (self.catalog.clone(), None);
        };
        let allowed = match origin_of(requested) {
            None => !requested.starts_with("//") && !requested.contains(':'),
            Some(origin) => {
                origin.eq_ignore_ascii_case(own_origin)
                    || self
                        .catalog_origins
                        .iter()
                        .any(|o| o.trim_end_matches('/').eq_ignore_ascii_case(origin))
            }
        };
        if allowed {
            return (requested.to_owned(), None);
        }
        let problem = Problem::error(
            "",
            "catalog",
            format!(
                "Der Katalog „{requested}“ wird nicht geladen: diese Adresse ist für diese Seite nicht freigegeben. Angezeigt wird der Katalog des Betreibers."
            ),
            format!(
                "The catalogue “{requested}” is not loaded: this address is not allowed for this site. Showing the operator's catalogue instead."
            ),
        );
        (self.catalog.clone(), Some(problem))
    }
}

/// `https://host:port` of an absolute http(s) URL; `None` for a relative one.
fn origin_of(url: &str) -> Option<&str> {
    let scheme_end = url.find("://")?;
    let rest = &url[scheme_end + 3..];
    let end = rest
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| scheme_end + 3 + i);
    Some(&url[..end])
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TileSource {
    /// A Leaflet URL template, e.g. `https://tiles.example/{z}/{x}/{y}.png`.
    pub url: String,
    /// Attribution shown on the map, as plain text.
    pub attribution: String,
}

impl TileSource {
    /// The tile server's host name, for the consent notice: users agree to a named host.
    pub fn host(&self) -> &str {
        let rest = self.url.split_once("://").map_or(&*self.url, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
        // Leaflet's `{s}` picks one of several subdomains of the same operator.
        host.strip_prefix("{s}.").unwrap_or(host)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_catalog_link_loads_only_from_the_own_site_or_an_allowed_origin() {
        let config = RuntimeConfig {
            catalog_origins: vec!["https://daten.kreis-olpe.de/".into()],
            ..RuntimeConfig::default()
        };
        let own = "https://ankommen.example";
        for allowed in [
            "kataloge/olpe.json",
            "/ankommen/olpe.json",
            "https://ankommen.example/olpe.json",
            "https://daten.kreis-olpe.de/api/katalog?format=json",
            "HTTPS://DATEN.KREIS-OLPE.DE/katalog.json",
        ] {
            assert_eq!(
                config.catalog_address(Some(allowed), own),
                (allowed.to_owned(), None),
                "{allowed}"
            );
        }
        for refused in [
            "https://evil.example/katalog.json",
            "https://daten.kreis-olpe.de.evil.example/katalog.json",
            "http://daten.kreis-olpe.de/katalog.json",
            "//evil.example/katalog.json",
            "data:application/json,{}",
        ] {
            let (address, problem) = config.catalog_address(Some(refused), own);
            assert_eq!(address, "catalog.json", "{refused}");
            assert!(problem.is_some_and(|p| p.message("de").contains(refused)));
        }
        assert_eq!(
            config.catalog_address(None, own),
            ("catalog.json".into(), None)
        );
    }

    #[test]
    fn the_consent_notice_names_the_tile_host() {
        let tiles = TileSource {
            url: "https://{s}.tile.example.org:8443/osm/{z}/{x}/{y}.png".into(),
            attribution: String::new(),
        };
        assert_eq!(tiles.host(), "tile.example.org:8443");
    }
}
