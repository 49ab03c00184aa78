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

/// `false` until the first frame after the calling component was created has been painted: a
/// view renders its first screen first and the rest one task later.
pub fn painted() -> Signal<bool> {
    let painted = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        after_paint().await;
        painted.set(true);
    });
    painted.into()
}
