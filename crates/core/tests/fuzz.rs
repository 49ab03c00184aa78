//! Property tests, the bounded fuzzing of the test command: whatever a catalogue file or a
//! link holds, parsing ends in a catalogue or in errors with messages, never in a panic.
//! `PROPTEST_CASES` sets the cases per property (256 by default; `scripts/fuzz.sh` runs more).

mod common;

use ankommen_core::url::UrlState;
use ankommen_core::{parse_catalog, Severity};
use common::TODAY;
use proptest::prelude::*;
use serde_json::Value;

const EXAMPLE: &str = include_str!("../../../assets/catalog.json");

/// Text a careless or hostile maintainer might put anywhere: markup, script URLs, bidi and
/// zero-width characters, NUL, entities, long runs, and arbitrary Unicode.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[<>\"'&;:/\\\\=(){} a-zA-Z0-9\u{202e}\u{200b}\u{0}\u{301}é😀]{0,60}",
        Just("<script>window.pwned=1</script>".to_owned()),
        Just("javascript:alert(1)".to_owned()),
        Just(" JaVaScRiPt:alert(1)".to_owned()),
        Just("data:text/html,<svg onload=alert(1)>".to_owned()),
        Just("vbscript:msgbox(1)".to_owned()),
        Just("&#106;avascript:alert(1)".to_owned()),
        Just("x".repeat(100_000)),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        hostile_text().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every JSON pointer in `doc`, depth first.
fn pointers(doc: &Value, at: String, out: &mut Vec<String>) {
    match doc {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| pointers(v, format!("{at}/{k}"), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

fn example() -> Value {
    let mut doc: Value = serde_json::from_str(EXAMPLE).unwrap();
    // Twelve entries keep each case fast and still cover every kind.
    doc["entries"].as_array_mut().unwrap().truncate(12);
    doc
}

/// The catalogue, or the one problem that made it unusable; either way every message exists.
fn check(text: &str) -> Result<(), TestCaseError> {
    match parse_catalog(text, TODAY) {
        Ok(parsed) => {
            for p in &parsed.problems {
                prop_assert!(!p.message("de").is_empty() && !p.message("en").is_empty());
            }
            let mut ids: Vec<&str> = parsed.catalog.entries.iter().map(|e| &*e.id).collect();
            ids.sort_unstable();
            let before = ids.len();
            ids.dedup();
            prop_assert_eq!(before, ids.len(), "kept entries have unique ids");
        }
        Err(problem) => {
            prop_assert_eq!(problem.severity, Severity::Error);
            prop_assert!(!problem.message("de").is_empty());
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn any_text_is_a_catalogue_or_an_error(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn any_field_of_a_real_catalogue_may_hold_anything(pick in any::<prop::sample::Index>(), value in json_value()) {
        let mut doc = example();
        let mut all = Vec::new();
        pointers(&doc, String::new(), &mut all);
        let pointer = pick.get(&all).clone();
        *doc.pointer_mut(&pointer).unwrap() = value;
        check(&doc.to_string())?;
    }

    #[test]
    fn several_fields_at_once(picks in prop::collection::vec((any::<prop::sample::Index>(), json_value()), 1..6)) {
        let mut doc = example();
        for (pick, value) in picks {
            let mut all = Vec::new();
            pointers(&doc, String::new(), &mut all);
            let pointer = pick.get(&all).clone();
            *doc.pointer_mut(&pointer).unwrap() = value;
        }
        check(&doc.to_string())?;
    }

    #[test]
    fn any_link_or_snippet_reads_as_a_view_and_writes_back_canonically(query in any::<String>(), typed in "([a-z]{1,12}=[^&]{0,20}&?){0,8}") {
        for query in [query, typed] {
            let (state, _) = UrlState::parse(&query);
            // What the app writes, read back, is what it wrote: one view, one URL.
            let written = state.to_query();
            let (again, ignored) = UrlState::parse(&written);
            prop_assert!(ignored.is_empty(), "{written}: {ignored:?}");
            prop_assert_eq!(again.to_query(), written);
        }
    }
}
