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
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig {
            catalog: "catalog.json".into(),
            tiles: None,
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
