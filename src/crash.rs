//! A Rust panic must never leave a frozen or blank page. After one, the app cannot answer any
//! event any more, so the hook replaces the page with a short apology and a reload link (a
//! plain link: it needs no script that could no longer run); the panic text goes to the
//! console only.

use ankommen_core::i18n;
use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        apologise();
    }));
}

fn apologise() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(body), Some(here)) = (
        document.body(),
        document.location().and_then(|l| l.href().ok()),
    ) else {
        return;
    };
    let lang = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| i18n::is_supported(l))
        .unwrap_or_else(|| "de".to_owned());
    let text = |key| i18n::text(&lang, key);
    let element = |tag: &str, class: &str, content: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_class_name(class);
        e.set_text_content(Some(content));
        Some(e)
    };
    let (Some(section), Some(title), Some(explanation), Some(reload)) = (
        element("section", "ak-crash", ""),
        element("h1", "ak-crash__title", &text("crash-title")),
        element("p", "", &text("crash-text")),
        element("a", "ak-crash__reload", &text("crash-reload")),
    ) else {
        return;
    };
    let _ = section.set_attribute("role", "alert");
    let _ = reload.set_attribute("href", &here);
    for child in [&title, &explanation, &reload] {
        let _ = section.append_child(child);
    }
    body.set_text_content(None);
    let _ = body.append_child(&section);
    if let Some(link) = reload.dyn_ref::<web_sys::HtmlElement>() {
        let _ = link.focus();
    }
}
