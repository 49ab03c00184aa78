//! Writing spreadsheets and GeoJSON: the blank template (with one example row per kind) and
//! an existing catalogue, so maintainers edit what exists instead of starting blank.

use crate::columns::{Shape, COLUMNS};
use ankommen_core::{Catalog, Category, Entry, Kind, Profession};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde_json::{json, Value};

/// One example entry per kind, written into the template (and used by the round-trip test).
pub fn example_entries() -> Vec<Value> {
    vec![
        json!({"id": "beispiel-krankenhaus", "kind": "employer", "category": "hospital",
            "name": {"de": "Beispiel-Krankenhaus Olpe", "en": "Example hospital Olpe"},
            "description": {"de": "Ein Krankenhaus der Grundversorgung (Beispielzeile, bitte ersetzen).", "en": "A general hospital (example row, please replace)."},
            "professions": ["doctor", "nurse", "therapist"], "district": "05966", "municipality": "05966024",
            "location": {"lat": 51.0276, "lon": 7.8436}, "address": {"street": "Musterstraße 1", "postcode": "57462", "city": "Olpe"},
            "website": "https://www.example.org/krankenhaus", "tags": ["Pflege", "Innere Medizin"],
            "source": {"name": "Beispiel", "checked": "2026-11-24"}, "illustrative": true}),
        json!({"id": "beispiel-praxisuebernahme", "kind": "opportunity", "category": "practice_takeover",
            "name": {"de": "Hausarztpraxis zur Übernahme", "en": "GP practice to take over"},
            "professions": ["doctor"], "district": "05974", "address": {"postcode": "59494", "city": "Soest"},
            "valid": {"until": "2027-12-31"}, "illustrative": true}),
        json!({"id": "beispiel-kita-24h", "kind": "support", "category": "childcare",
            "name": {"de": "24-Stunden-Kita", "en": "24-hour daycare"},
            "description": {"de": "Betreuung auch nachts und am Wochenende, für Kinder von Schichtdienstleistenden.", "en": "Care at night and at weekends, for children of shift workers."},
            "district": "05962", "municipality": "05962032", "location": {"lat": 51.2158, "lon": 7.6336},
            "contact": {"name": "Kita-Leitung", "email": "kita@example.org", "languages": ["de", "en"],
                "opening_hours": {"de": "Mo–So 0–24 Uhr", "en": "Mon–Sun, 24 hours"}}, "illustrative": true}),
        json!({"id": "beispiel-servicestelle", "kind": "contact", "category": "service_point",
            "name": {"de": "Servicestelle Ärztinnen und Ärzte", "en": "Service point for doctors"},
            "professions": ["doctor", "student"], "district": "05966", "area": "district",
            "contact": {"name": "Wirtschaftsförderung", "phone": "+49 2761 00000", "email": "service@example.org", "languages": ["de", "en"]},
            "links": [{"label": {"de": "Förderprogramme"}, "url": "https://www.example.org/foerderung"}], "illustrative": true}),
        json!({"id": "beispiel-jobmesse", "kind": "event", "category": "job_fair",
            "name": {"de": "Messe für Gesundheitsberufe", "en": "Health careers fair"},
            "district": "05554", "municipality": "05554032", "location": {"lat": 51.8335, "lon": 6.4633},
            "event": {"start": "2027-03-13", "end": "2027-03-13", "place": "Stadthalle", "registration": "https://www.example.org/messe"},
            "illustrative": true}),
    ]
}

/// The cells of one entry in template column order, as text.
pub fn entry_row(entry: &Value) -> Vec<String> {
    COLUMNS
        .iter()
        .map(|column| {
            let Some(value) = entry.pointer(column.pointer) else {
                return String::new();
            };
            match (column.shape, value) {
                (Shape::Number, Value::Number(n)) => n.to_string().replace('.', ","),
                (Shape::Date, Value::String(iso)) => german_date(iso),
                (Shape::Flag, Value::Bool(b)) => if *b { "ja" } else { "" }.to_owned(),
                (Shape::List, Value::Array(items)) => items
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", "),
                (Shape::Links, Value::Array(links)) => links
                    .iter()
                    .map(|l| {
                        let label = l
                            .pointer("/label/de")
                            .and_then(Value::as_str)
                            .unwrap_or_default();
                        let url = l.get("url").and_then(Value::as_str).unwrap_or_default();
                        format!("{label} | {url}")
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                (_, Value::String(s)) => s.clone(),
                (_, other) => other.to_string(),
            }
        })
        .collect()
}

fn german_date(iso: &str) -> String {
    match iso.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, d] => format!("{d}.{m}.{y}"),
        _ => iso.to_owned(),
    }
}

