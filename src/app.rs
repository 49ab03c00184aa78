//! The page: header with the language switch, the discovery view on the loaded catalogue, and
//! the operator's legal links.

use crate::data::{load_chunks, load_places, load_texts, Dataset};
use crate::details::Details;
use crate::fetch::{copy_instead, kept, load_config, load_with_fallback, today, Got};
use crate::filters::{FilterPanel, SearchBox};
use crate::history::{Address, Step};
use crate::language::{use_language, Language};
use crate::list::ResultList;
use crate::map::MapView;
use crate::schedule::next_task;
use ankommen_core::catalog::Bounds;
use ankommen_core::config::{Legal, BUNDLED_CATALOG};
use ankommen_core::embed::MapArea;
use ankommen_core::i18n::{self, Arg};
use ankommen_core::query::Results;
use ankommen_core::scope::{scope, Scope};
use ankommen_core::store::{Excerpt, Store};
use ankommen_core::url::{Pane, UrlState};
use ankommen_core::{Finder, Problem, Query, RuntimeConfig};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// What every part of the discovery view shares: the loaded entries, the published set they
/// come from, and what the current URL asks of them. Results are derived, never copied.
#[derive(Clone, Copy)]
pub struct Discovery {
    pub finder: StoredValue<Finder>,
    pub dataset: StoredValue<Dataset, LocalStorage>,
    /// Changes whenever entries, texts or places arrive: whatever reads the store tracks it.
    pub loaded: RwSignal<u64>,
    /// Which part of the set the view needs (all of a regional set).
    pub scope: Memo<Scope>,
    pub results: Memo<Results>,
    /// Index of the entry whose details are open.
    pub open: Memo<Option<usize>>,
    /// The map's visible area, once it is shown: a large set loads what is in view.
    pub map_view: RwSignal<Option<Bounds>>,
    /// Set when a control needs the region's municipalities ("near a place").
    pub places_wanted: RwSignal<bool>,
    /// Zoomed out on a large set: each district with its count (manifest) instead of entries.
    pub overview: Memo<Option<Vec<(usize, u32)>>>,
    /// Loads of chunks under way: the list says so rather than "no results".
    pub loading: RwSignal<u32>,
    /// Changes when an excerpts file arrives (only the rows track it, not the results).
    pub excerpts: RwSignal<u64>,
    /// The excerpts files asked for, so each is fetched once.
    pub excerpts_asked: StoredValue<std::collections::HashSet<String>>,
}

pub fn use_discovery() -> Discovery {
    expect_context()
}

/// A published set with its first chunks loaded, ready to show.
pub struct Shown {
    pub dataset: Dataset,
    pub finder: Finder,
    pub skipped: usize,
    /// Chunks that could not be loaded (already reported): not tried again in this visit.
    pub failed: Vec<u32>,
}

