//! Ankommen's domain core: the catalogue format, its tolerant parser and its validation.
//!
//! Nothing here depends on a browser, the network or a clock, so every rule is tested natively
//! with `cargo test` and the same code runs in the app (WASM) and in the command-line tool.
//!
//! The `json` feature (on by default) adds the writing side: reading catalogue documents
//! (`parse`, `geojson`) and publishing them (`publish`). The app's main bundle is built
//! without it: it reads published sets (`manifest`, `chunk`, `store`) and carries no JSON
//! parser, no validation of documents and no index builder.

pub mod catalog;
pub mod chunk;
pub mod cluster;
pub mod config;
pub mod date;
pub mod decimal;
pub mod embed;
pub mod geo;
#[cfg(feature = "json")]
pub mod geojson;
pub mod i18n;
pub mod manifest;
pub mod pack;
#[cfg(feature = "json")]
pub mod parse;
pub mod problem;
#[cfg(feature = "json")]
pub mod publish;
pub mod query;
pub mod scope;
pub mod search;
#[cfg(feature = "json")]
pub mod site;
pub mod sort;
pub mod store;
pub mod text;
pub mod theme;
pub mod url;
pub mod validate;
pub mod vocab;

pub use catalog::{Area, Catalog, Entry, LatLon, Localized, Region};
pub use config::RuntimeConfig;
pub use date::Date;
#[cfg(feature = "json")]
pub use parse::{parse_catalog, Parsed, FORMAT_MAJOR, FORMAT_MINOR};
pub use problem::{Problem, Severity};
pub use query::{Finder, Hit, Near, Query, Results, Sort};
pub use vocab::{Category, Kind, Profession};
