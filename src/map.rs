//! The map: the one component that owns the Leaflet map (loaded from the app's own origin).
//!
//! The core clusters the results for the current zoom (`ankommen_core::cluster`), and only
//! the markers in view exist in the page; a change of results or view replaces just the markers
//! that changed. Without consent to a tile server the map draws the bundled district outlines
//! on a plain background, so it is useful with no third-party request at all.

use crate::app::use_discovery;
use crate::choices;
use crate::fetch::load_outlines;
use crate::history::{Address, Step};
use crate::language::use_language;
use ankommen_core::catalog::{Bounds, LatLon};
use ankommen_core::cluster::{
    cluster, merge, project, separating_zoom, unclustered, unproject, Cluster, Point,
};
use ankommen_core::config::TileSource;
use ankommen_core::i18n::{self, Arg};
use ankommen_core::store::Store;
use ankommen_core::{Kind, Region};
use leaflet::{
    Evented, FeatureGroup, Icon, LatLng, LatLngBounds, Map, MapOptions, Marker, MarkerOptions,
    TileLayer, TileLayerOptions,
};
use leptos::html::Div;
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // leaflet 0.5's `DivIcon` binds its constructor to `L.Icon`, which needs an image URL;
    // this binding calls `L.DivIcon`, so markers are plain styleable elements.
    #[wasm_bindgen(extends = Icon, js_namespace = L)]
    type DivIcon;

    #[wasm_bindgen(constructor, js_namespace = L)]
    fn new(options: &JsValue) -> DivIcon;

    // leaflet 0.5 declares `L.geoJSON` but does not export it.
    #[wasm_bindgen(js_namespace = L, js_name = geoJSON)]
    fn geo_json(data: &JsValue, options: &JsValue) -> leaflet::GeoJson;
}

/// The Leaflet objects, made once the container exists.
struct Leaflet {
    map: Map,
    layer: FeatureGroup,
    /// The markers on the map now, by what they show.
    shown: HashMap<Shown, Marker>,
    tiles: Option<TileLayer>,
    /// The map was made while hidden (a phone's list view) and has not yet been fitted.
    unfitted: bool,
    /// The language of the markers' titles.
    lang: &'static str,
}

/// What a marker stands for: one entry, or a cluster (its grid cell at a zoom, and size).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Shown {
    Entry(usize),
    Cluster { cell: (i64, i64), zoom: i64 },
}

/// Markers closer than this many pixels form a cluster.
const CELL_PX: f64 = 60.0;
/// From this zoom on (streets), every entry has its own marker.
const NO_CLUSTERS_FROM: f64 = 16.0;
const MAX_ZOOM: f64 = 18.0;

