//! The page: header with the language switch, the discovery view on the loaded catalogue, and
//! the operator's legal links.

use crate::details::Details;
use crate::fetch::{load_config, load_with_fallback, today};
use crate::filters::{FilterPanel, SearchBox};
use crate::history::{Address, Step};
use crate::language::{use_language, Language};
use crate::list::ResultList;
use crate::map::MapView;
use ankommen_core::config::{Legal, BUNDLED_CATALOG};
use ankommen_core::i18n::{self, Arg};
use ankommen_core::query::Results;
use ankommen_core::url::Pane;
use ankommen_core::{Catalog, Finder, Problem, RuntimeConfig};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// What every part of the discovery view shares: the prepared catalogue and what the current
/// URL asks of it. Results are derived, never copied.
#[derive(Clone, Copy)]
pub struct Discovery {
    pub finder: StoredValue<Finder>,
    pub results: Memo<Results>,
    /// Index of the entry whose details are open.
    pub open: Memo<Option<usize>>,
}

pub fn use_discovery() -> Discovery {
    expect_context()
}

#[component]
pub fn App() -> impl IntoView {
    let address = Address::from_location();
    provide_context(address);
    let language = Language::new(address);
    provide_context(language);
    let start = address.state().get_untracked();
    crate::embed::apply(&start);
    let loaded = LocalResource::new(move || {
        let requested = start.catalog.clone();
        async move {
            let config = load_config("config.json").await;
            let origin = window().location().origin().unwrap_or_default();
            let (source, refused) = config.catalog_address(requested.as_deref(), &origin);
            let (catalog, loaded_notices) =
                load_with_fallback(&source, BUNDLED_CATALOG, &config).await;
            let notices: Vec<Problem> = refused.into_iter().chain(loaded_notices).collect();
            crate::offline::register_worker(&config);
            (config, catalog.map(Handoff::new), notices)
        }
    });
    let notices = move || {
        loaded
            .get()
            .map(|(_, _, notices)| notices)
            .unwrap_or_default()
    };

    view! {
        <a class="ak-skip" href="#ak-main">{move || language.t("skip-to-content")}</a>
        {(!start.embed.compact).then(|| view! {
            <header class="ak-header">
                <div>
                    <p class="ak-header__title">{move || language.t("app-title")}</p>
                    <p class="ak-tagline">{move || language.t("app-tagline")}</p>
                </div>
                <LanguageSwitch />
            </header>
        })}
        <main id="ak-main" class="ak-main" tabindex="-1">
            {move || notices().into_iter().map(|problem| view! {
                <p class="ak-notice" role="status">{move || problem.message(language.code()).to_owned()}</p>
            }).collect_view()}
            {move || match loaded.get().map(|(config, catalog, _)| (config, catalog)) {
                None => view! {
                    <p class="ak-status" role="status">{move || language.t("loading")}</p>
                }.into_any(),
                Some((_, Err(problem))) => view! {
                    <p class="ak-status ak-status--error" role="alert">
                        {move || problem.message(language.code()).to_owned()}
                    </p>
                }.into_any(),
                Some((config, Ok(parsed))) => match parsed.take() {
                    Some(parsed) => {
                        let skipped = parsed.skipped();
                        view! { <CatalogView catalog=parsed.catalog skipped config /> }.into_any()
                    }
                    None => ().into_any(),
                },
            }}
        </main>
        {move || loaded.get().map(|(config, _, _)| view! { <Footer legal=config.legal /> })}
    }
}

/// A value handed from the loading resource to the one view that owns it. A resource hands
/// out clones of its value on every read, and a clone of a large catalogue costs as much
/// memory and time as parsing it.
#[derive(Clone)]
struct Handoff<T>(Rc<RefCell<Option<T>>>);

impl<T> Handoff<T> {
    fn new(value: T) -> Handoff<T> {
        Handoff(Rc::new(RefCell::new(Some(value))))
    }

