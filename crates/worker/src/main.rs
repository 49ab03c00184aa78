//! The worker that turns a JSON or GeoJSON catalogue into a published set, in memory and off
//! the page's main thread (a 100,000-entry catalogue takes seconds to parse and validate).
//! The app's main bundle then reads the result exactly as it reads a published folder, so it
//! carries no JSON parser and no validation (docs/published.md).
//!
//! Protocol, one request per worker:
//! - out, once listening: `"ready"`;
//! - in: `{ bytes: ArrayBuffer, today: "YYYY-MM-DD" }` (the buffer is transferred);
//! - out: `{ bytes, manifest: string, files: { name: ArrayBuffer }, skipped: number }` when
//!   the catalogue is usable, `{ bytes, error: { de, en } }` when it is not. `bytes` is the
//!   request's buffer handed back (transferred), so the app can keep it as the offline copy
//!   without having copied it.

use ankommen_core::parse::decode;
use ankommen_core::publish::{publish, Options};
use ankommen_core::{parse_catalog, Date};
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let (reply, transfer) = answer(&event.data());
        if let Err(e) = scope.post_message_with_transfer(&reply, &transfer) {
            let _ = scope.post_message(&error_reply(
                &JsValue::UNDEFINED,
                &format!("{e:?}"),
                &format!("{e:?}"),
            ));
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // The page waits for this before it sends the document.
    let _ = scope.post_message(&"ready".into());
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}

fn error_reply(bytes: &JsValue, de: &str, en: &str) -> Object {
    let reply = Object::new();
    let error = Object::new();
    set(&error, "de", &de.into());
    set(&error, "en", &en.into());
    set(&reply, "bytes", bytes);
    set(&reply, "error", &error);
    reply
}

/// The reply to one request and the buffers it transfers.
fn answer(request: &JsValue) -> (Object, Array) {
    let bytes = Reflect::get(request, &"bytes".into()).unwrap_or(JsValue::UNDEFINED);
    let transfer = Array::new();
    if bytes.is_instance_of::<ArrayBuffer>() {
        transfer.push(&bytes);
    }
    let today = Reflect::get(request, &"today".into())
        .ok()
        .and_then(|t| t.as_string())
        .and_then(|t| t.parse::<Date>().ok());
    let (Some(today), true) = (today, bytes.is_instance_of::<ArrayBuffer>()) else {
        let why = "a request without bytes or date";
        return (error_reply(&bytes, why, why), transfer);
    };
    // The one copy into this worker's memory; the page's buffer goes back untouched.
    let copy = Uint8Array::new(&bytes).to_vec();
    let parsed = match parse_catalog(&decode(&copy), today) {
        Ok(parsed) => parsed,
        Err(problem) => {
            return (
                error_reply(&bytes, problem.message("de"), problem.message("en")),
                transfer,
            )
        }
    };
    drop(copy);
    let skipped = parsed.skipped();
    let published = publish(&parsed.catalog, &Options::default());
    drop(parsed);
    let files = Object::new();
    for (name, content) in &published.files {
        let buffer = Uint8Array::from(content.as_slice()).buffer();
        set(&files, name, &buffer);
        transfer.push(&buffer);
    }
    let reply = Object::new();
    set(&reply, "bytes", &bytes);
    set(&reply, "manifest", &published.manifest_json().into());
    set(&reply, "files", &files);
    set(&reply, "skipped", &(skipped as f64).into());
    (reply, transfer)
}
