//! The document as a whole: versions, broken JSON, and keeping good entries beside bad ones.
mod common;

use ankommen_core::{parse_catalog, Category, Kind, Profession, Severity};
use common::*;
use serde_json::json;

#[test]
fn valid_entries_are_read_with_their_kind_texts_and_professions() {
    let parsed = parse(json!([hospital("a"), hospital("b")]));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let first = &parsed.catalog.entries[0];
    assert_eq!(first.kind, Kind::Employer);
    assert_eq!(first.category, Category::Hospital);
    assert_eq!(first.professions, [Profession::Doctor, Profession::Nurse]);
    assert_eq!(first.name.get("en"), "Hospital");
    assert_eq!(first.name.get("pl"), "Krankenhaus", "falls back to German");
    assert_eq!(first.name.translation("pl"), None);
}

#[test]
fn a_broken_entry_is_reported_by_id_and_field_and_the_others_are_kept() {
    let mut broken = hospital("broken");
    broken["location"]["lat"] = json!("north");
    let parsed = parse(json!([hospital("a"), broken, hospital("c")]));
    let ids: Vec<_> = parsed
        .catalog
        .entries
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(parsed.skipped(), 1);
    assert_eq!(parsed.problems[0].entry, "broken");
    assert_eq!(parsed.problems[0].pointer, "/entries/1/location/lat");
}

#[test]
fn an_entry_without_id_is_named_by_its_position() {
    let problems = expect(
        |e| drop(e.as_object_mut().unwrap().remove("id")),
        false,
        &[(Severity::Error, "/entries/0/id")],
    );
    assert_eq!(problems[0].entry, "#0");
}

#[test]
fn an_entry_that_is_not_an_object_is_reported() {
    let parsed = parse(json!([42, hospital("a")]));
    assert_eq!(parsed.catalog.entries.len(), 1);
    assert_eq!(parsed.problems[0].pointer, "/entries/0");
}

#[test]
fn duplicate_ids_keep_the_first_entry_only() {
    let parsed = parse(json!([hospital("a"), hospital("a")]));
    assert_eq!(parsed.catalog.entries.len(), 1);
    assert_eq!(parsed.problems[0].pointer, "/entries/1/id");
    assert_eq!(parsed.problems[0].severity, Severity::Error);
}

#[test]
fn a_newer_major_format_is_refused_with_a_clear_message() {
    let mut d = doc(json!([]));
    d["format"] = json!("2.0");
    let problem = parse_catalog(&d.to_string(), TODAY).unwrap_err();
    assert_eq!(problem.pointer, "/format");
    assert!(
        problem.message_en.contains("newer"),
        "{}",
        problem.message_en
    );
    assert!(problem.message_de.contains("neuer"));
}

