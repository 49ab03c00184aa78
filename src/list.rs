//! The result list: the complete, accessible alternative to the map.
//!
//! Rows have one height, so a long list renders only the rows in view (plus a margin) and
//! pads the rest; every rendered row carries `aria-setsize` and `aria-posinset`, so screen
//! readers and tests still know the total.

use crate::app::use_discovery;
use crate::history::{href, Address, Step};
use crate::language::use_language;
use ankommen_core::i18n::Arg;
use ankommen_core::store::Excerpt;
use ankommen_core::Localized;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Up to this many results every row is rendered; above it, only the visible window.
const RENDER_ALL: usize = 150;
/// Rows rendered before the first paint when the whole list will be.
pub const FIRST_SCREEN: usize = ankommen_core::query::FIRST_SCREEN_ROWS;
/// Rows rendered above and below the visible ones, so fast scrolling shows no gaps.
const OVERSCAN: usize = 6;

#[component]
pub fn ResultList() -> impl IntoView {
    let discovery = use_discovery();
    let language = use_language();
    let scroller = NodeRef::<Div>::new();
    let scroll_top = RwSignal::new(0.0_f64);
    let viewport = RwSignal::new(800.0_f64);
    // Measured from the first row; the CSS sets it in rem, so zoom changes it.
    let row_height = RwSignal::new(100.0_f64);
    let total = Memo::new(move |_| discovery.results.read().hits.len());

    // The first screen renders the rows a tall window shows; the rest of a short list follows
    // after the first paint, as many rows again each task, so the heading and the first rows
    // show sooner and no task renders a hundred rows.
    let turn = crate::schedule::turns((RENDER_ALL - FIRST_SCREEN).div_ceil(FIRST_SCREEN));
    let window_range = Memo::new(move |_| {
        let total = total.get();
        if total <= RENDER_ALL {
            return 0..total.min(FIRST_SCREEN * (1 + turn.get()));
        }
        let row = row_height.get().max(1.0);
        let first = (scroll_top.get() / row) as usize;
        let visible = (viewport.get() / row).ceil() as usize;
        let start = first.saturating_sub(OVERSCAN).min(total);
        let end = (first + visible + OVERSCAN).min(total);
        start..end
    });
    let rows = Memo::new(move |_| {
        let range = window_range.get();
        let results = discovery.results.read();
        results.hits[range.clone()]
            .iter()
            .enumerate()
            .map(|(i, hit)| Row {
                index: hit.index,
                position: range.start + i + 1,
                distance_km: hit.distance_km,
            })
            .collect::<Vec<_>>()
    });

    let measure = move || {
        let Some(element) = scroller.get_untracked() else {
            return;
        };
        scroll_top.set(element.scroll_top() as f64);
        viewport.set(element.client_height().max(200) as f64);
        if let Some(first) = element.query_selector(".ak-item").ok().flatten() {
            let height = first.get_bounding_client_rect().height();
            if height > 0.0 {
                row_height.set(height);
            }
        }
    };
    // New results start at the top. The scroll position is known from scroll events, so an
    // unscrolled list costs no forced layout here.
    Effect::new(move |_| {
        discovery.results.track();
        if scroll_top.get_untracked() > 0.0 {
            if let Some(element) = scroller.get_untracked() {
                element.set_scroll_top(0);
            }
            scroll_top.set(0.0);
        }
    });
    // Sizes change with the window, the pane shown and zoom, not with the results: measured
    // when the scroller's size changes. An observer runs after layout, so reading sizes there
    // forces none (reading them after every keystroke forced a layout each time).
    Effect::new(move |_| {
        let Some(element) = scroller.get() else {
            return;
        };
        let resized = Closure::<dyn Fn()>::new(measure);
        match web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()) {
            Ok(observer) => {
                observer.observe(&element);
                let observing = send_wrapper::SendWrapper::new((observer, resized));
                on_cleanup(move || observing.take().0.disconnect());
            }
            Err(_) => request_animation_frame(measure),
        }
    });
    // Scrolls the row of entry `index` into view (so a long list renders it).
    let reveal = move |index: usize| {
        let position = discovery
            .results
            .with_untracked(|r| r.hits.iter().position(|h| h.index == index));
        let (Some(position), Some(element)) = (position, scroller.get_untracked()) else {
            return;
        };
        let view_height = element.client_height() as f64;
        if view_height == 0.0 {
            return; // hidden: a phone showing details or the map
        }
        let row = row_height.get_untracked();
        let top = position as f64 * row;
        let view_top = element.scroll_top() as f64;
        if top < view_top || top + row > view_top + view_height {
            element.set_scroll_top((top - view_height / 3.0).max(0.0) as i32);
            measure();
        }
    };
    // Opening an entry (from the map, a link or the back button) reveals its row; closing
    // reveals it again once the list is back in view (a phone hides it behind the details),
    // so focus can return to it.
    Effect::new(move |previous: Option<Option<usize>>| {
        let open = discovery.open.get();
        match (open, previous.flatten()) {
            (Some(index), _) => reveal(index),
            (None, Some(closed)) => request_animation_frame(move || reveal(closed)),
            (None, None) => {}
        }
        open
    });

    let padding = move |before: bool| {
        let range = window_range.get();
        let rows = if before {
            range.start
        } else {
            total.get() - range.end
        };
        format!("{}px", rows as f64 * row_height.get())
    };

    view! {
        <section class="ak-results" aria-labelledby="ak-results-title">
            <h2 id="ak-results-title" class="ak-visually-hidden">{move || language.t("results-title")}</h2>
            <div class="ak-results__scroller" node_ref=scroller on:scroll=move |_| measure()>
                <ul
                    class="ak-list"
                    role="list"
                    aria-label=move || language.t("results-title")
                    style:padding-top=move || padding(true)
                    style:padding-bottom=move || padding(false)
                >
                    // Keyed by entry (and distance): a row that stays in view keeps its DOM.
                    <For each=move || rows.get() key=|row| (row.index, row.distance_km.map(f64::to_bits)) let:row>
                        <ResultItem row rows total />
                    </For>
                </ul>
                {move || match (discovery.overview.get(), total.get(), discovery.loading.get()) {
                    (Some(districts), _, _) => view! { <Overview districts /> }.into_any(),
                    (None, 0, 0) => view! {
                        <p class="ak-empty">{move || language.t("results-empty")}</p>
                    }.into_any(),
                    (None, 0, _) => view! {
                        <p class="ak-empty" role="status">{move || language.t("loading-entries")}</p>
                    }.into_any(),
                    _ => ().into_any(),
                }}
            </div>
        </section>
    }
}

