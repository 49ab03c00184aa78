//! The command-line tool as a maintainer uses it: exit codes, output lines, files written.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_ankommen-catalog");
const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/catalog.json");

fn run(args: &[&str]) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(BIN)
        .args(["--today", "2026-11-24"])
        .args(args)
        .output()
        .expect("binary runs");
    (
        status.code().unwrap_or(-1),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ankommen-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn example_entries() -> usize {
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    doc["entries"].as_array().unwrap().len()
}

fn broken_catalogue(dir: &Path) -> PathBuf {
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    doc["entries"][0]["category"] = json!("hospitl");
    doc["entries"][2]["website"] = json!("javascript:alert(1)");
    doc["entries"][3]["location"] = json!({"lat": 8.1, "lon": 51.57});
    let file = dir.join("broken.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    file
}

#[test]
fn validate_passes_the_example_catalogue() {
    let (code, out, _) = run(&["validate", EXAMPLE]);
    assert_eq!(code, 0, "{out}");
    assert!(out.trim_end().ends_with("0 Fehler, 0 Warnungen."), "{out}");
}

#[test]
fn validate_prints_one_line_per_problem_and_exits_1() {
    let dir = scratch("broken");
    let file = broken_catalogue(&dir);
    let (code, out, _) = run(&["--lang", "en", "validate", path(&file)]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[0].starts_with("bohris-rundum-sorglos  /entries/0/category  error: Unknown category \"hospitl\". Did you mean \"hospital\"?"), "{}", lines[0]);
    assert!(
        lines[1].starts_with("oelde-digitale-anlaufstelle  /entries/2/website  error:"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].contains("/entries/3/location  error:") && lines[2].contains("swapped"),
        "{}",
        lines[2]
    );
    assert_eq!(
        lines[3],
        format!(
            "{} valid entries, 3 errors, 0 warnings.",
            example_entries() - 3
        )
    );
}

#[test]
fn validate_json_report_is_machine_readable() {
    let dir = scratch("json");
    let file = broken_catalogue(&dir);
    let (code, out, _) = run(&["validate", "--format", "json", path(&file)]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["valid_entries"], example_entries() - 3);
    assert_eq!(report["errors"], 3);
    assert_eq!(report["problems"][0]["pointer"], "/entries/0/category");
    assert_eq!(report["problems"][0]["severity"], "error");
    assert!(report["problems"][0]["message_de"]
        .as_str()
        .unwrap()
        .contains("Meinten Sie"));
}

#[test]
fn validate_exits_2_for_missing_files_and_non_json() {
    let dir = scratch("unreadable");
    let (code, _, err) = run(&["validate", path(&dir.join("missing.json"))]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.json"), "{err}");
    let junk = dir.join("junk.json");
    std::fs::write(&junk, "Name;Ort\nKita;Olpe\n").unwrap();
    let (code, _, err) = run(&["--lang", "en", "validate", path(&junk)]);
    assert_eq!(code, 2);
    assert!(err.contains("Not valid JSON (line 1, column 1)"), "{err}");
}

#[test]
fn validate_refuses_a_newer_major_format_with_exit_1() {
    let dir = scratch("major");
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    doc["format"] = json!("2.0");
    let file = dir.join("v2.json");
    std::fs::write(&file, doc.to_string()).unwrap();
    let (code, out, _) = run(&["--lang", "en", "validate", path(&file)]);
    assert_eq!(code, 1);
    assert!(
        out.contains("-  /format  error: Format version 2.0 is newer"),
        "{out}"
    );
}

#[test]
fn template_then_import_then_validate_round_trips() {
    let dir = scratch("template");
    assert_eq!(run(&["template", "--dir", path(&dir)]).0, 0);
    for sheet in ["template.csv", "template.xlsx"] {
        let out = dir.join(format!("{sheet}.json"));
        let (code, stdout, _) = run(&["import", path(&dir.join(sheet)), "-o", path(&out)]);
        assert_eq!(code, 0, "{sheet}: {stdout}");
        assert!(stdout.contains("5 gültige Einträge, 0 Fehler"), "{stdout}");
        let (code, stdout, _) = run(&["validate", path(&out)]);
        assert_eq!(code, 0, "{stdout}");
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        let kinds: Vec<&str> = doc["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["kind"].as_str().unwrap())
            .collect();
        assert_eq!(
            kinds,
            ["employer", "opportunity", "support", "contact", "event"]
        );
        // The row without coordinates got them from its postcode, flagged approximate.
        assert_eq!(doc["entries"][1]["approximate"], true);
        assert!(doc["entries"][1]["location"]["lat"].as_f64().unwrap() > 51.5);
    }
}

#[test]
fn import_reads_a_german_excel_csv_and_locates_every_problem() {
    let dir = scratch("german-csv");
    // Windows-1252, semicolons, decimal commas, dd.mm.yyyy; two good rows, two broken ones.
    let csv = "ID;Art;Kategorie;Name (de);Kreis (AGS);Breitengrad;Längengrad;PLZ;Ort;Gültig bis;Förderbetrag (EUR);Förderbedingungen (de);Lieblingsfarbe\r\n\
               kita-olpe;support;childcare;Kita Sonnenschein Olpe;05966;51,0276;7,8436;;;31.12.2027;;;blau\r\n\
               klinik;employer;hospitl;Klinik Süd;05966;abc;7,84;;;;;;\r\n\
               ;support;housing;Wohnen für Hilfe Lüdenscheid;;;;58507;;32.01.2027;;;\r\n\
               buergerbus;support;funding;Bürgerbus-Förderung Lienen;;;;;Lienen;;50.000;Für Fahrerinnen und Fahrer;\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(csv);
    let file = dir.join("daten.csv");
    std::fs::write(&file, &bytes).unwrap();
    let out = dir.join("out.json");
    let (code, stdout, _) = run(&["--lang", "en", "import", path(&file), "-o", path(&out)]);
    assert_eq!(code, 1, "{stdout}");
    for line in [
        "CSV row 1 column Lieblingsfarbe (M)  -  warning: Unknown column \"Lieblingsfarbe\" is ignored.",
        "CSV row 3 column Breitengrad (F)  klinik  error: \"abc\" is not a number.",
        "CSV row 3 column Kategorie (C)  klinik  error: Unknown category \"hospitl\". Did you mean \"hospital\"?",
        "CSV row 4 column Gültig bis (J)  wohnen-fuer-hilfe-luedenscheid  error: \"32.01.2027\" is not a date (dd.mm.yyyy).",
        "CSV row 4 column ID (A)  wohnen-fuer-hilfe-luedenscheid  warning: No id: \"wohnen-fuer-hilfe-luedenscheid\" made from the name.",
        "CSV row 5 column Breitengrad (F)  buergerbus  warning: No coordinates: approximate position filled in from municipality Lienen.",
    ] {
        assert!(stdout.contains(line), "missing: {line}\n{stdout}");
    }
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let ids: Vec<&str> = doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["kita-olpe", "buergerbus"],
        "only valid rows are written; a row with an unreadable cell is not"
    );
    assert_eq!(
        doc["entries"][0]["location"],
        json!({"lat": 51.0276, "lon": 7.8436})
    );
    assert_eq!(doc["entries"][0]["valid"]["until"], "2027-12-31");
    assert_eq!(doc["entries"][0]["name"]["de"], "Kita Sonnenschein Olpe");
    let bus = &doc["entries"][1];
    assert_eq!(
        bus["municipality"], "05566044",
        "municipality from the town name"
    );
    assert_eq!(bus["district"], "05566", "district from the municipality");
    assert_eq!(bus["approximate"], true);
    assert_eq!(bus["funding"]["amount_eur"], 50_000, "German thousands dot");
    assert_eq!(doc["region"]["districts"]["05566"], "Kreis Steinfurt");
}

#[test]
fn a_derived_region_still_catches_swapped_coordinates() {
    let dir = scratch("swapped");
    let csv = "ID;Art;Kategorie;Name (de);Kreis (AGS);Breitengrad;Längengrad\n\
               a;support;childcare;Kita A;05966;51,0276;7,8436\n\
               b;support;childcare;Kita B;05966;7,8436;51,0276\n";
    let file = dir.join("daten.csv");
    std::fs::write(&file, csv).unwrap();
    let (code, stdout, _) = run(&[
        "--lang",
        "en",
        "import",
        path(&file),
        "-o",
        path(&dir.join("out.json")),
    ]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("CSV row 3 column Breitengrad (F)  b  error:")
            && stdout.contains("look swapped"),
        "{stdout}"
    );
}

#[test]
fn import_of_an_unreadable_file_exits_2_and_leaves_the_output_alone() {
    let dir = scratch("unreadable-sheet");
    let file = dir.join("kaputt.xlsx");
    std::fs::write(&file, b"PK\x03\x04 not really a workbook").unwrap();
    let out = dir.join("catalog.json");
    std::fs::write(&out, "previous content").unwrap();
    let (code, _, err) = run(&["import", path(&file), "-o", path(&out)]);
    assert_eq!(code, 2);
    assert!(err.contains("keine lesbare Tabelle"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous content");
}

#[test]
fn import_uses_the_region_of_an_existing_catalogue() {
    let dir = scratch("region");
    run(&["template", "--dir", path(&dir)]);
    let out = dir.join("out.json");
    let (code, _, _) = run(&[
        "import",
        path(&dir.join("template.csv")),
        "-o",
        path(&out),
        "--region",
        EXAMPLE,
    ]);
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let example: Value = serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    assert_eq!(doc["region"], example["region"]);
    assert_eq!(doc["maintainer"], example["maintainer"]);
}

#[test]
fn export_xlsx_then_import_gives_back_the_same_entries() {
    let dir = scratch("export");
    let sheet = dir.join("catalog.xlsx");
    assert_eq!(run(&["export", EXAMPLE, "--xlsx", "-o", path(&sheet)]).0, 0);
    let out = dir.join("again.json");
    let (code, stdout, _) = run(&[
        "import",
        path(&sheet),
        "-o",
        path(&out),
        "--region",
        EXAMPLE,
    ]);
    assert_eq!(code, 0, "{stdout}");
    let again: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let example: Value = serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    assert_eq!(again["entries"], example["entries"]);
}

#[test]
fn export_reports_entries_it_cannot_write() {
    let dir = scratch("export-broken");
    let file = broken_catalogue(&dir);
    let out = dir.join("catalog.geojson");
    let (code, stdout, _) = run(&[
        "--lang",
        "en",
        "export",
        path(&file),
        "--geojson",
        "-o",
        path(&out),
    ]);
    assert_eq!(code, 1);
    assert!(stdout.contains("/entries/0/category  error:"), "{stdout}");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(
        doc["features"].as_array().unwrap().len(),
        example_entries() - 3
    );
}

#[test]
fn export_geojson_has_one_feature_per_entry() {
    let dir = scratch("geojson");
    let out = dir.join("catalog.geojson");
    assert_eq!(
        run(&["export", EXAMPLE, "--geojson", "-o", path(&out)]).0,
        0
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let example: Value = serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    assert_eq!(doc["type"], "FeatureCollection");
    let features = doc["features"].as_array().unwrap();
    assert_eq!(features.len(), example["entries"].as_array().unwrap().len());
    let first = &example["entries"][0];
    assert_eq!(
        features[0]["geometry"]["coordinates"],
        json!([first["location"]["lon"], first["location"]["lat"]])
    );
    assert_eq!(features[0]["properties"]["name"], first["name"]);
    // The export is a catalogue source itself: read back, it is the same catalogue.
    let today = ankommen_core::Date::new(2026, 11, 24).unwrap();
    let original = ankommen_core::parse_catalog(&std::fs::read_to_string(EXAMPLE).unwrap(), today);
    let read_back = ankommen_core::parse_catalog(&doc.to_string(), today);
    assert_eq!(read_back.unwrap().catalog, original.unwrap().catalog);
    let (code, stdout, _) = run(&["validate", path(&out)]);
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn the_committed_schema_matches_the_types() {
    let (code, out, _) = run(&["schema"]);
    assert_eq!(code, 0);
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/catalog.schema.json"
    ))
    .expect("docs/catalog.schema.json exists (write it with `ankommen-catalog schema`)");
    assert_eq!(
        out.trim(),
        committed.trim(),
        "regenerate: cargo run -p ankommen-catalog -- schema > docs/catalog.schema.json"
    );
}

#[test]
fn generated_catalogues_are_valid_and_reproducible() {
    let dir = scratch("generate");
    let (a, b) = (dir.join("a.json"), dir.join("b.json"));
    for file in [&a, &b] {
        let (code, _, _) = run(&[
            "generate",
            "--entries",
            "500",
            "--seed",
            "7",
            "-o",
            path(file),
        ]);
        assert_eq!(code, 0);
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let (code, out, _) = run(&["validate", path(&a)]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("500 gültige Einträge"));
}

#[test]
fn import_reads_an_ods_saved_by_libreoffice() {
    // tests/fixtures/template.ods: the template, opened and saved as ODS by LibreOffice Calc.
    let dir = scratch("ods");
    let out = dir.join("out.json");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/template.ods");
    let (code, stdout, _) = run(&["import", fixture, "-o", path(&out)]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("Einträge Zeile 3 Spalte Breitengrad (K)"),
        "{stdout}"
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(doc["entries"].as_array().unwrap().len(), 5);
    assert_eq!(doc["entries"][4]["event"]["start"], "2027-03-13");
}

#[test]
fn a_broken_row_never_takes_a_valid_row_with_it() {
    // Two rows with the same id; the second has an unreadable date. The first is written.
    let dir = scratch("same-id");
    let csv = "ID;Art;Kategorie;Name (de);Kreis (AGS);Breitengrad;Längengrad;Gültig bis\n\
               kita;support;childcare;Kita A;05966;51,0276;7,8436;31.12.2027\n\
               kita;support;childcare;Kita B;05966;51,0276;7,8436;31.13.2027\n";
    let file = dir.join("daten.csv");
    std::fs::write(&file, csv).unwrap();
    let out = dir.join("out.json");
    let (code, stdout, _) = run(&["--lang", "en", "import", path(&file), "-o", path(&out)]);
    assert_eq!(code, 1, "{stdout}");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let names: Vec<&str> = doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"]["de"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Kita A"]);
}

#[test]
fn headers_name_exactly_the_configured_hosts_in_each_server_format() {
    let dir = scratch("headers");
    let config = dir.join("config.json");
    std::fs::write(
        &config,
        json!({
            "tiles": {"url": "https://tiles.example.org/{z}/{x}/{y}.png", "attribution": "x"},
            "catalogOrigins": ["https://daten.kreis-olpe.de"],
            "frameAncestors": ["https://www.kreis-olpe.de"]
        })
        .to_string(),
    )
    .unwrap();
    let (code, plain, _) = run(&["headers", "--config", path(&config)]);
    assert_eq!(code, 0);
    let csp = plain.lines().next().unwrap();
    assert_eq!(
        csp,
        "Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data: https://tiles.example.org; connect-src 'self' \
         https://tiles.example.org https://daten.kreis-olpe.de; object-src 'none'; base-uri 'none'; \
         frame-ancestors 'self' https://www.kreis-olpe.de"
    );
    let (_, nginx, _) = run(&["headers", "--config", path(&config), "--format", "nginx"]);
    assert_eq!(nginx.lines().count(), 4);
    assert!(nginx
        .lines()
        .all(|l| l.starts_with("add_header ") && l.ends_with("\" always;")));
    let (_, apache, _) = run(&["headers", "--config", path(&config), "--format", "apache"]);
    assert!(apache.lines().all(|l| l.starts_with("Header always set ")));
    let (code, _, err) = run(&["headers", "--config", path(&dir.join("missing.json"))]);
    assert_eq!(code, 2, "{err}");
}

/// The `.bin` files and the manifest in a published folder.
fn published_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn publish_writes_the_set_that_validates_and_nothing_when_there_are_errors() {
    let dir = scratch("publish");
    let out = dir.join("data");
    let (code, stdout, _) = run(&["publish", EXAMPLE, "-o", path(&out)]);
    assert_eq!(code, 0, "{stdout}");
    let entries = example_entries();
    assert!(
        stdout.contains(&format!("Veröffentlicht: {entries} Einträge")),
        "{stdout}"
    );
    let files = published_files(&out);
    assert!(files.contains(&"manifest.json".to_owned()));
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["entries"], json!(entries));
    assert_eq!(manifest["published"], json!("1.0"));
    // Every chunk file the manifest names is there, under a name with its hash.
    for chunk in manifest["chunks"].as_array().unwrap() {
        for file in [
            &chunk["entriesFile"],
            &chunk["index"],
            &chunk["texts"]["de"],
        ] {
            let name = file["name"].as_str().unwrap();
            let bytes = std::fs::read(out.join(name)).unwrap();
            assert_eq!(
                bytes.len() as u64,
                file["bytes"].as_u64().unwrap(),
                "{name}"
            );
            let hash = ankommen_core::publish::hash(&bytes);
            assert!(name.ends_with(&format!("-{hash}.bin")), "{name}");
        }
    }

    // Errors: the same problems and exit code as validate, and nothing is written.
    let broken = broken_catalogue(&dir);
    let refused = dir.join("refused");
    let (code, stdout, _) = run(&["publish", path(&broken), "-o", path(&refused)]);
    let (validate_code, validated, _) = run(&["validate", path(&broken)]);
    assert_eq!((code, validate_code), (1, 1));
    assert!(
        stdout.starts_with(validated.trim_end()),
        "{stdout}\n---\n{validated}"
    );
    assert!(stdout.contains("Nichts veröffentlicht"), "{stdout}");
    assert!(!refused.exists(), "nothing written");
    // Unless the broken entries are to be left out.
    let (code, stdout, _) = run(&[
        "publish",
        "--drop-invalid",
        path(&broken),
        "-o",
        path(&refused),
    ]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains(&format!("Veröffentlicht: {} Einträge", entries - 3)),
        "{stdout}"
    );
    // Not a catalogue at all: exit 2.
    let junk = dir.join("junk.json");
    std::fs::write(&junk, "{ not json").unwrap();
    assert_eq!(
        run(&["publish", path(&junk), "-o", path(&dir.join("junk"))]).0,
        2
    );
}

#[test]
fn publishing_again_keeps_the_previous_set_and_removes_older_ones() {
    let dir = scratch("republish");
    let out = dir.join("data");
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    let generation = |n: usize, doc: &mut Value| {
        doc["entries"][0]["name"]["de"] = json!(format!("Fassung {n}"));
        let source = dir.join(format!("v{n}.json"));
        std::fs::write(&source, doc.to_string()).unwrap();
        assert_eq!(run(&["publish", path(&source), "-o", path(&out)]).0, 0);
        published_files(&out)
    };
    let first = generation(1, &mut doc);
    let second = generation(2, &mut doc);
    assert!(
        first.iter().all(|f| second.contains(f)),
        "the first set's files stay"
    );
    let third = generation(3, &mut doc);
    let gone: Vec<&String> = first.iter().filter(|f| !third.contains(f)).collect();
    assert!(!gone.is_empty(), "files only the first set had are removed");
    // What the second publication added stays with the third.
    let added: Vec<&String> = second.iter().filter(|f| !first.contains(f)).collect();
    let lost: Vec<&&String> = added.iter().filter(|f| !third.contains(f)).collect();
    assert!(
        !added.is_empty() && lost.is_empty(),
        "the second set's files stay: {lost:?}"
    );
    // Publishing the same catalogue once more removes nothing.
    let again = {
        let source = dir.join("v3.json");
        assert_eq!(run(&["publish", path(&source), "-o", path(&out)]).0, 0);
        published_files(&out)
    };
    assert_eq!(again, third);
}

#[test]
fn publish_reads_a_spreadsheet_as_import_does() {
    let dir = scratch("publish-sheet");
    assert_eq!(run(&["template", "--dir", path(&dir)]).0, 0);
    let out = dir.join("data");
    let (code, stdout, _) = run(&[
        "publish",
        path(&dir.join("template.xlsx")),
        "-o",
        path(&out),
    ]);
    let (import_code, imported, _) = run(&[
        "import",
        path(&dir.join("template.xlsx")),
        "-o",
        path(&dir.join("c.json")),
    ]);
    assert_eq!(code, import_code, "{stdout}");
    assert!(
        stdout.starts_with(imported.trim_end()),
        "{stdout}\n---\n{imported}"
    );
    if code == 0 {
        assert!(out.join("manifest.json").exists());
    }
}

#[test]
fn publish_with_a_site_writes_the_first_screen_entry_pages_sitemap_and_robots() {
    let dir = scratch("publish-site");
    let template = "<!doctype html>\n<html lang=\"de\">\n<body>\n<!--ak:first-screen--><!--/ak:first-screen-->\n</body>\n</html>\n";
    std::fs::write(dir.join("index.html"), template).unwrap();
    std::fs::write(
        dir.join("config.json"),
        r#"{ "catalog": "data/manifest.json" }"#,
    )
    .unwrap();
    let data = dir.join("data");
    let publish = || {
        run(&[
            "publish",
            "../../assets/catalog.json",
            "-o",
            path(&data),
            "--site",
            path(&dir),
            "--site-url",
            "https://example.org/ankommen/",
            "--today",
            "2026-06-01",
        ])
    };
    let (code, out, err) = publish();
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Eintragsseiten"), "{out}");
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(
        index.contains("data-languages=\"de en\"")
            && index.contains("<div class=\"ak-first\" lang=\"de\">")
    );
    let pages = std::fs::read_dir(dir.join("e")).unwrap().count();
    assert!(pages > 50, "{pages} entry pages");
    let sitemap = std::fs::read_to_string(dir.join("sitemap.xml")).unwrap();
    assert_eq!(sitemap.matches("<url>").count(), pages + 1);
    assert!(std::fs::read_to_string(dir.join("robots.txt"))
        .unwrap()
        .contains("Sitemap: https://example.org/ankommen/sitemap.xml"));

    // A deployment that loads another catalogue gets no first screen (it would show the wrong
    // entries), but still the entry pages of this one.
    std::fs::write(
        dir.join("config.json"),
        r#"{ "catalog": "https://api.example.org/katalog.json" }"#,
    )
    .unwrap();
    let (code, out, err) = publish();
    assert_eq!(code, 0, "{out}{err}");
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(
        !index.contains("ak-first") && !index.contains("data-languages"),
        "{index}"
    );
    assert!(
        index.contains("<!--ak:first-screen--><!--/ak:first-screen-->"),
        "the markers stay for the next run"
    );

    // Without markers in index.html, publish says so and fails.
    std::fs::write(dir.join("index.html"), "<html><body></body></html>").unwrap();
    let (code, _, err) = publish();
    assert_ne!(code, 0);
    assert!(err.contains("markers"), "{err}");
}
