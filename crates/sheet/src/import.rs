//! Rows of a spreadsheet to a validated catalogue.
//!
//! Each row becomes an entry through the column template; gaps a maintainer typically leaves
//! (district key, coordinates, id) are filled where the data allows and flagged. The result
//! goes through the same validation as any catalogue, and every problem is traced back to its
//! sheet, row and column.

use crate::columns::{self, Column, Shape};
use crate::gazetteer::gazetteer;
use crate::table::{Cell, Row, Table};
use ankommen_core::parse::{entry_index, parse_value};
use ankommen_core::{Catalog, Date, Problem, Severity};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashSet};
use std::fmt;

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Decides which validity windows are in the past; never read from a clock here.
    pub today: Option<Date>,
    /// The catalogue's `region` object; derived from the rows' districts when absent.
    pub region: Option<Value>,
    pub maintainer: Option<Value>,
}

#[derive(Debug, Clone)]
pub struct ImportReport {
    /// The catalogue with every valid row; `None` only when the whole document is unusable.
    pub catalog: Option<Catalog>,
    pub problems: Vec<SheetProblem>,
    pub rows: usize,
}

impl ImportReport {
    /// How many rows were left out: those with at least one error.
    pub fn skipped_rows(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .filter_map(|p| p.row)
            .collect::<HashSet<_>>()
            .len()
    }

    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }
}

/// A problem located the way a spreadsheet user finds it.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetProblem {
    pub severity: Severity,
    pub sheet: String,
    /// Spreadsheet row number; `None` for problems of the whole document.
    pub row: Option<usize>,
    /// Column header and letter, e.g. `Breitengrad (K)`.
    pub column: Option<String>,
    pub entry: String,
    pub message_de: String,
    pub message_en: String,
}

impl fmt::Display for SheetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}", self.sheet)?;
        if let Some(row) = self.row {
            write!(f, " row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, " column {column}")?;
        }
        let entry = if self.entry.is_empty() {
            "-"
        } else {
            &self.entry
        };
        write!(f, "  {entry}  {severity}: {}", self.message_en)
    }
}

struct Located {
    row: usize,
    column: Option<usize>,
    problem: Problem,
}

/// Imports a table read by [`crate::read_table`].
pub fn import(table: &Table, options: &ImportOptions) -> ImportReport {
    let today = options.today.unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    });
    let layout: Vec<Option<&'static Column>> = table
        .headers
        .iter()
        .map(|h| columns::by_header(h))
        .collect();
    let mut located = Vec::new();
    let header_row = table
        .rows
        .first()
        .map_or(1, |r| r.number.saturating_sub(1).max(1));
    for (index, (header, column)) in table.headers.iter().zip(&layout).enumerate() {
        if column.is_none() && !header.is_empty() {
            located.push(Located {
                row: header_row,
                column: Some(index),
                problem: Problem::warning(
                    "",
                    "",
                    format!("Unbekannte Spalte „{header}“ wird ignoriert."),
                    format!("Unknown column \"{header}\" is ignored."),
                ),
            });
        }
    }

    let mut entries = Vec::with_capacity(table.rows.len());
    let mut ids = HashSet::new();
    // Rows with a cell that could not be read: validated with the rest, but never written,
    // because an entry without its (say) expiry date would be wrong, not just incomplete.
    let mut failed = HashSet::new();
    for (index, row) in table.rows.iter().enumerate() {
        let mut notes = Vec::new();
        let mut entry = row_to_entry(row, &layout, &mut notes);
        fill_gaps(&mut entry, &mut ids, &mut notes);
        let id = text_at(&entry, &["id"]).unwrap_or_default().to_owned();
        if notes.iter().any(|(_, p)| p.severity == Severity::Error) {
            failed.insert(index);
        }
        for (column, mut problem) in notes {
            if problem.entry.is_empty() {
                problem.entry.clone_from(&id);
            }
            let column =
                column.and_then(|id| layout.iter().position(|c| c.is_some_and(|c| c.id == id)));
            located.push(Located {
                row: row.number,
                column,
                problem,
            });
        }
        entries.push(Value::Object(entry));
    }

    let region = options
        .region
        .clone()
        .unwrap_or_else(|| derive_region(&entries));
    let mut doc = json!({
        "format": format!("{}.{}", ankommen_core::FORMAT_MAJOR, ankommen_core::FORMAT_MINOR),
        "updated": today.to_string(),
        "region": region,
        "entries": entries,
    });
    if let Some(maintainer) = &options.maintainer {
        doc["maintainer"] = maintainer.clone();
    }

    let mut problems: Vec<SheetProblem> = located
        .into_iter()
        .map(|l| locate(table, &layout, Some(l.row), l.column, l.problem))
        .collect();
    let catalog = match parse_value(doc, today) {
        Ok(mut parsed) => {
            // Which entry indices the parser kept, to find the rows behind them.
            let parsed_errors: HashSet<usize> = parsed
                .problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .filter_map(|p| entry_index(&p.pointer))
                .collect();
            for problem in std::mem::take(&mut parsed.problems) {
                let (row, column) = position(table, &layout, &problem.pointer);
                problems.push(locate(table, &layout, row, column, problem));
            }
            drop_failed_rows(&mut parsed.catalog.entries, &parsed_errors, &failed);
            Some(parsed.catalog)
        }
        Err(problem) => {
            problems.push(locate(table, &layout, None, None, problem));
            None
        }
    };
    problems.sort_by_key(|p| (p.row.unwrap_or(0), p.severity == Severity::Warning));
    ImportReport {
        catalog,
        problems,
        rows: table.rows.len(),
    }
}

