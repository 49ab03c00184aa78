//! The operator preview: a maintainer picks or drops a catalogue (JSON) or a spreadsheet
//! (CSV, XLSX, XLS, ODS) and sees, without any upload, the same validation report as the
//! command-line tool and the entries as users would see them. A separate bundle, so the
//! spreadsheet reader never weighs on the app's first visit.

mod load;
mod report;

use ankommen::app::{CatalogView, Shown};
use ankommen::data::Dataset;
use ankommen::fetch::today;
use ankommen::history::Address;
use ankommen::language::Language;
use ankommen_core::publish::{publish, Options};
use ankommen_core::RuntimeConfig;
use ankommen_core::{Catalog, Finder};
use leptos::prelude::*;
use load::{read_file, Loaded};
use report::Report;
use web_sys::{DragEvent, File, HtmlInputElement};

fn main() {
    ankommen::crash::install();
    leptos::mount::mount_to_body(Preview);
}

#[component]
fn Preview() -> impl IntoView {
    // The entries below the report work like the app: filters and language in the URL.
    let address = Address::from_location();
    provide_context(address);
    provide_context(Language::new(address));
    let loaded = RwSignal::new(None::<Loaded>);
    let english = RwSignal::new(false);
    let open = move |file: File| {
        leptos::task::spawn_local(async move {
            loaded.set(Some(read_file(file).await));
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = event_target::<HtmlInputElement>(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            open(file);
        }
    };
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            open(file);
        }
    };

    view! {
        <header class="ak-header">
            <h1>"Ankommen – Katalog-Vorschau"</h1>
            <p class="ak-tagline">"Prüfen Sie einen Katalog, bevor Sie ihn veröffentlichen."</p>
        </header>
        <main class="ak-main">
            <section
                class="ak-drop"
                on:dragover=|ev: DragEvent| ev.prevent_default()
                on:drop=on_drop
            >
                <label for="ak-file">
                    "Katalog (JSON) oder Tabelle (CSV, XLSX, XLS, ODS) wählen oder hierher ziehen"
                </label>
                <input id="ak-file" type="file" accept=".json,.csv,.txt,.xlsx,.xls,.ods" on:change=on_pick />
                <p class="ak-drop__note">
                    "Die Datei bleibt auf Ihrem Gerät: Sie wird im Browser geprüft und nicht hochgeladen."
                </p>
                <label class="ak-lang">
                    <input type="checkbox" prop:checked=english on:change=move |_| english.update(|e| *e = !*e) />
                    " Meldungen auf Englisch / messages in English"
                </label>
            </section>
            {move || loaded.get().map(|loaded| match loaded {
                Loaded::Unreadable { name, message_de, message_en } => view! {
                    <p class="ak-status ak-status--error" role="alert">
                        {format!("{name}: ")}
                        {move || if english.get() { message_en.clone() } else { message_de.clone() }}
                    </p>
                }.into_any(),
                Loaded::Checked { name, catalog, rows, skipped } => view! {
                    <Report name rows english />
                    {catalog.map(|catalog| view! { <CatalogView shown=shown(&catalog, skipped) config=RuntimeConfig::default() /> })}
                }.into_any(),
            })}
        </main>
    }
}

/// The catalogue as the app shows it: published here, in memory, as the worker would.
fn shown(catalog: &Catalog, skipped: usize) -> Shown {
    let published = publish(catalog, &Options::default());
    let files = js_sys::Object::new();
    for (name, bytes) in &published.files {
        let buffer = js_sys::Uint8Array::from(bytes.as_slice()).buffer();
        let _ = js_sys::Reflect::set(&files, &name.as_str().into(), &buffer);
    }
    Shown {
        finder: Finder::with_store(published.load(today())),
        dataset: Dataset::in_memory(published.manifest, files),
        skipped,
        failed: Vec::new(),
    }
}
