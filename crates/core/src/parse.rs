//! Reading a catalogue document without losing good data to bad entries.
//!
//! The document is first read as untyped JSON, then each entry is read on its own: one broken
//! entry becomes a [`Problem`] naming its id and field, and every valid entry is kept.

use crate::catalog::{Catalog, Entry, LatLon, Region};
use crate::problem::Problem;
use serde_json::Value;
use std::collections::HashSet;

/// The format version this code writes and fully understands.
pub const FORMAT_MAJOR: u32 = 1;
pub const FORMAT_MINOR: u32 = 0;

/// A readable catalogue: the valid entries, and every problem found on the way.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub catalog: Catalog,
    pub problems: Vec<Problem>,
}

/// Parses and checks a catalogue document.
///
/// `Err` means the document as a whole is unusable (not JSON, a newer major format, no region);
/// otherwise the result holds all valid entries and the problems of the others.
pub fn parse_catalog(text: &str) -> Result<Parsed, Problem> {
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        document_error(
            "",
            format!(
                "Kein gültiges JSON (Zeile {}, Spalte {}): {e}",
                e.line(),
                e.column()
            ),
            format!(
                "Not valid JSON (line {}, column {}): {e}",
                e.line(),
                e.column()
            ),
        )
    })?;
    let Value::Object(doc) = doc else {
        return Err(document_error(
            "",
            "Der Katalog muss ein JSON-Objekt sein.".into(),
            "The catalogue must be a JSON object.".into(),
        ));
    };
    let format = check_format(doc.get("format"))?;
    let region: Region =
        read(doc.get("region").cloned().unwrap_or(Value::Null)).map_err(|(path, e)| {
            document_error(
                &format!("/region{path}"),
                format!("Regionsangaben fehlen oder sind ungültig: {e}"),
                format!("Region metadata missing or invalid: {e}"),
            )
        })?;
    let updated = doc
        .get("updated")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();

    let mut problems = Vec::new();
    let raw_entries = match doc.get("entries") {
        Some(Value::Array(items)) => items.as_slice(),
        _ => {
            problems.push(Problem::error(
                "",
                "/entries",
                "Die Liste `entries` fehlt.".into(),
                "The `entries` list is missing.".into(),
            ));
            &[]
        }
    };
    let mut seen = HashSet::new();
    let mut entries = Vec::with_capacity(raw_entries.len());
    for (index, raw) in raw_entries.iter().enumerate() {
        let label = entry_label(raw, index);
        let base = format!("/entries/{index}");
        let entry: Entry = match read(raw.clone()) {
            Ok(entry) => entry,
            Err((path, e)) => {
                problems.push(Problem::error(
                    label,
                    format!("{base}{path}"),
                    format!("Eintrag ausgelassen: {e}"),
                    format!("Entry skipped: {e}"),
                ));
                continue;
            }
        };
        if !seen.insert(entry.id.clone()) {
            problems.push(Problem::error(
                label,
                format!("{base}/id"),
                format!(
                    "Die ID „{}“ kommt mehrfach vor; nur der erste Eintrag wird gezeigt.",
                    entry.id
                ),
                format!(
                    "The id \"{}\" is used more than once; only the first entry is shown.",
                    entry.id
                ),
            ));
            continue;
        }
        let entry_problems = check_entry(&entry, &region, &base);
        let fatal = entry_problems
            .iter()
            .any(|p| p.severity == crate::Severity::Error);
        problems.extend(entry_problems);
        if !fatal {
            entries.push(entry);
        }
    }
    Ok(Parsed {
        catalog: Catalog {
            format,
            updated,
            region,
            entries,
        },
        problems,
    })
}

fn check_format(value: Option<&Value>) -> Result<String, Problem> {
    let text = value.and_then(Value::as_str).unwrap_or_default();
    let major = text.split_once('.').and_then(|(major, minor)| {
        minor.parse::<u32>().ok()?;
        major.parse::<u32>().ok()
    });
    match major {
        Some(FORMAT_MAJOR) => Ok(text.to_owned()),
        Some(major) if major > FORMAT_MAJOR => Err(document_error(
            "/format",
            format!("Formatversion {text} ist neuer als die unterstützte Version {FORMAT_MAJOR}.x; bitte Ankommen aktualisieren."),
            format!("Format version {text} is newer than the supported version {FORMAT_MAJOR}.x; please update Ankommen."),
        )),
        _ => Err(document_error(
            "/format",
            format!("Die Formatversion fehlt oder ist ungültig („{text}“); erwartet wird z. B. „{FORMAT_MAJOR}.{FORMAT_MINOR}“."),
            format!("The format version is missing or invalid (\"{text}\"); expected e.g. \"{FORMAT_MAJOR}.{FORMAT_MINOR}\"."),
        )),
    }
}

/// Checks that need the whole entry and the region, after its shape was read.
fn check_entry(entry: &Entry, region: &Region, base: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let Some(p) = entry.location {
        if !region.contains(p) {
            let swapped = region.contains(LatLon {
                lat: p.lon,
                lon: p.lat,
            });
            let (de, en) = if swapped {
                (
                    "liegt außerhalb der Region; Breite und Länge scheinen vertauscht.",
                    "is outside the region; latitude and longitude look swapped.",
                )
            } else {
                ("liegt außerhalb der Region.", "is outside the region.")
            };
            problems.push(Problem::error(
                &entry.id,
                format!("{base}/location"),
                format!("Die Position ({}, {}) {de}", p.lat, p.lon),
                format!("The position ({}, {}) {en}", p.lat, p.lon),
            ));
        }
    }
    if let Some(url) = &entry.website {
        if !is_allowed_url(url) {
            problems.push(Problem::error(
                &entry.id,
                format!("{base}/website"),
                "Nur http(s)-Adressen sind als Website erlaubt.".into(),
                "Only http(s) addresses are allowed as a website.".into(),
            ));
        }
    }
    problems
}

/// Links from a catalogue may only lead to web pages; `javascript:` and friends never render.
pub fn is_allowed_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && url.trim() == url
}

fn entry_label(raw: &Value, index: usize) -> String {
    match raw.get("id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => id.to_owned(),
        _ => format!("#{index}"),
    }
}

/// Deserializes `value`, reporting a failure with the JSON pointer of the offending field.
fn read<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let pointer: String = e
            .path()
            .iter()
            .filter_map(|segment| match segment {
                serde_path_to_error::Segment::Seq { index } => Some(format!("/{index}")),
                serde_path_to_error::Segment::Map { key } => Some(format!("/{key}")),
                serde_path_to_error::Segment::Enum { variant } => Some(format!("/{variant}")),
                serde_path_to_error::Segment::Unknown => None,
            })
            .collect();
        let message = e.into_inner().to_string();
        // serde reports a missing field at its parent; point at the field itself.
        let missing = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
            .map(|field| format!("/{field}"))
            .unwrap_or_default();
        (pointer + &missing, message)
    })
}

fn document_error(pointer: &str, de: String, en: String) -> Problem {
    Problem::error("", pointer, de, en)
}
