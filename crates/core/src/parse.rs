//! Reading a catalogue document without losing good data to bad entries.
//!
//! Each entry is read on its own from its own slice of the text: one broken entry becomes
//! problems naming its id and field, and every valid entry is kept. A valid entry is read
//! straight into its type; only a broken one (or one with fields this version does not know)
//! is looked at again as a JSON tree, to suggest the closest valid value and to keep unknown
//! fields. Everything is deserialized through one reader ([`read`]), so the app's WASM carries
//! one copy of the deserialization code.

use crate::catalog::{Catalog, Entry, Maintainer, Region};
use crate::date::Date;
use crate::problem::{Problem, Severity};
use crate::validate::{check_entry, degrees};
use crate::vocab::{closest, Category, Kind, Profession};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashSet};

/// The format version this code writes and fully understands.
pub const FORMAT_MAJOR: u32 = 1;
pub const FORMAT_MINOR: u32 = 0;

const DOCUMENT_FIELDS: &[&str] = &["format", "updated", "maintainer", "region", "entries"];

/// A readable catalogue: the valid entries, and every problem found on the way.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub catalog: Catalog,
    pub problems: Vec<Problem>,
}

impl Parsed {
    /// How many entries were left out: those with at least one error.
    pub fn skipped(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .filter_map(|p| entry_index(&p.pointer))
            .collect::<HashSet<_>>()
            .len()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }
}

pub use crate::text::decode;

