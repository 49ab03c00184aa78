use ankommen_core::{parse_catalog, Kind, Severity};
use serde_json::{json, Value};

fn doc(entries: Value) -> String {
    json!({
        "format": "1.0",
        "updated": "2026-11-20",
        "region": {
            "name": {"de": "Südwestfalen", "en": "South Westphalia"},
            "bounds": [{"lat": 50.7, "lon": 7.4}, {"lat": 51.7, "lon": 8.9}],
            "center": {"lat": 51.2, "lon": 8.1},
            "districts": {"05966": "Kreis Olpe"}
        },
        "entries": entries
    })
    .to_string()
}

fn hospital(id: &str) -> Value {
    json!({
        "id": id, "kind": "employer", "category": "hospital",
        "name": {"de": "Krankenhaus", "en": "Hospital"},
        "district": "05966", "location": {"lat": 51.03, "lon": 7.85}
    })
}

#[test]
fn valid_entries_are_read_with_their_kind_and_texts() {
    let parsed = parse_catalog(&doc(json!([hospital("a"), hospital("b")]))).unwrap();
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.catalog.entries.len(), 2);
    assert_eq!(parsed.catalog.entries[0].kind, Kind::Employer);
    assert_eq!(parsed.catalog.entries[0].name.get("en"), "Hospital");
    assert_eq!(parsed.catalog.entries[0].name.get("pl"), "Krankenhaus");
}

#[test]
fn a_broken_entry_is_reported_by_id_and_field_and_the_others_are_kept() {
    let mut broken = hospital("broken");
    broken["kind"] = json!("hospitl");
    let parsed = parse_catalog(&doc(json!([hospital("a"), broken, hospital("c")]))).unwrap();
    let ids: Vec<_> = parsed
        .catalog
        .entries
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(parsed.problems.len(), 1);
    let problem = &parsed.problems[0];
    assert_eq!(problem.entry, "broken");
    assert_eq!(problem.pointer, "/entries/1/kind");
    assert_eq!(problem.severity, Severity::Error);
}

#[test]
fn a_missing_field_is_pointed_at_and_an_entry_without_id_is_named_by_position() {
    let mut no_id = hospital("x");
    no_id.as_object_mut().unwrap().remove("id");
    let parsed = parse_catalog(&doc(json!([no_id]))).unwrap();
    assert_eq!(parsed.problems[0].entry, "#0");
    assert_eq!(parsed.problems[0].pointer, "/entries/0/id");
}

#[test]
fn duplicate_ids_keep_the_first_entry_only() {
    let parsed = parse_catalog(&doc(json!([hospital("a"), hospital("a")]))).unwrap();
    assert_eq!(parsed.catalog.entries.len(), 1);
    assert_eq!(parsed.problems[0].pointer, "/entries/1/id");
}

#[test]
fn swapped_coordinates_are_recognised() {
    let mut swapped = hospital("s");
    swapped["location"] = json!({"lat": 7.85, "lon": 51.03});
    let mut far = hospital("f");
    far["location"] = json!({"lat": 48.1, "lon": 11.5});
    let parsed = parse_catalog(&doc(json!([swapped, far]))).unwrap();
    assert!(parsed.catalog.entries.is_empty());
    assert!(parsed.problems[0].message_en.contains("swapped"));
    assert!(!parsed.problems[1].message_en.contains("swapped"));
}

#[test]
fn only_http_websites_are_accepted() {
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " https://x.de",
        "data:text/html,x",
        "ftp://x.de",
    ] {
        let mut entry = hospital("w");
        entry["website"] = json!(bad);
        let parsed = parse_catalog(&doc(json!([entry]))).unwrap();
        assert!(parsed.catalog.entries.is_empty(), "{bad} was accepted");
        assert_eq!(parsed.problems[0].pointer, "/entries/0/website");
    }
}

#[test]
fn a_newer_major_format_is_refused_with_a_clear_message() {
    let text = doc(json!([])).replace("\"1.0\"", "\"2.0\"");
    let problem = parse_catalog(&text).unwrap_err();
    assert_eq!(problem.pointer, "/format");
    assert!(problem.message_en.contains("newer"));
}

#[test]
fn text_that_is_not_json_names_line_and_column() {
    let problem = parse_catalog("{\n  \"format\": ").unwrap_err();
    assert!(
        problem.message_en.contains("line 2"),
        "{}",
        problem.message_en
    );
}

#[test]
fn the_bundled_example_catalogue_has_no_problems() {
    let text = include_str!("../../../assets/catalog.json");
    let parsed = parse_catalog(text).unwrap();
    assert!(parsed.problems.is_empty(), "{:#?}", parsed.problems);
    assert!(parsed.catalog.entries.len() >= 5);
}
