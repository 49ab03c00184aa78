//! Reading a dropped file in the browser and checking it with the core and the spreadsheet
//! importer: the same code and messages as `ankommen-catalog validate` and `import`.

use ankommen::fetch::today;
use ankommen_core::{parse_catalog, Catalog, Problem, Severity};
use ankommen_sheet::{import, read_table, ImportOptions};
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

/// One line of the validation report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRow {
    pub severity: Severity,
    pub entry: String,
    /// A JSON pointer for catalogues; sheet, row and column for spreadsheets.
    pub place: String,
    pub message_de: String,
    pub message_en: String,
}

impl From<Problem> for ReportRow {
    fn from(p: Problem) -> Self {
        ReportRow {
            severity: p.severity,
            entry: p.entry,
            place: p.pointer,
            message_de: p.message_de,
            message_en: p.message_en,
        }
    }
}

#[derive(Debug, Clone)]
pub enum Loaded {
    /// The file could not be read at all.
    Unreadable {
        name: String,
        message_de: String,
        message_en: String,
    },
    Checked {
        name: String,
        /// `None` when the document as a whole is unusable.
        catalog: Option<Box<Catalog>>,
        rows: Vec<ReportRow>,
        skipped: usize,
    },
}

pub async fn read_file(file: File) -> Loaded {
    let name = file.name();
    let bytes = match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
        Err(_) => {
            return Loaded::Unreadable {
                name,
                message_de: "Die Datei konnte nicht gelesen werden.".into(),
                message_en: "The file could not be read.".into(),
            }
        }
    };
    if name.to_lowercase().ends_with(".json") {
        check_catalog(name, &bytes)
    } else {
        check_sheet(name, &bytes)
    }
}

fn check_catalog(name: String, bytes: &[u8]) -> Loaded {
    let text = String::from_utf8_lossy(bytes);
    match parse_catalog(&text, today()) {
        Ok(parsed) => {
            let skipped = parsed.skipped();
            let rows: Vec<ReportRow> = parsed.problems.into_iter().map(ReportRow::from).collect();
            Loaded::Checked {
                name,
                catalog: Some(Box::new(parsed.catalog)),
                rows,
                skipped,
            }
        }
        Err(problem) if problem.pointer.is_empty() => Loaded::Unreadable {
            name,
            message_de: problem.message_de,
            message_en: problem.message_en,
        },
        Err(problem) => Loaded::Checked {
            name,
            catalog: None,
            rows: vec![ReportRow::from(problem)],
            skipped: 0,
        },
    }
}

fn check_sheet(name: String, bytes: &[u8]) -> Loaded {
    let table = match read_table(bytes, &name) {
        Ok(table) => table,
        Err(e) => {
            return Loaded::Unreadable {
                name,
                message_de: e.message_de,
                message_en: e.message_en,
            }
        }
    };
    let report = import(
        &table,
        &ImportOptions {
            today: Some(today()),
            ..Default::default()
        },
    );
    let skipped = report.skipped_rows();
    let rows: Vec<ReportRow> = report
        .problems
        .into_iter()
        .map(|p| {
            let mut place = p.sheet;
            if let Some(row) = p.row {
                place += &format!(", Zeile/row {row}");
            }
            if let Some(column) = p.column {
                place += &format!(", Spalte/column {column}");
            }
            ReportRow {
                severity: p.severity,
                entry: p.entry,
                place,
                message_de: p.message_de,
                message_en: p.message_en,
            }
        })
        .collect();
    Loaded::Checked {
        name,
        catalog: report.catalog.map(Box::new),
        rows,
        skipped,
    }
}
