//! The page's side of `assets/fetcher.js`: a published set's files fetched and checked off the
//! main thread, their bytes handed over without a copy. One worker for the page, started on
//! first use; where it cannot run (no workers, a script that fails to load), [`fetch`]
//! answers `None` and the caller fetches on the main thread.

use crate::data::Fault;
use ankommen_core::manifest::FileRef;
use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// The fetcher's script, beside the app's page.
pub const SCRIPT: &str = "fetcher.js";

struct Fetcher {
    worker: Worker,
    /// Requests waiting for their answer, by id: each one's promise resolver.
    pending: Rc<RefCell<HashMap<u32, Function>>>,
    next: Cell<u32>,
    /// Set when the worker failed: every later file is fetched on the main thread.
    broken: Rc<Cell<bool>>,
}

thread_local! {
    static FETCHER: RefCell<Option<Rc<Fetcher>>> = const { RefCell::new(None) };
}

fn fetcher(script: &str) -> Option<Rc<Fetcher>> {
    if let Some(fetcher) = FETCHER.with(|f| f.borrow().clone()) {
        return (!fetcher.broken.get()).then_some(fetcher);
    }
    let worker = Worker::new(script).ok()?;
    let pending: Rc<RefCell<HashMap<u32, Function>>> = Rc::default();
    let broken = Rc::new(Cell::new(false));
    let on_message = {
        let pending = pending.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let id = Reflect::get(&data, &"id".into())
                .ok()
                .and_then(|id| id.as_f64());
            let resolve = id.and_then(|id| pending.borrow_mut().remove(&(id as u32)));
            if let Some(resolve) = resolve {
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        })
    };
    // A worker that cannot start answers nothing: its requests are answered "worker", and
    // fetched again on the main thread.
    let on_error = {
        let (pending, broken) = (pending.clone(), broken.clone());
        Closure::<dyn Fn(JsValue)>::new(move |_| {
            broken.set(true);
            let failed = Object::new();
            let _ = Reflect::set(&failed, &"fault".into(), &"worker".into());
            for (_, resolve) in pending.borrow_mut().drain() {
                let _ = resolve.call1(&JsValue::NULL, &failed);
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The worker lives as long as the page.
    on_message.forget();
    on_error.forget();
    let fetcher = Rc::new(Fetcher {
        worker,
        pending,
        next: Cell::new(0),
        broken,
    });
    FETCHER.with(|f| *f.borrow_mut() = Some(fetcher.clone()));
    Some(fetcher)
}

/// Starts the worker at `script` now, so it is running when the first file is wanted (its
/// script loads while the configuration and the manifest do).
pub fn warm(script: &str) {
    let _ = fetcher(script);
}

/// `file` from `url`, fetched and checked (size, hash) by the worker at `script`; `None` when
/// there is no working worker.
pub async fn fetch(
    script: &str,
    url: &str,
    file: &FileRef,
    timeout_ms: u32,
) -> Option<Result<Uint8Array, Fault>> {
    let fetcher = fetcher(script)?;
    let id = fetcher.next.get();
    fetcher.next.set(id.wrapping_add(1));
    let answer = Promise::new(&mut |resolve, _| {
        fetcher.pending.borrow_mut().insert(id, resolve);
    });
    let request = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&request, &key.into(), &value);
    };
    set("id", id.into());
    set("url", url.into());
    set("bytes", (file.bytes as f64).into());
    set("hash", file.hash().unwrap_or_default().into());
    set("timeoutMs", timeout_ms.into());
    if fetcher.worker.post_message(&request).is_err() {
        fetcher.pending.borrow_mut().remove(&id);
        return None;
    }
    let data = JsFuture::from(answer).await.ok()?;
    let get = |key: &str| Reflect::get(&data, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let buffer = get("buffer");
    if buffer.is_instance_of::<js_sys::ArrayBuffer>() {
        return Some(Ok(Uint8Array::new(&buffer)));
    }
    let fault = match get("fault").as_string().as_deref() {
        Some("http") => Fault::Http(get("status").as_f64().unwrap_or(0.0) as u16),
        Some("corrupt") => Fault::Corrupt,
        Some("timeout") => Fault::Timeout(timeout_ms.div_ceil(1000)),
        Some("worker") => return None,
        _ => Fault::Unreachable,
    };
    Some(Err(fault))
}
