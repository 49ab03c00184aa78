//! The worker that publishes a JSON or GeoJSON catalogue in memory (crates/worker): started
//! for one document, and ended when it has answered, so its memory (hundreds of megabytes
//! for a large catalogue) goes with it. The page's main thread only waits.

use crate::data::{describe_js, read_manifest, Dataset};
use ankommen_core::{Date, Problem};
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// The worker's loader, beside the app's page (Trunk writes it with `data-loader-shim`).
pub const SCRIPT: &str = "ankommen-worker_loader.js";

/// What the worker made of a document: the published set (and how many entries it left out
/// for errors), or the reason the document is unusable. Either way the document's bytes come
/// back, untouched and not copied, to be kept for offline use.
pub struct Outcome {
    pub result: Result<(Dataset, usize), Problem>,
    pub bytes: Uint8Array,
}

/// Publishes `bytes` (a catalogue document) in a worker loaded from `script`. The buffer is
/// handed to the worker and back.
pub async fn publish(script: &str, bytes: Uint8Array, today: Date) -> Outcome {
    let failed = |bytes: Uint8Array, e: String| Outcome {
        result: Err(Problem::error(
            "",
            "",
            format!("Der Katalog konnte nicht verarbeitet werden ({e})."),
            format!("The catalogue could not be processed ({e})."),
        )),
        bytes,
    };
    let worker = match Worker::new(script) {
        Ok(worker) => worker,
        Err(e) => return failed(bytes, describe_js(&e)),
    };
    // The worker says when it listens: a message sent before then would be lost.
    if let Err(e) = next_message(&worker).await {
        worker.terminate();
        return failed(bytes, e);
    }
    let request = Object::new();
    let _ = Reflect::set(&request, &"bytes".into(), &bytes.buffer());
    let _ = Reflect::set(&request, &"today".into(), &today.to_string().into());
    if let Err(e) = worker.post_message_with_transfer(&request, &Array::of1(&bytes.buffer())) {
        worker.terminate();
        return failed(bytes, describe_js(&e));
    }
    // The handler is in place before this task ends, so the reply cannot be missed.
    let reply = next_message(&worker).await;
    worker.terminate();
    let reply = match reply {
        Ok(reply) => reply,
        // The buffer went to the worker; nothing is left to keep.
        Err(e) => return failed(Uint8Array::new_with_length(0), e),
    };
    let get = |key: &str| Reflect::get(&reply, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let bytes = Uint8Array::new(&get("bytes"));
    let error = get("error");
    if error.is_object() {
        let text = |lang: &str| {
            Reflect::get(&error, &lang.into())
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default()
        };
        return Outcome {
            result: Err(Problem::error("", "", text("de"), text("en"))),
            bytes,
        };
    }
    let manifest = get("manifest").as_string().unwrap_or_default();
    let result = match read_manifest(manifest.as_bytes()) {
        Some(Ok(manifest)) => {
            let files: Object = get("files").unchecked_into();
            let skipped = get("skipped").as_f64().unwrap_or(0.0) as usize;
            Ok((Dataset::in_memory(manifest, files), skipped))
        }
        Some(Err(problem)) => Err(problem),
        None => Err(Problem::error(
            "",
            "",
            "Der Katalog konnte nicht verarbeitet werden.".into(),
            "The catalogue could not be processed.".into(),
        )),
    };
    Outcome { result, bytes }
}

/// The worker's next message, or why there is none (the script failed to load or run).
async fn next_message(worker: &Worker) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |event: MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        let on_error = Closure::once_into_js(move |event: JsValue| {
            let message = Reflect::get(&event, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "worker error".into());
            let _ = reject.call1(&JsValue::NULL, &message.into());
        });
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|e| describe_js(&e))
}
