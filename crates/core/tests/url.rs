mod common;

use ankommen_core::catalog::LatLon;
use ankommen_core::embed::{self, MapArea};
use ankommen_core::theme::Rgb;
use ankommen_core::url::{Ignored, Pane, Place, UrlState};
use ankommen_core::{Category, Kind, Profession, Sort};
use common::parse;
use serde_json::json;

#[test]
fn every_parameter_round_trips_through_its_canonical_query_string() {
    let state = UrlState {
        lang: Some("en".into()),
        text: "Kita & Hort 24h".into(),
        kinds: vec![Kind::Support, Kind::Employer],
        categories: vec![Category::Childcare],
        professions: vec![Profession::Nurse, Profession::Doctor],
        districts: vec!["05966".into()],
        municipalities: vec!["05966024".into(), "05974028".into()],
        near: Some(Place::Municipality("05966024".into())),
        radius_km: Some(10),
        sort: Sort::Distance,
        entry: Some("kita-sonnenschein".into()),
        pane: Pane::Map,
        ..UrlState::default()
    };
    let query = state.to_query();
    assert_eq!(
        query,
        "lang=en&q=Kita%20%26%20Hort%2024h&kind=support,employer&category=childcare\
         &profession=nurse,doctor&district=05966&municipality=05966024,05974028\
         &near=05966024&radius=10&sort=distance&entry=kita-sonnenschein&view=map"
    );
    let (parsed, ignored) = UrlState::parse(&format!("?{query}"));
    assert_eq!(parsed, state);
    assert!(ignored.is_empty());
}

#[test]
fn the_default_view_has_an_empty_query_and_defaults_are_left_out() {
    assert_eq!(UrlState::default().to_query(), "");
    let (state, _) = UrlState::parse("radius=25&near=51.03,7.84&sort=relevance&view=list");
    assert_eq!(state.to_query(), "near=51.03000,7.84000");
    assert_eq!(state.radius(), 25);
}

#[test]
fn repeated_and_comma_separated_values_add_up_without_duplicates() {
    let (state, ignored) = UrlState::parse("kind=employer&kind=support,employer&q=a+b");
    assert_eq!(state.kinds, [Kind::Employer, Kind::Support]);
    assert_eq!(state.text, "a b", "+ is a space in query strings");
    assert!(ignored.is_empty());
}

#[test]
fn unusable_values_are_dropped_and_named_while_the_rest_still_applies() {
    let (state, ignored) = UrlState::parse(
        "kind=employer,employr&district=5966&radius=9999&sort=best&near=olpe&entry=<script>&view=all&zoom=3&lang=EN",
    );
    assert_eq!(state.kinds, [Kind::Employer]);
    assert!(state.districts.is_empty());
    assert_eq!(state.radius_km, None);
    assert_eq!(state.sort, Sort::Relevance);
    assert_eq!(state.near, None);
    assert_eq!(state.entry, None);
    assert_eq!(state.lang, None);
    let named: Vec<_> = ignored
        .iter()
        .map(|Ignored { param, value }| format!("{param}={value}"))
        .collect();
    assert_eq!(
        named,
        [
            "kind=employr",
            "district=5966",
            "radius=9999",
            "sort=best",
            "near=olpe",
            "entry=<script>",
            "view=all",
            "zoom=3",
            "lang=EN"
        ]
    );
}

#[test]
fn a_place_becomes_a_near_filter_with_the_municipalitys_district() {
    let catalog = parse(json!([])).catalog;
    let (state, _) = UrlState::parse("near=05966024&radius=5");
    let near = state
        .query(&catalog.region)
        .near
        .expect("Olpe is in the region");
    assert_eq!(
        near.center,
        LatLon {
            lat: 51.03,
            lon: 7.84
        }
    );
    assert_eq!(near.radius_km, 5.0);
    assert_eq!(near.district.as_deref(), Some("05966"));

    let (state, _) = UrlState::parse("near=51.5,8.1");
    let near = state.query(&catalog.region).near.unwrap();
    assert_eq!(
        (near.center.lat, near.radius_km, near.district),
        (51.5, 25.0, None)
    );

    let (state, _) = UrlState::parse("near=09162000");
    assert_eq!(
        state.query(&catalog.region).near,
        None,
        "Munich is not in this region"
    );
}

#[test]
fn clearing_filters_keeps_language_sort_view_and_the_open_entry() {
    let (mut state, _) =
        UrlState::parse("lang=en&q=kita&kind=support&near=05966024&sort=name&entry=a&view=map");
    assert!(state.has_filters());
    state.clear_filters();
    assert!(!state.has_filters());
    assert_eq!(state.to_query(), "lang=en&sort=name&entry=a&view=map");
}

#[test]
fn toggling_a_filter_value_adds_it_then_removes_it() {
    let mut state = UrlState::default();
    assert!(state.toggle("kind", "support"));
    assert!(state.toggle("district", "05966"));
    assert_eq!(state.to_query(), "kind=support&district=05966");
    assert!(state.toggle("kind", "support"));
    assert_eq!(state.to_query(), "district=05966");
    assert!(!state.toggle("kind", "supprt"));
    assert!(!state.toggle("colour", "red"));
    assert!(!state.toggle("district", "5966"));
    assert_eq!(state.to_query(), "district=05966");
}

#[test]
fn a_malformed_municipality_key_in_the_catalogue_is_no_place_and_no_panic() {
    let mut catalog = parse(json!([])).catalog;
    let olpe = catalog.region.municipalities["05966024"].clone();
    catalog
        .region
        .municipalities
        .insert("Olpe".into(), olpe.clone());
    catalog
        .region
        .municipalities
        .insert("0596ö024".into(), olpe);
    for key in ["Olpe", "0596ö024"] {
        let state = UrlState {
            near: Some(Place::Municipality(key.into())),
            ..UrlState::default()
        };
        let near = state
            .query(&catalog.region)
            .near
            .expect("the town is known");
        assert_eq!(near.district, None, "{key} names no district");
    }
}

