//! Loading the runtime configuration and the catalogue over HTTP: the app's only network I/O
//! besides a published set's own files (`data.rs`).
//!
//! A catalogue source is either a published set's manifest (read here, its files fetched by
//! `data.rs`) or a JSON or GeoJSON document, which the worker validates and publishes in
//! memory. JSON is parsed by the browser (`JSON.parse`), never by the app's wasm.

use crate::data::{read_manifest, Dataset};
use crate::offline;
use ankommen_core::text::decode;
use ankommen_core::{Date, Problem, RuntimeConfig};
use gloo_net::http::Request;

/// Reads the runtime configuration (`config.json` beside the app). Without a network it is the
/// copy kept from the last visit; a missing or broken file falls back to the defaults, so a
/// misconfigured deployment still shows the bundled catalogue.
pub async fn load_config(url: &str) -> RuntimeConfig {
    let fetched = async {
        let response = Request::get(url).send().await.ok().filter(|r| r.ok())?;
        offline::body(&response.into()).await.ok()
    };
    let (body, fresh) = match fetched.await {
        Some(body) => (body, true),
        None => match offline::recall(url).await {
            Some((body, _)) => (body, false),
            None => return RuntimeConfig::default(),
        },
    };
    let parsed = js_sys::JSON::parse(&decode(&body.to_vec()))
        .map_err(|e| crate::data::describe_js(&e))
        .and_then(|value| {
            serde_wasm_bindgen::from_value::<RuntimeConfig>(value).map_err(|e| e.to_string())
        });
    match parsed {
        Ok(config) => {
            if fresh {
                wasm_bindgen_futures::spawn_local(offline::remember(url.to_owned(), body));
            }
            config
        }
        Err(e) => {
            leptos::logging::warn!("{url} ignored: {e}");
            RuntimeConfig::default()
        }
    }
}

/// A catalogue ready to show: the published set, how many entries its document had to leave
/// out, and where it came from.
pub struct Got {
    pub dataset: Dataset,
    pub skipped: usize,
    pub url: String,
    /// A fresh manifest's bytes, to keep once its chunks have loaded (a manifest whose files
    /// are broken must not replace the last good copy); `None` when already kept or a copy.
    pub keep: Option<js_sys::Uint8Array>,
}

/// The catalogue to show, and the notices that explain where it came from when it is not
/// `source`, fresh: a fault loading `source` falls back to its last good copy (kept on this
/// device), then to the `bundled` catalogue (fresh, else its copy).
pub async fn load_with_fallback(
    source: &str,
    bundled: &str,
    config: &RuntimeConfig,
    worker: &str,
) -> (Result<Got, Problem>, Vec<Problem>) {
    let fault = match attempt(source, config, worker).await {
        Ok((got, notice)) => return (Ok(got), notice.into_iter().collect()),
        Err(fault) if source == bundled => return (Err(fault.problem), Vec::new()),
        Err(fault) => fault,
    };
    let mut notices = vec![followed_by(
        &fault.problem,
        "Angezeigt wird der mitgelieferte Katalog.",
        "Showing the bundled catalogue instead.",
    )];
    match attempt(bundled, config, worker).await {
        Ok((got, notice)) => {
            notices.extend(notice);
            (Ok(got), notices)
        }
        Err(fault) => (Err(fault.problem), notices),
    }
}

/// One catalogue address: fresh from the network, else its kept copy with a notice that says
/// why and from when.
async fn attempt(
    url: &str,
    config: &RuntimeConfig,
    worker: &str,
) -> Result<(Got, Option<Problem>), Fault> {
    let fault = match fetch_catalog(url, config).await {
        Ok(body) => match read_catalog(url, body, config, worker, true).await {
            Ok(got) => return Ok((got, None)),
            Err(problem) => Fault {
                problem,
                offline: false,
            },
        },
        Err(fault) => fault,
    };
    match kept(url, config, worker).await {
        Some((got, saved)) => Ok((got, Some(from_copy(&fault, saved)))),
        None => Err(fault),
    }
}

/// The copy of `url` kept on this device, if it is still usable, with when it was saved.
pub async fn kept(url: &str, config: &RuntimeConfig, worker: &str) -> Option<(Got, f64)> {
    let (body, saved) = offline::recall(url).await?;
    let got = read_catalog(url, body, config, worker, false).await.ok()?;
    Some((got, saved))
}

/// The notice shown when the chunks of a fresh manifest failed and its kept copy is shown.
pub fn copy_instead(problem: &Problem, saved: f64) -> Problem {
    let (de, en) = offline::saved_at(saved);
    followed_by(
        problem,
        &format!("Angezeigt wird die zuletzt geladene Fassung vom {de}."),
        &format!("Showing the copy loaded on {en}."),
    )
}

/// The notice over a catalogue shown from its kept copy: calm when the device is offline (the
/// expected case on a train), the fault's own message otherwise.
fn from_copy(fault: &Fault, saved: f64) -> Problem {
    let (de, en) = offline::saved_at(saved);
    if fault.offline {
        Problem::warning(
            "",
            "",
            format!("Keine Verbindung: Sie sehen die gespeicherten Daten vom {de}."),
            format!("No connection: you are seeing the data saved on {en}."),
        )
    } else {
        followed_by(
            &fault.problem,
            &format!("Angezeigt wird die zuletzt geladene Fassung vom {de}."),
            &format!("Showing the copy loaded on {en}."),
        )
    }
}

/// `problem`'s message with a sentence that says what is shown instead.
fn followed_by(problem: &Problem, de: &str, en: &str) -> Problem {
    Problem::error(
        "",
        "",
        format!("{} {de}", problem.message("de")),
        format!("{} {en}", problem.message("en")),
    )
}

