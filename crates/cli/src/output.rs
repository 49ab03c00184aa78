//! What the CLI prints and how it ends: problem lines, summaries, JSON reports, exit codes.

use ankommen_core::{Problem, Severity};
use ankommen_sheet::ImportReport;
use clap::ValueEnum;
use serde_json::json;
use std::fmt::Display;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum Lang {
    De,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    pub fn pick<'a>(self, de: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::De => de,
            Lang::En => en,
        }
    }
}

pub enum Outcome {
    Ok,
    /// Checked, with errors (exit 1).
    Errors,
    /// The input could not be read or is not what it claims to be (exit 2).
    Unreadable(String),
    /// Something went wrong writing the result (exit 2).
    Failed(String),
}

impl Outcome {
    pub fn from_errors(errors: usize) -> Outcome {
        if errors == 0 {
            Outcome::Ok
        } else {
            Outcome::Errors
        }
    }

    pub fn unreadable(path: &Path, reason: &str) -> Outcome {
        Outcome::Unreadable(format!("{}: {reason}", path.display()))
    }

    pub fn report(self, lang: Lang) -> ExitCode {
        match self {
            Outcome::Ok => ExitCode::SUCCESS,
            Outcome::Errors => ExitCode::from(1),
            Outcome::Unreadable(message) => {
                eprintln!("{}: {message}", lang.pick("nicht lesbar", "unreadable"));
                ExitCode::from(2)
            }
            Outcome::Failed(message) => {
                eprintln!("{}: {message}", lang.pick("Fehler", "error"));
                ExitCode::from(2)
            }
        }
    }
}

fn severity(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => lang.pick("Fehler", "error"),
        Severity::Warning => lang.pick("Warnung", "warning"),
    }
}

/// `id  /json/pointer  error: message` per problem, then a summary line.
pub fn print_problems(problems: &[Problem], valid: usize, as_json: bool, lang: Lang, file: &Path) {
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    if as_json {
        let report = json!({
            "file": file.display().to_string(),
            "valid_entries": valid,
            "errors": errors,
            "warnings": warnings,
            "problems": problems,
        });
        say(format_args!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        ));
        return;
    }
    for p in problems {
        let entry = if p.entry.is_empty() { "-" } else { &p.entry };
        let pointer = if p.pointer.is_empty() {
            "/"
        } else {
            &p.pointer
        };
        say(format_args!(
            "{entry}  {pointer}  {}: {}",
            severity(p.severity, lang),
            p.message(lang.code())
        ));
    }
    say(format_args!("{}", summary(valid, errors, warnings, lang)));
}

pub fn print_sheet_problems(report: &ImportReport, as_json: bool, lang: Lang) {
    let errors = report.errors();
    let warnings = report.problems.len() - errors;
    let valid = report.catalog.as_ref().map_or(0, |c| c.entries.len());
    if as_json {
        let problems: Vec<_> = report
            .problems
            .iter()
            .map(|p| {
                json!({"severity": p.severity, "sheet": p.sheet, "row": p.row, "column": p.column,
                       "entry": p.entry, "message_de": p.message_de, "message_en": p.message_en})
            })
            .collect();
        let out = json!({"rows": report.rows, "valid_entries": valid, "errors": errors, "warnings": warnings, "problems": problems});
        say(format_args!(
            "{}",
            serde_json::to_string_pretty(&out).unwrap_or_default()
        ));
        return;
    }
    for p in &report.problems {
        let mut place = p.sheet.clone();
        if let Some(row) = p.row {
            place += &format!(" {} {row}", lang.pick("Zeile", "row"));
        }
        if let Some(column) = &p.column {
            place += &format!(" {} {column}", lang.pick("Spalte", "column"));
        }
        let entry = if p.entry.is_empty() { "-" } else { &p.entry };
        say(format_args!(
            "{place}  {entry}  {}: {}",
            severity(p.severity, lang),
            lang.pick(&p.message_de, &p.message_en)
        ));
    }
    say(format_args!(
        "{} {}",
        lang.pick(
            &format!("{} Zeilen gelesen.", report.rows),
            &format!("{} rows read.", report.rows)
        ),
        summary(valid, errors, warnings, lang)
    ));
}

fn summary(valid: usize, errors: usize, warnings: usize, lang: Lang) -> String {
    match lang {
        Lang::De => format!("{valid} gültige Einträge, {errors} Fehler, {warnings} Warnungen."),
        Lang::En => format!("{valid} valid entries, {errors} errors, {warnings} warnings."),
    }
}

/// Writes through a temporary file and a rename, so a failure never leaves half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".part");
    let temporary = std::path::PathBuf::from(temporary);
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path)
}

/// Prints one line. A reader that stops early (`| head`) is not an error worth a panic: the
/// rest of the output is dropped and the exit code still tells the result.
pub fn say(line: impl Display) {
    let _ = writeln!(std::io::stdout().lock(), "{line}");
}
