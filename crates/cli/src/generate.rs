//! `generate`: writes a synthetic catalogue (see the ankommen-bench crate) and its GeoJSON.
//! `--nationwide` writes one of all of Germany (`ankommen_bench::nationwide`) instead of the
//! example regions (`ankommen_bench::catalogue`).

use crate::output::{write_atomically, Outcome};
use std::path::Path;

pub fn run(
    entries: usize,
    seed: u64,
    nationwide: bool,
    output: &Path,
    geojson: Option<&Path>,
) -> Outcome {
    let doc = if nationwide {
        ankommen_bench::nationwide(entries, seed)
    } else {
        ankommen_bench::catalogue(entries, seed)
    };
    if let Err(e) = write_atomically(output, doc.to_string().as_bytes()) {
        return Outcome::Failed(format!("{}: {e}", output.display()));
    }
    if let Some(path) = geojson {
        let today = ankommen_core::Date {
            year: 2026,
            month: 11,
            day: 24,
        };
        let parsed = match ankommen_core::parse::parse_value(doc, today) {
            Ok(parsed) => parsed,
            Err(p) => return Outcome::Failed(p.message_en),
        };
        let features = ankommen_sheet::export::geojson(&parsed.catalog);
        if let Err(e) = write_atomically(path, features.to_string().as_bytes()) {
            return Outcome::Failed(format!("{}: {e}", path.display()));
        }
    }
    Outcome::Ok
}
