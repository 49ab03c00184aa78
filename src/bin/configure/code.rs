//! What the configurator produces: the code to copy, and the widget as it will look.

use ankommen_core::embed::{code, default_title};
use ankommen_core::url::UrlState;
use leptos::html::Iframe;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The app's address: the folder above the configurator's.
fn app_address() -> String {
    let here = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base("../", &here)
        .map(|u| u.href())
        .unwrap_or_default()
}

#[component]
pub fn CodeBoxes(state: Memo<UrlState>) -> impl IntoView {
    let app = app_address();
    let generated = Memo::new(move |_| {
        state.with(|s| {
            let title = default_title(s.lang.as_deref().unwrap_or("de"));
            let code = code(&app, s, title);
            (code.snippet, code.iframe)
        })
    });
    view! {
        <section class="ak-code" aria-labelledby="ak-code-title">
            <h2 id="ak-code-title">"Code für Ihre Website"</h2>
            <CodeBox
                id="ak-code-snippet"
                label="Skript (empfohlen): passt die Höhe an den Inhalt an"
                code=Signal::derive(move || generated.read().0.clone())
            />
            <CodeBox
                id="ak-code-iframe"
                label="Nur iframe: für Websites, die keine fremden Skripte erlauben (feste Höhe)"
                code=Signal::derive(move || generated.read().1.clone())
            />
        </section>
    }
}

#[component]
fn CodeBox(id: &'static str, label: &'static str, code: Signal<String>) -> impl IntoView {
    let status = RwSignal::new("");
    let area = NodeRef::<leptos::html::Textarea>::new();
    let copy = move |_| {
        let text = code.get_untracked();
        leptos::task::spawn_local(async move {
            let clipboard = window().navigator().clipboard();
            match JsFuture::from(clipboard.write_text(&text)).await {
                Ok(_) => status.set("Kopiert."),
                Err(_) => {
                    // No clipboard access (an old browser, or the permission refused): select
                    // the code, so Ctrl+C copies it.
                    if let Some(area) = area.get_untracked() {
                        area.select();
                        let _ = area.focus();
                    }
                    status.set(
                        "Kopieren nicht möglich: der Code ist markiert, bitte mit Strg+C kopieren.",
                    );
                }
            }
        });
    };
    view! {
        <div class="ak-code__box">
            <label for=id>{label}</label>
            <textarea id=id node_ref=area readonly rows="4" spellcheck="false" prop:value=move || code.get()></textarea>
            <button type="button" class="ak-clear" on:click=copy>"Code kopieren"</button>
            <span class="ak-code__status" role="status">{move || status.get()}</span>
        </div>
    }
}

/// The widget itself, fitted to its height like `embed.js` does.
#[component]
pub fn Preview(state: Memo<UrlState>) -> impl IntoView {
    let app = app_address();
    let origin = window().location().origin().unwrap_or_default();
    let frame = NodeRef::<Iframe>::new();
    let height = RwSignal::new(600);
    let src = move || {
        let mut s = state.get();
        s.embed.enabled = true;
        s.embed.host = Some(origin.clone());
        format!("{app}?{}", s.to_query())
    };
    let own_origin = window().location().origin().unwrap_or_default();
    let listener = window_event_listener(leptos::ev::message, move |event| {
        let Some(frame) = frame.get_untracked() else {
            return;
        };
        let from_frame = match (event.source(), frame.content_window()) {
            (Some(source), Some(window)) => js_sys::Object::is(&source, &window),
            _ => false,
        };
        if event.origin() != own_origin || !from_frame {
            return;
        }
        let data = event.data();
        let field = |key: &str| js_sys::Reflect::get(&data, &key.into()).ok();
        if field("type").and_then(|t| t.as_string()).as_deref() == Some("ankommen:height") {
            if let Some(px) = field("height").and_then(|h| h.as_f64()) {
                height.set(px.ceil() as i32);
            }
        }
    });
    on_cleanup(move || listener.remove());
    view! {
        <section class="ak-configure__preview" aria-labelledby="ak-preview-title">
            <h2 id="ak-preview-title">"Vorschau"</h2>
            <iframe
                node_ref=frame
                class="ak-configure__frame"
                title="Vorschau des Widgets"
                src=src
                height=move || height.get().to_string()
                allow="geolocation"
            ></iframe>
        </section>
    }
}