#[test]
fn a_newer_minor_format_loads_and_keeps_unknown_fields_with_warnings() {
    let mut d = doc(json!([{"shuttle": {"daily": true}, "id": "a"}]));
    d["entries"][0] = hospital("a");
    d["entries"][0]["shuttle"] = json!({"daily": true});
    d["format"] = json!("1.4");
    let parsed = parse_catalog(&d.to_string(), TODAY).unwrap();
    assert_eq!(parsed.catalog.entries.len(), 1);
    assert_eq!(
        parsed.catalog.entries[0].extra["shuttle"],
        json!({"daily": true})
    );
    let warnings: Vec<_> = parsed
        .problems
        .iter()
        .map(|p| (p.severity, p.pointer.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [
            (Severity::Warning, "/format"),
            (Severity::Warning, "/entries/0/shuttle")
        ]
    );
    // Kept fields survive a round trip (export writes them back).
    let written = serde_json::to_value(&parsed.catalog.entries[0]).unwrap();
    assert_eq!(written["shuttle"], json!({"daily": true}));
}

#[test]
fn a_missing_or_malformed_format_version_is_refused() {
    for bad in [json!(null), json!("1"), json!("eins.null"), json!(1.0)] {
        let mut d = doc(json!([]));
        d["format"] = bad.clone();
        let problem = parse_catalog(&d.to_string(), TODAY).unwrap_err();
        assert_eq!(problem.pointer, "/format", "{bad}");
    }
}

#[test]
fn text_that_is_not_json_names_line_and_column() {
    let problem = parse_catalog("{\n  \"format\": ", TODAY).unwrap_err();
    assert!(
        problem.message_en.contains("line 2"),
        "{}",
        problem.message_en
    );
}

#[test]
fn a_region_without_bounds_is_refused_naming_the_field() {
    let mut d = doc(json!([]));
    d["region"].as_object_mut().unwrap().remove("bounds");
    let problem = parse_catalog(&d.to_string(), TODAY).unwrap_err();
    assert_eq!(problem.pointer, "/region/bounds");
}

#[test]
fn unknown_top_level_and_nested_fields_are_warnings() {
    let mut d = doc(json!([]));
    d["colour"] = json!("red");
    d["entries"] = json!([hospital("a")]);
    d["entries"][0]["location"]["alt"] = json!(300);
    let parsed = parse_catalog(&d.to_string(), TODAY).unwrap();
    assert_eq!(parsed.catalog.entries.len(), 1);
    let pointers: Vec<_> = parsed
        .problems
        .iter()
        .map(|p| (p.severity, p.pointer.as_str(), p.entry.as_str()))
        .collect();
    assert_eq!(
        pointers,
        [
            (Severity::Warning, "/colour", ""),
            (Severity::Warning, "/entries/0/location/alt", "a")
        ]
    );
}

#[test]
fn the_bundled_example_catalogue_has_no_problems() {
    let text = include_str!("../../../assets/catalog.json");
    let parsed = parse_catalog(text, TODAY).unwrap();
    assert!(parsed.problems.is_empty(), "{:#?}", parsed.problems);
    assert!(parsed.catalog.entries.len() >= 5);
}

#[test]
fn expired_entries_and_past_events_are_not_current() {
    let mut expired = hospital("expired");
    expired["valid"] = json!({"until": "2026-11-23"});
    let mut future = hospital("future");
    future["valid"] = json!({"from": "2026-11-25"});
    let mut past = hospital("past");
    past["kind"] = json!("event");
    past["category"] = json!("job_fair");
    past["event"] = json!({"start": "2026-11-20", "end": "2026-11-23"});
    let mut running = past.clone();
    running["id"] = json!("running");
    running["event"] = json!({"start": "2026-11-20", "end": "2026-11-24"});
    let parsed = parse(json!([hospital("plain"), expired, future, past, running]));
    let current: Vec<_> = parsed
        .catalog
        .entries
        .iter()
        .filter(|e| e.is_current(TODAY))
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(current, ["plain", "running"]);
}

#[test]
fn json_that_is_not_an_object_is_refused() {
    for text in ["[]", "42", "\"catalog\"", "null"] {
        let problem = parse_catalog(text, TODAY).unwrap_err();
        assert!(
            problem.message_en.contains("must be a JSON object"),
            "{text}: {}",
            problem.message_en
        );
    }
}

#[test]
fn entries_that_are_not_a_list_are_reported_and_nothing_is_shown() {
    let mut d = doc(json!([]));
    d["entries"] = json!({"a": 1});
    let parsed = parse_catalog(&d.to_string(), TODAY).unwrap();
    assert!(parsed.catalog.entries.is_empty());
    assert_eq!(parsed.problems[0].pointer, "/entries");
}

#[test]
fn a_missing_null_or_broken_maintainer_never_refuses_the_catalogue() {
    for (maintainer, warnings) in [
        (json!(null), 0),
        (
            json!({"name": "Kreis Olpe", "email": "katalog@kreis-olpe.example"}),
            0,
        ),
        (
            json!({"name": "Kreis Olpe", "email": "nicht-erreichbar"}),
            1,
        ),
        (json!("Kreis Olpe"), 1),
    ] {
        let mut d = doc(json!([hospital("a")]));
        d["maintainer"] = maintainer.clone();
        let parsed = parse_catalog(&d.to_string(), TODAY).unwrap();
        assert_eq!(parsed.catalog.entries.len(), 1);
        assert_eq!(parsed.count(Severity::Warning), warnings, "{maintainer}");
        assert_eq!(
            parsed.catalog.maintainer.is_some(),
            maintainer.is_object() && warnings == 0
        );
    }
}

#[test]
fn impossible_bounds_and_bidi_region_names_refuse_the_document() {
    let mut d = doc(json!([]));
    d["region"]["bounds"] = json!({"south": 51.7, "west": 7.4, "north": 50.7, "east": 8.9});
    assert_eq!(
        parse_catalog(&d.to_string(), TODAY).unwrap_err().pointer,
        "/region/bounds"
    );
    let mut d = doc(json!([]));
    d["region"]["name"]["de"] = json!("Süd\u{202E}falen");
    assert_eq!(
        parse_catalog(&d.to_string(), TODAY).unwrap_err().pointer,
        "/region/name/de"
    );
}

#[test]
fn region_slips_are_warnings() {
    let mut d = doc(json!([hospital("a")]));
    d["region"]["center"] = json!({"lat": 10.0, "lon": 10.0});
    d["region"]["districts"]["5966"] = json!("Tippfehler");
    let parsed = parse_catalog(&d.to_string(), TODAY).unwrap();
    let pointers: Vec<_> = parsed
        .problems
        .iter()
        .map(|p| (p.severity, p.pointer.as_str()))
        .collect();
    assert_eq!(
        pointers,
        [
            (Severity::Warning, "/region/center"),
            (Severity::Warning, "/region/districts/5966")
        ]
    );
}

#[test]
fn format_versions_below_one_are_named_unsupported() {
    let mut d = doc(json!([]));
    d["format"] = json!("0.9");
    let problem = parse_catalog(&d.to_string(), TODAY).unwrap_err();
    assert!(
        problem.message_en.contains("not supported"),
        "{}",
        problem.message_en
    );
}

#[test]
fn shape_messages_are_german_in_german() {
    let mut entry = hospital("a");
    entry.as_object_mut().unwrap().remove("district");
    entry["location"]["lat"] = json!("north");
    let parsed = parse(json!([entry]));
    assert_eq!(
        parsed.problems[0].message_de,
        "Eintrag ausgelassen: falscher Typ: string \"north\", erwartet: f64"
    );
    let mut entry = hospital("b");
    entry.as_object_mut().unwrap().remove("district");
    let parsed = parse(json!([entry]));
    assert_eq!(
        parsed.problems[0].message_de,
        "Eintrag ausgelassen: Pflichtfeld „district“ fehlt"
    );
    let mut entry = hospital("c");
    entry["valid"] = json!({"until": "2027-02-30"});
    let parsed = parse(json!([entry]));
    assert_eq!(parsed.problems[0].pointer, "/entries/0/valid/until");
    assert!(parsed.problems[0]
        .message_en
        .contains("not a valid calendar date"));
    assert!(parsed.problems[0]
        .message_de
        .contains("ist kein gültiges Datum"));
}

#[test]
fn event_details_on_another_kind_do_not_hide_it() {
    let mut entry = hospital("a");
    entry["event"] = json!({"start": "2020-01-01"});
    let parsed = parse(json!([entry]));
    assert!(parsed.catalog.entries[0].is_current(TODAY));
}

#[test]
fn bytes_with_a_byte_order_mark_or_invalid_utf8_still_parse_and_valid_text_is_borrowed() {
    use ankommen_core::parse::decode;
    use std::borrow::Cow;
    let text = doc(json!([hospital("a")])).to_string();
    assert!(matches!(decode(text.as_bytes()), Cow::Borrowed(_)));
    let mut with_mark = b"\xEF\xBB\xBF".to_vec();
    with_mark.extend_from_slice(text.as_bytes());
    let parsed = parse_catalog(&decode(&with_mark), TODAY).unwrap();
    assert_eq!(parsed.catalog.entries.len(), 1);
    // A Latin-1 "ü" (0xFC) inside a name: replaced, and the entry is still read.
    let latin1 = text
        .replacen("Krankenhaus", "Kr\u{1}nkenhaus", 1)
        .replace('\u{1}', "\u{FFFD}");
    let mut broken = text.replacen("Krankenhaus", "Kr_nkenhaus", 1).into_bytes();
    let at = broken
        .windows(11)
        .position(|w| w == b"Kr_nkenhaus")
        .unwrap()
        + 2;
    broken[at] = 0xFC;
    assert_eq!(decode(&broken), latin1);
    assert_eq!(
        parse_catalog(&decode(&broken), TODAY)
            .unwrap()
            .catalog
            .entries[0]
            .name
            .de,
        "Kr\u{FFFD}nkenhaus"
    );
}
