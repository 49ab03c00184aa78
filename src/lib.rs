//! Ankommen's web app: Leptos components on top of the pure core (`ankommen-core`).
//!
//! Two binaries use this library: the app itself (`src/main.rs`) and the operator preview
//! (`src/bin/preview`), which is a separate bundle so its spreadsheet reader never weighs on
//! the app's first visit.

pub mod app;
pub mod choices;
pub mod crash;
pub mod data;
pub mod details;
pub mod embed;
pub mod fetch;
pub mod fetcher;
pub mod filters;
pub mod first_screen;
pub mod history;
pub mod language;
pub mod list;
pub mod map;
pub mod offline;
pub mod schedule;
pub mod worker;
