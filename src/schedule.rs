//! When work runs: what the first screen does not need waits until it has been painted, and
//! long work is done in slices with the browser's turn in between.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Resolves after the next frame has been painted: work that the first screen does not need
/// (the rest of a list, the map, keeping a copy, registering the worker) waits for it, so the
/// entries show sooner.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = window();
        let (painted, timers) = (resolve.clone(), window.clone());
        let later = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = timers
                .set_timeout_with_callback_and_timeout_and_arguments_0(painted.unchecked_ref(), 0);
        });
        let _ = window.request_animation_frame(later.unchecked_ref());
        // A document that is not rendered (a background tab, a widget's frame scrolled out of
        // view) paints no frames: the work goes ahead after a moment all the same.
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            resolve.unchecked_ref(),
            UNPAINTED_MS,
        );
    });
    let _ = JsFuture::from(promise).await;
}

/// How long [`after_paint`] waits for a frame that may never come.
const UNPAINTED_MS: i32 = 100;

/// Resolves in a later task, after the browser has had a turn (input, rendering): long work
/// done in slices awaits this between slices.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves once `element` has a size: at once when it is shown, else when it is first laid
/// out with one (a pane that `display: none` hides until the visitor switches to it).
pub async fn shown(element: &web_sys::Element) {
    if element.client_width() > 0 {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let (observed, done) = (element.clone(), resolve.clone());
        let seen =
            wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array, web_sys::ResizeObserver)>::new(
                move |_, observer: web_sys::ResizeObserver| {
                    if observed.client_width() > 0 {
                        observer.disconnect();
                        let _ = done.call0(&wasm_bindgen::JsValue::UNDEFINED);
                    }
                },
            );
        match web_sys::ResizeObserver::new(seen.as_ref().unchecked_ref()) {
            Ok(observer) => observer.observe(element),
            // No observer (a very old browser): the map starts at once, as it did before.
            Err(_) => {
                let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
            }
        }
        // Left to JavaScript: one small closure per map, never freed.
        seen.forget();
    });
    let _ = JsFuture::from(promise).await;
}

/// Counts turns from 0 to `last`: 1 once the first frame after the calling component was
/// created has been painted, then one more each task. A view renders what its first screen
/// does not need in parts, part `k` from turn `k`, so no one task builds them all (a task
/// over 50 ms delays the page's answer to input: Lighthouse's Total Blocking Time).
pub fn turns(last: usize) -> Signal<usize> {
    let turn = RwSignal::new(0);
    leptos::task::spawn_local(async move {
        after_paint().await;
        for next in 1..=last {
            if next > 1 {
                next_task().await;
            }
            turn.set(next);
        }
    });
    turn.into()
}
