//! The spreadsheet template: one column per catalogue field.
//!
//! Each column names the JSON pointer it fills inside an entry, so import and export are the
//! same table read in two directions, and a validation problem at `/entries/7/location/lat`
//! can be traced back to the column "Breitengrad".

/// How a cell's text becomes a JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Text,
    /// Decimal commas accepted (`51,03`).
    Number,
    /// `dd.mm.yyyy` or `yyyy-mm-dd`, or a spreadsheet date cell.
    Date,
    /// Several values separated by `,` or `;`.
    List,
    /// `ja`/`nein`, `yes`/`no`, `x`, `1`/`0`.
    Flag,
    /// One link per line: `Label | https://…`.
    Links,
}

#[derive(Debug)]
pub struct Column {
    /// Stable English identifier, accepted as a header.
    pub id: &'static str,
    /// The German header written into the template.
    pub header: &'static str,
    /// JSON pointer inside an entry.
    pub pointer: &'static str,
    pub shape: Shape,
    pub help_de: &'static str,
    pub help_en: &'static str,
}

macro_rules! columns {
    ($($id:literal, $header:literal, $pointer:literal, $shape:ident, $de:literal, $en:literal;)*) => {
        pub const COLUMNS: &[Column] = &[
            $(Column { id: $id, header: $header, pointer: $pointer, shape: Shape::$shape, help_de: $de, help_en: $en },)*
        ];
    };
}

columns! {
    "id", "ID", "/id", Text, "Eindeutige Kennung (Kleinbuchstaben, Ziffern, - _ .). Leer: wird aus dem Namen gebildet.", "Unique id (lower-case letters, digits, - _ .). Empty: made from the name.";
    "kind", "Art", "/kind", Text, "employer, opportunity, support, contact oder event", "employer, opportunity, support, contact or event";
    "category", "Kategorie", "/category", Text, "z. B. hospital, childcare, job_fair (siehe docs/catalog.md)", "e.g. hospital, childcare, job_fair (see docs/catalog.md)";
    "name_de", "Name (de)", "/name/de", Text, "Pflicht", "Required";
    "name_en", "Name (en)", "/name/en", Text, "Englischer Name", "English name";
    "description_de", "Beschreibung (de)", "/description/de", Text, "Kurzbeschreibung", "Short description";
    "description_en", "Beschreibung (en)", "/description/en", Text, "Englische Beschreibung", "English description";
    "professions", "Berufsgruppen", "/professions", List, "doctor, nurse, therapist, pharmacist, medical_assistant, student; leer = alle", "doctor, nurse, …; empty = all";
    "district", "Kreis (AGS)", "/district", Text, "5-stelliger Kreisschlüssel, z. B. 05966. Leer: aus Gemeinde oder PLZ.", "5-digit district key. Empty: from municipality or postcode.";
    "municipality", "Gemeinde (AGS)", "/municipality", Text, "8-stelliger Gemeindeschlüssel, z. B. 05966024", "8-digit municipality key";
    "lat", "Breitengrad", "/location/lat", Number, "z. B. 51,03. Leer: aus PLZ oder Gemeinde (ungefähr).", "e.g. 51.03. Empty: from postcode or municipality (approximate).";
    "lon", "Längengrad", "/location/lon", Number, "z. B. 7,85", "e.g. 7.85";
    "area", "Gebiet", "/area", Text, "district oder region, für Angebote ohne Adresse", "district or region, for offers without an address";
    "street", "Straße", "/address/street", Text, "", "";
    "postcode", "PLZ", "/address/postcode", Text, "", "";
    "city", "Ort", "/address/city", Text, "", "";
    "website", "Website", "/website", Text, "https://…", "https://…";
    "links", "Weitere Links", "/links", Links, "Je Zeile: Bezeichnung | https://…", "One per line: label | https://…";
    "contact_name", "Ansprechstelle", "/contact/name", Text, "Stelle oder Funktion, keine Privatperson", "Office or role, not a private person";
    "phone", "Telefon", "/contact/phone", Text, "z. B. 02761 81-0", "e.g. +49 2761 81-0";
    "email", "E-Mail", "/contact/email", Text, "", "";
    "languages", "Sprachen", "/contact/languages", List, "de, en, pl, …", "de, en, pl, …";
    "opening_hours_de", "Öffnungszeiten (de)", "/contact/opening_hours/de", Text, "", "";
    "opening_hours_en", "Öffnungszeiten (en)", "/contact/opening_hours/en", Text, "", "";
    "tags", "Schlagwörter", "/tags", List, "durch Komma getrennt", "comma-separated";
    "valid_from", "Gültig ab", "/valid/from", Date, "TT.MM.JJJJ", "dd.mm.yyyy";
    "valid_until", "Gültig bis", "/valid/until", Date, "TT.MM.JJJJ; danach ausgeblendet", "dd.mm.yyyy; hidden afterwards";
    "event_start", "Beginn", "/event/start", Date, "Pflicht bei Veranstaltungen", "Required for events";
    "event_end", "Ende", "/event/end", Date, "", "";
    "event_place", "Veranstaltungsort", "/event/place", Text, "", "";
    "registration", "Anmeldung", "/event/registration", Text, "https://… oder mailto:…", "https://… or mailto:…";
    "funding_amount_eur", "Förderbetrag (EUR)", "/funding/amount_eur", Number, "ganze Euro", "whole euros";
    "funding_conditions_de", "Förderbedingungen (de)", "/funding/conditions/de", Text, "", "";
    "funding_conditions_en", "Förderbedingungen (en)", "/funding/conditions/en", Text, "", "";
    "source_name", "Quelle", "/source/name", Text, "", "";
    "source_url", "Quelle (URL)", "/source/url", Text, "", "";
    "checked", "Geprüft am", "/source/checked", Date, "TT.MM.JJJJ", "dd.mm.yyyy";
    "illustrative", "Beispiel", "/illustrative", Flag, "ja, wenn der Eintrag nur ein Beispiel ist", "yes if the entry is only an example";
    "approximate", "Lage ungefähr", "/approximate", Flag, "wird beim Import gesetzt, wenn die Lage aus PLZ/Gemeinde stammt", "set by the import when the position comes from postcode/town";
}