#[component]
pub fn MapView(
    region: Region,
    tiles: Option<TileSource>,
    /// Where the map starts (a widget's `area`) instead of the region.
    area: Option<Bounds>,
) -> impl IntoView {
    let discovery = use_discovery();
    let address: Address = expect_context();
    let language = use_language();
    let container = NodeRef::<Div>::new();
    let leaflet = StoredValue::new_local(None::<Leaflet>);
    // True once the map exists (it is built after the first paint): every effect that acts on
    // the map tracks it, so what was asked before then (tiles, an open entry, a filtered
    // link's area) is applied when the map starts.
    let started = RwSignal::new(false);
    // The map's zoom and visible area, updated when the user moves it.
    let view = RwSignal::new(None::<(f64, Bounds)>);
    let consented = RwSignal::new(
        tiles
            .as_ref()
            .is_some_and(|t| choices::get(choices::TILES).as_deref() == Some(t.url.as_str())),
    );
    // The unfiltered view: the widget's area, else the whole region.
    let bounds = area.unwrap_or(region.bounds);
    let has_area = area.is_some();
    // Every loaded entry's position on the map plane, projected once per arrival of entries.
    let projected = Memo::new(move |_| {
        discovery.loaded.track();
        discovery.finder.with_value(|f| {
            let store = f.store();
            (0..store.len())
                .map(|i| store.location(i).map(project))
                .collect::<Vec<Option<Point>>>()
        })
    });
    let points = Memo::new(move |_| {
        let results = discovery.results.read();
        projected.with(|p| {
            results
                .hits
                .iter()
                .filter_map(|h| Some((h.index, p[h.index]?)))
                .collect::<Vec<_>>()
        })
    });
    // Counted from the store rather than from `points`, so the first screen's summary does not
    // project every entry (about 10 ms at 100,000): that waits for the map, after the first paint.
    // A memo: it is read three times per change of the results.
    let located = Memo::new(move |_| {
        let results = discovery.results.read();
        discovery.finder.with_value(|f| {
            let store = f.store();
            results
                .hits
                .iter()
                .filter(|h| store.location(h.index).is_some())
                .count()
        })
    });
    let total = Signal::derive(move || discovery.results.read().hits.len());

    // Builds the Leaflet map in `element` (once).
    let start = move |element: web_sys::HtmlDivElement| {
        if leaflet.with_value(Option::is_some) {
            return;
        }
        let options = MapOptions::new();
        options.set_zoom_snap(0.25);
        options.set_max_zoom(MAX_ZOOM);
        if reduced_motion() {
            options.set_zoom_animation(false);
            options.set_fade_animation(false);
            options.set_marker_zoom_animation(false);
        }
        let map = match Map::new_with_element(&element, &options) {
            Ok(map) => map,
            Err(e) => {
                leptos::logging::error!("map could not start: {e:?}");
                return;
            }
        };
        let on_move = {
            let (map, element) = (map.clone(), element.clone());
            Closure::<dyn Fn(JsValue)>::new(move |_| {
                let (zoom, area) = current_view(&map);
                view.set(Some((zoom, area)));
                // What a large set loads follows the view only while the map is seen.
                let shown = element.client_width() > 0;
                discovery.map_view.set(shown.then_some(area));
            })
        };
        map.unchecked_ref::<Evented>()
            .on("moveend", on_move.as_ref());
        on_move.forget();
        map.fit_bounds(&LatLngBounds::new(
            &LatLng::new(bounds.south, bounds.west),
            &LatLng::new(bounds.north, bounds.east),
        ));
        let layer = FeatureGroup::new();
        // One handler for every marker: an entry opens, a cluster zooms to its members.
        let on_click = {
            let map = map.clone();
            Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
                let layer = js_sys::Reflect::get(&event, &"layer".into()).unwrap_or_default();
                let property = |key: &str| js_sys::Reflect::get(&layer, &key.into()).ok();
                if let Some(index) = property("akIndex").and_then(|v| v.as_f64()) {
                    let id = discovery
                        .finder
                        .with_value(|f| f.store().id(index as usize).to_owned());
                    address.update(Step::Push, |s| s.entry = Some(id));
                } else if let Some(b) = property("akBounds").filter(|b| b.is_object()) {
                    let b: Vec<f64> = js_sys::Array::from(&b)
                        .iter()
                        .filter_map(|v| v.as_f64())
                        .collect();
                    if let [south, west, north, east] = b[..] {
                        if south == north && west == east {
                            // One address: street level, where every entry has its marker.
                            map.set_view(&LatLng::new(south, west), NO_CLUSTERS_FROM);
                        } else {
                            map.fit_bounds(&LatLngBounds::new(
                                &LatLng::new(south, west),
                                &LatLng::new(north, east),
                            ));
                        }
                    }
                }
            })
        };
        layer
            .unchecked_ref::<Evented>()
            .on("click", on_click.as_ref());
        on_click.forget();
        layer.add_to(&map);
        show_outline_attribution(&map);
        view.set(Some(current_view(&map)));
        leaflet.set_value(Some(Leaflet {
            map: map.clone(),
            layer,
            shown: HashMap::new(),
            tiles: None,
            unfitted: element.client_width() == 0,
            lang: language.code_untracked(),
        }));
        started.set(true);
        leptos::task::spawn_local(async move {
            if let Some(outlines) = load_outlines().await {
                outline_layer(&outlines).add_to(&map);
            }
        });
    };
    Effect::new(move |_| {
        let Some(element) = container.get() else {
            return;
        };
        // After the first paint: the heading and the list show before Leaflet builds its map
        // (and measures its container, which would otherwise force a layout of the new page).
        // A map out of sight (the phone's list view) starts when it is first shown: on a phone
        // the first screen's work is then the list's alone.
        leptos::task::spawn_local(async move {
            crate::schedule::after_paint().await;
            crate::schedule::shown(&element).await;
            if let Err(e) = load_leaflet().await {
                leptos::logging::error!("Leaflet could not be loaded: {e:?}");
                return;
            }
            // The entries' positions projected in a task of their own (about 10 ms at 100,000),
            // Leaflet's map and the first markers in the next.
            projected.with_untracked(|_| ());
            crate::schedule::next_task().await;
            start(element);
        });
    });

    // A change of filters (not of search text) moves the map to the results.
    let filters = Memo::new(move |_| {
        address.state().with(|s| {
            let mut q = s.clone();
            q.text.clear();
            q.entry = None;
            q.pane = Default::default();
            q.lang = None;
            q
        })
    });
    // Fits the map to the results when filtered, else to the region.
    let fit = move |leaflet: &Leaflet, filtered: bool| {
        let area = if filtered {
            points.with_untracked(|points| enclosing(points.iter().map(|(_, p)| unproject(*p))))
        } else {
            enclosing(
                [
                    LatLon {
                        lat: bounds.south,
                        lon: bounds.west,
                    },
                    LatLon {
                        lat: bounds.north,
                        lon: bounds.east,
                    },
                ]
                .into_iter(),
            )
        };
        if let Some(area) = area {
            let options = js_sys::Object::new();
            set(&options, "maxZoom", &13.into());
            set(
                &options,
                "padding",
                &js_sys::Array::of2(&24.into(), &24.into()),
            );
            leaflet.map.fit_bounds_with_options(&area, &options);
        }
    };
    // A link that arrives with filters starts at its results. Later filter changes move the
    // map only when none of the results is in view, so it never shows an empty area while
    // there are results, and otherwise stays where the user put it.
    Effect::new(move |had_map: Option<bool>| {
        let filtered = filters.with(|f| f.has_filters());
        if !started.get() {
            return false;
        }
        leaflet.with_value(|leaflet| {
            let Some(leaflet) = leaflet else { return };
            if had_map != Some(true) {
                if filtered && !has_area {
                    fit(leaflet, true);
                }
                return;
            }
            let (_, area) = current_view(&leaflet.map);
            let (north_west, south_east) = (
                project(LatLon {
                    lat: area.north,
                    lon: area.west,
                }),
                project(LatLon {
                    lat: area.south,
                    lon: area.east,
                }),
            );
            let any_in_view = points.with_untracked(|points| {
                points.iter().any(|(_, p)| {
                    (north_west.x..=south_east.x).contains(&p.x)
                        && (north_west.y..=south_east.y).contains(&p.y)
                })
            });
            if !any_in_view {
                fit(leaflet, filtered);
            }
        });
        true
    });

    // The markers: cluster the results for the current view and swap only what changed.
    Effect::new(move |_| {
        let Some((zoom, area)) = view.get() else {
            return;
        };
        let points = points.read();
        let open = discovery.open.get_untracked();
        let lang = language.code();
        let view = area.padded(0.25);
        let overview = discovery.overview.get();
        let clusters = match &overview {
            // A large set zoomed out: a marker per district with its count, districts that
            // would cover each other merged.
            Some(districts) => merge(
                discovery
                    .dataset
                    .with_value(|d| district_markers(&d.manifest, districts)),
                zoom.floor(),
                CELL_PX,
            ),
            None if zoom >= NO_CLUSTERS_FROM => unclustered(&points, view),
            None => cluster(&points, zoom.floor(), CELL_PX, view),
        };
        leaflet.update_value(|leaflet| {
            let Some(leaflet) = leaflet else { return };
            // Marker titles are in the UI language: a new language makes them anew.
            if leaflet.lang != lang {
                for (_, old) in leaflet.shown.drain() {
                    leaflet.layer.remove_layer(&old);
                }
                leaflet.lang = lang;
            }
            let mut next = HashMap::with_capacity(clusters.len());
            for c in &clusters {
                let key = if c.count == 1 && overview.is_none() {
                    Shown::Entry(c.first)
                } else {
                    Shown::Cluster {
                        cell: c.cell,
                        zoom: zoom.floor() as i64,
                    }
                };
                // A cluster whose count changed keeps its marker: new number, same element.
                let kept = leaflet.shown.remove(&key).and_then(|m| {
                    if c.count == 1 || update_cluster(&m, c, lang) {
                        Some(m)
                    } else {
                        leaflet.layer.remove_layer(&m);
                        None
                    }
                });
                let marker = kept.unwrap_or_else(|| {
                    let marker = match key {
                        Shown::Entry(index) => discovery.finder.with_value(|f| {
                            entry_marker(index, f.store(), open == Some(index), lang)
                        }),
                        Shown::Cluster { .. } => cluster_marker(c, lang),
                    };
                    marker.add_to_layer_group(&leaflet.layer);
                    marker
                });
                next.insert(key, marker);
            }
            for (_, gone) in leaflet.shown.drain() {
                leaflet.layer.remove_layer(&gone);
            }
            leaflet.shown = next;
        });
    });

    // Opening an entry reveals its marker: the map zooms until it stands alone, and it is
    // highlighted.
    Effect::new(move |previous: Option<Option<usize>>| {
        let open = discovery.open.get();
        started.track();
        leaflet.with_value(|leaflet| {
            let Some(leaflet) = leaflet else { return };
            let mark = |index: usize, on: bool| {
                let element = leaflet
                    .shown
                    .get(&Shown::Entry(index))
                    .and_then(marker_element);
                if let Some(element) = element {
                    let _ = element.class_list().toggle_with_force("is-open", on);
                }
            };
            if let Some(Some(old)) = previous {
                mark(old, false);
            }
            let Some(index) = open else { return };
            let Some(target) = projected.with_untracked(|p| p.get(index).copied().flatten()) else {
                return;
            };
            let zoom = leaflet.map.get_zoom();
            let needed = points.with_untracked(|points| {
                separating_zoom((index, target), points, zoom, NO_CLUSTERS_FROM, CELL_PX)
            });
            let at = unproject(target);
            let in_view = leaflet
                .map
                .get_bounds()
                .contains(&LatLng::new(at.lat, at.lon));
            if needed > zoom || !in_view {
                leaflet.map.set_view_with_options(
                    &LatLng::new(at.lat, at.lon),
                    needed.max(zoom),
                    &still(),
                );
            }
            mark(index, true);
        });
        open
    });

    // A hidden map (the phone's list view) has no size; Leaflet must measure again when shown.
    Effect::new(move |_| {
        address.state().with(|s| (s.pane, s.entry.is_some()));
        request_animation_frame(move || {
            leaflet.update_value(|l| {
                let Some(l) = l else { return };
                l.map.invalidate_size(false);
                let shown = container
                    .get_untracked()
                    .is_some_and(|c| c.client_width() > 0);
                if l.unfitted && shown {
                    l.unfitted = false;
                    fit(l, !has_area && filters.with_untracked(|f| f.has_filters()));
                }
            })
        });
    });

    // Tiles: added only after consent, removed when it is withdrawn.
    let tile_source = StoredValue::new(tiles.clone());
    Effect::new(move |_| {
        let wanted = consented.get();
        started.track();
        leaflet.update_value(|leaflet| {
            let Some(leaflet) = leaflet else { return };
            match (wanted, leaflet.tiles.take(), tile_source.get_value()) {
                (true, None, Some(source)) => {
                    let options = TileLayerOptions::new();
                    options.set_attribution(escape_html(&source.attribution));
                    options.set_max_zoom(18.0);
                    // CORS answers can be kept for offline use (sw/tiles.js); opaque ones not.
                    if source.cross_origin {
                        options.set_cross_origin("anonymous".into());
                    }
                    let layer = TileLayer::new_options(&source.url, &options);
                    layer.add_to(&leaflet.map);
                    leaflet.tiles = Some(layer);
                }
                (false, Some(layer), _) => {
                    layer.remove();
                }
                (_, kept, _) => leaflet.tiles = kept,
            }
        });
    });

    let summary = move || {
        if let Some(districts) = discovery.overview.get() {
            let count: usize = districts.iter().map(|(_, n)| *n as usize).sum();
            return language.t_with("map-overview", &[("count", Arg::from(count))]);
        }
        language.t_with(
            "map-summary",
            &[
                ("count", Arg::from(total.get())),
                ("located", Arg::from(located.get())),
                ("areas", Arg::from(total.get() - located.get())),
            ],
        )
    };

    view! {
        <section class="ak-map-pane">
            <h2 id="ak-map-title" class="ak-visually-hidden">{move || language.t("map-title")}</h2>
            {tiles.map(|source| view! { <TileConsent source consented /> })}
            <div
                node_ref=container
                class="ak-map"
                role="region"
                aria-label=move || language.t("map-title")
                data-marker-count=move || located.get().to_string()
                data-entry-count=move || total.get().to_string()
            ></div>
            <p class="ak-map__summary" aria-live="polite">{summary}</p>
            <Legend />
        </section>
    }
}

