//! The runtime configuration (`config.json` beside `index.html`): what an operator changes
//! without rebuilding the app.

use crate::problem::Problem;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct RuntimeConfig {
    /// The catalogue loaded by default: a path relative to the app, or a URL, of a published
    /// set's manifest or of a JSON or GeoJSON catalogue document.
    pub catalog: String,
    /// A tile server to use once the user agrees; `None` keeps the map tile-free.
    pub tiles: Option<TileSource>,
    /// The operator's legal pages, linked in every mode.
    pub legal: Legal,
    /// Origins a `catalog` link or widget option may load from besides the app's own, e.g.
    /// `https://daten.kreis-olpe.de`. Anything else is refused, so nobody can craft a link on
    /// the operator's site that shows a stranger's catalogue.
    pub catalog_origins: Vec<String>,
    /// Origins of the sites allowed to embed the app (the widget), e.g.
    /// `https://www.kreis-olpe.de`; the app's own origin is always allowed (the configurator's
    /// preview). Goes into the `frame-ancestors` of the recommended headers.
    pub frame_ancestors: Vec<String>,
    /// How long the catalogue may take to arrive, in milliseconds, before the app gives up and
    /// shows the bundled one with a message.
    pub catalog_timeout_ms: u32,
    /// The largest catalogue accepted, in bytes: large enough for 100,000 entries (about
    /// 110 MB), small enough that a wrong URL cannot fill a phone's memory.
    pub catalog_max_bytes: u64,
    /// How much space, in megabytes, map tiles the user agreed to may take on the device for
    /// offline use; the least recently shown go first (sw/tiles.js).
    pub tile_cache_megabytes: u32,
    /// How much space, in megabytes, the files of a published set that were shown may take on
    /// the device for offline use; the least recently shown go first.
    pub data_cache_megabytes: u32,
}

/// The catalogue shipped with the app, published (`scripts/build.sh`): shown when the
/// configured source fails.
pub const BUNDLED_CATALOG: &str = "data/manifest.json";

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
            catalog: BUNDLED_CATALOG.into(),
            tiles: None,
            legal: Legal::default(),
            catalog_origins: Vec::new(),
            frame_ancestors: Vec::new(),
            catalog_timeout_ms: 20_000,
            catalog_max_bytes: 200_000_000,
            tile_cache_megabytes: 50,
            data_cache_megabytes: 100,
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

    /// The Content-Security-Policy for this configuration: the app's own origin, plus exactly
    /// the hosts the configuration names (the tile server, the allowed catalogue origins, the
    /// sites that may embed the app). `docs/deployment.md` explains each part.
    pub fn content_security_policy(&self) -> String {
        let mut img = vec!["'self'".to_owned(), "data:".to_owned()];
        let mut connect = vec!["'self'".to_owned()];
        if let Some(tiles) = self.tiles.as_ref().and_then(TileSource::origin) {
            img.push(tiles.clone());
            connect.push(tiles);
        }
        let configured = origin_of(&self.catalog).map(str::to_owned);
        for origin in configured
            .into_iter()
            .chain(self.catalog_origins.iter().cloned())
        {
            let origin = origin.trim_end_matches('/').to_owned();
            if !connect.contains(&origin) {
                connect.push(origin);
            }
        }
        let mut ancestors = vec!["'self'".to_owned()];
        ancestors.extend(
            self.frame_ancestors
                .iter()
                .map(|o| o.trim_end_matches('/').to_owned()),
        );
        [
            "default-src 'self'".to_owned(),
            // WebAssembly needs 'wasm-unsafe-eval'; nothing needs 'unsafe-inline' or 'unsafe-eval'.
            "script-src 'self' 'wasm-unsafe-eval'".to_owned(),
            "style-src 'self'".to_owned(),
            format!("img-src {}", img.join(" ")),
            format!("connect-src {}", connect.join(" ")),
            "object-src 'none'".to_owned(),
            "base-uri 'none'".to_owned(),
            format!("frame-ancestors {}", ancestors.join(" ")),
        ]
        .join("; ")
    }

    /// Every response header this configuration recommends, in the order to send them.
    pub fn headers(&self) -> Vec<(&'static str, String)> {
        vec![
            ("Content-Security-Policy", self.content_security_policy()),
            // Tile servers (OpenStreetMap's policy) want a referrer; the origin is enough.
            (
                "Referrer-Policy",
                "strict-origin-when-cross-origin".to_owned(),
            ),
            ("X-Content-Type-Options", "nosniff".to_owned()),
            // Only "near my location" needs a browser feature, and only for the app itself.
            (
                "Permissions-Policy",
                "geolocation=(self), camera=(), microphone=(), payment=(), usb=()".to_owned(),
            ),
        ]
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
    /// Whether the tile server answers with CORS headers (most do). Only then can tiles be
    /// kept for offline use; set `false` for a server that does not, or its tiles fail.
    #[serde(default = "yes")]
    pub cross_origin: bool,
}

fn yes() -> bool {
    true
}

impl TileSource {
    /// The tile server as a CSP source: `https://tile.example.org`, or `https://*.tile.example.org`
    /// for Leaflet's `{s}` subdomains. `None` when the URL is not an http(s) URL.
    pub fn origin(&self) -> Option<String> {
        let (scheme, rest) = self.url.split_once("://")?;
        if !matches!(scheme, "http" | "https") {
            return None;
        }
        let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
        Some(match host.strip_prefix("{s}.") {
            Some(domain) => format!("{scheme}://*.{domain}"),
            None => format!("{scheme}://{host}"),
        })
    }

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
    fn the_policy_names_exactly_the_configured_hosts() {
        let plain = RuntimeConfig::default().content_security_policy();
        assert_eq!(
            plain,
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
             img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
             frame-ancestors 'self'"
        );
        let config = RuntimeConfig {
            catalog: "https://daten.kreis-olpe.de/katalog.json".into(),
            tiles: Some(TileSource {
                url: "https://{s}.tile.example.org/{z}/{x}/{y}.png".into(),
                attribution: String::new(),
                cross_origin: true,
            }),
            catalog_origins: vec![
                "https://daten.kreis-olpe.de/".into(),
                "https://api.example.net".into(),
            ],
            frame_ancestors: vec!["https://www.kreis-olpe.de".into()],
            ..RuntimeConfig::default()
        };
        let csp = config.content_security_policy();
        assert!(
            csp.contains("img-src 'self' data: https://*.tile.example.org;"),
            "{csp}"
        );
        assert!(
            csp.contains("connect-src 'self' https://*.tile.example.org https://daten.kreis-olpe.de https://api.example.net;"),
            "{csp}"
        );
        assert!(
            csp.ends_with("frame-ancestors 'self' https://www.kreis-olpe.de"),
            "{csp}"
        );
        assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"));
        let names: Vec<&str> = config.headers().iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            [
                "Content-Security-Policy",
                "Referrer-Policy",
                "X-Content-Type-Options",
                "Permissions-Policy"
            ]
        );
    }

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
            assert_eq!(address, BUNDLED_CATALOG, "{refused}");
            assert!(problem.is_some_and(|p| p.message("de").contains(refused)));
        }
        assert_eq!(
            config.catalog_address(None, own),
            (BUNDLED_CATALOG.into(), None)
        );
    }

    #[test]
    fn the_consent_notice_names_the_tile_host() {
        let tiles = TileSource {
            url: "https://{s}.tile.example.org:8443/osm/{z}/{x}/{y}.png".into(),
            attribution: String::new(),
            cross_origin: true,
        };
        assert_eq!(tiles.host(), "tile.example.org:8443");
    }
}