#[test]
fn spaces_typed_in_the_search_survive_the_round_trip() {
    let (state, _) = UrlState::parse("q=kita%20");
    assert_eq!(state.text, "kita ");
    assert_eq!(UrlState::parse(&state.to_query()).0, state);
}

#[test]
fn widget_options_round_trip_under_the_documented_names() {
    let query = "district=05966&view=both&catalog=kataloge/olpe.json&area=05966024,20\
                 &lock=district&compact=1&accent=0b5d6b&font=Fira%20Sans,%20sans-serif\
                 &minheight=400&maxheight=1200&fullview=0&title=Ankommen%20im%20Kreis%20Olpe\
                 &embed=1&host=https%3A%2F%2Fwww.kreis-olpe.de";
    let (state, ignored) = UrlState::parse(query);
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(state.pane, Pane::Both);
    assert_eq!(state.catalog.as_deref(), Some("kataloge/olpe.json"));
    assert_eq!(
        state.area,
        Some(MapArea::Municipality {
            key: "05966024".into(),
            radius_km: 20
        })
    );
    assert_eq!(state.locked, ["district"]);
    let e = &state.embed;
    assert!(e.enabled && e.compact && !e.full_view);
    assert_eq!(e.accent, Some(Rgb(0x0b, 0x5d, 0x6b)));
    assert_eq!(e.font.as_deref(), Some("Fira Sans, sans-serif"));
    assert_eq!((e.min_height, e.max_height), (Some(400), Some(1200)));
    assert_eq!(e.title.as_deref(), Some("Ankommen im Kreis Olpe"));
    assert_eq!(e.host.as_deref(), Some("https://www.kreis-olpe.de"));
    assert_eq!(UrlState::parse(&state.to_query()).0, state);
    // Every option has its name in the list embed.js checks against.
    for (name, _) in state.params() {
        assert!(
            embed::OPTIONS.contains(&name) || ["embed", "host"].contains(&name),
            "{name}"
        );
    }
}

#[test]
fn a_widget_snippet_with_typos_loses_only_the_typos() {
    let (state, ignored) = UrlState::parse(
        "district=05966&colour=red&accent=blau&lock=distrikt,kind&maxheight=-5\
         &host=https://x.example/page&catalog=javascript:alert(1)&area=Olpe&font=x%7Dbody%7B",
    );
    assert_eq!(state.districts, ["05966"]);
    assert_eq!(state.locked, ["kind"]);
    assert_eq!(state.embed, Default::default());
    assert_eq!(state.catalog, None);
    assert_eq!(state.area, None);
    let names: Vec<&str> = ignored.iter().map(|i| i.param.as_str()).collect();
    assert_eq!(
        names,
        [
            "colour",
            "accent",
            "lock",
            "maxheight",
            "host",
            "catalog",
            "area",
            "font"
        ]
    );
}

#[test]
fn locked_presets_survive_toggles_and_clearing_while_other_filters_stay_free() {
    let (mut state, _) =
        UrlState::parse("district=05966&kind=employer&q=pflege&near=05966024&lock=district");
    assert!(
        !state.toggle("district", "05966"),
        "a locked value cannot be removed"
    );
    assert!(!state.toggle("district", "05970"), "nor can one be added");
    assert_eq!(state.districts, ["05966"]);
    assert!(state.toggle("kind", "support"));
    assert!(state.has_clearable_filters());
    state.clear_filters();
    assert_eq!(state.districts, ["05966"]);
    assert!(state.kinds.is_empty() && state.text.is_empty() && state.near.is_none());
    assert!(state.has_filters(), "the preset still narrows the results");
    assert!(
        !state.has_clearable_filters(),
        "but there is nothing to clear"
    );
    // The full view keeps the filters, without the lock and the widget's looks.
    let (widget, _) = UrlState::parse("district=05966&lock=district&embed=1&accent=ffcc00");
    assert_eq!(widget.full_view().to_query(), "district=05966");
}

#[test]
fn a_map_area_is_resolved_from_the_region() {
    let region = parse(json!([])).catalog.region;
    let key = region.municipalities.keys().next().unwrap().clone();
    let town = region.municipalities[&key].location;
    let district = MapArea::District(key[..5].to_owned())
        .bounds(&region)
        .unwrap();
    assert!(district.contains(town));
    let around = MapArea::Municipality {
        key: key.clone(),
        radius_km: 10,
    }
    .bounds(&region)
    .unwrap();
    assert!(around.contains(town));
    assert!((around.north - around.south - 20.0 / 111.2).abs() < 1e-9);
    assert_eq!(MapArea::District("09999".into()).bounds(&region), None);
}

#[test]
fn embed_js_accepts_exactly_the_documented_options() {
    let script = include_str!("../../../assets/embed.js");
    let list = script
        .split_once("const OPTIONS = [")
        .and_then(|(_, rest)| rest.split_once("];"))
        .expect("embed.js has an OPTIONS list")
        .0;
    let names: Vec<&str> = list
        .split(',')
        .map(|n| n.trim().trim_matches('\''))
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(names, embed::OPTIONS);
    let docs = include_str!("../../../docs/embedding.md");
    for name in embed::OPTIONS {
        assert!(
            docs.contains(&format!("| `{name}`")),
            "docs/embedding.md lacks {name}"
        );
    }
}