/// The template as CSV: `;`-separated UTF-8 with a byte-order mark, which Excel in a German
/// locale opens correctly.
pub fn template_csv() -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let _ = writer.write_record(COLUMNS.iter().map(|c| c.header));
    for entry in example_entries() {
        let _ = writer.write_record(entry_row(&entry));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8_lossy(&bytes))
}

/// The template as XLSX: the entries sheet with example rows, and sheets explaining the
/// columns and listing the valid values.
pub fn template_xlsx() -> Result<Vec<u8>, XlsxError> {
    workbook(&example_entries())
}

/// An existing catalogue written into the template, to edit and import again.
pub fn catalog_xlsx(catalog: &Catalog) -> Result<Vec<u8>, XlsxError> {
    let entries: Vec<Value> = catalog
        .entries
        .iter()
        .map(|e| serde_json::to_value(e).unwrap_or_default())
        .collect();
    workbook(&entries)
}

fn workbook(entries: &[Value]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name("Einträge")?;
    for (col, column) in COLUMNS.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, column.header, &bold)?;
        sheet.set_column_width(col, 18)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (row, entry) in entries.iter().enumerate() {
        for (col, text) in entry_row(entry).iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string(row as u32 + 1, col as u16, text)?;
            }
        }
    }

    let help = book.add_worksheet();
    help.set_name("Hinweise")?;
    for (col, title) in ["Spalte", "ID (englisch)", "Hinweis", "Note"]
        .iter()
        .enumerate()
    {
        help.write_string_with_format(0, col as u16, *title, &bold)?;
    }
    for (row, column) in COLUMNS.iter().enumerate() {
        let row = row as u32 + 1;
        help.write_string(row, 0, column.header)?;
        help.write_string(row, 1, column.id)?;
        help.write_string(row, 2, column.help_de)?;
        help.write_string(row, 3, column.help_en)?;
    }
    help.set_column_width(0, 24)?;
    help.set_column_width(2, 60)?;
    help.set_column_width(3, 60)?;

    let values = book.add_worksheet();
    values.set_name("Werte")?;
    let lists: [(&str, Vec<(&str, &str)>); 3] = [
        (
            "Art / kind",
            Kind::ALL
                .iter()
                .map(|k| (k.as_str(), k.label("de")))
                .collect(),
        ),
        (
            "Kategorie / category",
            Category::ALL
                .iter()
                .map(|c| (c.as_str(), c.label("de")))
                .collect(),
        ),
        (
            "Berufsgruppen / professions",
            Profession::ALL
                .iter()
                .map(|p| (p.as_str(), p.label("de")))
                .collect(),
        ),
    ];
    for (i, (title, items)) in lists.iter().enumerate() {
        let col = (i * 2) as u16;
        values.write_string_with_format(0, col, *title, &bold)?;
        values.set_column_width(col, 22)?;
        values.set_column_width(col + 1, 30)?;
        for (row, (id, label)) in items.iter().enumerate() {
            values.write_string(row as u32 + 1, col, *id)?;
            values.write_string(row as u32 + 1, col + 1, *label)?;
        }
    }
    book.save_to_buffer()
}

/// The catalogue as a GeoJSON FeatureCollection: one feature per entry, its point as the
/// geometry (`null` for area entries) and every other field as properties, and the document
/// fields in the member `ankommen`, so the file is itself a catalogue source (docs/catalog.md).
pub fn geojson(catalog: &Catalog) -> Value {
    let features: Vec<Value> = catalog.entries.iter().map(feature).collect();
    let mut head = serde_json::to_value(catalog).unwrap_or_default();
    if let Some(map) = head.as_object_mut() {
        map.remove("entries");
    }
    json!({"type": "FeatureCollection", "ankommen": head, "features": features})
}

fn feature(entry: &Entry) -> Value {
    let mut properties = serde_json::to_value(entry).unwrap_or_default();
    if let Some(map) = properties.as_object_mut() {
        map.remove("location");
    }
    let geometry = entry.location.map_or(
        Value::Null,
        |p| json!({"type": "Point", "coordinates": [p.lon, p.lat]}),
    );
    json!({"type": "Feature", "id": entry.id, "geometry": geometry, "properties": properties})
}
