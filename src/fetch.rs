//! Loading the runtime configuration and the catalogue over HTTP: the app's only network I/O.

use ankommen_core::{parse_catalog, Date, Parsed, Problem, RuntimeConfig};
use gloo_net::http::Request;

/// Reads the runtime configuration (`config.json` beside the app); a missing or broken file
/// falls back to the defaults, so a misconfigured deployment still shows the bundled catalogue.
pub async fn load_config(url: &str) -> RuntimeConfig {
    let response = match Request::get(url).send().await {
        Ok(response) if response.ok() => response,
        _ => return RuntimeConfig::default(),
    };
    match response.json::<RuntimeConfig>().await {
        Ok(config) => config,
        Err(e) => {
            leptos::logging::warn!("{url} ignored: {e}");
            RuntimeConfig::default()
        }
    }
}

/// Fetches and parses a catalogue. `Err` carries a message for the user, in German and English.
pub async fn load_catalog(url: &str) -> Result<Parsed, Problem> {
    let failed = |de: String, en: String| Problem::error("", "", de, en);
    let response = Request::get(url).send().await.map_err(|e| {
        failed(
            format!("Der Katalog konnte nicht geladen werden ({e})."),
            format!("The catalogue could not be loaded ({e})."),
        )
    })?;
    if !response.ok() {
        let status = response.status();
        return Err(failed(
            format!("Der Katalog konnte nicht geladen werden (HTTP {status})."),
            format!("The catalogue could not be loaded (HTTP {status})."),
        ));
    }
    let text = response.text().await.map_err(|e| {
        failed(
            format!("Der Katalog wurde unvollständig übertragen ({e})."),
            format!("The catalogue arrived incomplete ({e})."),
        )
    })?;
    parse_catalog(&text, today())
}

/// The bundled district outlines as a GeoJSON object for Leaflet; `None` (logged) when they
/// cannot be had, because the map still works without them.
pub async fn load_outlines() -> Option<wasm_bindgen::JsValue> {
    let text = async { Request::get("districts.geojson").send().await?.text().await };
    match text.await {
        Ok(text) => js_sys::JSON::parse(&text).ok(),
        Err(e) => {
            leptos::logging::warn!("district outlines not loaded: {e}");
            None
        }
    }
}

/// Today's date in the user's time zone: the one place the app reads the clock.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as u16,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}
