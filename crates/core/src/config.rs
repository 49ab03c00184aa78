//! The runtime configuration (`config.json` beside `index.html`): what an operator changes
//! without rebuilding the app.

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
        }
    }
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
    fn the_consent_notice_names_the_tile_host() {
        let tiles = TileSource {
            url: "https://{s}.tile.example.org:8443/osm/{z}/{x}/{y}.png".into(),
            attribution: String::new(),
        };
        assert_eq!(tiles.host(), "tile.example.org:8443");
    }
}