/// Parses and checks a catalogue document. `today` decides which validity windows and events
/// are in the past (the core never reads a clock).
///
/// `Err` means the document as a whole is unusable (not JSON, a newer major format, no valid
/// region); otherwise the result holds all valid entries and the problems of the others.
/// An `Err` with an empty pointer means the text is not a JSON object at all.
pub fn parse_catalog(text: &str, today: Date) -> Result<Parsed, Problem> {
    let mut doc: BTreeMap<String, &RawValue> = match serde_json::from_str(text) {
        Ok(doc) => doc,
        // Well-formed JSON of the wrong type (an array, a number, …).
        Err(e) if e.is_data() => return Err(not_an_object()),
        Err(e) => {
            return Err(document_error(
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
            ))
        }
    };
    if crate::geojson::is_feature_collection(doc.get("type").map(|raw| raw.get())) {
        return crate::geojson::parse_feature_collection(text, today);
    }
    let mut problems = Vec::new();
    let format = doc
        .get("format")
        .and_then(|raw| serde_json::from_str(raw.get()).ok());
    let format = check_format(format.as_ref(), &mut problems)?;
    let region: Region = read_part(&doc, "region", &mut problems)?;
    let updated: Date = read_part(&doc, "updated", &mut problems)?;
    let maintainer = read_maintainer(&doc, &mut problems);
    check_region(&region, &mut problems)?;
    for key in doc
        .keys()
        .filter(|k| !DOCUMENT_FIELDS.contains(&k.as_str()))
    {
        problems.push(unknown_field("", &format!("/{key}")));
    }
    let raw_entries = doc
        .remove("entries")
        .and_then(|raw| serde_json::from_str::<Vec<&RawValue>>(raw.get()).ok())
        .unwrap_or_else(|| {
            problems.push(document_error(
                "/entries",
                "Die Liste „entries“ fehlt oder ist keine Liste.".into(),
                "The \"entries\" list is missing or not a list.".into(),
            ));
            Vec::new()
        });

    let mut seen = HashSet::with_capacity(raw_entries.len());
    let mut entries = Vec::with_capacity(raw_entries.len());
    for (index, raw) in raw_entries.into_iter().enumerate() {
        let Some(entry) = read_entry(raw.get(), index, &region, today, &mut problems) else {
            continue;
        };
        if !seen.insert(entry.id.clone()) {
            problems.push(Problem::error(
                &entry.id,
                format!("/entries/{index}/id"),
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
        entries.push(entry);
    }
    Ok(Parsed {
        catalog: Catalog {
            format,
            updated,
            maintainer,
            region,
            entries,
        },
        problems,
    })
}

/// Like [`parse_catalog`], for a document that is already JSON (e.g. from a spreadsheet import).
pub fn parse_value(doc: Value, today: Date) -> Result<Parsed, Problem> {
    if !doc.is_object() {
        return Err(not_an_object());
    }
    parse_catalog(&doc.to_string(), today)
}

/// One entry, checked; `None` when it has an error (recorded in `problems`).
fn read_entry(
    text: &str,
    index: usize,
    region: &Region,
    today: Date,
    problems: &mut Vec<Problem>,
) -> Option<Entry> {
    let base = format!("/entries/{index}");
    let mut ignored = Vec::new();
    let entry = match read::<Entry>(text, &base, &mut ignored) {
        // The common case: valid shape and no field this version does not know.
        Ok(entry) if !ignored.iter().any(|p| is_entry_field(p, &base)) => {
            let label = entry_label(&entry.id, index);
            for pointer in ignored {
                problems.push(unknown_field(&label, &pointer));
            }
            entry
        }
        _ => read_entry_carefully(text, &base, index, problems)?,
    };
    let mut checked = check_entry(&entry, region, today, &base);
    if entry.id.is_empty() {
        for problem in &mut checked {
            problem.entry = entry_label("", index);
        }
    }
    let fatal = checked.iter().any(|p| p.severity == Severity::Error);
    problems.extend(checked);
    (!fatal).then_some(entry)
}

/// The entry a problem is about: 4 for `/entries/4/location`, `None` for the document.
pub fn entry_index(pointer: &str) -> Option<usize> {
    pointer
        .strip_prefix("/entries/")
        // A GeoJSON source's entries are its features (geojson.rs).
        .or_else(|| pointer.strip_prefix("/features/"))?
        .split('/')
        .next()?
        .parse()
        .ok()
}

/// How problems name an entry: its id, or `#N` (its position) when it has none.
fn entry_label(id: &str, index: usize) -> String {
    if id.is_empty() {
        format!("#{index}")
    } else {
        id.to_owned()
    }
}

/// True for `/entries/3/shuttle`, false for `/entries/3/location/alt`.
fn is_entry_field(pointer: &str, base: &str) -> bool {
    pointer
        .strip_prefix(base)
        .is_some_and(|rest| rest.matches('/').count() == 1)
}

/// The slow path for an entry that failed to read or has unknown top-level fields: closed
/// vocabularies first (so a typo gets a suggestion), unknown fields kept, then the shape
/// error with the field's pointer.
fn read_entry_carefully(
    text: &str,
    base: &str,
    index: usize,
    problems: &mut Vec<Problem>,
) -> Option<Entry> {
    let raw: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let label = entry_label(
        raw.get("id").and_then(Value::as_str).unwrap_or_default(),
        index,
    );
    let Value::Object(mut fields) = raw else {
        problems.push(Problem::error(
            label,
            base,
            "Ein Eintrag muss ein JSON-Objekt sein.".into(),
            "An entry must be a JSON object.".into(),
        ));
        return None;
    };
    let before = problems.len();
    check_vocabulary(&fields, &label, base, problems);
    if problems.len() > before {
        return None;
    }
    // Fields this version does not know are kept (a newer minor format may have added them).
    let unknown: Vec<String> = fields
        .keys()
        .filter(|k| !Entry::FIELDS.contains(&k.as_str()))
        .cloned()
        .collect();
    let mut extra = Map::new();
    for key in unknown {
        problems.push(unknown_field(&label, &format!("{base}/{key}")));
        if let Some(value) = fields.remove(&key) {
            extra.insert(key, value);
        }
    }
    let mut ignored = Vec::new();
    match read::<Entry>(&Value::Object(fields).to_string(), base, &mut ignored) {
        Ok(mut entry) => {
            entry.extra = extra;
            for pointer in ignored {
                problems.push(unknown_field(&label, &pointer));
            }
            Some(entry)
        }
        Err((pointer, message)) => {
            problems.push(Problem::error(
                label,
                pointer,
                format!("Eintrag ausgelassen: {}", german(&message)),
                format!("Entry skipped: {message}"),
            ));
            None
        }
    }
}

fn check_vocabulary(fields: &Map<String, Value>, label: &str, base: &str, out: &mut Vec<Problem>) {
    let mut check =
        |pointer: String, value: Option<&Value>, valid: &[&'static str], what: (&str, &str)| {
            let Some(text) = value.and_then(Value::as_str) else {
                return; // missing or not a string: the shape step reports it
            };
            if valid.contains(&text) {
                return;
            }
            let (hint_de, hint_en) = match closest(text, valid.iter().copied()) {
                Some(s) => (
                    format!(" Meinten Sie „{s}“?"),
                    format!(" Did you mean \"{s}\"?"),
                ),
                None => (
                    format!(" Gültig sind: {}.", valid.join(", ")),
                    format!(" Valid values: {}.", valid.join(", ")),
                ),
            };
            out.push(Problem::error(
                label,
                pointer,
                format!("Unbekannte {} „{text}“.{hint_de}", what.0),
                format!("Unknown {} \"{text}\".{hint_en}", what.1),
            ));
        };
    let kinds: Vec<_> = Kind::ids().collect();
    let categories: Vec<_> = Category::ids().collect();
    let professions: Vec<_> = Profession::ids().collect();
    check(
        format!("{base}/kind"),
        fields.get("kind"),
        &kinds,
        ("Art", "kind"),
    );
    check(
        format!("{base}/category"),
        fields.get("category"),
        &categories,
        ("Kategorie", "category"),
    );
    if let Some(Value::Array(items)) = fields.get("professions") {
        for (i, item) in items.iter().enumerate() {
            check(
                format!("{base}/professions/{i}"),
                Some(item),
                &professions,
                ("Berufsgruppe", "profession"),
            );
        }
    }
}
fn check_format(value: Option<&Value>, problems: &mut Vec<Problem>) -> Result<String, Problem> {
    let text = value.and_then(Value::as_str).unwrap_or_default();
    let version = text
        .split_once('.')
        .and_then(|(major, minor)| Some((major.parse::<u32>().ok()?, minor.parse::<u32>().ok()?)));
    match version {
        Some((FORMAT_MAJOR, minor)) => {
            if minor > FORMAT_MINOR {
                problems.push(Problem::warning(
                    "",
                    "/format",
                    format!("Formatversion {text} ist neuer als {FORMAT_MAJOR}.{FORMAT_MINOR}: unbekannte Felder werden nicht angezeigt (unbekannte Felder von Einträgen bleiben für den Export erhalten)."),
                    format!("Format version {text} is newer than {FORMAT_MAJOR}.{FORMAT_MINOR}: unknown fields are not shown (unknown entry fields are kept for export)."),
                ));
            }
            Ok(text.to_owned())
        }
        Some((major, _)) if major > FORMAT_MAJOR => Err(document_error(
            "/format",
            format!("Formatversion {text} ist neuer als die unterstützte Version {FORMAT_MAJOR}.x und kann nicht gelesen werden; bitte Ankommen aktualisieren."),
            format!("Format version {text} is newer than the supported version {FORMAT_MAJOR}.x and cannot be read; please update Ankommen."),
        )),
        Some((major, _)) => Err(document_error(
            "/format",
            format!("Formatversion {text} wird nicht unterstützt; dieser Katalog braucht Version {FORMAT_MAJOR}.x."),
            format!("Format version {text} is not supported; this catalogue needs version {FORMAT_MAJOR}.x (major {major} is unknown)."),
        )),
        _ => Err(document_error(
            "/format",
            format!("Die Formatversion fehlt oder ist ungültig („{text}“); erwartet wird z. B. „{FORMAT_MAJOR}.{FORMAT_MINOR}“."),
            format!("The format version is missing or invalid (\"{text}\"); expected e.g. \"{FORMAT_MAJOR}.{FORMAT_MINOR}\"."),
        )),
    }
}

/// Who keeps the catalogue. Optional: a missing, broken or unusable maintainer is a warning,
/// never a reason to refuse the catalogue.
fn read_maintainer(
    doc: &BTreeMap<String, &RawValue>,
    problems: &mut Vec<Problem>,
) -> Option<Maintainer> {
    let text = doc.get("maintainer")?.get();
    let mut ignored = Vec::new();
    let maintainer = match read::<Option<Maintainer>>(text, "/maintainer", &mut ignored) {
        Ok(maintainer) => maintainer?,
        Err((pointer, message)) => {
            problems.push(Problem::warning(
                "",
                pointer,
                format!(
                    "Angaben zur Pflege des Katalogs werden ignoriert: {}",
                    german(&message)
                ),
                format!("Maintainer details are ignored: {message}"),
            ));
            return None;
        }
    };
    problems.extend(ignored.iter().map(|pointer| unknown_field("", pointer)));
    if !crate::validate::is_email(&maintainer.email) {
        problems.push(Problem::warning(
            "",
            "/maintainer/email",
            format!(
                "„{}“ ist keine gültige E-Mail-Adresse; „Falschen Eintrag melden“ wird nicht angeboten.",
                maintainer.email
            ),
            format!(
                "\"{}\" is not a valid email address; \"report a wrong entry\" is not offered.",
                maintainer.email
            ),
        ));
        return None;
    }
    Some(maintainer)
}

/// The region's own data: impossible bounds make every position wrong, so they refuse the
/// document; smaller slips are warnings.
fn check_region(region: &Region, problems: &mut Vec<Problem>) -> Result<(), Problem> {
    let b = region.bounds;
    let sane = (-90.0..=90.0).contains(&b.south)
        && (-90.0..=90.0).contains(&b.north)
        && (-180.0..=180.0).contains(&b.west)
        && (-180.0..=180.0).contains(&b.east)
        && b.south < b.north
        && b.west < b.east;
    if !sane {
        return Err(document_error(
            "/region/bounds",
            format!("Die Grenzen der Region sind unmöglich (Süd {} / Nord {}, West {} / Ost {}): Süden muss kleiner als Norden sein, Westen kleiner als Osten.", degrees(b.south), degrees(b.north), degrees(b.west), degrees(b.east)),
            format!("The region's bounds are impossible (south {} / north {}, west {} / east {}): south must be less than north, west less than east.", degrees(b.south), degrees(b.north), degrees(b.west), degrees(b.east)),
        ));
    }
    if !region.contains(region.center) {
        problems.push(Problem::warning(
            "",
            "/region/center",
            "Der Mittelpunkt der Karte liegt außerhalb der Region.".into(),
            "The map's centre is outside the region.".into(),
        ));
    }
    let keys = region.districts.keys().map(|k| ("districts", k, 5)).chain(
        region
            .municipalities
            .keys()
            .map(|k| ("municipalities", k, 8)),
    );
    for (list, key, digits) in keys {
        if key.len() != digits || !key.bytes().all(|b| b.is_ascii_digit()) {
            problems.push(Problem::warning(
                "",
                format!("/region/{list}/{key}"),
                format!("„{key}“ ist kein {digits}-stelliger Schlüssel (AGS)."),
                format!("\"{key}\" is not a key (AGS) of {digits} digits."),
            ));
        }
    }
    let texts = region
        .name
        .texts()
        .map(|(lang, text)| (format!("/region/name/{lang}"), text))
        .chain(
            region
                .districts
                .iter()
                .map(|(k, v)| (format!("/region/districts/{k}"), v.as_str())),
        )
        .chain(
            region
                .municipalities
                .iter()
                .map(|(k, m)| (format!("/region/municipalities/{k}/name"), m.name.as_str())),
        );
    for (pointer, text) in texts {
        if text.chars().any(crate::validate::is_forbidden_char) {
            return Err(document_error(
                &pointer,
                "Unerlaubte Steuer- oder Richtungszeichen in den Regionsangaben.".into(),
                "Forbidden control or direction characters in the region data.".into(),
            ));
        }
    }
    Ok(())
}

/// The German for serde's English shape messages, so German output stays German.
pub fn german(message: &str) -> String {
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return format!("Pflichtfeld „{field}“ fehlt");
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        return format!("falscher Typ: {found}, erwartet: {expected}");
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        return format!("unbekannter Wert {found}, erwartet: {expected}");
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        return format!("falsche Länge {rest}");
    }
    if let Some(rest) = message.strip_suffix(" is not a valid calendar date") {
        return format!("{rest} ist kein gültiges Datum");
    }
    if let Some(rest) = message.strip_suffix(" is not a date of the form YYYY-MM-DD") {
        return format!("{rest} ist kein Datum der Form JJJJ-MM-TT");
    }
    message.to_owned()
}

/// A top-level part that the document cannot do without.
fn read_part<T: DeserializeOwned>(
    doc: &BTreeMap<String, &RawValue>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Result<T, Problem> {
    let text = doc.get(key).map_or("null", |raw| raw.get());
    let mut ignored = Vec::new();
    let value = read(text, &format!("/{key}"), &mut ignored).map_err(|(pointer, message)| {
        document_error(
            &pointer,
            format!("„{key}“ fehlt oder ist ungültig: {}", german(&message)),
            format!("\"{key}\" is missing or invalid: {message}"),
        )
    })?;
    problems.extend(ignored.iter().map(|pointer| unknown_field("", pointer)));
    Ok(value)
}

/// Deserializes `text`, found at JSON pointer `base`. A failure names the offending field's
/// pointer; the pointers of fields the type does not know are collected in `ignored`.
fn read<T: DeserializeOwned>(
    text: &str,
    base: &str,
    ignored: &mut Vec<String>,
) -> Result<T, (String, String)> {
    let mut json = serde_json::Deserializer::from_str(text);
    let mut track = serde_path_to_error::Track::new();
    let result = {
        let tracked = serde_path_to_error::Deserializer::new(&mut json, &mut track);
        serde_ignored::deserialize(tracked, |path| {
            ignored.push(format!("{base}{}", ignored_pointer(&path)));
        })
    };
    result.map_err(|e| {
        let mut pointer = base.to_owned();
        for segment in track.path().iter() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => pointer += &format!("/{index}"),
                serde_path_to_error::Segment::Map { key } => pointer += &format!("/{key}"),
                serde_path_to_error::Segment::Enum { variant } => pointer += &format!("/{variant}"),
                serde_path_to_error::Segment::Unknown => {}
            }
        }
        let message = e.to_string();
        // serde reports a missing field at its parent; point at the field itself.
        if let Some(field) = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
        {
            pointer += &format!("/{field}");
        }
        // serde_json appends " at line 1 column 42": meaningless inside one entry.
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        (pointer, message)
    })
}

fn ignored_pointer(path: &serde_ignored::Path) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}/{index}", ignored_pointer(parent)),
        Path::Map { parent, key } => format!("{}/{key}", ignored_pointer(parent)),
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => ignored_pointer(parent),
    }
}

fn not_an_object() -> Problem {
    document_error(
        "",
        "Der Katalog muss ein JSON-Objekt sein.".into(),
        "The catalogue must be a JSON object.".into(),
    )
}

fn unknown_field(entry: &str, pointer: &str) -> Problem {
    Problem::warning(
        entry,
        pointer,
        "Unbekanntes Feld; es wird nicht angezeigt.".into(),
        "Unknown field; it is not shown.".into(),
    )
}

fn document_error(pointer: &str, de: String, en: String) -> Problem {
    Problem::error("", pointer, de, en)
}
