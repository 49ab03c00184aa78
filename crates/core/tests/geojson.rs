//! A GeoJSON FeatureCollection as a catalogue source (docs/catalog.md, "GeoJSON").
mod common;

use ankommen_core::{parse_catalog, Severity};
use common::*;
use serde_json::{json, Value};

/// The catalogue document `catalog` as the FeatureCollection the mapping describes: the
/// document fields under `ankommen`, each entry a feature with its location as a Point.
fn as_geojson(catalog: &Value) -> Value {
    let mut head = catalog.clone();
    let entries = head.as_object_mut().unwrap().remove("entries").unwrap();
    let features: Vec<Value> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            let mut properties = entry.clone();
            let location = properties.as_object_mut().unwrap().remove("location");
            let geometry = location.map_or(
                Value::Null,
                |l| json!({ "type": "Point", "coordinates": [l["lon"], l["lat"]] }),
            );
            json!({ "type": "Feature", "geometry": geometry, "properties": properties })
        })
        .collect();
    json!({ "type": "FeatureCollection", "ankommen": head, "features": features })
}

#[test]
fn the_bundled_catalogue_as_geojson_reads_exactly_like_the_original() {
    let text = std::fs::read_to_string("../../assets/catalog.json").unwrap();
    let original = parse_catalog(&text, TODAY).unwrap();
    let geojson = as_geojson(&serde_json::from_str(&text).unwrap());
    let parsed = parse_catalog(&geojson.to_string(), TODAY).unwrap();
    assert_eq!(parsed.catalog, original.catalog);
    assert_eq!(parsed.problems.len(), original.problems.len());
    assert!(original
        .catalog
        .entries
        .iter()
        .any(|e| e.location.is_some()));
    assert!(original
        .catalog
        .entries
        .iter()
        .any(|e| e.location.is_none()));
}

#[test]
fn a_broken_feature_is_reported_where_it_is_in_the_geojson_and_the_others_are_kept() {
    let mut geojson = as_geojson(&doc(json!([
        hospital("a"),
        hospital("b"),
        hospital("c"),
        hospital("d"),
        hospital("e")
    ])));
    let features = geojson["features"].as_array_mut().unwrap();
    // b: a polygon is not a place; c: a bad field; d: its id only on the feature; e: no geometry
    // (a district-wide offer).
    features[1]["geometry"] = json!({ "type": "Polygon", "coordinates": [[[7.0, 51.0], [7.1, 51.0], [7.0, 51.1], [7.0, 51.0]]] });
    features[2]["properties"]["kind"] = json!("castle");
    let id = features[3]["properties"]
        .as_object_mut()
        .unwrap()
        .remove("id")
        .unwrap();
    features[3]["id"] = id;
    features[4]["geometry"] = Value::Null;
    features[4]["properties"]["area"] = json!("district");
    let parsed = parse_catalog(&geojson.to_string(), TODAY).unwrap();

    let ids: Vec<_> = parsed
        .catalog
        .entries
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["a", "d", "e"]);
    assert!(
        parsed.catalog.entries[2].location.is_none(),
        "no geometry: no location"
    );
    assert_eq!(parsed.skipped(), 2);
    let errors: Vec<_> = parsed
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| (p.entry.as_str(), p.pointer.as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            ("c", "/features/2/properties/kind"),
            ("b", "/features/1/geometry")
        ]
    );
    let geometry = parsed.problems.iter().find(|p| p.entry == "b").unwrap();
    assert!(
        geometry.message("de").contains("Punkt"),
        "{}",
        geometry.message("de")
    );
    assert!(geometry
        .message("en")
        .contains("\"Point\" with [longitude, latitude]"));
}

#[test]
fn coordinates_are_longitude_first_and_an_altitude_is_ignored() {
    let mut geojson = as_geojson(&doc(json!([hospital("a")])));
    geojson["features"][0]["geometry"] =
        json!({ "type": "Point", "coordinates": [7.9, 51.1, 300.0] });
    let parsed = parse_catalog(&geojson.to_string(), TODAY).unwrap();
    let location = parsed.catalog.entries[0].location.unwrap();
    assert_eq!((location.lat, location.lon), (51.1, 7.9));
}

#[test]
fn a_collection_without_the_catalogue_fields_or_features_is_refused_by_name() {
    let without_head = json!({ "type": "FeatureCollection", "features": [] });
    let problem = parse_catalog(&without_head.to_string(), TODAY).unwrap_err();
    assert_eq!(problem.pointer, "/ankommen");
    let mut without_features = as_geojson(&doc(json!([])));
    without_features.as_object_mut().unwrap().remove("features");
    let problem = parse_catalog(&without_features.to_string(), TODAY).unwrap_err();
    assert_eq!(problem.pointer, "/features");
    let mut newer = as_geojson(&doc(json!([])));
    newer["ankommen"]["format"] = json!("2.0");
    let problem = parse_catalog(&newer.to_string(), TODAY).unwrap_err();
    assert_eq!(problem.pointer, "/ankommen/format");
}