/// Removes the entries of rows with unreadable cells. The parser keeps entries in row order
/// and drops exactly those with errors, so the kept entries line up with the rows without.
fn drop_failed_rows(
    entries: &mut Vec<ankommen_core::Entry>,
    errors: &HashSet<usize>,
    failed: &HashSet<usize>,
) {
    let mut kept_rows = (0..).filter(|row| !errors.contains(row));
    entries.retain(|_| kept_rows.next().is_some_and(|row| !failed.contains(&row)));
}

/// Which row and column a validation pointer (`/entries/4/location/lat`) came from.
fn position(
    table: &Table,
    layout: &[Option<&Column>],
    pointer: &str,
) -> (Option<usize>, Option<usize>) {
    let Some(rest) = pointer.strip_prefix("/entries/") else {
        return (None, None);
    };
    let (index, field) = rest.split_once('/').map_or((rest, ""), |(i, f)| (i, f));
    let row = index
        .parse::<usize>()
        .ok()
        .and_then(|i| table.rows.get(i))
        .map(|r| r.number);
    let column = columns::for_pointer(&format!("/{field}"))
        .and_then(|c| layout.iter().position(|l| l.is_some_and(|l| l.id == c.id)));
    (row, column)
}

fn locate(
    table: &Table,
    layout: &[Option<&Column>],
    row: Option<usize>,
    column: Option<usize>,
    p: Problem,
) -> SheetProblem {
    let _ = layout;
    SheetProblem {
        severity: p.severity,
        sheet: table.sheet.clone(),
        row,
        column: column.map(|i| format!("{} ({})", table.headers[i], columns::letters(i))),
        entry: p.entry,
        message_de: p.message_de,
        message_en: p.message_en,
    }
}

