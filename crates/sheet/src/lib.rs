//! Spreadsheets to and from Ankommen catalogues.
//!
//! Maintainers keep their data in Excel or LibreOffice. This crate defines the column template
//! ([`columns`]), reads what German spreadsheet users actually produce ([`table`]: CSV with `;`
//! or `,`, UTF-8 or Windows-1252, XLSX, ODS), turns rows into a validated catalogue with every
//! problem located by sheet, row and column ([`import`]), fills missing coordinates from open
//! gazetteer data ([`gazetteer`]), and writes the template and existing catalogues back
//! ([`export`]).

pub mod columns;
pub mod export;
pub mod gazetteer;
pub mod import;
pub mod table;

pub use import::{import, ImportOptions, ImportReport, SheetProblem};
pub use table::{read_table, Table, TableError};
