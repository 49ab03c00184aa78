mod common;

use ankommen_core::catalog::LatLon;
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
        "kind=employer,employr&district=5966&radius=9999&sort=best&near=olpe&entry=<script>&view=both&zoom=3&lang=EN",
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
            "view=both",
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
