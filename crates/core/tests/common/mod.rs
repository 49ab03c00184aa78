//! Builders for small test catalogues.
#![allow(dead_code)]

use ankommen_core::{parse_catalog, Date, Parsed, Problem, Severity};
use serde_json::{json, Value};

pub const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 24,
};

pub fn doc(entries: Value) -> Value {
    json!({
        "format": "1.0",
        "updated": "2026-11-20",
        "region": {
            "name": {"de": "Südwestfalen", "en": "South Westphalia"},
            "bounds": {"south": 50.7, "west": 7.4, "north": 51.7, "east": 8.9},
            "center": {"lat": 51.2, "lon": 8.1},
            "districts": {"05966": "Kreis Olpe", "05974": "Kreis Soest"},
            "municipalities": {"05966024": {"name": "Olpe", "location": {"lat": 51.03, "lon": 7.84}}}
        },
        "entries": entries
    })
}

pub fn hospital(id: &str) -> Value {
    json!({
        "id": id, "kind": "employer", "category": "hospital",
        "name": {"de": "Krankenhaus", "en": "Hospital"},
        "professions": ["doctor", "nurse"],
        "district": "05966", "municipality": "05966024",
        "location": {"lat": 51.03, "lon": 7.85}
    })
}

pub fn parse(entries: Value) -> Parsed {
    parse_catalog(&doc(entries).to_string(), TODAY).expect("document is usable")
}

/// Parses one entry after `change` and returns its problems.
pub fn problems_of(change: impl FnOnce(&mut Value)) -> (Parsed, Vec<Problem>) {
    let mut entry = hospital("e1");
    change(&mut entry);
    let parsed = parse(json!([entry]));
    let problems = parsed.problems.clone();
    (parsed, problems)
}

/// Asserts that exactly the listed (severity, pointer) pairs were reported, and whether the
/// entry was kept.
pub fn expect(
    change: impl FnOnce(&mut Value),
    kept: bool,
    wanted: &[(Severity, &str)],
) -> Vec<Problem> {
    let (parsed, problems) = problems_of(change);
    let got: Vec<(Severity, &str)> = problems
        .iter()
        .map(|p| (p.severity, p.pointer.as_str()))
        .collect();
    assert_eq!(got, wanted, "problems: {problems:#?}");
    assert_eq!(parsed.catalog.entries.len(), usize::from(kept), "kept?");
    for p in &problems {
        assert!(!p.message_de.is_empty() && !p.message_en.is_empty());
    }
    problems
}
