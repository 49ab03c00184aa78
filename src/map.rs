//! The map: the one component that owns the Leaflet map (loaded from the app's own origin).
//!
//! Markers are made once per entry and clustered by Leaflet.markercluster; a change of results
//! only adds and removes the difference. Without consent to a tile server the map draws the
//! bundled district outlines on a plain background, so it is useful with no third-party
//! request at all.

use crate::app::use_discovery;
use crate::choices;
use crate::fetch::load_outlines;
use crate::history::{Address, Step};
use crate::language::use_language;
use ankommen_core::config::TileSource;
use ankommen_core::i18n::Arg;
use ankommen_core::{Kind, Region};
use leaflet::{
    Evented, Icon, LatLng, LatLngBounds, Map, MapOptions, Marker, MarkerOptions, TileLayer,
    TileLayerOptions,
};
use leptos::html::Div;
use leptos::prelude::*;
use std::collections::HashSet;
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

    /// Leaflet.markercluster's group (npm `leaflet.markercluster`).
    #[wasm_bindgen(extends = leaflet::Layer, js_namespace = L)]
    type MarkerClusterGroup;

    #[wasm_bindgen(js_namespace = L, js_name = markerClusterGroup)]
    fn marker_cluster_group(options: &JsValue) -> MarkerClusterGroup;

    #[wasm_bindgen(method, js_name = addLayers)]
    fn add_layers(this: &MarkerClusterGroup, layers: &js_sys::Array);

    #[wasm_bindgen(method, js_name = removeLayers)]
    fn remove_layers(this: &MarkerClusterGroup, layers: &js_sys::Array);

    #[wasm_bindgen(method, js_name = zoomToShowLayer)]
    fn zoom_to_show_layer(this: &MarkerClusterGroup, layer: &Marker, done: &JsValue);
}

/// The Leaflet objects, made once the container exists.
struct Leaflet {
    map: Map,
    clusters: MarkerClusterGroup,
    /// One marker per entry with a position, by entry index.
    markers: Vec<Option<Marker>>,
    /// Entry indices whose markers are in the cluster group now.
    shown: HashSet<usize>,
    tiles: Option<TileLayer>,
}

