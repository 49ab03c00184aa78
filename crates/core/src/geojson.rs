//! GeoJSON as a catalogue source: a GIS or open-data portal can publish a FeatureCollection
//! instead of the catalogue document. The mapping (docs/catalog.md, "GeoJSON"):
//! - the collection's member `ankommen` holds the document fields (`format`, `updated`,
//!   `region`, `maintainer`);
//! - each feature is one entry: its `properties` are the entry's fields, the feature's `id` is
//!   the entry's id when the properties name none, and a `Point` geometry `[lon, lat]` is its
//!   location; a feature without geometry is an entry without a location.
//!
//! The collection is rewritten into the catalogue document and read by the one parser, so every
//! rule holds alike; problems then point into the GeoJSON (`/features/3/properties/name`).

use crate::date::Date;
use crate::parse::{parse_catalog, Parsed};
use crate::problem::Problem;
use serde_json::{json, Map, Value};

/// Whether the document (its top-level members) is a GeoJSON FeatureCollection.
pub fn is_feature_collection(type_member: Option<&str>) -> bool {
    type_member == Some("\"FeatureCollection\"")
}

/// Reads a FeatureCollection as a catalogue.
pub fn parse_feature_collection(text: &str, today: Date) -> Result<Parsed, Problem> {
    let Ok(Value::Object(mut doc)) = serde_json::from_str::<Value>(text) else {
        // The parser has read it as an object already; this is only for safety.
        return Err(Problem::error(
            "",
            "",
            "Die GeoJSON-Datei ist nicht lesbar.".into(),
            "The GeoJSON file cannot be read.".into(),
        ));
    };
    let Some(Value::Object(mut catalog)) = doc.remove("ankommen") else {
        return Err(Problem::error(
            "",
            "/ankommen",
            "Die GeoJSON-Datei braucht das Objekt „ankommen“ mit format, updated und region (siehe docs/catalog.md).".into(),
            "The GeoJSON file needs the object \"ankommen\" with format, updated and region (see docs/catalog.md).".into(),
        ));
    };
    let Some(Value::Array(features)) = doc.remove("features") else {
        return Err(Problem::error(
            "",
            "/features",
            "Die Liste „features“ fehlt oder ist keine Liste.".into(),
            "The \"features\" list is missing or not a list.".into(),
        ));
    };
    let mut bad_geometry = Vec::new();
    let entries = features
        .into_iter()
        .enumerate()
        .map(|(index, feature)| match feature {
            Value::Object(feature) => {
                let (entry, located) = to_entry(feature);
                if !located {
                    bad_geometry.push((index, entry.get("id").cloned()));
                }
                Value::Object(entry)
            }
            // Left as it is: the parser reports an entry that is not an object.
            other => other,
        })
        .collect();
    catalog.insert("entries".into(), Value::Array(entries));
    let mut parsed =
        parse_catalog(&Value::Object(catalog).to_string(), today).map_err(relocate_problem)?;
    for problem in &mut parsed.problems {
        problem.pointer = relocate(&problem.pointer);
    }
    // The parser saw a placeholder location; say what is really wrong.
    for (index, id) in bad_geometry {
        let pointer = format!("/features/{index}/geometry");
        parsed.problems.retain(|p| !p.pointer.starts_with(&pointer));
        let entry = id
            .as_ref()
            .and_then(Value::as_str)
            .map_or_else(|| format!("#{index}"), str::to_owned);
        parsed.problems.push(Problem::error(
            entry,
            pointer,
            "Die Geometrie muss ein Punkt (\"Point\") mit [Länge, Breite] sein; der Eintrag wird nicht gezeigt.".into(),
            "The geometry must be a \"Point\" with [longitude, latitude]; the entry is not shown.".into(),
        ));
    }
    Ok(parsed)
}

/// One feature as an entry object, and whether its geometry (if any) was a usable point.
fn to_entry(mut feature: Map<String, Value>) -> (Map<String, Value>, bool) {
    let mut entry = match feature.remove("properties") {
        Some(Value::Object(properties)) => properties,
        _ => Map::new(),
    };
    if !entry.contains_key("id") {
        if let Some(id) = feature.remove("id") {
            entry.insert("id".into(), id);
        }
    }
    let located = match feature.remove("geometry") {
        None | Some(Value::Null) => true,
        Some(geometry) => match point(&geometry) {
            Some((lon, lat)) => {
                entry.insert("location".into(), json!({ "lat": lat, "lon": lon }));
                true
            }
            None => {
                // Not an object: the parser rejects it and so leaves the entry out.
                entry.insert("location".into(), Value::String("geometry".into()));
                false
            }
        },
    };
    (entry, located)
}

/// The `[lon, lat]` of a GeoJSON Point (an altitude, if given, is ignored).
fn point(geometry: &Value) -> Option<(Value, Value)> {
    if geometry.get("type")?.as_str()? != "Point" {
        return None;
    }
    match geometry.get("coordinates")?.as_array()?.as_slice() {
        [lon, lat] | [lon, lat, _] if lon.is_number() && lat.is_number() => {
            Some((lon.clone(), lat.clone()))
        }
        _ => None,
    }
}

fn relocate_problem(mut problem: Problem) -> Problem {
    problem.pointer = relocate(&problem.pointer);
    problem
}

/// A pointer into the catalogue document as a pointer into the FeatureCollection.
fn relocate(pointer: &str) -> String {
    if pointer.is_empty() {
        return String::new();
    }
    let Some(rest) = pointer.strip_prefix("/entries") else {
        return format!("/ankommen{pointer}");
    };
    let mut parts = rest.splitn(3, '/').skip(1);
    match (parts.next(), parts.next()) {
        (None, _) => "/features".into(),
        (Some(index), None) => format!("/features/{index}"),
        (Some(index), Some(field)) if field == "location" || field.starts_with("location/") => {
            format!("/features/{index}/geometry")
        }
        (Some(index), Some(field)) => format!("/features/{index}/properties/{field}"),
    }
}

#[cfg(test)]
mod tests {
    use super::relocate;

    #[test]
    fn pointers_lead_into_the_feature_collection() {
        assert_eq!(relocate(""), "");
        assert_eq!(relocate("/region/name"), "/ankommen/region/name");
        assert_eq!(relocate("/entries"), "/features");
        assert_eq!(relocate("/entries/3"), "/features/3");
        assert_eq!(
            relocate("/entries/3/name/de"),
            "/features/3/properties/name/de"
        );
        assert_eq!(relocate("/entries/3/location/lat"), "/features/3/geometry");
    }
}
