//! The widget configurator (`/configure/`): a web editor picks the widget's options in a form,
//! sees the widget live, and copies the snippet or the iframe code. A separate bundle, so the
//! app's first visit never carries it. German only: its readers are municipal web teams.

mod code;
mod form;

use ankommen::data::load_places;
use ankommen::fetch::{load_config, load_with_fallback, today};
use ankommen_core::config::BUNDLED_CATALOG;
use ankommen_core::embed::{LOCKABLE, OPTIONS};
use ankommen_core::store::Store;
use ankommen_core::url::UrlState;
use ankommen_core::Finder;
use ankommen_core::Region;
use code::{CodeBoxes, Preview};
use form::OptionsForm;
use leptos::prelude::*;
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use std::collections::BTreeMap;

fn main() {
    ankommen::crash::install();
    leptos::mount::mount_to_body(Configurator);
}

/// Form fields that are not options themselves: "lock the presets" and the radius of a town
/// as the map area.
pub const LOCK_PRESETS: &str = "lock-presets";
pub const AREA_RADIUS: &str = "area-radius";

/// The form's raw values by option name, as typed; what they mean is decided by the same
/// parser as the app's URL, so the configurator can never produce an option the app reads
/// differently.
#[derive(Clone, Copy)]
pub struct Options(RwSignal<BTreeMap<&'static str, String>>);

impl Options {
    pub fn get(&self, option: &str) -> String {
        self.0.with(|o| o.get(option).cloned().unwrap_or_default())
    }

    pub fn set(&self, option: &'static str, value: String) {
        self.0.update(|o| {
            if value.trim().is_empty() {
                o.remove(option);
            } else {
                o.insert(option, value);
            }
        });
    }

    /// The options as the app reads them, and the values it would ignore.
    pub fn parsed(&self) -> (UrlState, Vec<ankommen_core::url::Ignored>) {
        let query = self.0.with(|o| {
            let mut values = o.clone();
            // Two form fields that make one option each.
            if values.remove(LOCK_PRESETS).is_some() {
                let preset: Vec<&str> = LOCKABLE
                    .iter()
                    .copied()
                    .filter(|name| values.contains_key(name))
                    .collect();
                values.insert("lock", preset.join(","));
            }
            if let Some(km) = values.remove(AREA_RADIUS) {
                if let Some(area) = values.get_mut("area").filter(|a| a.len() == 8) {
                    *area = format!("{area},{km}");
                }
            }
            values
                .iter()
                .filter(|(name, value)| OPTIONS.contains(name) && !value.is_empty())
                .map(|(name, value)| {
                    format!("{name}={}", utf8_percent_encode(value, NON_ALPHANUMERIC))
                })
                .collect::<Vec<_>>()
                .join("&")
        });
        UrlState::parse(&query)
    }
}

#[component]
fn Configurator() -> impl IntoView {
    let options = Options(RwSignal::new(BTreeMap::new()));
    let parsed = Memo::new(move |_| options.parsed());
    let state = Memo::new(move |_| parsed.read().0.clone());
    // The app is one folder up; its configuration names the catalogue whose districts, towns
    // and categories the form offers.
    let region = LocalResource::new(|| async {
        let config = load_config("../config.json").await;
        let source = if config.catalog.contains("://") || config.catalog.starts_with('/') {
            config.catalog.clone()
        } else {
            format!("../{}", config.catalog)
        };
        // Offline, the form offers what the last good catalogue names.
        let bundled = format!("../{BUNDLED_CATALOG}");
        let worker = format!("../{}", ankommen::worker::SCRIPT);
        let (got, _) = load_with_fallback(&source, &bundled, &config, &worker).await;
        let got = got?;
        // The districts are in the manifest, the towns in the places file.
        let finder = std::cell::RefCell::new(Finder::with_store(Store::for_manifest(
            &got.dataset.manifest,
            today(),
        )));
        if let Some(problem) = load_places(&got.dataset, &finder).await {
            leptos::logging::warn!("{}", problem.message("en"));
        }
        let region = finder.borrow().store().region().clone();
        Ok::<Region, ankommen_core::Problem>(region)
    });

    view! {
        <header class="ak-header">
            <div>
                <h1 class="ak-header__title">"Ankommen – Widget-Baukasten"</h1>
                <p class="ak-tagline">"Ankommen auf Ihrer Website einbinden: Optionen wählen, Vorschau prüfen, Code kopieren."</p>
            </div>
        </header>
        <main class="ak-main ak-configure">
            {move || match region.get() {
                None => view! { <p class="ak-status" role="status">"Katalog wird geladen …"</p> }.into_any(),
                Some(Err(problem)) => view! {
                    <p class="ak-status ak-status--error" role="alert">{problem.message("de").to_owned()}</p>
                }.into_any(),
                Some(Ok(region)) => view! { <Workbench options state parsed region /> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn Workbench(
    options: Options,
    state: Memo<UrlState>,
    parsed: Memo<(UrlState, Vec<ankommen_core::url::Ignored>)>,
    region: Region,
) -> impl IntoView {
    let ignored = move || {
        parsed.with(|(_, ignored)| {
            ignored
                .iter()
                .map(|i| format!("{} = „{}“", i.param, i.value))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="ak-configure__layout">
            <OptionsForm options region />
            <div class="ak-configure__result">
                {move || {
                    let ignored = ignored();
                    (!ignored.is_empty()).then(|| view! {
                        <div class="ak-notice" role="status">
                            <p>"Diese Angaben kann das Widget nicht verwenden und lässt sie weg:"</p>
                            <ul>{ignored.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                        </div>
                    })
                }}
                <CodeBoxes state />
                <Preview state />
            </div>
        </div>
    }
}
