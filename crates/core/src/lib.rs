//! Ankommen's domain core: the catalogue format, its tolerant parser and its validation.
//!
//! Nothing here depends on a browser or the network, so every rule is tested natively
//! with `cargo test` and the same code runs in the app (WASM) and in command-line tools.

pub mod catalog;
pub mod config;
pub mod parse;
pub mod problem;

pub use catalog::{Catalog, Entry, Kind, LatLon, Localized, Region};
pub use config::RuntimeConfig;
pub use parse::{parse_catalog, Parsed, FORMAT_MAJOR, FORMAT_MINOR};
pub use problem::{Problem, Severity};