/// Why a catalogue could not be had; `offline` when no server answered at all.
struct Fault {
    problem: Problem,
    offline: bool,
}

/// Fetches a catalogue's bytes within the configuration's time and size limits. `Err` says, in
/// German and English, what went wrong: no connection, no answer in time, an HTTP error,
/// something that is not JSON, or too large.
async fn fetch_catalog(url: &str, config: &RuntimeConfig) -> Result<js_sys::Uint8Array, Fault> {
    let failed = |de: String, en: String| Fault {
        problem: Problem::error(
            "",
            "",
            format!("Der Katalog „{url}“ konnte nicht geladen werden: {de}"),
            format!("The catalogue “{url}” could not be loaded: {en}"),
        ),
        offline: false,
    };
    let seconds = config.catalog_timeout_ms.div_ceil(1000);
    let timed_out = || {
        failed(
            format!("keine Antwort innerhalb von {seconds} Sekunden."),
            format!("no answer within {seconds} seconds."),
        )
    };
    let started = js_sys::Date::now();
    let late = || js_sys::Date::now() - started >= config.catalog_timeout_ms as f64;
    let signal = web_sys::AbortSignal::timeout_with_u32(config.catalog_timeout_ms);
    let response = match Request::get(url).abort_signal(Some(&signal)).send().await {
        Ok(response) => response,
        Err(_) if late() => return Err(timed_out()),
        Err(_) => {
            return Err(Fault {
                offline: true,
                ..failed(
                    "keine Verbindung zum Server.".into(),
                    "no connection to the server.".into(),
                )
            })
        }
    };
    let status = response.status();
    match status {
        200..=299 => {}
        404 | 410 => {
            return Err(failed(
                format!("unter dieser Adresse gibt es keinen Katalog (HTTP {status})."),
                format!("there is no catalogue at this address (HTTP {status})."),
            ))
        }
        500..=599 => {
            return Err(failed(
                format!("Fehler beim Server (HTTP {status}); bitte später erneut versuchen."),
                format!("server error (HTTP {status}); please try again later."),
            ))
        }
        _ => {
            return Err(failed(
                format!("der Server antwortet mit HTTP {status}."),
                format!("the server answers HTTP {status}."),
            ))
        }
    }
    // A web page where a catalogue should be (a wrong URL, a login page) is refused by name.
    let content_type = response.headers().get("content-type").unwrap_or_default();
    if !content_type.is_empty() && !content_type.contains("json") {
        return Err(failed(
            format!("der Server sendet keinen Katalog (JSON), sondern „{content_type}“."),
            format!("the server sends no catalogue (JSON) but “{content_type}”."),
        ));
    }
    let too_large = || {
        let mb = config.catalog_max_bytes as f64 / 1_000_000.0;
        failed(
            format!(
                "er ist größer als die erlaubten {} MB.",
                mb.to_string().replace('.', ",")
            ),
            format!("it is larger than the allowed {mb} MB."),
        )
    };
    let announced = response
        .headers()
        .get("content-length")
        .and_then(|n| n.parse::<u64>().ok());
    if announced.is_some_and(|n| n > config.catalog_max_bytes) {
        return Err(too_large());
    }
    let body = match offline::body(&response.into()).await {
        Ok(body) => body,
        Err(_) if late() => return Err(timed_out()),
        Err(e) => {
            let e = e.as_string().unwrap_or_else(|| format!("{e:?}"));
            return Err(failed(
                format!("er wurde unvollständig übertragen ({e})."),
                format!("it arrived incomplete ({e})."),
            ));
        }
    };
    if u64::from(body.length()) > config.catalog_max_bytes {
        return Err(too_large());
    }
    Ok(body)
}

/// Reads a catalogue's bytes: a manifest here, a document in the worker. `Err` names the
/// address and what is wrong with it. A document's bytes are kept for offline use once the
/// worker has accepted it; a manifest's only once its files have loaded (see [`Got::keep`]).
async fn read_catalog(
    url: &str,
    body: js_sys::Uint8Array,
    config: &RuntimeConfig,
    worker: &str,
    fresh: bool,
) -> Result<Got, Problem> {
    let unreadable = |problem: Problem| {
        Problem::error(
            "",
            problem.pointer.clone(),
            format!(
                "Der Katalog „{url}“ ist nicht lesbar: {}",
                problem.message("de")
            ),
            format!(
                "The catalogue “{url}” cannot be read: {}",
                problem.message("en")
            ),
        )
    };
    match read_manifest(&body.to_vec()) {
        Some(Ok(manifest)) => Ok(Got {
            dataset: Dataset::remote(
                manifest,
                url,
                config.catalog_timeout_ms,
                &beside(worker, "fetcher.js"),
            ),
            skipped: 0,
            url: url.to_owned(),
            keep: fresh.then_some(body),
        }),
        Some(Err(problem)) => Err(unreadable(problem)),
        None => {
            let outcome = crate::worker::publish(worker, body, today()).await;
            let (dataset, skipped) = outcome.result.map_err(unreadable)?;
            if fresh {
                // Kept in the background: the entries show without waiting for the write.
                wasm_bindgen_futures::spawn_local(offline::remember(url.to_owned(), outcome.bytes));
            }
            Ok(Got {
                dataset,
                skipped,
                url: url.to_owned(),
                keep: None,
            })
        }
    }
}

/// The file `name` in the folder of `script` (the app's scripts are side by side).
fn beside(script: &str, name: &str) -> String {
    match script.rfind('/') {
        Some(slash) => format!("{}{name}", &script[..=slash]),
        None => name.to_owned(),
    }
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
