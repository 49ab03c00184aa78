//! Problems found while reading a catalogue, addressed so a maintainer can find and fix them.

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The entry (or the catalogue) was not taken.
    Error,
    /// Taken, but worth a look.
    Warning,
}

/// One problem: which entry, which field (a JSON pointer), and what is wrong, in German and English.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    /// The entry's id, or `#N` (its position) when it has no usable id; empty for the document.
    pub entry: String,
    /// JSON pointer to the field, e.g. `/entries/3/location/lat`.
    pub pointer: String,
    pub message_de: String,
    pub message_en: String,
}

impl Problem {
    pub fn error(
        entry: impl Into<String>,
        pointer: impl Into<String>,
        de: String,
        en: String,
    ) -> Self {
        Problem {
            severity: Severity::Error,
            entry: entry.into(),
            pointer: pointer.into(),
            message_de: de,
            message_en: en,
        }
    }

    pub fn warning(
        entry: impl Into<String>,
        pointer: impl Into<String>,
        de: String,
        en: String,
    ) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(entry, pointer, de, en)
        }
    }

    pub fn message(&self, lang: &str) -> &str {
        if lang == "de" {
            &self.message_de
        } else {
            &self.message_en
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let entry = if self.entry.is_empty() {
            "-"
        } else {
            &self.entry
        };
        write!(f, "{entry}  {}  {}", self.pointer, self.message_en)
    }
}
