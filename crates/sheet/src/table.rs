//! Reading a spreadsheet file into rows of cells: CSV (`;` or `,`, UTF-8 or Windows-1252),
//! XLSX, XLS and ODS.

use ankommen_core::Date;
use calamine::{open_workbook_auto_from_rs, Data, Reader};
use std::io::Cursor;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(Date),
    Bool(bool),
}

impl Cell {
    /// The cell as text, the way a spreadsheet shows it (whole numbers without decimals).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_owned(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
            Cell::Bool(b) => if *b { "ja" } else { "nein" }.to_owned(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }
}

/// One sheet: its header row and the data rows below it.
#[derive(Debug, Clone)]
pub struct Table {
    pub sheet: String,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// The row number the spreadsheet program shows (the header is usually row 1).
    pub number: usize,
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn get(&self, index: usize) -> &Cell {
        self.cells.get(index).unwrap_or(&Cell::Empty)
    }
}

/// The file could not be read at all (exit code 2 in the CLI).
#[derive(Debug, Clone, PartialEq)]
pub struct TableError {
    pub message_de: String,
    pub message_en: String,
}

/// Reads the entries sheet of `bytes`; `name` (the file name) decides CSV or workbook.
pub fn read_table(bytes: &[u8], name: &str) -> Result<Table, TableError> {
    let lower = name.to_lowercase();
    if lower.ends_with(".csv") || lower.ends_with(".txt") {
        read_csv(bytes)
    } else {
        read_workbook(bytes)
    }
}

fn read_csv(bytes: &[u8]) -> Result<Table, TableError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Excel on German Windows saves "CSV" as Windows-1252; everything else is UTF-8.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    };
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| first_line.bytes().filter(|b| b == d).count())
        .unwrap_or(b';');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| TableError {
            message_de: format!("CSV-Zeile {} ist nicht lesbar: {e}", index + 1),
            message_en: format!("CSV line {} cannot be read: {e}", index + 1),
        })?;
        let cells = record
            .iter()
            .map(|field| {
                if field.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(field.to_owned())
                }
            })
            .collect();
        records.push(Row {
            number: index + 1,
            cells,
        });
    }
    into_table("CSV".into(), records)
}

fn read_workbook(bytes: &[u8]) -> Result<Table, TableError> {
    let unreadable = |e: String| TableError {
        message_de: format!("Die Datei ist keine lesbare Tabelle (XLSX, XLS, ODS oder CSV): {e}"),
        message_en: format!("The file is not a readable spreadsheet (XLSX, XLS, ODS or CSV): {e}"),
    };
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| unreadable(e.to_string()))?;
    let names = workbook.sheet_names();
    let sheet = names
        .iter()
        .find(|n| matches!(n.to_lowercase().as_str(), "einträge" | "entries"))
        .or(names.first())
        .cloned()
        .ok_or_else(|| unreadable("no sheet".into()))?;
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|e| unreadable(e.to_string()))?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let first_column = range.start().map_or(0, |(_, column)| column as usize);
    let rows = range
        .rows()
        .enumerate()
        .map(|(index, cells)| Row {
            number: first_row + index + 1,
            cells: std::iter::repeat_n(Cell::Empty, first_column)
                .chain(cells.iter().map(cell))
                .collect(),
        })
        .collect();
    into_table(sheet, rows)
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => excel_date(dt.as_f64()).map_or(Cell::Number(dt.as_f64()), Cell::Date),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| d.parse().ok())
            .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

/// An Excel serial day number (days since 1899-12-30) as a calendar date.
fn excel_date(serial: f64) -> Option<Date> {
    Date::from_days_since_epoch(serial.floor() as i64 - 25_569)
}

/// The first non-empty row is the header; empty rows are dropped.
fn into_table(sheet: String, rows: Vec<Row>) -> Result<Table, TableError> {
    let mut rows = rows
        .into_iter()
        .filter(|row| row.cells.iter().any(|c| !c.is_empty()));
    let header = rows.next().ok_or_else(|| TableError {
        message_de: format!("Das Blatt „{sheet}“ ist leer."),
        message_en: format!("The sheet \"{sheet}\" is empty."),
    })?;
    Ok(Table {
        headers: header.cells.iter().map(Cell::text).collect(),
        rows: rows.collect(),
        sheet,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolon_csv_in_windows_1252_with_german_umlauts() {
        // "Straße;Ort\nHauptstraße 1;Lüdenscheid" in Windows-1252.
        let mut bytes = b"Stra\xDFe;Ort\r\nHauptstra\xDFe 1;L\xFCdenscheid\r\n".to_vec();
        bytes.extend_from_slice(b"\r\n");
        let table = read_table(&bytes, "daten.CSV").unwrap();
        assert_eq!(table.headers, ["Straße", "Ort"]);
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].number, 2);
        assert_eq!(table.rows[0].get(1).text(), "Lüdenscheid");
    }

    #[test]
    fn comma_csv_in_utf8_with_bom_and_quoted_cells() {
        let bytes = "\u{FEFF}ID,Name (de)\na,\"Kita \"\"Sonne\"\", Olpe\"\n".as_bytes();
        let table = read_table(bytes, "x.csv").unwrap();
        assert_eq!(table.headers, ["ID", "Name (de)"]);
        assert_eq!(table.rows[0].get(1).text(), "Kita \"Sonne\", Olpe");
    }

    #[test]
    fn excel_serial_dates() {
        assert_eq!(excel_date(46_095.0), Date::new(2026, 3, 14));
        assert_eq!(excel_date(45_658.5), Date::new(2025, 1, 1));
    }

    #[test]
    fn a_file_that_is_no_spreadsheet_is_an_error() {
        assert!(read_table(b"PK\x03\x04 broken", "x.xlsx").is_err());
        assert!(read_table(b"", "x.csv").is_err());
    }
}