/// The column a header names: its id or German header, ignoring case and surrounding spaces.
pub fn by_header(header: &str) -> Option<&'static Column> {
    let header = header.trim();
    COLUMNS.iter().find(|c| {
        c.id.eq_ignore_ascii_case(header) || c.header.to_lowercase() == header.to_lowercase()
    })
}

/// The column that holds the field at `pointer` (relative to the entry), if any.
pub fn for_pointer(pointer: &str) -> Option<&'static Column> {
    COLUMNS
        .iter()
        .find(|c| c.pointer == pointer)
        .or_else(|| {
            // A problem about a whole object (`/location`) belongs to its first column.
            COLUMNS
                .iter()
                .find(|c| c.pointer.starts_with(&format!("{pointer}/")))
        })
        .or_else(|| {
            // A problem inside a list (`/professions/1`) belongs to the list's column.
            COLUMNS
                .iter()
                .filter(|c| pointer.starts_with(&format!("{}/", c.pointer)))
                .max_by_key(|c| c.pointer.len())
        })
}

/// Spreadsheet column letters for a zero-based index: 0 → A, 26 → AA.
pub fn letters(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_found_by_id_or_german_name_in_any_case() {
        assert_eq!(by_header(" breitengrad ").map(|c| c.id), Some("lat"));
        assert_eq!(by_header("LAT").map(|c| c.id), Some("lat"));
        assert_eq!(
            by_header("Öffnungszeiten (DE)").map(|c| c.id),
            Some("opening_hours_de")
        );
        assert!(by_header("Lieblingsfarbe").is_none());
    }

    #[test]
    fn problem_pointers_lead_to_their_column() {
        assert_eq!(for_pointer("/location/lat").map(|c| c.id), Some("lat"));
        assert_eq!(for_pointer("/location").map(|c| c.id), Some("lat"));
        assert_eq!(
            for_pointer("/professions/1").map(|c| c.id),
            Some("professions")
        );
        assert_eq!(for_pointer("/links/0/url").map(|c| c.id), Some("links"));
        assert_eq!(for_pointer("/name/de").map(|c| c.id), Some("name_de"));
    }

    #[test]
    fn column_letters() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
    }
}