#[component]
pub fn MapView(region: Region, tiles: Option<TileSource>) -> impl IntoView {
    let discovery = use_discovery();
    let address: Address = expect_context();
    let language = use_language();
    let container = NodeRef::<Div>::new();
    let leaflet = StoredValue::new_local(None::<Leaflet>);
    let located = RwSignal::new(0usize);
    let areas = RwSignal::new(0usize);
    let consented = RwSignal::new(
        tiles
            .as_ref()
            .is_some_and(|t| choices::get(choices::TILES).as_deref() == Some(t.url.as_str())),
    );
    let bounds = region.bounds;

    Effect::new(move |_| {
        let Some(element) = container.get() else {
            return;
        };
        if leaflet.with_value(Option::is_some) {
            return;
        }
        let options = MapOptions::new();
        options.set_zoom_snap(0.25);
        // Clustering needs a maximum zoom; 18 is street level, where tiles end too.
        options.set_max_zoom(18.0);
        let still = reduced_motion();
        if still {
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
        map.fit_bounds(&LatLngBounds::new(
            &LatLng::new(bounds.south, bounds.west),
            &LatLng::new(bounds.north, bounds.east),
        ));
        let clusters = cluster_group(still);
        let on_click = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            let layer = js_sys::Reflect::get(&event, &"layer".into()).unwrap_or_default();
            let index = js_sys::Reflect::get(&layer, &"akIndex".into())
                .ok()
                .and_then(|v| v.as_f64());
            if let Some(index) = index {
                let id = discovery
                    .finder
                    .with_value(|f| f.catalog().entries[index as usize].id.clone());
                address.update(Step::Push, |s| s.entry = Some(id));
            }
        });
        clusters
            .unchecked_ref::<Evented>()
            .on("click", on_click.as_ref());
        on_click.forget();
        clusters.unchecked_ref::<leaflet::Layer>().add_to(&map);
        let markers = discovery.finder.with_value(|f| {
            f.catalog()
                .entries
                .iter()
                .enumerate()
                .map(|(index, entry)| {
                    let at = entry.location?;
                    Some(marker(index, &entry.name.de, entry.kind, at.lat, at.lon))
                })
                .collect()
        });
        leaflet.set_value(Some(Leaflet {
            map: map.clone(),
            clusters,
            markers,
            shown: HashSet::new(),
            tiles: None,
        }));
        leptos::task::spawn_local(async move {
            if let Some(outlines) = load_outlines().await {
                outline_layer(&outlines).add_to(&map);
            }
        });
    });

    // The map follows the results: add and remove only what changed, then fit the view.
    Effect::new(move |_| {
        let results = discovery.results.read();
        let filtered = address.state().with_untracked(|s| s.has_filters());
        leaflet.update_value(|leaflet| {
            let Some(leaflet) = leaflet else { return };
            let wanted: HashSet<usize> = results
                .hits
                .iter()
                .map(|h| h.index)
                .filter(|i| leaflet.markers[*i].is_some())
                .collect();
            let (add, remove) = (js_sys::Array::new(), js_sys::Array::new());
            for index in wanted.difference(&leaflet.shown) {
                add.push(leaflet.markers[*index].as_ref().unwrap_throw());
            }
            for index in leaflet.shown.difference(&wanted) {
                remove.push(leaflet.markers[*index].as_ref().unwrap_throw());
            }
            leaflet.clusters.remove_layers(&remove);
            leaflet.clusters.add_layers(&add);
            located.set(wanted.len());
            areas.set(results.hits.len() - wanted.len());
            if filtered && !wanted.is_empty() {
                let points = wanted.iter().filter_map(|i| {
                    let at = leaflet.markers[*i].as_ref()?.get_lat_lng();
                    Some((at.lat(), at.lng()))
                });
                if let Some(fit) = enclosing(points) {
                    let options = js_sys::Object::new();
                    set(&options, "maxZoom", &13.into());
                    set(
                        &options,
                        "padding",
                        &js_sys::Array::of2(&24.into(), &24.into()),
                    );
                    leaflet.map.fit_bounds_with_options(&fit, &options);
                }
            }
            leaflet.shown = wanted;
        });
    });

    // The open entry's marker is revealed (zoomed out of its cluster) and highlighted.
    Effect::new(move |previous: Option<Option<usize>>| {
        let open = discovery.open.get();
        leaflet.with_value(|leaflet| {
            let Some(leaflet) = leaflet else { return };
            if let Some(Some(old)) = previous {
                if let Some(element) = leaflet.markers[old].as_ref().and_then(marker_element) {
                    let _ = element.class_list().remove_1("is-open");
                }
            }
            let Some(marker) = open.and_then(|i| leaflet.markers[i].clone()) else {
                return;
            };
            if !leaflet.shown.contains(&open.unwrap_or_default()) {
                return;
            }
            let highlight = marker.clone();
            let done = Closure::once_into_js(move || {
                if let Some(element) = marker_element(&highlight) {
                    let _ = element.class_list().add_1("is-open");
                }
            });
            leaflet.clusters.zoom_to_show_layer(&marker, &done);
        });
        open
    });

    // A hidden map (the phone's list view) has no size; Leaflet must measure again when shown.
    Effect::new(move |_| {
        address.state().with(|s| (s.pane, s.entry.is_some()));
        request_animation_frame(move || {
            leaflet.with_value(|l| {
                if let Some(l) = l {
                    l.map.invalidate_size(false);
                }
            })
        });
    });

    // Tiles: added only after consent, removed when it is withdrawn.
    let tile_source = StoredValue::new(tiles.clone());
    Effect::new(move |_| {
        let wanted = consented.get();
        leaflet.update_value(|leaflet| {
            let Some(leaflet) = leaflet else { return };
            match (wanted, leaflet.tiles.take(), tile_source.get_value()) {
                (true, None, Some(source)) => {
                    let options = TileLayerOptions::new();
                    options.set_attribution(escape_html(&source.attribution));
                    options.set_max_zoom(18.0);
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
        language.t_with(
            "map-summary",
            &[
                ("count", Arg::from(located.get() + areas.get())),
                ("located", Arg::from(located.get())),
                ("areas", Arg::from(areas.get())),
            ],
        )
    };

    view! {
        <section class="ak-map-pane" aria-labelledby="ak-map-title">
            <h2 id="ak-map-title" class="ak-visually-hidden">{move || language.t("map-title")}</h2>
            {tiles.map(|source| view! { <TileConsent source consented /> })}
            <div
                node_ref=container
                class="ak-map"
                aria-label=move || language.t("map-title")
                data-marker-count=move || located.get().to_string()
                data-entry-count=move || (located.get() + areas.get()).to_string()
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
    let agree = move |_| {
        url.with_value(|url| choices::set(choices::TILES, Some(url)));
        consented.set(true);
    };
    let withdraw = move |_| {
        choices::set(choices::TILES, None);
        consented.set(false);
    };
    let text = move |key| {
        host.with_value(|host| language.t_with(key, &[("host", Arg::from(host.as_str()))]))
    };
    view! {
        <div class="ak-consent" role="region" aria-label=move || language.t("tiles-title")>
            {move || if consented.get() {
                view! {
                    <p>{text("tiles-on")}</p>
                    <button type="button" on:click=withdraw>{language.t("tiles-withdraw")}</button>
                }.into_any()
            } else {
                view! {
                    <p>{text("tiles-ask")}</p>
                    <button type="button" on:click=agree>{language.t("tiles-agree")}</button>
                }.into_any()
            }}
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

/// The user asked their system for less motion: no zoom or cluster animations.
fn reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

fn cluster_group(still: bool) -> MarkerClusterGroup {
    // Clusters are not in the tab order: the list is the keyboard and screen-reader route,
    // and an unnamed focusable cluster would only be noise.
    let cluster_class = js_sys::Reflect::get(&js_sys::global(), &"L".into())
        .and_then(|l| js_sys::Reflect::get(&l, &"MarkerCluster".into()))
        .and_then(|c| js_sys::Reflect::get(&c, &"prototype".into()))
        .and_then(|p| js_sys::Reflect::get(&p, &"options".into()));
    if let Ok(options) = cluster_class {
        let _ = js_sys::Reflect::set(&options, &"keyboard".into(), &false.into());
    }
    let options = js_sys::Object::new();
    set(&options, "showCoverageOnHover", &false.into());
    set(&options, "chunkedLoading", &true.into());
    set(&options, "maxClusterRadius", &50.into());
    set(&options, "animate", &(!still).into());
    marker_cluster_group(&options)
}

fn marker(index: usize, name: &str, kind: Kind, lat: f64, lon: f64) -> Marker {
    let icon_options = js_sys::Object::new();
    let class = format!("ak-marker ak-icon ak-icon--{}", kind.as_str());
    set(&icon_options, "className", &class.into());
    set(
        &icon_options,
        "iconSize",
        &js_sys::Array::of2(&18.into(), &18.into()),
    );
    set(&icon_options, "html", &"".into());
    let options = MarkerOptions::new();
    options.set_icon(DivIcon::new(&icon_options).unchecked_into());
    // Leaflet assigns the title as a property, never as HTML.
    options.set_title(name.to_owned());
    // The list is the keyboard and screen-reader route; markers stay out of the tab order.
    options.set_keyboard(false);
    let marker = Marker::new_with_options(&LatLng::new(lat, lon), &options);
    set(marker.unchecked_ref(), "akIndex", &(index as f64).into());
    marker
}

/// The marker's element while it is on the map (not inside a cluster).
fn marker_element(marker: &Marker) -> Option<web_sys::Element> {
    let get = js_sys::Reflect::get(marker, &"getElement".into()).ok()?;
    let element = get.unchecked_ref::<js_sys::Function>().call0(marker).ok()?;
    element.dyn_into().ok()
}

fn enclosing(mut points: impl Iterator<Item = (f64, f64)>) -> Option<LatLngBounds> {
    let (lat, lon) = points.next()?;
    let (mut s, mut w, mut n, mut e) = (lat, lon, lat, lon);
    for (lat, lon) in points {
        s = s.min(lat);
        n = n.max(lat);
        w = w.min(lon);
        e = e.max(lon);
    }
    Some(LatLngBounds::new(&LatLng::new(s, w), &LatLng::new(n, e)))
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
    set(&options, "attribution", &OUTLINE_ATTRIBUTION.into());
    geo_json(outlines, &options)
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