/// The notice that names the tile host before anything is loaded from it, and the way to
/// withdraw consent afterwards.
#[component]
fn TileConsent(source: TileSource, consented: RwSignal<bool>) -> impl IntoView {
    let language = use_language();
    let host = StoredValue::new(source.host().to_owned());
    let url = StoredValue::new(source.url.clone());
    let agree = move || {
        url.with_value(|url| choices::set(choices::TILES, Some(url)));
        consented.set(true);
    };
    let withdraw = move || {
        choices::set(choices::TILES, None);
        consented.set(false);
    };
    let text = move |key| {
        host.with_value(|host| language.t_with(key, &[("host", Arg::from(host.as_str()))]))
    };
    // One button whose label and action change, so keyboard focus stays on it.
    let toggle = move |_| {
        if consented.get_untracked() {
            withdraw()
        } else {
            agree()
        }
    };
    view! {
        <div class="ak-consent" role="region" aria-label=move || language.t("tiles-title")>
            <p>{move || text(if consented.get() { "tiles-on" } else { "tiles-ask" })}</p>
            <button type="button" on:click=toggle>
                {move || language.t(if consented.get() { "tiles-withdraw" } else { "tiles-agree" })}
            </button>
        </div>
    }
}

#[component]
fn Legend() -> impl IntoView {
    let language = use_language();
    view! {
        <div class="ak-legend">
            <h3 class="ak-legend__title">{move || language.t("legend-title")}</h3>
            <ul>
                {Kind::ALL.iter().map(|kind| {
                    let kind = *kind;
                    view! {
                        <li>
                            <span class=format!("ak-icon ak-icon--{}", kind.as_str()) aria-hidden="true"></span>
                            {move || kind.label(language.code())}
                        </li>
                    }
                }).collect_view()}
                <li><span class="ak-cluster-sample" aria-hidden="true">"3"</span>{move || language.t("legend-cluster")}</li>
            </ul>
        </div>
    }
}

