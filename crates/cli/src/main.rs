//! `ankommen-catalog`: the maintainers' command-line tool. Every check is the core's, so the
//! CLI, the app and the operator preview report the same problems in the same words.

mod generate;
mod output;
mod publish;
mod site;

use ankommen_core::{parse_catalog, Catalog, Date, RuntimeConfig, Severity};
use ankommen_sheet::{export, import, read_table, ImportOptions, ImportReport};
use clap::{Parser, Subcommand, ValueEnum};
use output::{write_atomically, Lang, Outcome};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "ankommen-catalog",
    version,
    about = "Validate, import and export Ankommen catalogues"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of messages.
    #[arg(long, global = true, value_enum, default_value_t = Lang::De)]
    lang: Lang,
    /// The date that decides what is expired (YYYY-MM-DD); default: today.
    #[arg(long, global = true)]
    today: Option<Date>,
}

#[derive(Subcommand)]
enum Command {
    /// Check a catalogue: one line per problem, then a summary. Exit 0: no errors, 1: errors,
    /// 2: the file cannot be read or is not JSON.
    Validate {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Turn a spreadsheet (.csv, .xlsx, .xls, .ods) into a catalogue. Valid rows are written;
    /// exit 1 when any row has an error, 2 (output untouched) when the file cannot be read.
    Import {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        /// A catalogue (or a JSON file with a "region" object) whose region and maintainer to use;
        /// without it the region is derived from the rows' districts.
        #[arg(long)]
        region: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write the spreadsheet template (template.xlsx and template.csv) with one example row per kind.
    Template {
        #[arg(short, long, default_value = ".")]
        dir: PathBuf,
    },
    /// Write a catalogue as GeoJSON or back into the spreadsheet template. Entries with errors
    /// are listed and left out (exit 1).
    Export {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long, conflicts_with = "xlsx", required_unless_present = "xlsx")]
        geojson: bool,
        #[arg(long)]
        xlsx: bool,
    },
    /// Print the catalogue format's JSON Schema.
    Schema,
    /// Print the HTTP response headers a deployment with this runtime configuration should
    /// send (Content-Security-Policy with exactly its hosts, and others; docs/deployment.md).
    Headers {
        /// The deployment's config.json.
        #[arg(long, default_value = "assets/config.json")]
        config: PathBuf,
        #[arg(long, value_enum, default_value_t = HeaderFormat::Plain)]
        format: HeaderFormat,
    },
    /// Validate a catalogue (JSON, GeoJSON or a spreadsheet) as `validate` and `import` do,
    /// then write its published set into a folder (docs/published.md): manifest.json and
    /// files named by their content hash. Exit 1 (nothing written) when it has errors, unless
    /// --drop-invalid leaves the broken entries out; 2 when it cannot be read or written.
    Publish {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
        /// Publish the valid entries of a catalogue that has errors.
        #[arg(long)]
        drop_invalid: bool,
        /// For a spreadsheet: the catalogue whose region and maintainer to use.
        #[arg(long)]
        region: Option<PathBuf>,
        /// The most entries in one chunk; larger districts are split by area.
        #[arg(long, default_value_t = 4096)]
        chunk_entries: usize,
        /// Sets up to this many entries are loaded whole; larger ones by district and map view.
        #[arg(long, default_value_t = ankommen_core::scope::LOAD_ALL)]
        load_whole: u32,
        /// The most entries the map view of a larger set loads; zoomed out further, it shows
        /// counts per district.
        #[arg(long, default_value_t = ankommen_core::scope::VIEW_ENTRIES)]
        view_entries: u32,
        /// In a set loaded whole, neighbouring districts share a chunk until it has this many
        /// entries; 1 keeps one district per chunk.
        #[arg(long, default_value_t = 256)]
        group_below: usize,
        /// The built app's folder: writes the first screen into its index.html, a page per
        /// entry under e/, sitemap.xml and robots.txt (needs --site-url).
        #[arg(long, requires = "site_url")]
        site: Option<PathBuf>,
        /// The app's public address, e.g. https://www.example.org/ankommen/ (canonical links,
        /// sitemap, link previews).
        #[arg(long, requires = "site")]
        site_url: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write a seeded synthetic catalogue for benchmarks (and its GeoJSON with --geojson).
    Generate {
        #[arg(long)]
        entries: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// All of Germany (401 districts, categories in the shares of a real nationwide
        /// catalogue) instead of the example regions.
        #[arg(long)]
        nationwide: bool,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long)]
        geojson: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum HeaderFormat {
    /// `Name: value` lines.
    Plain,
    /// `add_header` lines for an nginx `server` or `location` block.
    Nginx,
    /// `Header always set` lines for Apache (mod_headers).
    Apache,
    /// One JSON object, for scripts (the end-to-end test server reads it).
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let today = cli.today.unwrap_or_else(system_today);
    let outcome = match cli.command {
        Command::Validate { file, format } => validate(&file, format, cli.lang, today),
        Command::Import {
            file,
            output,
            region,
            format,
        } => import_sheet(&file, &output, region.as_deref(), format, cli.lang, today),
        Command::Template { dir } => template(&dir),
        Command::Export {
            file,
            output,
            geojson,
            ..
        } => export_catalog(&file, &output, geojson, cli.lang, today),
        Command::Schema => {
            output::say(schema());
            Outcome::Ok
        }
        Command::Headers { config, format } => headers(&config, format),
        Command::Publish {
            file,
            output,
            drop_invalid,
            region,
            chunk_entries,
            load_whole,
            view_entries,
            group_below,
            site,
            site_url,
            format,
        } => publish::run(&publish::Request {
            source: &file,
            dir: &output,
            region: region.as_deref(),
            drop_invalid,
            chunk_entries,
            load_whole,
            view_entries,
            group_below,
            json: format_is_json(format),
            lang: cli.lang,
            today,
            pages: site
                .as_deref()
                .zip(site_url.as_deref())
                .map(|(dir, url)| site::Pages {
                    dir,
                    url,
                    data: &output,
                }),
        }),
        Command::Generate {
            entries,
            seed,
            nationwide,
            output,
            geojson,
        } => generate::run(entries, seed, nationwide, &output, geojson.as_deref()),
    };
    outcome.report(cli.lang)
}

fn validate(file: &Path, format: Format, lang: Lang, today: Date) -> Outcome {
    let text = match std::fs::read(file) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => return Outcome::unreadable(file, &e.to_string()),
    };
    match parse_catalog(&text, today) {
        Ok(parsed) => {
            output::print_problems(
                &parsed.problems,
                parsed.catalog.entries.len(),
                format_is_json(format),
                lang,
                file,
            );
            Outcome::from_errors(parsed.count(Severity::Error))
        }
        Err(problem) if problem.pointer.is_empty() => {
            // Not JSON (or not an object): the file is not a catalogue at all.
            Outcome::Unreadable(problem.message(lang.code()).to_owned())
        }
        Err(problem) => {
            output::print_problems(
                std::slice::from_ref(&problem),
                0,
                format_is_json(format),
                lang,
                file,
            );
            Outcome::Errors
        }
    }
}