/// A large set zoomed out: its districts with their counts, each a link that shows its
/// entries (the map shows the same counts).
#[component]
fn Overview(districts: Vec<(usize, u32)>) -> impl IntoView {
    let discovery = use_discovery();
    let address: Address = expect_context();
    let language = use_language();
    let mut named: Vec<(String, String, u32)> = discovery.dataset.with_value(|d| {
        districts
            .iter()
            .filter_map(|(i, n)| {
                let district = d.manifest.districts.get(*i)?;
                Some((district.name.clone(), district.key.clone(), *n))
            })
            .collect()
    });
    ankommen_core::sort::sort_by(&mut named, |a, b| a.cmp(b));
    view! {
        <p class="ak-overview__hint">{move || language.t("overview-hint")}</p>
        <ul class="ak-overview" role="list">
            {named.into_iter().map(|(name, key, count)| {
                let link = {
                    let key = key.clone();
                    move || address.state().with(|s| {
                        let mut next = s.clone();
                        next.districts = vec![key.clone()];
                        href(&next)
                    })
                };
                let label = {
                    let name = name.clone();
                    move || language.t_with("overview-district", &[
                        ("name", Arg::from(name.as_str())),
                        ("count", Arg::from(count as usize)),
                    ])
                };
                view! {
                    <li>
                        <a href=link on:click=move |ev: leptos::ev::MouseEvent| {
                            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
                                return;
                            }
                            ev.prevent_default();
                            let key = key.clone();
                            address.update(Step::Push, |s| s.districts = vec![key]);
                        }>{label}</a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[derive(Clone, PartialEq)]
struct Row {
    index: usize,
    /// 1-based position in the whole result list.
    position: usize,
    distance_km: Option<f64>,
}

#[component]
fn ResultItem(row: Row, rows: Memo<Vec<Row>>, total: Memo<usize>) -> impl IntoView {
    let discovery = use_discovery();
    let address: Address = expect_context();
    let language = use_language();
    let index = row.index;
    let (id, kind, category, illustrative, place) = discovery.finder.with_value(|f| {
        let store = f.store();
        (
            store.id(index).to_owned(),
            store.kind(index),
            store.category(index),
            store.illustrative(index),
            store.place_name(index).to_owned(),
        )
    });
    let link = {
        let id = id.clone();
        move || {
            address.state().with(|s| {
                let mut next = s.clone();
                next.entry = Some(id.clone());
                href(&next)
            })
        }
    };
    let anchor = format!("ak-item-{id}");
    let open = move |ev: leptos::ev::MouseEvent| {
        // Ctrl/Cmd-click opens the shareable link in a new tab as usual.
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
            return;
        }
        ev.prevent_default();
        let id = id.clone();
        address.update(Step::Push, |s| s.entry = Some(id));
    };
    let name = Signal::derive(move || text_of(index, language.code(), TextPart::Name));
    let excerpt = Memo::new(move |_| excerpt_of(index, language.code()));
    let excerpt_text = Signal::derive(move || excerpt.get().flatten());
    view! {
        <li
            class="ak-item"
            class:is-open=move || discovery.open.get() == Some(index)
            aria-setsize=move || total.get().to_string()
            aria-posinset=move || {
                rows.with(|rows| rows.iter().find(|r| r.index == index).map(|r| r.position))
                    .unwrap_or(row.position)
                    .to_string()
            }
        >
            <span class=format!("ak-icon ak-icon--{}", kind.as_str()) aria-hidden="true"></span>
            <div class="ak-item__body">
                <p class="ak-item__kind">
                    {move || category.label(language.code())}
                    {illustrative.then(|| view! { <span class="ak-badge">{move || language.t("badge-illustrative")}</span> })}
                </p>
                <h3 class="ak-item__name">
                    <a id=anchor href=link on:click=open>
                        <StoreText text=name />
                    </a>
                </h3>
                <p class="ak-item__meta">
                    {place}
                    {row.distance_km.map(|km| view! {
                        " · "{move || language.t_with("distance-km", &[("km", Arg::from(km))])}
                    })}
                </p>
                // Two lines are kept for the description while its file is on its way, so the
                // row does not grow when it arrives.
                {move || excerpt.get().is_some().then(|| view! {
                    <p class="ak-item__description"><StoreText text=excerpt_text /></p>
                })}
            </div>
        </li>
    }
}

#[derive(Clone, Copy)]
pub enum TextPart {
    Name,
}

/// An entry's name in `lang`, with the language it is in (tracks the arrival of texts).
pub fn text_of(index: usize, lang: &str, part: TextPart) -> Option<(String, String)> {
    let discovery = use_discovery();
    discovery.loaded.track();
    discovery
        .finder
        .try_with_value(|f| {
            let store = f.store();
            if index >= store.len() {
                return None;
            }
            let shown = match part {
                TextPart::Name => store.name(index, lang),
            }?;
            Some((shown.text.to_owned(), shown.lang.to_owned()))
        })
        .flatten()
}

/// The start of an entry's description in `lang` and its language: `None` when it has no
/// description, `Some(None)` while its excerpts file is fetched (which this starts).
fn excerpt_of(index: usize, lang: &str) -> Option<Option<(String, String)>> {
    let discovery = use_discovery();
    discovery.loaded.track();
    discovery.excerpts.track();
    let excerpt = discovery.finder.try_with_value(|f| {
        let store = f.store();
        (index < store.len()).then(|| match store.excerpt(index, lang) {
            Excerpt::None => None,
            Excerpt::Shown(shown) => Some(Ok((shown.text.to_owned(), shown.lang.to_owned()))),
            Excerpt::Wanted { file, chunk } => Some(Err((file, chunk))),
        })
    });
    match excerpt.flatten().flatten()? {
        Ok(shown) => Some(Some(shown)),
        Err((file, chunk)) => {
            crate::data::want_excerpts(discovery, file, chunk);
            Some(None)
        }
    }
}

/// A text from the store in the UI language; German, marked as such, where the entry has no
/// translation.
#[component]
pub fn StoreText(text: Signal<Option<(String, String)>>) -> impl IntoView {
    let language = use_language();
    move || match text.get() {
        Some((text, lang)) if lang == "de" && language.code() != "de" => view! {
            <span lang="de">{text}</span>
            " "<span class="ak-fallback">{language.t("fallback-german")}</span>
        }
        .into_any(),
        Some((text, _)) => text.into_any(),
        None => ().into_any(),
    }
}

/// A catalogue text in the UI language; German, marked as such, when there is no translation.
#[component]
pub fn LocalizedText(text: Localized) -> impl IntoView {
    let language = use_language();
    move || {
        let lang = language.code();
        match text.translation(lang) {
            Some(t) => t.to_owned().into_any(),
            None => view! {
                <span lang="de">{text.de.clone()}</span>
                " "<span class="ak-fallback">{language.t("fallback-german")}</span>
            }
            .into_any(),
        }
    }
}
