//! Search as you type, the facet filters with their counts, "near a place" and the sort
//! order. Every control reads from and writes to the URL state; none keeps its own copy.

use crate::app::use_discovery;
use crate::history::{Address, Step};
use crate::language::use_language;
use ankommen_core::i18n::Arg;
use ankommen_core::sort::sort_by;
use ankommen_core::url::Place;
use ankommen_core::{Category, Kind, LatLon, Profession, Sort};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[component]
pub fn SearchBox() -> impl IntoView {
    let address: Address = expect_context();
    let language = use_language();
    view! {
        <form class="ak-search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="ak-search-input">{move || language.t("search-label")}</label>
            <input
                id="ak-search-input"
                type="search"
                autocomplete="off"
                placeholder=move || language.t("search-placeholder")
                prop:value=move || address.state().with(|s| s.text.clone())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    // Typing replaces the history entry: back leaves the search, not a letter.
                    address.update(Step::Replace, |s| s.text = text);
                }
            />
        </form>
    }
}

/// One checkbox of a facet: the URL value, its label and how many results it would leave.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Choice {
    value: String,
    label: String,
    count: usize,
    checked: bool,
    icon: Option<&'static str>,
}

/// The filter panel's groups (facets and the place picker).
const GROUPS: usize = 6;

#[component]
pub fn FilterPanel() -> impl IntoView {
    let address: Address = expect_context();
    let language = use_language();
    let discovery = use_discovery();
    let state = address.state();
    let facets = Memo::new(move |_| discovery.results.read().facets.clone());
    let districts = StoredValue::new(
        discovery
            .finder
            .with_value(|f| f.store().region().districts.clone()),
    );
    // The region's towns: those the loaded entries name, and all of them once the places file
    // is in (it is fetched when "near a place" is first needed).
    let municipalities = Memo::new(move |_| {
        discovery.loaded.track();
        discovery.finder.with_value(|f| {
            f.store()
                .region()
                .municipalities
                .iter()
                .map(|(key, m)| (key.clone(), m.name.clone()))
                .collect::<Vec<(String, String)>>()
        })
    });
    // The choices are built after the first paint, a group a task.
    let turn = crate::schedule::turns(GROUPS);
    let from = move |part: usize| move || turn.get() >= part;

    let professions = Memo::new(move |_| {
        let lang = language.code();
        let (facets, state) = (facets.read(), state.read());
        Profession::ALL
            .iter()
            .map(|p| Choice {
                value: p.as_str().into(),
                label: p.label(lang).into(),
                count: facets.professions.get(p).copied().unwrap_or(0),
                checked: state.professions.contains(p),
                icon: None,
            })
            .collect()
    });
    let kinds = Memo::new(move |_| {
        let lang = language.code();
        let (facets, state) = (facets.read(), state.read());
        Kind::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().into(),
                label: k.label(lang).into(),
                count: facets.kinds.get(k).copied().unwrap_or(0),
                checked: state.kinds.contains(k),
                icon: Some(k.as_str()),
            })
            .collect()
    });
    // Long facets list only values that would leave results, plus the chosen ones.
    let categories = Memo::new(move |_| {
        let lang = language.code();
        let (facets, state) = (facets.read(), state.read());
        Category::ALL
            .iter()
            .map(|c| Choice {
                value: c.as_str().into(),
                label: c.label(lang).into(),
                count: facets.categories.get(c).copied().unwrap_or(0),
                checked: state.categories.contains(c),
                icon: Some(c.kind().as_str()),
            })
            .filter(|c| c.count > 0 || c.checked)
            .collect()
    });
    let district_choices = Memo::new(move |_| {
        let (facets, state) = (facets.read(), state.read());
        districts.with_value(|all| {
            all.iter()
                .map(|(key, name)| Choice {
                    value: key.clone(),
                    label: name.clone(),
                    count: facets.districts.get(key).copied().unwrap_or(0),
                    checked: state.districts.contains(key),
                    icon: None,
                })
                .filter(|c| c.count > 0 || c.checked)
                .collect()
        })
    });
    let municipality_choices = Memo::new(move |_| {
        let (facets, state) = (facets.read(), state.read());
        municipalities.with(|all| {
            let mut choices: Vec<Choice> = all
                .iter()
                .map(|(key, name)| Choice {
                    value: key.clone(),
                    label: name.clone(),
                    count: facets.municipalities.get(key).copied().unwrap_or(0),
                    checked: state.municipalities.contains(key),
                    icon: None,
                })
                .filter(|c| c.count > 0 || c.checked)
                .collect();
            sort_by(&mut choices, |a, b| a.label.cmp(&b.label));
            choices
        })
    });
    let active = move || {
        state.with(|s| {
            s.kinds.len()
                + s.categories.len()
                + s.professions.len()
                + s.districts.len()
                + s.municipalities.len()
                + usize::from(s.near.is_some())
        })
    };

    view! {
        // Folded, so search, count and the first results are in view at once; the summary
        // says how many filters are active.
        <details
            class="ak-filters"
            on:toggle=move |ev| {
                // "Near a place" lists every town of the region: a large set's places file
                // is fetched the first time the filters open.
                let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                if open {
                    discovery.places_wanted.set(true);
                }
            }
        >
            <summary>
                {move || language.t_with("filters-title", &[("count", Arg::from(active()))])}
            </summary>
            // Folded on the first screen: its hundreds of choices are built after it is painted.
            <Show when=from(1)>
                <FacetGroup param="profession" legend="filter-profession" choices=professions.into() />
            </Show>
            <Show when=from(2)>
                <FacetGroup param="kind" legend="filter-kind" choices=kinds.into() />
            </Show>
            <Show when=from(3)>
                <FacetGroup param="category" legend="filter-category" choices=categories.into() />
            </Show>
            <Show when=from(4)>
                <PlacePicker municipalities />
            </Show>
            <Show when=from(5)>
                <FacetGroup param="district" legend="filter-district" choices=district_choices.into() />
            </Show>
            <Show when=from(GROUPS)>
                <FacetGroup param="municipality" legend="filter-municipality" choices=municipality_choices.into() />
            </Show>
        </details>
        <div class="ak-toolbar">
            <SortPicker />
            <button
                type="button"
                class="ak-clear"
                // aria-disabled, not disabled: the button keeps keyboard focus after it is used.
                aria-disabled=move || (!state.with(|s| s.has_clearable_filters())).to_string()
                on:click=move |_| {
                    if state.with_untracked(|s| s.has_clearable_filters()) {
                        address.update(Step::Push, |s| s.clear_filters());
                    }
                }
            >
                {move || language.t("filters-clear")}
            </button>
        </div>
    }
}

