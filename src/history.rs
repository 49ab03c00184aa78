//! The URL is the source of truth for what the user sees. [`Address`] holds the parsed query
//! string; every change is written back with `pushState` (a filter or an entry: one step of
//! the back button) or `replaceState` (typing, and every change inside a widget), and back and
//! forward restore the view.

use ankommen_core::url::UrlState;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A new history entry: filters, the open entry, the language, the phone view.
    Push,
    /// Same history entry: every keystroke in the search field.
    Replace,
}

#[derive(Clone, Copy)]
pub struct Address {
    state: RwSignal<UrlState>,
}

impl Address {
    /// Reads the current URL and follows back and forward. Unusable parameters are named in
    /// the console and otherwise ignored.
    pub fn from_location() -> Address {
        let state = RwSignal::new(read_location());
        let listener = window_event_listener(leptos::ev::popstate, move |_| {
            state.set(read_location());
        });
        // The listener lives as long as the page: the app is never unmounted.
        std::mem::forget(listener);
        Address { state }
    }

    pub fn state(&self) -> ReadSignal<UrlState> {
        self.state.read_only()
    }

    /// Shows `next`: writes the URL, then updates the view.
    pub fn go(&self, next: UrlState, step: Step) {
        // What the URL can hold is what the view shows: no radius without a place, points
        // rounded as written. Back and forward then restore exactly this state.
        let next = UrlState::parse(&next.to_query()).0;
        if self.state.with_untracked(|current| *current == next) {
            return;
        }
        let url = href(&next);
        // A widget shares the host page's history: it must never fill its Back button.
        let step = if next.embed.enabled {
            Step::Replace
        } else {
            step
        };
        let history = window().history();
        let written = match (history, step) {
            (Ok(h), Step::Push) => h.push_state_with_url(&JsValue::NULL, "", Some(&url)),
            (Ok(h), Step::Replace) => h.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
            (Err(e), _) => Err(e),
        };
        if let Err(e) = written {
            leptos::logging::warn!("the address bar could not be updated: {e:?}");
        }
        self.state.set(next);
    }

    /// Changes the current state with `change` and shows the result.
    pub fn update(&self, step: Step, change: impl FnOnce(&mut UrlState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        self.go(next, step);
    }
}

/// The link that shows `state`: the current path with its query string.
pub fn href(state: &UrlState) -> String {
    let query = state.to_query();
    let path = window().location().pathname().unwrap_or_default();
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

fn read_location() -> UrlState {
    let search = window().location().search().unwrap_or_default();
    let (state, ignored) = UrlState::parse(&search);
    for problem in ignored {
        leptos::logging::warn!("Ankommen: {problem}");
    }
    state
}
