//! The map: the one component that owns the Leaflet map (loaded from the app's own origin).
//!
//! Markers are redrawn from the entries signal. No tile layer is added: the bundled district
//! outlines and the markers on a plain background keep the map useful without any third-party
//! request.

use crate::fetch::load_outlines;
use ankommen_core::{Entry, Region};
use leaflet::{Icon, LatLng, LatLngBounds, LayerGroup, Map, MapOptions, Marker, MarkerOptions};
use leptos::html::Div;
use leptos::prelude::*;
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

#[component]
pub fn MapView(entries: Signal<Vec<Entry>>, region: Region) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    let markers = StoredValue::new_local(None::<LayerGroup>);
    let shown = RwSignal::new(0usize);

    Effect::new(move |_| {
        let Some(element) = container.get() else {
            return;
        };
        if markers.with_value(Option::is_some) {
            return;
        }
        let options = MapOptions::new();
        options.set_zoom_snap(0.25);
        let map = match Map::new_with_element(&element, &options) {
            Ok(map) => map,
            Err(e) => {
                leptos::logging::error!("map could not start: {e:?}");
                return;
            }
        };
        let b = region.bounds;
        map.fit_bounds(&LatLngBounds::new(
            &LatLng::new(b.south, b.west),
            &LatLng::new(b.north, b.east),
        ));
        let group = LayerGroup::new();
        group.add_to(&map);
        markers.set_value(Some(group));
        leptos::task::spawn_local(async move {
            if let Some(outlines) = load_outlines().await {
                outline_layer(&outlines).add_to(&map);
            }
        });
    });

    Effect::new(move |_| {
        let entries = entries.read();
        markers.with_value(|group| {
            let Some(group) = group else { return };
            group.clear_layers();
            let mut count = 0;
            for entry in entries.iter() {
                let Some(at) = entry.location else { continue };
                marker(entry, at.lat, at.lon).add_to_layer_group(group);
                count += 1;
            }
            shown.set(count);
        });
    });

    view! {
        <section class="ak-map-pane" aria-label="Karte">
            <div node_ref=container class="ak-map" data-marker-count=move || shown.get().to_string()></div>
            <p class="ak-map__summary" aria-live="polite">
                {move || format!("Die Karte zeigt {} Einträge.", shown.get())}
            </p>
        </section>
    }
}

fn marker(entry: &Entry, lat: f64, lon: f64) -> Marker {
    let icon_options = js_sys::Object::new();
    let class = format!("ak-marker ak-icon ak-icon--{}", entry.kind.as_str());
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
    options.set_title(entry.name.de.clone());
    // The list is the keyboard and screen-reader route; markers stay out of the tab order.
    options.set_keyboard(false);
    Marker::new_with_options(&LatLng::new(lat, lon), &options)
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

fn set(target: &js_sys::Object, key: &str, value: &JsValue) {
    // Setting a plain property on a fresh object cannot fail.
    let _ = js_sys::Reflect::set(target, &key.into(), value);
}