/// Adds Leaflet's stylesheet and script (copied beside index.html by Trunk) to the page and
/// resolves once both have loaded: the map is not on the first screen's critical path. A page
/// that ships Leaflet itself has `L` already; a load under way (a map started again) is
/// awaited. A failed load takes both out again, so the next start of a map tries afresh.
async fn load_leaflet() -> Result<(), JsValue> {
    const ID: &str = "ak-leaflet";
    if js_sys::Reflect::get(&window(), &"L".into())?.is_object() {
        return Ok(());
    }
    let document = document();
    let loaded = |element: &web_sys::Element| {
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |resolve, reject| {
            let _ = element.add_event_listener_with_callback("load", &resolve);
            let _ = element.add_event_listener_with_callback("error", &reject);
        }))
    };
    if let Some(script) = document.get_element_by_id(ID) {
        return loaded(&script).await.map(drop);
    }
    let head = document.head().ok_or("no <head>")?;
    let stylesheet = document.create_element("link")?;
    stylesheet.set_attribute("rel", "stylesheet")?;
    stylesheet.set_attribute("href", "leaflet.css")?;
    let script = document.create_element("script")?;
    script.set_attribute("id", ID)?;
    script.set_attribute("src", "leaflet.js")?;
    let (styled, run) = (loaded(&stylesheet), loaded(&script));
    // Before the app's own stylesheet, as it was when index.html linked it: the app's rules
    // win over Leaflet's of the same weight.
    let first = head.query_selector(":scope > link[rel=stylesheet]")?;
    head.insert_before(&stylesheet, first.as_ref().map(|e| e.unchecked_ref()))?;
    head.append_child(&script)?;
    let result = match styled.await {
        Ok(_) => run.await.map(drop),
        Err(e) => Err(e),
    };
    if result.is_err() {
        stylesheet.remove();
        script.remove();
    }
    result
}