type Notes = Vec<(Option<&'static str>, Problem)>;

fn row_to_entry(
    row: &Row,
    layout: &[Option<&'static Column>],
    notes: &mut Notes,
) -> Map<String, Value> {
    let mut entry = Map::new();
    for (index, column) in layout.iter().enumerate() {
        let Some(column) = column else { continue };
        let cell = row.get(index);
        if cell.is_empty() {
            continue;
        }
        match cell_value(column, cell) {
            Ok(value) => set(&mut entry, column.pointer, value),
            Err((de, en)) => notes.push((Some(column.id), Problem::error("", "", de, en))),
        }
    }
    entry
}

/// One cell as the JSON value its column expects; `Err` holds a German and English message.
fn cell_value(column: &Column, cell: &Cell) -> Result<Value, (String, String)> {
    let text = cell.text();
    match column.shape {
        Shape::Text => Ok(Value::String(match (column.id, cell) {
            // Keys and postcodes typed as numbers lose their leading zeros.
            ("district", Cell::Number(_)) => format!("{text:0>5}"),
            ("municipality", Cell::Number(_)) => format!("{text:0>8}"),
            ("postcode", Cell::Number(_)) => format!("{text:0>5}"),
            _ => text,
        })),
        Shape::Number => {
            let number = match cell {
                Cell::Number(n) => Some(*n),
                // "50.000" is fifty thousand euros, not fifty.
                _ if column.id == "funding_amount_eur" => parse_decimal(&strip_thousands(&text)),
                _ => parse_decimal(&text),
            };
            let Some(number) = number else {
                return Err((
                    format!("„{text}“ ist keine Zahl."),
                    format!("\"{text}\" is not a number."),
                ));
            };
            if column.id == "funding_amount_eur" {
                if number.fract() != 0.0 || number < 0.0 {
                    return Err((
                        format!("„{text}“ ist kein ganzer Euro-Betrag."),
                        format!("\"{text}\" is not a whole number of euros."),
                    ));
                }
                return Ok(json!(number as u64));
            }
            Ok(json!(number))
        }
        Shape::Date => match cell {
            Cell::Date(d) => Ok(Value::String(d.to_string())),
            _ => Date::parse_lenient(&text)
                .map(|d| Value::String(d.to_string()))
                .ok_or_else(|| {
                    (
                        format!("„{text}“ ist kein Datum (TT.MM.JJJJ)."),
                        format!("\"{text}\" is not a date (dd.mm.yyyy)."),
                    )
                }),
        },
        Shape::List => Ok(Value::Array(
            text.split([',', ';', '\n'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_owned()))
                .collect(),
        )),
        Shape::Flag => match text.to_lowercase().as_str() {
            "ja" | "j" | "yes" | "y" | "x" | "1" | "true" | "wahr" => Ok(Value::Bool(true)),
            "nein" | "n" | "no" | "0" | "false" | "falsch" | "-" => Ok(Value::Bool(false)),
            _ => Err((
                format!("„{text}“ ist weder „ja“ noch „nein“."),
                format!("\"{text}\" is neither \"yes\" nor \"no\"."),
            )),
        },
        Shape::Links => Ok(Value::Array(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|line| {
                    let (label, url) = line.rsplit_once('|').unwrap_or((line, line));
                    json!({"label": {"de": label.trim()}, "url": url.trim()})
                })
                .collect(),
        )),
    }
}

/// `51,03`, `51.03`, `1.234,5` (German thousands) and `1,234.5` all read as numbers.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let t = text.trim().replace([' ', '\u{a0}'], "");
    let normalized = match (t.rfind(','), t.rfind('.')) {
        (Some(c), Some(d)) if c > d => t.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => t.replace(',', ""),
        (Some(_), None) => t.replace(',', "."),
        _ => t,
    };
    normalized.parse().ok().filter(|n: &f64| n.is_finite())
}

/// Removes German thousands dots (`50.000`, `1.250.000`); other text is returned as it is.
fn strip_thousands(text: &str) -> String {
    let t = text.trim();
    let mut groups = t.split('.');
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    let rest: Vec<&str> = groups.collect();
    let grouped = !rest.is_empty()
        && rest.iter().all(|g| {
            let digits = g.split(',').next().unwrap_or_default();
            digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit())
        });
    if first_ok && grouped {
        t.replace('.', "")
    } else {
        t.to_owned()
    }
}

