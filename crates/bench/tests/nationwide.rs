//! The nationwide generator: valid, all of Germany, deterministic, in its stated shares.

use ankommen_bench::{nationwide, NATIONWIDE_SHARES};
use ankommen_core::parse::parse_value;
use ankommen_core::{Category, Date, Severity};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

const ENTRIES: usize = 20_000;
const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 24,
};

/// One document for all tests: generating it is most of their time.
fn doc() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| nationwide(ENTRIES, 1))
}

fn entries() -> &'static [Value] {
    doc()["entries"].as_array().unwrap()
}

#[test]
fn the_validator_finds_no_errors_and_no_warnings() {
    let parsed = parse_value(doc().clone(), TODAY).expect("a usable catalogue");
    let errors: Vec<_> = parsed
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .take(5)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(parsed.catalog.entries.len(), ENTRIES);
    // Not required, but the generator aims for none.
    assert_eq!(parsed.count(Severity::Warning), 0, "{:#?}", parsed.problems);
}

#[test]
fn it_covers_all_of_germany() {
    let used: BTreeSet<&str> = entries()
        .iter()
        .map(|e| e["district"].as_str().unwrap())
        .collect();
    assert!(used.len() >= 390, "{} districts", used.len());
    let listed = doc()["region"]["districts"].as_object().unwrap();
    assert_eq!(listed.len(), 401);
    assert!(used.iter().all(|d| listed.contains_key(*d)));
    let lands: BTreeSet<&str> = used.iter().map(|d| &d[..2]).collect();
    assert_eq!(lands.len(), 16, "{lands:?}");
    // Every district of the shared gazetteer is there, with its real municipalities.
    for key in ["05515", "05966", "14612", "15085", "16056"] {
        assert!(listed.contains_key(key), "{key}");
    }
    assert_eq!(listed["05966"], "Kreis Olpe");
    assert_eq!(listed["09162"], "Kreisfreie Stadt München");
    assert_eq!(listed["11000"], "Berlin");
    // Bigger districts have many more entries than small ones.
    let mut per_district: BTreeMap<&str, usize> = BTreeMap::new();
    for e in entries() {
        *per_district
            .entry(e["district"].as_str().unwrap())
            .or_default() += 1;
    }
    let largest = per_district.values().max().copied().unwrap_or(0);
    let smallest = per_district.values().min().copied().unwrap_or(0);
    assert!(largest > 20 * smallest.max(1), "{largest} vs {smallest}");
    assert_eq!(
        per_district
            .iter()
            .max_by_key(|(_, n)| **n)
            .map(|(d, _)| *d),
        Some("11000")
    );
}

#[test]
fn the_same_seed_gives_the_same_document_and_another_seed_another() {
    let first = nationwide(3_000, 7).to_string();
    assert_eq!(first, nationwide(3_000, 7).to_string());
    assert_ne!(first, nationwide(3_000, 8).to_string());
}

#[test]
fn ids_are_unique_and_every_district_has_a_contact() {
    let ids: BTreeSet<&str> = entries()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), ENTRIES);
    let with_contact: BTreeSet<&str> = entries()
        .iter()
        .filter(|e| e["kind"] == "contact")
        .map(|e| e["district"].as_str().unwrap())
        .collect();
    assert_eq!(with_contact.len(), 401);
}

#[test]
fn categories_come_in_the_stated_shares() {
    let total: u32 = NATIONWIDE_SHARES.iter().map(|(_, s)| s).sum();
    assert_eq!(total, 100_000);
    for category in Category::ALL {
        assert!(
            NATIONWIDE_SHARES.iter().any(|(c, _)| c == category),
            "{category:?} has no share"
        );
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in entries() {
        *counts.entry(e["category"].as_str().unwrap()).or_default() += 1;
        assert_eq!(
            Category::from_id(e["category"].as_str().unwrap())
                .unwrap()
                .kind()
                .as_str(),
            e["kind"]
        );
    }
    // The first 401 entries are one service point per district; the rest follow the shares.
    let drawn = (ENTRIES - 401) as f64;
    for (category, share) in NATIONWIDE_SHARES {
        let p = f64::from(*share) / f64::from(total);
        let forced = if *category == Category::ServicePoint {
            401.0
        } else {
            0.0
        };
        let expected = forced + drawn * p;
        let sigma = (drawn * p * (1.0 - p)).sqrt();
        let actual = counts.get(category.as_str()).copied().unwrap_or(0) as f64;
        assert!(
            (actual - expected).abs() <= 5.0 * sigma + 3.0,
            "{category:?}: {actual} entries, expected about {expected:.0}"
        );
    }
    // Order of magnitude of the real counts: medical practices ≈ 2.5 × therapy practices ≈
    // 6 × pharmacies; hospitals about 1 % of the employers.
    let n = |c: &str| counts.get(c).copied().unwrap_or(0) as f64;
    assert!((2.0..3.0).contains(&(n("medical_practice") / n("therapy_practice"))));
    assert!((5.0..7.0).contains(&(n("medical_practice") / n("pharmacy"))));
}

#[test]
fn every_position_is_inside_the_region_and_municipalities_are_listed() {
    let region = &doc()["region"];
    let b = &region["bounds"];
    let (south, west, north, east) = (
        b["south"].as_f64().unwrap(),
        b["west"].as_f64().unwrap(),
        b["north"].as_f64().unwrap(),
        b["east"].as_f64().unwrap(),
    );
    // Germany: 47.27–55.06 N, 5.87–15.04 E.
    assert!(south > 46.5 && north < 55.5 && west > 5.0 && east < 15.8);
    let listed = region["municipalities"].as_object().unwrap();
    let mut used = BTreeSet::new();
    for e in entries() {
        let (lat, lon) = (
            e["location"]["lat"].as_f64().unwrap(),
            e["location"]["lon"].as_f64().unwrap(),
        );
        assert!(
            (south..=north).contains(&lat) && (west..=east).contains(&lon),
            "{}",
            e["id"]
        );
        if let Some(m) = e["municipality"].as_str() {
            assert!(m.starts_with(e["district"].as_str().unwrap()));
            assert!(listed.contains_key(m), "{m}");
            used.insert(m);
        }
    }
    assert_eq!(
        used.len(),
        listed.len(),
        "only used municipalities are listed"
    );
    for m in listed.values() {
        let (lat, lon) = (
            m["location"]["lat"].as_f64().unwrap(),
            m["location"]["lon"].as_f64().unwrap(),
        );
        assert!((south..=north).contains(&lat) && (west..=east).contains(&lon));
    }
    let c = &region["center"];
    assert!((south..=north).contains(&c["lat"].as_f64().unwrap()));
}

#[test]
fn events_are_in_2027_and_checked_dates_in_the_past() {
    for e in entries() {
        assert!(e["source"]["checked"].as_str().unwrap() <= "2026-11-24");
        if e["kind"] == "event" {
            assert!(e["event"]["start"].as_str().unwrap().starts_with("2027-"));
        }
    }
}

#[test]
fn the_example_catalogue_is_unchanged() {
    // The benchmarks depend on `catalogue` staying byte-identical; a digest of its output,
    // recorded before `nationwide` was added, guards that.
    let text = ankommen_bench::catalogue(777, 9).to_string();
    assert_eq!(fnv1a(text.as_bytes()), EXAMPLE_777_9);
}

const EXAMPLE_777_9: u64 = 0x5930_8905_f971_c8f0;

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}
