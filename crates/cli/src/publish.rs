//! `publish`: validates a catalogue exactly as `validate` does (or imports a spreadsheet as
//! `import` does), then writes its published set (docs/published.md) into a folder:
//! `manifest.json` and files named by their content hash.
//!
//! The manifest is written last and atomically, so a site never serves a manifest whose
//! files are not there yet. Files of the previous publication are kept (a visitor whose page
//! still holds the old manifest can fetch its chunks); older ones are removed.

use crate::output::{self, write_atomically, Lang, Outcome};
use ankommen_core::manifest::Manifest;
use ankommen_core::parse::decode;
use ankommen_core::publish::{publish, Options, Published, MANIFEST};
use ankommen_core::store::{details_files, excerpt_files};
use ankommen_core::{parse_catalog, Catalog, Date, Severity};
use std::collections::HashSet;
use std::path::Path;

pub struct Request<'a> {
    pub source: &'a Path,
    pub dir: &'a Path,
    pub region: Option<&'a Path>,
    pub drop_invalid: bool,
    pub chunk_entries: usize,
    pub load_whole: u32,
    pub view_entries: u32,
    pub group_below: usize,
    pub json: bool,
    pub lang: Lang,
    pub today: Date,
    /// Also the pages around the app (first screen, entry pages, sitemap).
    pub pages: Option<crate::site::Pages<'a>>,
}

const SPREADSHEETS: &[&str] = &["csv", "xlsx", "xls", "xlsm", "ods"];

pub fn run(request: &Request) -> Outcome {
    let (catalog, errors) = match read(request) {
        Ok(read) => read,
        Err(outcome) => return outcome,
    };
    if errors > 0 && !request.drop_invalid {
        let refused = request.lang.pick(
            "Nichts veröffentlicht: der Katalog hat Fehler (mit --drop-invalid werden die fehlerhaften Einträge weggelassen).",
            "Nothing published: the catalogue has errors (--drop-invalid leaves the broken entries out).",
        );
        // Standard output holds the JSON report alone when one was asked for.
        if request.json {
            eprintln!("{refused}");
        } else {
            output::say(refused);
        }
        return Outcome::Errors;
    }
    let published = publish(
        &catalog,
        &Options {
            chunk_entries: request.chunk_entries,
            load_whole: request.load_whole,
            view_entries: request.view_entries,
            group_below: request.group_below,
        },
    );
    match write(request.dir, &published) {
        Ok(bytes) => {
            let pages = match &request.pages {
                Some(pages) => match crate::site::write(pages, &catalog, &published, request.today)
                {
                    Ok(n) => Some((n, pages.dir.display())),
                    Err(e) => return Outcome::Failed(e),
                },
                None => None,
            };
            let files = published.files.len() + 1;
            let entries = catalog.entries.len();
            let chunks = published.manifest.chunks.len();
            let megabytes = (bytes as f64 / 1e6 * 10.0).round() / 10.0;
            let dir = request.dir.display();
            let summary = match request.lang {
                Lang::De => format!("Veröffentlicht: {entries} Einträge in {chunks} Teilen, {files} Dateien ({} MB) in {dir}.", megabytes.to_string().replace('.', ",")),
                Lang::En => format!("Published: {entries} entries in {chunks} chunks, {files} files ({megabytes} MB) in {dir}."),
            };
            let summary = match (pages, request.lang) {
                (None, _) => summary,
                (Some((n, site)), Lang::De) => format!("{summary} Erste Seite, {n} Eintragsseiten, sitemap.xml und robots.txt in {site}."),
                (Some((n, site)), Lang::En) => format!("{summary} First screen, {n} entry pages, sitemap.xml and robots.txt in {site}."),
            };
            // Standard output holds the JSON report alone when one was asked for.
            if request.json {
                eprintln!("{summary}");
            } else {
                output::say(summary);
            }
            Outcome::Ok
        }
        Err(e) => Outcome::Failed(format!("{}: {e}", request.dir.display())),
    }
}

/// The catalogue to publish (its valid entries) and how many errors its source has.
fn read(request: &Request) -> Result<(Catalog, usize), Outcome> {
    let file = request.source;
    let bytes = std::fs::read(file).map_err(|e| Outcome::unreadable(file, &e.to_string()))?;
    let extension = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if SPREADSHEETS.contains(&extension.as_str()) {
        let report = crate::read_sheet(file, &bytes, request.region, request.lang, request.today)?;
        output::print_sheet_problems(&report, request.json, request.lang);
        let errors = report.errors();
        return match report.catalog {
            Some(catalog) => Ok((catalog, errors)),
            None => Err(Outcome::Errors),
        };
    }
    match parse_catalog(&decode(&bytes), request.today) {
        Ok(parsed) => {
            output::print_problems(
                &parsed.problems,
                parsed.catalog.entries.len(),
                request.json,
                request.lang,
                file,
            );
            let errors = parsed.count(Severity::Error);
            Ok((parsed.catalog, errors))
        }
        Err(problem) if problem.pointer.is_empty() => Err(Outcome::Unreadable(
            problem.message(request.lang.code()).to_owned(),
        )),
        Err(problem) => {
            output::print_problems(
                std::slice::from_ref(&problem),
                0,
                request.json,
                request.lang,
                file,
            );
            Err(Outcome::Errors)
        }
    }
}

/// Writes the files that are not there yet, then the manifest; removes `.bin` files that
/// belong neither to this set nor to the one it replaces. Returns the bytes of the set.
fn write(dir: &Path, published: &Published) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let previous: Option<Manifest> = std::fs::read(dir.join(MANIFEST))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        // Publishing the same set again keeps the generation before it.
        .filter(|previous| *previous != published.manifest);
    let mut total = 0;
    for (name, bytes) in &published.files {
        total += bytes.len() as u64;
        let path = dir.join(name);
        // A name carries its content's hash: a file of that name already holds these bytes.
        if std::fs::metadata(&path).is_ok_and(|m| m.len() == bytes.len() as u64) {
            continue;
        }
        write_atomically(&path, bytes)?;
    }
    let manifest = published.manifest_json() + "\n";
    total += manifest.len() as u64;
    write_atomically(&dir.join(MANIFEST), manifest.as_bytes())?;
    let Some(previous) = previous else {
        return Ok(total);
    };
    let previous = Some(previous);
    let mut keep: HashSet<String> = published.files.iter().map(|(n, _)| n.clone()).collect();
    for file in previous.iter().flat_map(Manifest::files) {
        keep.insert(file.name.clone());
    }
    // The previous set's details and excerpts files are named by its entries and texts files.
    for chunk in previous.iter().flat_map(|m| &m.chunks) {
        let read = |name: &str| std::fs::read(dir.join(name)).unwrap_or_default();
        let entries = read(&chunk.entries_file.name);
        keep.extend(
            details_files(&entries)
                .unwrap_or_default()
                .into_iter()
                .map(|f| f.name),
        );
        for texts in chunk.texts.values() {
            let named = excerpt_files(&read(&texts.name)).unwrap_or_default();
            keep.extend(named.into_iter().map(|f| f.name));
        }
    }
    for entry in std::fs::read_dir(dir)?.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.ends_with(".bin") && !keep.contains(name) {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(total)
}