#[component]
fn FacetGroup(
    param: &'static str,
    legend: &'static str,
    choices: Signal<Vec<Choice>>,
) -> impl IntoView {
    let address: Address = expect_context();
    let language = use_language();
    // A widget's locked preset shows as its checked values, which visitors cannot change.
    let locked = address.state().with_untracked(|s| s.is_locked(param));
    let shown = move || {
        let mut all = choices.get();
        all.retain(|c| !locked || c.checked);
        all
    };
    let title = move || {
        let name = language.t(legend);
        if locked {
            language.t_with("filter-locked", &[("name", Arg::from(name.as_str()))])
        } else {
            name
        }
    };
    view! {
        <fieldset class="ak-facet" class:is-empty=move || choices.read().is_empty()>
            <legend>{title}</legend>
            // Keyed by value: a new count updates the text, it does not rebuild the checkbox.
            <For each=shown key=|c| (c.value.clone(), c.label.clone()) let:choice>
                {
                    let value = StoredValue::new(choice.value.clone());
                    let current = move || {
                        value.with_value(|v| choices.with(|all| {
                            all.iter().find(|c| &c.value == v).map(|c| (c.count, c.checked))
                        }))
                        .unwrap_or_default()
                    };
                    view! {
                        <label class="ak-facet__choice">
                            <input
                                type="checkbox"
                                name=param
                                disabled=locked
                                value=choice.value.clone()
                                prop:checked=move || current().1
                                on:change=move |_| address.update(Step::Push, |s| {
                                    value.with_value(|v| s.toggle(param, v));
                                })
                            />
                            {choice.icon.map(|kind| view! {
                                <span class=format!("ak-icon ak-icon--{kind}") aria-hidden="true"></span>
                            })}
                            <span class="ak-facet__label">{choice.label.clone()}</span>
                            <span class="ak-facet__count">{move || format!("({})", current().0)}</span>
                        </label>
                    }
                }
            </For>
        </fieldset>
    }
}