/// Sets `value` at a JSON pointer inside `entry`, creating objects on the way.
fn set(entry: &mut Map<String, Value>, pointer: &str, value: Value) {
    let mut parts = pointer.trim_start_matches('/').split('/').peekable();
    let mut target = entry;
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            target.insert(part.to_owned(), value);
            return;
        }
        let next = target
            .entry(part.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        if !next.is_object() {
            *next = Value::Object(Map::new());
        }
        let Value::Object(map) = next else { return };
        target = map;
    }
}

fn text_at<'a>(entry: &'a Map<String, Value>, path: &[&str]) -> Option<&'a str> {
    let mut value = entry.get(path[0])?;
    for key in &path[1..] {
        value = value.get(key)?;
    }
    value.as_str().filter(|s| !s.trim().is_empty())
}

/// Fills what a row may leave empty: the id (from the name), the municipality (from a
/// unique town name), the district (from municipality or postcode) and coordinates (from
/// postcode or municipality, flagged approximate). Notes carry the entry's id.
fn fill_gaps(entry: &mut Map<String, Value>, ids: &mut HashSet<String>, notes: &mut Notes) {
    let g = gazetteer();
    if text_at(entry, &["id"]).is_none() {
        if let Some(name) = text_at(entry, &["name", "de"]) {
            let base = slug(name);
            let mut id = base.clone();
            let mut n = 2;
            while ids.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            notes.push((
                Some("id"),
                Problem::warning(
                    &id,
                    "",
                    format!("Keine ID: „{id}“ aus dem Namen gebildet. Tragen Sie sie ein, damit Links auf den Eintrag stabil bleiben."),
                    format!("No id: \"{id}\" made from the name. Enter it in the sheet so links to the entry stay stable."),
                ),
            ));
            entry.insert("id".into(), Value::String(id));
        }
    }
    let id = text_at(entry, &["id"]).unwrap_or_default().to_owned();
    ids.insert(id.clone());
    let postcode = text_at(entry, &["address", "postcode"]).map(str::to_owned);
    let city = text_at(entry, &["address", "city"]).map(str::to_owned);
    if text_at(entry, &["municipality"]).is_none() {
        if let Some(city) = &city {
            let district = text_at(entry, &["district"]).unwrap_or_default();
            let matches: Vec<_> = g
                .municipalities_named(city)
                .into_iter()
                .filter(|m| m.key.starts_with(district))
                .collect();
            if let [only] = matches.as_slice() {
                entry.insert("municipality".into(), Value::String(only.key.clone()));
            }
        }
    }
    if text_at(entry, &["district"]).is_none() {
        // Only a well-formed key: a cell of eight bytes may hold multi-byte characters, and
        // slicing those would panic (found by crates/sheet/tests/fuzz.rs).
        let from_municipality = text_at(entry, &["municipality"])
            .filter(|m| m.len() == 8 && m.bytes().all(|b| b.is_ascii_digit()))
            .map(|m| m[..5].to_owned());
        let from_postcode = postcode
            .as_deref()
            .and_then(|p| g.postcode(p))
            .map(|p| p.key.clone());
        if let Some(district) = from_municipality.or(from_postcode) {
            entry.insert("district".into(), Value::String(district));
        }
    }
    if !entry.contains_key("location") && !entry.contains_key("area") {
        let from_postcode = postcode.as_deref().and_then(|code| {
            let place = g.postcode(code)?;
            Some((
                place.location,
                format!("PLZ {code}"),
                format!("postcode {code}"),
            ))
        });
        let from_municipality = || {
            let m = g.municipality(text_at(entry, &["municipality"])?)?;
            Some((
                m.location,
                format!("Gemeinde {}", m.name),
                format!("municipality {}", m.name),
            ))
        };
        if let Some((location, de, en)) = from_postcode.or_else(from_municipality) {
            entry.insert(
                "location".into(),
                json!({"lat": location.lat, "lon": location.lon}),
            );
            entry.insert("approximate".into(), Value::Bool(true));
            notes.push((
                Some("lat"),
                Problem::warning(
                    &id,
                    "",
                    format!("Keine Koordinaten: ungefähre Lage aus {de} ergänzt."),
                    format!("No coordinates: approximate position filled in from {en}."),
                ),
            ));
        }
    }
}