/// Options for moves the app makes (not the user): no animation, so a move never swallows the
/// next one (Leaflet ignores a new view while a zoom animation runs) and nothing slides about
/// while the user reads.
fn still() -> js_sys::Object {
    let options = js_sys::Object::new();
    set(&options, "animate", &false.into());
    options
}

/// The user asked their system for less motion: no zoom or cluster animations.
fn reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

fn entry_marker(index: usize, store: &Store, open: bool, lang: &str) -> Marker {
    let class = format!(
        "ak-marker ak-icon ak-icon--{}{}",
        store.kind(index).as_str(),
        if open { " is-open" } else { "" }
    );
    let at = store
        .location(index)
        .unwrap_or(LatLon { lat: 0.0, lon: 0.0 });
    let title = store.name(index, lang).map_or("", |n| n.text);
    // Leaflet assigns the title as a property, never as HTML.
    let marker = new_marker(at, &class, 18, "", title);
    set(marker.unchecked_ref(), "akIndex", &(index as f64).into());
    marker
}

fn cluster_marker(cluster: &Cluster, lang: &str) -> Marker {
    let size = cluster_size(cluster.count);
    let class = format!("ak-cluster ak-cluster--{}", size.0);
    let title = i18n::text_args(lang, "map-cluster", &[("count", Arg::from(cluster.count))]);
    // The html is a number the app formatted, never catalogue text.
    let html = cluster.count.to_string();
    let marker = new_marker(cluster.center, &class, size.1, &html, &title);
    remember_cluster(&marker, cluster);
    marker
}