    fn take(&self) -> Option<T> {
        self.0.borrow_mut().take()
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let language = use_language();
    view! {
        <nav class="ak-languages" aria-label=move || language.t("language-switch")>
            {i18n::LANGUAGES.iter().map(|code| {
                let code: &'static str = code;
                view! {
                    <button
                        type="button"
                        class="ak-languages__option"
                        lang=code
                        aria-pressed=move || (language.code() == code).to_string()
                        on:click=move |_| language.switch(code)
                    >
                        {i18n::text(code, "language-name")}
                    </button>
                }
            }).collect_view()}
        </nav>
    }
}

/// A loaded catalogue as users see it: search and filters, the result count, the list and the
/// map (side by side on a desktop, one or the other on a phone), and an entry's details.
#[component]
pub fn CatalogView(catalog: Catalog, skipped: usize, config: RuntimeConfig) -> impl IntoView {
    let address: Address = expect_context();
    let language = use_language();
    let region = catalog.region.clone();
    let finder = StoredValue::new(Finder::deferred(catalog, today()));
    let query = Memo::new(move |_| {
        let mut query = address.state().with(|s| s.query(&region));
        query.lang = language.code().to_owned();
        query
    });
    let results = Memo::new(move |_| {
        query
            .with(|q| finder.try_update_value(|f| f.find(q)))
            .unwrap_or_default()
    });
    build_search_index(finder);
    let open = Memo::new(move |_| {
        let id = address.state().with(|s| s.entry.clone())?;
        finder.with_value(|f| f.catalog().entries.iter().position(|e| e.id == id))
    });
    provide_context(Discovery {
        finder,
        results,
        open,
    });
    let region_name = finder.with_value(|f| f.catalog().region.name.clone());
    let pane = move || address.state().with(|s| s.pane);
    // The map's first view: the widget's area, else the region (or, with filters, the results).
    let area = address
        .state()
        .with_untracked(|s| s.area.clone())
        .and_then(|area| finder.with_value(|f| area.bounds(&f.catalog().region)));
    // A widget shows exactly the panes it asks for; the app beside each other on a desktop.
    let split = move || {
        address
            .state()
            .with(|s| !s.embed.enabled || s.pane == Pane::Both)
    };

    view! {
        <h1 class="ak-region">{move || region_name.get(language.code()).to_owned()}</h1>
        {(skipped > 0).then(|| view! {
            <p class="ak-notice" role="status">
                {move || language.t_with("skipped-entries", &[("count", Arg::from(skipped))])}
            </p>
        })}
        <div class="ak-discovery" class:has-details=move || open.get().is_some() class:is-split=split>
            <div class="ak-sidebar">
                <SearchBox />
                <FilterPanel />
                <p class="ak-count" role="status">
                    {move || language.t_with("results-count", &[("count", Arg::from(results.read().hits.len()))])}
                </p>
                <div class="ak-pane-switch" role="group" aria-label=move || language.t("view-switch")>
                    <PaneButton pane=Pane::List label="view-list" />
                    <PaneButton pane=Pane::Map label="view-map" />
                    <PaneButton pane=Pane::Both label="view-both" />
                </div>
            </div>
            <div
                class="ak-panes"
                class:shows-map=move || pane() == Pane::Map
                class:shows-both=move || pane() == Pane::Both
            >
                <ResultList />
                <MapView region=finder.with_value(|f| f.catalog().region.clone()) tiles=config.tiles area />
            </div>
            {move || open.get().map(|index| view! { <Details index maintainer=finder.with_value(|f| f.catalog().maintainer.clone()) /> })}
        </div>
    }
}

/// Builds the search index after the first screen is painted, a slice per task, so the list,
/// map and filters answer meanwhile (a search before it is done finishes it at once). Marks
/// `ankommen-search-ready` in the page's performance timeline when done.
fn build_search_index(finder: StoredValue<Finder>) {
    /// Entries per task: about 15 ms of work on the benchmark machine (BENCHMARKS.md).
    const SLICE: usize = 500;
    wasm_bindgen_futures::spawn_local(async move {
        crate::schedule::after_paint().await;
        // `None`: the view is gone, and its finder with it.
        while finder.try_update_value(|f| f.prepare(SLICE)) == Some(false) {
            crate::schedule::next_task().await;
        }
        if let Some(performance) = window().performance() {
            let _ = performance.mark("ankommen-search-ready");
        }
    });
}

/// On a phone, list and map take turns; the choice is part of the URL.
#[component]
fn PaneButton(pane: Pane, label: &'static str) -> impl IntoView {
    let address: Address = expect_context();
    let language = use_language();
    view! {
        <button
            type="button"
            aria-pressed=move || (address.state().with(|s| s.pane) == pane).to_string()
            on:click=move |_| address.update(Step::Push, |s| s.pane = pane)
        >
            {move || language.t(label)}
        </button>
    }
}

#[component]
fn Footer(legal: Legal) -> impl IntoView {
    let language = use_language();
    let address: Address = expect_context();
    let embedded = address.state().with_untracked(|s| s.embed.enabled);
    // In a widget every link opens a new tab: the widget never navigates the host page.
    let target = embedded.then_some("_blank");
    let rel = embedded.then_some("noopener noreferrer");
    let full_view = move || {
        address.state().with(|s| {
            (s.embed.enabled && s.embed.full_view).then(|| crate::history::href(&s.full_view()))
        })
    };
    let links = [
        ("legal-imprint", legal.imprint),
        ("legal-privacy", legal.privacy),
        ("legal-accessibility", legal.accessibility),
        ("legal-accessibility-feedback", legal.accessibility_feedback),
    ];
    view! {
        <footer class="ak-footer">
            <ul class="ak-footer__links">
                {move || full_view().map(|href| view! {
                    <li><a href=href target="_blank" rel="noopener noreferrer">{move || language.t("full-view")}</a></li>
                })}
                {links.into_iter().filter_map(|(key, url)| {
                    let url = url.filter(|u| crate::details::is_safe_link(u))?;
                    Some(view! { <li><a href=url target=target rel=rel>{move || language.t(key)}</a></li> })
                }).collect_view()}
            </ul>
        </footer>
    }
}
