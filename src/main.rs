//! The Ankommen app: mounts the main page.

use wasm_bindgen::prelude::*;

fn main() {
    ankommen::crash::install();
    ankommen::first_screen::mount();
}

/// Panics on purpose, so the end-to-end tests can check what a user sees after an internal
/// error (`tests/e2e/trust.test.mjs`). Reachable only from the module's exports, not from the
/// page or a URL.
#[wasm_bindgen]
pub fn panic_for_tests() {
    panic!("panic_for_tests: a deliberate panic");
}