/// Brings a cluster marker up to date; false when it must be made anew (another size class).
fn update_cluster(marker: &Marker, cluster: &Cluster, lang: &str) -> bool {
    let count = js_sys::Reflect::get(marker, &"akCount".into())
        .ok()
        .and_then(|v| v.as_f64());
    if count != Some(cluster.count as f64) {
        let Some(element) = marker_element(marker) else {
            return false;
        };
        let size = format!("ak-cluster--{}", cluster_size(cluster.count).0);
        if !element.class_list().contains(&size) {
            return false;
        }
        element.set_text_content(Some(&cluster.count.to_string()));
        let title = i18n::text_args(lang, "map-cluster", &[("count", Arg::from(cluster.count))]);
        let _ = element.set_attribute("title", &title);
    }
    // Same cell and count can still be other members: position and extent follow them.
    let at = marker.get_lat_lng();
    if (at.lat(), at.lng()) != (cluster.center.lat, cluster.center.lon) {
        marker.set_lat_lng(&LatLng::new(cluster.center.lat, cluster.center.lon));
    }
    remember_cluster(marker, cluster);
    true
}

/// The districts of a zoomed-out large set as cluster markers: at the centre of each district's
/// entries, its count, and a click zooms to it (which then loads its entries).
fn district_markers(
    manifest: &ankommen_core::manifest::Manifest,
    districts: &[(usize, u32)],
) -> Vec<Cluster> {
    districts
        .iter()
        .filter_map(|&(i, count)| {
            let bounds = manifest.districts.get(i)?.bounds?;
            Some(Cluster {
                cell: (i as i64, -1),
                count: count as usize,
                first: 0,
                center: LatLon {
                    lat: (bounds.south + bounds.north) / 2.0,
                    lon: (bounds.west + bounds.east) / 2.0,
                },
                bounds,
            })
        })
        .collect()
}

/// The cluster's size on the map: a class suffix and a diameter in pixels.
fn cluster_size(count: usize) -> (&'static str, u32) {
    // Wide enough for the digits: a large set's districts, zoomed out, count into the 100,000s.
    match count {
        0..=9 => ("s", 28),
        10..=99 => ("m", 34),
        100..=999 => ("l", 40),
        1_000..=99_999 => ("xl", 52),
        _ => ("xxl", 60),
    }
}

