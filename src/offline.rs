//! Offline use, the browser side: registers the service worker (sw/sw.js keeps the app shell
//! and map tiles), and keeps the last good copy of the configuration and of each catalogue in
//! Cache Storage, so a reload without a network shows them, with the date they were saved.

use ankommen_core::RuntimeConfig;
use leptos::logging::warn;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Cache, Headers, Response, ResponseInit};

/// The app's own cache: one entry per configuration or catalogue address. The service worker
/// never touches it, and a new release keeps it (it holds data, not code).
const DATA_CACHE: &str = "ankommen-data";
/// When the copy was saved, in milliseconds since 1970.
const SAVED: &str = "x-ankommen-saved";

/// Registers the service worker after the first screen is up, so it does not compete with
/// the catalogue for the network or the main thread. It learns the caps of its tile and data
/// caches from its address.
pub fn register_worker(config: &RuntimeConfig) {
    let navigator = leptos::prelude::window().navigator();
    // Absent in insecure contexts (plain http off localhost) and some private modes.
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let bytes = u64::from(config.tile_cache_megabytes) * 1_000_000;
    let data = u64::from(config.data_cache_megabytes) * 1_000_000;
    wasm_bindgen_futures::spawn_local(async move {
        crate::schedule::after_paint().await;
        let workers = navigator.service_worker();
        let registered = workers.register(&format!(
            "sw.js?tileCacheBytes={bytes}&dataCacheBytes={data}"
        ));
        if let Err(e) = JsFuture::from(registered).await {
            warn!("offline use is not available: {e:?}");
            return;
        }
        // The files shown so far came before the worker: it keeps them once it runs.
        let Ok(ready) = workers.ready() else { return };
        let Ok(registration) = JsFuture::from(ready).await else {
            return;
        };
        let active = js_sys::Reflect::get(&registration, &"active".into()).unwrap_or_default();
        if let Ok(worker) = active.dyn_into::<web_sys::ServiceWorker>() {
            let pending = KEPT.with(|k| {
                let mut kept = k.borrow_mut();
                kept.worker = Some(worker);
                std::mem::take(&mut kept.pending)
            });
            hand_over(&pending);
        }
    });
}

/// Published files fetched where the service worker may not see them: all of a first
/// visit's (its files come before the worker runs, and `fetcher.js` started uncontrolled),
/// so every fetched file is named to the worker, which keeps what it does not have yet.
#[derive(Default)]
struct Kept {
    pending: Vec<String>,
    worker: Option<web_sys::ServiceWorker>,
}

thread_local! {
    static KEPT: std::cell::RefCell<Kept> = std::cell::RefCell::new(Kept::default());
}

/// Without a service worker (an insecure context) the list stops growing here.
const PENDING_AT_MOST: usize = 10_000;

/// Asks the service worker to keep the published file at `url` for offline use.
pub fn keep(url: &str) {
    let url = resolve(url);
    let ready = KEPT.with(|k| {
        let mut kept = k.borrow_mut();
        if kept.worker.is_none() && kept.pending.len() < PENDING_AT_MOST {
            kept.pending.push(url.clone());
        }
        kept.worker.is_some()
    });
    if ready {
        hand_over(&[url]);
    }
}

fn hand_over(urls: &[String]) {
    KEPT.with(|k| {
        let Some(worker) = &k.borrow().worker else {
            return;
        };
        let keep: js_sys::Array = urls.iter().map(|u| JsValue::from(u.as_str())).collect();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"keep".into(), &keep);
        let _ = worker.post_message(&message);
    });
}

/// `url` as an absolute address (a relative one is the page's).
fn resolve(url: &str) -> String {
    let base = leptos::prelude::window()
        .location()
        .href()
        .unwrap_or_default();
    web_sys::Url::new_with_base(url, &base).map_or_else(|_| url.to_owned(), |u| u.href())
}

async fn open() -> Result<Cache, JsValue> {
    let caches = leptos::prelude::window().caches()?;
    JsFuture::from(caches.open(DATA_CACHE)).await?.dyn_into()
}

/// Keeps `body`, as loaded from `url`, for a later visit without a network; after the first
/// paint, because copying a large catalogue into the cache takes a while. The bytes stay in
/// JavaScript: the copy never passes through (and never grows) the app's WebAssembly memory.
pub async fn remember(url: String, body: js_sys::Uint8Array) {
    crate::schedule::after_paint().await;
    let saved = async {
        let headers = Headers::new()?;
        headers.set("content-type", "application/json")?;
        // Whole milliseconds, read back as an integer (no float parser in the wasm).
        headers.set(SAVED, &(js_sys::Date::now() as u64).to_string())?;
        let init = ResponseInit::new();
        init.set_headers(&headers);
        let response = Response::new_with_opt_buffer_source_and_init(Some(&body), &init)?;
        JsFuture::from(open().await?.put_with_str(&url, &response)).await
    };
    if let Err(e) = saved.await {
        warn!("{url} not kept for offline use: {e:?}");
    }
}

/// The copy of `url` kept by [`remember`], with the time it was saved (ms since 1970).
pub async fn recall(url: &str) -> Option<(js_sys::Uint8Array, f64)> {
    let cache = open().await.ok()?;
    let found = JsFuture::from(cache.match_with_str(url)).await.ok()?;
    let response: Response = found.dyn_into().ok()?;
    let saved = response.headers().get(SAVED).ok()??.parse::<u64>().ok()? as f64;
    Some((body(&response).await.ok()?, saved))
}

/// A response's body as bytes held by JavaScript (see [`remember`]).
pub async fn body(response: &Response) -> Result<js_sys::Uint8Array, JsValue> {
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer))
}

/// A saved time as users read it: "24.11.2026, 09:35" in German, "24 Nov 2026, 09:35" in
/// English, in the device's time zone.
pub fn saved_at(ms: f64) -> (String, String) {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    let options = js_sys::Object::new();
    let set = |key: &str, value: &str| {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    };
    set("dateStyle", "medium");
    set("timeStyle", "short");
    let format = |locale: &str| String::from(date.to_locale_string(locale, &options));
    (format("de-DE"), format("en-GB"))
}
