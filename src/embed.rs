//! Running inside another site's page (`embed=1`): the operator's colour and font, and the
//! page's height sent to the host page, where `assets/embed.js` fits the iframe to it.

use ankommen_core::theme::readable_accent;
use ankommen_core::url::UrlState;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// The message `embed.js` waits for; its `height` is the page's height in CSS pixels.
const HEIGHT_MESSAGE: &str = "ankommen:height";

/// Applies the widget's options that live outside the components. Called once at start: the
/// options are part of the URL the widget was created with and do not change.
pub fn apply(state: &UrlState) {
    let Some(root) = document().document_element() else {
        return;
    };
    let embed = &state.embed;
    let classes = root.class_list();
    for (on, class) in [(embed.enabled, "ak-embed"), (embed.compact, "ak-compact")] {
        if on {
            let _ = classes.add_1(class);
        }
    }
    // Custom properties through the CSSOM: allowed under `style-src 'self'`, unlike a
    // style attribute or an injected style sheet.
    let style = root.unchecked_ref::<HtmlElement>().style();
    if let Some(wanted) = embed.accent {
        let (accent, darkened) = readable_accent(wanted);
        if darkened {
            leptos::logging::warn!(
                "Ankommen: accent {} has less than 4.5:1 contrast on the app's backgrounds (WCAG AA); {} is used instead",
                wanted.to_hex(),
                accent.to_hex()
            );
        }
        let _ = style.set_property("--ak-accent", &accent.to_hex());
    }
    if let Some(font) = &embed.font {
        let _ = style.set_property("--ak-font", font);
    }
    if let (true, Some(host)) = (embed.enabled, &embed.host) {
        report_height(host.clone());
    }
}

/// Sends the page's height to the host page whenever it changes. Only to `host`: the browser
/// delivers nothing when the parent has another origin.
fn report_height(host: String) {
    let window = window();
    let parent = match window.parent() {
        Ok(Some(parent)) if !js_sys::Object::is(&parent, &window) => parent,
        _ => return,
    };
    let Some(body) = document().body() else {
        return;
    };
    let last = Cell::new(-1);
    let measured = body.clone();
    let send = Closure::<dyn Fn()>::new(move || {
        let height = measured.scroll_height();
        if height == last.replace(height) {
            return;
        }
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        if let Err(e) = parent.post_message(&message, &host) {
            leptos::logging::warn!("Ankommen: height not sent to {host}: {e:?}");
        }
    });
    match web_sys::ResizeObserver::new(send.as_ref().unchecked_ref()) {
        Ok(observer) => observer.observe(&body),
        Err(e) => leptos::logging::warn!("Ankommen: the widget cannot fit its height: {e:?}"),
    }
    // Lives as long as the page.
    send.forget();
}