fn import_sheet(
    file: &Path,
    out: &Path,
    region: Option<&Path>,
    format: Format,
    lang: Lang,
    today: Date,
) -> Outcome {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => return Outcome::unreadable(file, &e.to_string()),
    };
    let report = match read_sheet(file, &bytes, region, lang, today) {
        Ok(report) => report,
        Err(outcome) => return outcome,
    };
    output::print_sheet_problems(&report, format_is_json(format), lang);
    let Some(catalog) = &report.catalog else {
        return Outcome::from_errors(report.errors().max(1));
    };
    if let Err(e) = write_atomically(out, catalog_json(catalog).as_bytes()) {
        return Outcome::Failed(format!("{}: {e}", out.display()));
    }
    Outcome::from_errors(report.errors())
}

/// A spreadsheet's rows as a catalogue, with the region and maintainer of the catalogue at
/// `region` (or derived from the rows).
fn read_sheet(
    file: &Path,
    bytes: &[u8],
    region: Option<&Path>,
    lang: Lang,
    today: Date,
) -> Result<ImportReport, Outcome> {
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let table = read_table(bytes, name)
        .map_err(|e| Outcome::Unreadable(lang.pick(&e.message_de, &e.message_en).to_owned()))?;
    let mut options = ImportOptions {
        today: Some(today),
        ..Default::default()
    };
    if let Some(path) = region {
        let base: serde_json::Value = match std::fs::read(path).map(|b| serde_json::from_slice(&b))
        {
            Ok(Ok(value)) => value,
            Ok(Err(e)) => return Err(Outcome::unreadable(path, &e.to_string())),
            Err(e) => return Err(Outcome::unreadable(path, &e.to_string())),
        };
        options.region = base.get("region").cloned();
        options.maintainer = base.get("maintainer").cloned();
    }
    Ok(import(&table, &options))
}

