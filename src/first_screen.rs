//! The prerendered first screen (`index.html`, written by `ankommen-catalog publish --site`)
//! and the app taking its place.
//!
//! `first-screen.js` has already chosen, before the first paint, whether a prerendered block
//! shows and in which language. Then the app renders out of sight beside it and, once its own
//! first screen is ready, replaces it in one task: same markup and styles, so nothing moves.
//! What the visitor did meanwhile carries over: text typed into the search box (with focus
//! and caret), opened filters, the list's scroll position.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

const BLOCKS: &str = ".ak-first";

/// Mounts the app: beside a shown first screen, out of sight until [`take_over`]; else
/// directly (and drops the prerendered blocks no one sees).
pub fn mount() {
    let document = leptos::prelude::document();
    let root = document
        .create_element("div")
        .expect("a div can be created");
    root.set_class_name("ak-app");
    if shown().is_some() {
        let _ = root.class_list().add_1("is-pending");
    } else {
        remove_blocks();
    }
    if let Some(body) = document.body() {
        let _ = body.append_child(&root);
    }
    let root: HtmlElement = root.unchecked_into();
    leptos::mount::mount_to(root, crate::app::App).forget();
}

/// The prerendered block on screen, if any.
fn shown() -> Option<Element> {
    let document = leptos::prelude::document();
    let lang = document
        .document_element()?
        .get_attribute("data-first-screen")?;
    if lang == "none" {
        return None;
    }
    document
        .query_selector(&format!("{BLOCKS}[lang=\"{lang}\"]"))
        .ok()
        .flatten()
}

/// Whether the app still waits to replace a prerendered first screen.
pub fn pending() -> bool {
    leptos::prelude::document()
        .query_selector(".ak-app.is-pending")
        .ok()
        .flatten()
        .is_some()
}

/// What the visitor did on the prerendered screen before the app took over.
#[derive(Default)]
pub struct Carried {
    /// Text typed into the search box.
    pub text: String,
    /// Whether the search box had focus, and its caret.
    focus: Option<(u32, u32)>,
    filters_open: bool,
    scroll_top: i32,
}

/// Replaces the prerendered first screen with the app's (which must be rendered), and
/// returns what was done on it; the search text is the caller's to put into the address.
pub fn take_over() -> Carried {
    let Some(block) = shown() else {
        return Carried::default();
    };
    let input = block
        .query_selector("input[type=search]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
    let focused = leptos::prelude::document().active_element();
    let carried = Carried {
        text: input.as_ref().map(|i| i.value()).unwrap_or_default(),
        focus: input
            .as_ref()
            .filter(|i| focused.as_ref() == Some(i.unchecked_ref::<Element>()))
            .map(|i| {
                let start = i.selection_start().ok().flatten().unwrap_or(0);
                (start, i.selection_end().ok().flatten().unwrap_or(start))
            }),
        filters_open: block
            .query_selector("details.ak-filters[open]")
            .ok()
            .flatten()
            .is_some(),
        scroll_top: block
            .query_selector(".ak-results__scroller")
            .ok()
            .flatten()
            .map_or(0, |s| s.scroll_top()),
    };
    remove_blocks();
    if let Some(root) = leptos::prelude::document()
        .query_selector(".ak-app")
        .ok()
        .flatten()
    {
        let _ = root.class_list().remove_1("is-pending");
    }
    let find = |selector: &str| {
        leptos::prelude::document()
            .query_selector(selector)
            .ok()
            .flatten()
    };
    if carried.filters_open {
        if let Some(details) = find("details.ak-filters") {
            let _ = details.set_attribute("open", "");
        }
    }
    if carried.scroll_top > 0 {
        if let Some(scroller) = find(".ak-results__scroller") {
            scroller.set_scroll_top(carried.scroll_top);
        }
    }
    carried
}

/// Puts the typed text, focus and caret into the app's search box.
pub fn restore_focus(carried: &Carried) {
    let Some((start, end)) = carried.focus else {
        return;
    };
    let input = leptos::prelude::document()
        .get_element_by_id("ak-search-input")
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
    if let Some(input) = input {
        // The address has the text too; the box shows it once the view has updated.
        input.set_value(&carried.text);
        let _ = input.focus();
        let _ = input.set_selection_range(start, end);
    }
}

fn remove_blocks() {
    // One at a time: a NodeList needs a web-sys feature of its own for one loop.
    while let Some(block) = leptos::prelude::document()
        .query_selector(BLOCKS)
        .ok()
        .flatten()
    {
        block.remove();
    }
}