/// "Near a place": a municipality of the catalogue, or the browser's location after an
/// explicit click, and a radius.
#[component]
fn PlacePicker(municipalities: Memo<Vec<(String, String)>>) -> impl IntoView {
    let address: Address = expect_context();
    let language = use_language();
    let state = address.state();
    let locating = RwSignal::new(false);
    let location_error = RwSignal::new(None::<&'static str>);
    let locked = state.with_untracked(|s| s.is_locked("near"));
    let sorted = move || {
        let mut sorted = municipalities.get();
        sort_by(&mut sorted, |a, b| a.1.cmp(&b.1));
        sorted
    };
    let selected = move || {
        state.with(|s| match &s.near {
            Some(Place::Municipality(key)) => key.clone(),
            Some(Place::Point(_)) => "here".into(),
            None => String::new(),
        })
    };
    let locate = move |_| {
        locating.set(true);
        location_error.set(None);
        locate_browser(move |found| {
            locating.set(false);
            match found {
                Ok(at) => address.update(Step::Push, |s| {
                    s.near = Some(Place::Point(at));
                    s.sort = Sort::Distance;
                }),
                Err(key) => location_error.set(Some(key)),
            }
        });
    };

    view! {
        <fieldset class="ak-facet ak-place">
            <legend>{move || language.t("near-title")}</legend>
            <label for="ak-near">{move || language.t("near-place")}</label>
            <select
                id="ak-near"
                disabled=locked
                prop:value=selected
                on:change=move |ev| {
                    let key = event_target_value(&ev);
                    address.update(Step::Push, |s| {
                        if key.is_empty() {
                            s.near = None;
                            if s.sort == Sort::Distance {
                                s.sort = Sort::Relevance;
                            }
                        } else if key != "here" {
                            s.near = Some(Place::Municipality(key));
                            s.sort = Sort::Distance;
                        }
                    })
                }
            >
                <option value="">{move || language.t("near-none")}</option>
                {move || state.with(|s| matches!(s.near, Some(Place::Point(_)))).then(|| view! {
                    <option value="here">{move || language.t("near-here")}</option>
                })}
                {move || sorted().into_iter().map(|(key, name)| view! { <option value=key>{name}</option> }).collect_view()}
            </select>
            <label for="ak-radius">{move || language.t("near-radius")}</label>
            <select
                id="ak-radius"
                disabled=locked
                prop:value=move || state.with(|s| s.radius().to_string())
                on:change=move |ev| {
                    let km = event_target_value(&ev).parse().ok();
                    address.update(Step::Push, |s| s.radius_km = km);
                }
            >
                {[5u32, 10, 25, 50, 100].into_iter().map(|km| view! {
                    <option value=km.to_string()>{move || language.t_with("distance-km", &[("km", Arg::from(km))])}</option>
                }).collect_view()}
            </select>
            <button type="button" class="ak-locate" disabled=locked on:click=locate aria-busy=move || locating.get().to_string()>
                {move || language.t("near-locate")}
            </button>
            <p class="ak-locate__note">{move || language.t("near-locate-note")}</p>
            {move || location_error.get().map(|key| view! {
                <p class="ak-locate__error" role="alert">{move || language.t(key)}</p>
            })}
        </fieldset>
    }
}

#[component]
fn SortPicker() -> impl IntoView {
    let address: Address = expect_context();
    let language = use_language();
    let state = address.state();
    let options = [
        (Sort::Relevance, "sort-relevance"),
        (Sort::Distance, "sort-distance"),
        (Sort::Name, "sort-name"),
        (Sort::Newest, "sort-newest"),
    ];
    view! {
        <label class="ak-sort">
            <span>{move || language.t("sort-label")}</span>
            <select
                prop:value=move || state.with(|s| s.sort.as_str())
                on:change=move |ev| {
                    let sort = Sort::from_id(&event_target_value(&ev)).unwrap_or_default();
                    address.update(Step::Push, |s| s.sort = sort);
                }
            >
                {options.into_iter().map(|(sort, key)| view! {
                    <option
                        value=sort.as_str()
                        // Distance needs a place to measure from.
                        disabled=move || sort == Sort::Distance && state.with(|s| s.near.is_none())
                    >
                        {move || language.t(key)}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// Asks the browser for its position (only ever after the user's click). The callback gets
/// the position, or the key of a message saying why there is none.
fn locate_browser(done: impl FnOnce(Result<LatLon, &'static str>) + 'static) {
    let Ok(geolocation) = window().navigator().geolocation() else {
        done(Err("near-locate-unavailable"));
        return;
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let on_error = {
        let done = done.clone();
        Closure::once_into_js(move |_: JsValue| {
            if let Some(done) = done.borrow_mut().take() {
                done(Err("near-locate-failed"));
            }
        })
    };
    // web-sys marks GeolocationPosition unstable; the two numbers are read directly.
    let on_success = {
        let done = done.clone();
        Closure::once_into_js(move |position: JsValue| {
            let number = |key: &str| {
                let coords = js_sys::Reflect::get(&position, &"coords".into()).ok()?;
                js_sys::Reflect::get(&coords, &key.into()).ok()?.as_f64()
            };
            let found = match (number("latitude"), number("longitude")) {
                (Some(lat), Some(lon)) => Ok(LatLon { lat, lon }),
                _ => Err("near-locate-failed"),
            };
            if let Some(done) = done.borrow_mut().take() {
                done(found);
            }
        })
    };
    // A position that takes too long ends in an error after 20 s. (The wait for the user's
    // permission does not count, so the button stays usable: a second click asks again.)
    let options = web_sys::PositionOptions::new();
    options.set_timeout(20_000);
    let asked = geolocation.get_current_position_with_error_callback_and_options(
        on_success.unchecked_ref(),
        Some(on_error.unchecked_ref()),
        &options,
    );
    if asked.is_err() {
        if let Some(done) = done.borrow_mut().take() {
            done(Err("near-locate-failed"));
        }
    }
}