#[component]
pub fn App() -> impl IntoView {
    let address = Address::from_location();
    provide_context(address);
    let language = Language::new(address);
    provide_context(language);
    let start = address.state().get_untracked();
    crate::embed::apply(&start);
    let compact = start.embed.compact;
    let lang = language.code_untracked();
    crate::fetcher::warm(crate::fetcher::SCRIPT);
    let loaded = LocalResource::new(move || {
        let start = start.clone();
        async move {
            let config = load_config("config.json").await;
            mark("ankommen-config");
            let origin = window().location().origin().unwrap_or_default();
            let (source, refused) = config.catalog_address(start.catalog.as_deref(), &origin);
            let (got, loaded_notices) =
                load_with_fallback(&source, BUNDLED_CATALOG, &config, crate::worker::SCRIPT).await;
            let mut notices: Vec<Problem> = refused.into_iter().chain(loaded_notices).collect();
            mark("ankommen-manifest");
            let shown = match got {
                Ok(got) => Ok(first_screen(got, &start, lang, &config, &mut notices).await),
                Err(problem) => Err(problem),
            };
            mark("ankommen-entries");
            crate::offline::register_worker(&config);
            (config, shown.map(Handoff::new), notices)
        }
    });
    // Once the catalogue (or its failure) is shown, the app replaces a prerendered first
    // screen; the frame after the render, so the view is complete when it swaps.
    Effect::new(move |swapped: Option<bool>| {
        if swapped == Some(true) || loaded.with(Option::is_none) {
            return swapped.unwrap_or(false);
        }
        if crate::first_screen::pending() {
            request_animation_frame(move || {
                let carried = crate::first_screen::take_over();
                if !carried.text.is_empty() {
                    address.update(Step::Replace, |s| s.text = carried.text.clone());
                    crate::first_screen::restore_focus(&carried);
                }
            });
        }
        true
    });
    let notices = move || {
        loaded
            .get()
            .map(|(_, _, notices)| notices)
            .unwrap_or_default()
    };

    view! {
        <a class="ak-skip" href="#ak-main">{move || language.t("skip-to-content")}</a>
        {(!compact).then(|| view! {
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
            {move || match loaded.get().map(|(config, shown, _)| (config, shown)) {
                None => view! {
                    <p class="ak-status" role="status">{move || language.t("loading")}</p>
                }.into_any(),
                Some((_, Err(problem))) => view! {
                    <p class="ak-status ak-status--error" role="alert">
                        {move || problem.message(language.code()).to_owned()}
                    </p>
                }.into_any(),
                Some((config, Ok(shown))) => match shown.take() {
                    Some(shown) => view! { <CatalogView shown config /> }.into_any(),
                    None => ().into_any(),
                },
            }}
        </main>
        {move || loaded.get().map(|(config, _, _)| view! { <Footer legal=config.legal /> })}
    }
}

/// Marks a moment of loading in the page's performance timeline (the benchmark reads them).
fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

/// A set loaded whole has its places file (up to this size) loaded with its chunks; a larger
/// set's places are loaded when "near a place" needs them, so a view of one district of a
/// nationwide set fetches that district alone.
const PLACES_WITH_FIRST_SCREEN: u64 = 64_000;

/// Loads the chunks the first view needs. When a fresh manifest's files fail, its last good
/// copy kept on this device is shown instead (if that loads), with a notice; otherwise what
/// did load, with a notice per chunk that did not.
async fn first_screen(
    got: Got,
    state: &UrlState,
    lang: &str,
    config: &RuntimeConfig,
    notices: &mut Vec<Problem>,
) -> Shown {
    let (finder, problems) = load_first(&got.dataset, state, lang).await;
    let failed: Vec<u32> = problems.iter().filter_map(|(n, _)| *n).collect();
    let problems: Vec<Problem> = problems.into_iter().map(|(_, p)| p).collect();
    if problems.is_empty() {
        if let Some(bytes) = got.keep {
            wasm_bindgen_futures::spawn_local(crate::offline::remember(got.url.clone(), bytes));
        }
    } else if got.keep.is_some() {
        if let Some((copy, saved)) = kept(&got.url, config, crate::worker::SCRIPT).await {
            if copy.dataset.manifest != got.dataset.manifest {
                let (copy_finder, copy_problems) = load_first(&copy.dataset, state, lang).await;
                if copy_problems.is_empty() {
                    notices.extend(problems.iter().map(|p| copy_instead(p, saved)));
                    return Shown {
                        dataset: copy.dataset,
                        finder: copy_finder,
                        skipped: copy.skipped,
                        failed: Vec::new(),
                    };
                }
            }
        }
    }
    notices.extend(problems);
    Shown {
        dataset: got.dataset,
        finder,
        skipped: got.skipped,
        failed,
    }
}

/// The first chunks and places; each problem with its chunk (`None`: the places).
async fn load_first(
    dataset: &Dataset,
    state: &UrlState,
    lang: &str,
) -> (Finder, Vec<(Option<u32>, Problem)>) {
    let manifest = &dataset.manifest;
    let finder = RefCell::new(Finder::with_store(Store::for_manifest(manifest, today())));
    let chunks = scope(manifest, state, None).chunks(manifest);
    let (_, problems) = load_chunks(dataset, &finder, chunks, lang).await;
    let mut problems: Vec<(Option<u32>, Problem)> =
        problems.into_iter().map(|(n, p)| (Some(n), p)).collect();
    let whole = manifest.entries <= manifest.load_whole;
    if (whole && manifest.places.bytes <= PLACES_WITH_FIRST_SCREEN) || state.near.is_some() {
        problems.extend(load_places(dataset, &finder).await.map(|p| (None, p)));
    }
    // The first screen's results in a task of their own, and the render in the next: filtering
    // 100,000 entries and rendering them in one task kept the page busy for over 50 ms.
    next_task().await;
    {
        let mut finder = finder.borrow_mut();
        let query = view_query(&finder, state, lang, &scope(manifest, state, None));
        finder.prime(&query);
    }
    // Beside a prerendered first screen the app's own shows the same descriptions, so it takes
    // over without rows losing their text for a moment.
    if crate::first_screen::pending() {
        load_first_excerpts(dataset, &finder, state, lang).await;
    }
    next_task().await;
    (finder.into_inner(), problems)
}
/// The descriptions of the rows the first screen shows.
async fn load_first_excerpts(
    dataset: &Dataset,
    finder: &RefCell<Finder>,
    state: &UrlState,
    lang: &str,
) {
    let wanted: Vec<(ankommen_core::manifest::FileRef, u32)> = {
        let mut finder = finder.borrow_mut();
        let query = view_query(&finder, state, lang, &scope(&dataset.manifest, state, None));
        let hits = finder.find(&query).hits;
        let store = finder.store();
        let mut wanted = Vec::new();
        for hit in hits.iter().take(crate::list::FIRST_SCREEN) {
            if let Excerpt::Wanted { file, chunk } = store.excerpt(hit.index, lang) {
                if !wanted
                    .iter()
                    .any(|(f, _): &(ankommen_core::manifest::FileRef, u32)| f.name == file.name)
                {
                    wanted.push((file, chunk));
                }
            }
        }
        wanted
    };
    for (file, chunk) in wanted {
        if let Ok(bytes) = dataset.file(&file).await {
            let _ = finder.borrow_mut().store_mut().add_excerpts(chunk, &bytes);
        }
    }
}

/// What the view asks the finder for: the address's query in the UI language, limited to the
/// districts the map's view loaded. The first screen primes exactly this query.
fn view_query(finder: &Finder, state: &UrlState, lang: &str, scope: &Scope) -> Query {
    let mut query = state.query(finder.store().region());
    query.lang = lang.to_owned();
    query.within = scope.within();
    query
}

/// A value handed from the loading resource to the one view that owns it. A resource hands
/// out clones of its value on every read, and a clone of a large catalogue costs as much
/// memory and time as parsing it.
struct Handoff<T>(Rc<RefCell<Option<T>>>);

// Not derived: that would ask `T: Clone`, and the point is not to clone `T`.
impl<T> Clone for Handoff<T> {
    fn clone(&self) -> Self {
        Handoff(self.0.clone())
    }
}

impl<T> Handoff<T> {
    fn new(value: T) -> Handoff<T> {
        Handoff(Rc::new(RefCell::new(Some(value))))
    }

    fn take(&self) -> Option<T> {
        self.0.borrow_mut().take()
    }
}

/// A loaded catalogue as users see it: search and filters, the result count, the list and the
/// map (side by side on a desktop, one or the other on a phone), and an entry's details.
#[component]
pub fn CatalogView(shown: Shown, config: RuntimeConfig) -> impl IntoView {
    let address: Address = expect_context();
    let language = use_language();
    let skipped = shown.skipped;
    let finder = StoredValue::new(shown.finder);
    let dataset = StoredValue::new_local(shown.dataset);
    let loaded = RwSignal::new(0u64);
    let map_view = RwSignal::new(None::<Bounds>);
    let places_wanted = RwSignal::new(false);
    let notices = RwSignal::new(Vec::<Problem>::new());
    let failed = StoredValue::new(shown.failed);
    let scope = Memo::new(move |_| {
        address
            .state()
            .with(|s| dataset.with_value(|d| scope(&d.manifest, s, map_view.get())))
    });
    let query = Memo::new(move |_| {
        loaded.track();
        address.state().with(|s| {
            finder.with_value(|f| scope.with(|scope| view_query(f, s, language.code(), scope)))
        })
    });
    let overview = Memo::new(move |_| {
        if scope.get() != Scope::Overview {
            return None;
        }
        let (districts, facets) = address
            .state()
            .with(|s| dataset.with_value(|d| ankommen_core::scope::overview(&d.manifest, s)));
        Some((districts, facets))
    });
    let results = Memo::new(move |_| {
        if let Some((_, facets)) = overview.get() {
            return Results {
                hits: Vec::new(),
                facets,
            };
        }
        loaded.track();
        query
            .with(|q| finder.try_update_value(|f| f.find(q)))
            .unwrap_or_default()
    });
    let overview = Memo::new(move |_| overview.get().map(|(districts, _)| districts));
    let loading = RwSignal::new(0u32);
    let open = Memo::new(move |_| {
        loaded.track();
        let id = address.state().with(|s| s.entry.clone())?;
        finder.with_value(|f| f.store().position(&id))
    });
    let discovery = Discovery {
        finder,
        dataset,
        loaded,
        scope,
        results,
        open,
        map_view,
        places_wanted,
        overview,
        loading,
        excerpts: RwSignal::new(0),
        excerpts_asked: StoredValue::new(Default::default()),
    };
    provide_context(discovery);
    follow_scope(discovery, notices, failed);
    let region_name = finder.with_value(|f| f.store().region().name.clone());
    let pane = move || address.state().with(|s| s.pane);
    // The map's first view: the widget's area, else the region (or, with filters, the results).
    let area = address
        .state()
        .with_untracked(|s| s.area.clone())
        .and_then(|area| {
            finder
                .with_value(|f| area.bounds(f.store().region()))
                .or_else(|| district_bounds(dataset, &area))
        });
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
        {move || notices.get().into_iter().map(|problem| view! {
            <p class="ak-notice" role="status">{move || problem.message(language.code()).to_owned()}</p>
        }).collect_view()}
        <div class="ak-discovery" class:has-details=move || open.get().is_some() class:is-split=split>
            <div class="ak-sidebar">
                <SearchBox />
                <FilterPanel />
                <p class="ak-count" role="status">
                    {move || match overview.get() {
                        Some(districts) => language.t_with("overview-count", &[
                            ("count", Arg::from(districts.iter().map(|(_, n)| *n as usize).sum::<usize>())),
                            ("districts", Arg::from(districts.len())),
                        ]),
                        None => language.t_with("results-count", &[("count", Arg::from(results.read().hits.len()))]),
                    }}
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
                <MapView region=finder.with_value(|f| f.store().region().clone()) tiles=config.tiles area />
            </div>
            {move || open.get().map(|index| view! {
                <Details index maintainer=dataset.with_value(|d| d.manifest.maintainer.clone()) />
            })}
        </div>
    }
}

/// A widget's `area=<district>` where the places are not loaded: the district's bounds from
/// the manifest.
fn district_bounds(dataset: StoredValue<Dataset, LocalStorage>, area: &MapArea) -> Option<Bounds> {
    let MapArea::District(key) = area else {
        return None;
    };
    dataset.with_value(|d| {
        d.manifest
            .districts
            .iter()
            .find(|district| &district.key == key)
            .and_then(|district| district.bounds)
            .map(|b| b.padded(0.05))
    })
}

/// Loads what the view comes to need after the first screen: the chunks of a new scope (a
/// large set's district or map view), the texts of a new language, and the places once "near
/// a place" is used. `loaded` changes when anything arrived; problems become notices.
fn follow_scope(
    discovery: Discovery,
    notices: RwSignal<Vec<Problem>>,
    failed: StoredValue<Vec<u32>>,
) {
    let Discovery {
        finder,
        dataset,
        loaded,
        scope,
        places_wanted,
        loading,
        ..
    } = discovery;
    let address: Address = expect_context();
    let language = use_language();
    let report = move |added: bool, problems: Vec<Problem>| {
        if added {
            loaded.update(|v| *v += 1);
        }
        if !problems.is_empty() {
            notices.update(|n| n.extend(problems));
        }
    };
    Effect::new(move |_| {
        let mut chunks = dataset.with_value(|d| scope.with(|s| s.chunks(&d.manifest)));
        // A chunk that failed was reported once; it is not fetched again in this visit.
        chunks.retain(|n| failed.with_value(|f| !f.contains(n)));
        let lang = language.code_untracked();
        let missing = finder.with_value(|f| chunks.iter().any(|n| !f.store().is_loaded(*n)));
        if missing {
            loading.update(|n| *n += 1);
            leptos::task::spawn_local(async move {
                let dataset = dataset.get_value();
                let (added, problems) = load_chunks(&dataset, &finder, chunks, lang).await;
                failed.update_value(|f| f.extend(problems.iter().map(|(n, _)| *n)));
                report(added > 0, problems.into_iter().map(|(_, p)| p).collect());
                loading.update(|n| *n = n.saturating_sub(1));
            });
        }
    });
    Effect::new(move |previous: Option<&'static str>| {
        let lang = language.code();
        if previous.is_some_and(|p| p != lang) {
            leptos::task::spawn_local(async move {
                let dataset = dataset.get_value();
                let problems = load_texts(&dataset, &finder, lang).await;
                report(true, problems);
            });
        }
        lang
    });
    Effect::new(move |_| {
        let wanted = places_wanted.get() || address.state().with(|s| s.near.is_some());
        let have = finder.with_value(|f| f.store().has_places());
        if wanted && !have {
            leptos::task::spawn_local(async move {
                let dataset = dataset.get_value();
                let problem = load_places(&dataset, &finder).await;
                report(true, problem.into_iter().collect());
            });
        }
    });
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
                    let url = url.filter(|u| ankommen_core::validate::is_safe_link(u))?;
                    Some(view! { <li><a href=url target=target rel=rel>{move || language.t(key)}</a></li> })
                }).collect_view()}
            </ul>
        </footer>
    }
}