/// `Kita „Sonnenschein“ Olpe` → `kita-sonnenschein-olpe`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for ch in name.to_lowercase().chars() {
        match ch {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    out.trim_end_matches('-').chars().take(60).collect()
}

/// A region for the districts the rows name, with bounds around their municipalities.
fn derive_region(entries: &[Value]) -> Value {
    let g = gazetteer();
    let mut districts = BTreeMap::new();
    let mut municipalities = BTreeMap::new();
    let mut points = Vec::new();
    for entry in entries {
        if let Some(d) = entry
            .get("district")
            .and_then(Value::as_str)
            .filter(|d| d.len() == 5)
        {
            districts
                .entry(d.to_owned())
                .or_insert_with(|| g.district_name(d).unwrap_or(d).to_owned());
        }
        if let Some(m) = entry
            .get("municipality")
            .and_then(Value::as_str)
            .and_then(|m| g.municipality(m))
        {
            municipalities.insert(
                m.key.clone(),
                json!({"name": m.name, "location": {"lat": m.location.lat, "lon": m.location.lon}}),
            );
        }
        if let Some(p) = entry.get("location") {
            if let (Some(lat), Some(lon)) = (
                p.get("lat").and_then(Value::as_f64),
                p.get("lon").and_then(Value::as_f64),
            ) {
                points.push((lat, lon));
            }
        }
    }
    // Bounds come from the districts' own municipalities, so a wrong (say, swapped) position
    // in a row still falls outside and is reported; entry points only where the gazetteer
    // knows none of the districts.
    let known: Vec<(f64, f64)> = districts
        .keys()
        .flat_map(|d| g.municipalities_in(d))
        .map(|m| (m.location.lat, m.location.lon))
        .collect();
    if !known.is_empty() {
        points = known;
    }
    let (mut south, mut west, mut north, mut east) = (90.0f64, 180.0f64, -90.0f64, -180.0f64);
    for (lat, lon) in &points {
        south = south.min(*lat);
        north = north.max(*lat);
        west = west.min(*lon);
        east = east.max(*lon);
    }
    if points.is_empty() {
        (south, west, north, east) = (47.2, 5.8, 55.1, 15.1); // Germany
    }
    let margin = 0.1;
    json!({
        "name": {"de": "Importierter Katalog", "en": "Imported catalogue"},
        "bounds": {"south": south - margin, "west": west - margin, "north": north + margin, "east": east + margin},
        "center": {"lat": (south + north) / 2.0, "lon": (west + east) / 2.0},
        "districts": districts,
        "municipalities": municipalities,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_in_german_and_english_notation() {
        assert_eq!(parse_decimal("51,03"), Some(51.03));
        assert_eq!(parse_decimal("51.03"), Some(51.03));
        assert_eq!(parse_decimal("1.234,5"), Some(1234.5));
        assert_eq!(parse_decimal("1,234.5"), Some(1234.5));
        assert_eq!(parse_decimal("15 000"), Some(15000.0));
        assert_eq!(parse_decimal("Nord"), None);
    }

    #[test]
    fn german_thousands_in_amounts() {
        assert_eq!(strip_thousands("50.000"), "50000");
        assert_eq!(strip_thousands("1.250.000,00"), "1250000,00");
        assert_eq!(strip_thousands("51.03"), "51.03");
        assert_eq!(strip_thousands("15000"), "15000");
    }

    #[test]
    fn slugs_are_ascii_and_readable() {
        assert_eq!(
            slug("Kita „Sonnenschein“ Lüdenscheid"),
            "kita-sonnenschein-luedenscheid"
        );
        assert_eq!(slug("  24h-Kita!  "), "24h-kita");
    }
}