fn template(dir: &Path) -> Outcome {
    let xlsx = match export::template_xlsx() {
        Ok(bytes) => bytes,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    let results = [
        write_atomically(&dir.join("template.xlsx"), &xlsx),
        write_atomically(&dir.join("template.csv"), export::template_csv().as_bytes()),
    ];
    match results.into_iter().find_map(Result::err) {
        Some(e) => Outcome::Failed(e.to_string()),
        None => Outcome::Ok,
    }
}

fn export_catalog(file: &Path, out: &Path, geojson: bool, lang: Lang, today: Date) -> Outcome {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => return Outcome::unreadable(file, &e.to_string()),
    };
    // Entries with errors cannot be written: say which, and exit 1.
    let (catalog, errors) = match parse_catalog(&text, today) {
        Ok(parsed) => {
            let errors = parsed.count(Severity::Error);
            if !parsed.problems.is_empty() {
                output::print_problems(
                    &parsed.problems,
                    parsed.catalog.entries.len(),
                    false,
                    lang,
                    file,
                );
            }
            (parsed.catalog, errors)
        }
        Err(problem) => return Outcome::Unreadable(problem.message(lang.code()).to_owned()),
    };
    let bytes = if geojson {
        serde_json::to_vec_pretty(&export::geojson(&catalog)).unwrap_or_default()
    } else {
        match export::catalog_xlsx(&catalog) {
            Ok(bytes) => bytes,
            Err(e) => return Outcome::Failed(e.to_string()),
        }
    };
    match write_atomically(out, &bytes) {
        Ok(()) => Outcome::from_errors(errors),
        Err(e) => Outcome::Failed(format!("{}: {e}", out.display())),
    }
}

/// The JSON Schema of the catalogue format, generated from the core's types.
pub fn schema() -> String {
    let mut schema = schemars::schema_for!(Catalog);
    schema.insert(
        "$id".into(),
        "https://ankommen.example/catalog-1.schema.json".into(),
    );
    schema.insert("title".into(), "Ankommen catalogue, format 1.x".into());
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

fn headers(config: &Path, format: HeaderFormat) -> Outcome {
    let text = match std::fs::read_to_string(config) {
        Ok(text) => text,
        Err(e) => return Outcome::unreadable(config, &e.to_string()),
    };
    let config: RuntimeConfig = match serde_json::from_str(&text) {
        Ok(config) => config,
        Err(e) => return Outcome::Unreadable(format!("config.json: {e}")),
    };
    let headers = config.headers();
    let lines: Vec<String> = match format {
        HeaderFormat::Plain => headers.iter().map(|(n, v)| format!("{n}: {v}")).collect(),
        HeaderFormat::Nginx => headers
            .iter()
            .map(|(n, v)| format!("add_header {n} \"{v}\" always;"))
            .collect(),
        HeaderFormat::Apache => headers
            .iter()
            .map(|(n, v)| format!("Header always set {n} \"{v}\""))
            .collect(),
        HeaderFormat::Json => {
            let map: serde_json::Map<String, serde_json::Value> = headers
                .into_iter()
                .map(|(n, v)| (n.to_owned(), v.into()))
                .collect();
            vec![serde_json::to_string_pretty(&map).unwrap_or_default()]
        }
    };
    output::say(lines.join("\n"));
    Outcome::Ok
}

fn catalog_json(catalog: &Catalog) -> String {
    serde_json::to_string_pretty(catalog).unwrap_or_default() + "\n"
}

fn format_is_json(format: Format) -> bool {
    matches!(format, Format::Json)
}

/// The CLI is the edge: it may read the clock; the core never does.
fn system_today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days_since_epoch((secs / 86_400) as i64).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}