/// What a click on the cluster needs (its members' extent), and its count.
fn remember_cluster(marker: &Marker, cluster: &Cluster) {
    let b = cluster.bounds;
    let bounds = js_sys::Array::of4(
        &b.south.into(),
        &b.west.into(),
        &b.north.into(),
        &b.east.into(),
    );
    set(marker.unchecked_ref(), "akBounds", &bounds);
    set(
        marker.unchecked_ref(),
        "akCount",
        &(cluster.count as f64).into(),
    );
}

fn new_marker(at: LatLon, class: &str, size: u32, html: &str, title: &str) -> Marker {
    let icon_options = js_sys::Object::new();
    set(&icon_options, "className", &class.into());
    set(
        &icon_options,
        "iconSize",
        &js_sys::Array::of2(&size.into(), &size.into()),
    );
    set(&icon_options, "html", &html.into());
    let options = MarkerOptions::new();
    options.set_icon(DivIcon::new(&icon_options).unchecked_into());
    options.set_title(title.to_owned());
    // The list is the keyboard and screen-reader route; markers stay out of the tab order.
    options.set_keyboard(false);
    Marker::new_with_options(&LatLng::new(at.lat, at.lon), &options)
}

/// The map's zoom and visible area.
fn current_view(map: &Map) -> (f64, Bounds) {
    let b = map.get_bounds();
    let (sw, ne) = (b.get_south_west(), b.get_north_east());
    (
        map.get_zoom(),
        Bounds {
            south: sw.lat(),
            west: sw.lng(),
            north: ne.lat(),
            east: ne.lng(),
        },
    )
}

/// The marker's element while it is on the map (not inside a cluster).
fn marker_element(marker: &Marker) -> Option<web_sys::Element> {
    let get = js_sys::Reflect::get(marker, &"getElement".into()).ok()?;
    let element = get.unchecked_ref::<js_sys::Function>().call0(marker).ok()?;
    element.dyn_into().ok()
}

fn enclosing(points: impl Iterator<Item = LatLon>) -> Option<LatLngBounds> {
    let b = Bounds::enclosing(points)?;
    Some(LatLngBounds::new(
        &LatLng::new(b.south, b.west),
        &LatLng::new(b.north, b.east),
    ))
}

/// The district outlines (BKG VG250, dl-de/by-2-0), drawn under the markers.
fn outline_layer(outlines: &JsValue) -> leaflet::GeoJson {
    let style = js_sys::Object::new();
    set(&style, "color", &"#5b6b7d".into());
    set(&style, "weight", &1.into());
    set(&style, "fillColor", &"#ffffff".into());
    set(&style, "fillOpacity", &0.6.into());
    let options = js_sys::Object::new();
    set(&options, "style", &style);
    set(&options, "interactive", &false.into());
    geo_json(outlines, &options)
}

/// The outlines' attribution, from the map's start: added with the outlines a moment later, it
/// widened the attribution control and moved it (a layout shift of the first screen).
fn show_outline_attribution(map: &leaflet::Map) {
    let Ok(control) = js_sys::Reflect::get(map, &"attributionControl".into()) else {
        return;
    };
    if let Ok(add) = js_sys::Reflect::get(&control, &"addAttribution".into()) {
        if let Some(add) = add.dyn_ref::<js_sys::Function>() {
            let _ = add.call1(&control, &OUTLINE_ATTRIBUTION.into());
        }
    }
}

/// Required by the outlines' licence (see assets/ATTRIBUTION.md).
const OUTLINE_ATTRIBUTION: &str = "Kreisgrenzen: © <a href=\"https://www.bkg.bund.de\">GeoBasis-DE / BKG</a> 2019 (Daten verändert), <a href=\"https://www.govdata.de/dl-de/by-2-0\">dl-de/by-2-0</a>";

/// Leaflet shows attributions as HTML; the configured one is plain text.
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn set(target: &js_sys::Object, key: &str, value: &JsValue) {
    // Setting a plain property on a fresh object cannot fail.
    let _ = js_sys::Reflect::set(target, &key.into(), value);
}
