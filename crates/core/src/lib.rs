//! Ankommen's domain core: the catalogue format, its tolerant parser and its validation.
//!
//! Nothing here depends on a browser, the network or a clock, so every rule is tested natively
//! with `cargo test` and the same code runs in the app (WASM) and in the command-line tool.

pub mod catalog;
pub mod cluster;
pub mod config;
pub mod date;
pub mod embed;
pub mod geo;
pub mod geojson;
pub mod i18n;
pub mod parse;
pub mod problem;
pub mod query;
pub mod search;
pub mod theme;
pub mod url;
pub mod validate;
pub mod vocab;

pub use catalog::{Area, Catalog, Entry, LatLon, Localized, Region};
pub use config::RuntimeConfig;
pub use date::Date;
pub use parse::{parse_catalog, Parsed, FORMAT_MAJOR, FORMAT_MINOR};
pub use problem::{Problem, Severity};
pub use query::{Finder, Hit, Near, Query, Results, Sort};
pub use vocab::{Category, Kind, Profession};
