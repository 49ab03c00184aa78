//! Property tests over spreadsheet import: any bytes named .csv or as a workbook, and any cells
//! under the real column headers, end as a catalogue with problems or a clear error, never a
//! panic. `PROPTEST_CASES` sets the cases per property (256 by default; `scripts/fuzz.sh` runs
//! more).

use ankommen_sheet::export::template_csv;
use ankommen_sheet::{import, read_table, ImportOptions};
use proptest::prelude::*;

fn import_bytes(bytes: &[u8], name: &str) {
    if let Ok(table) = read_table(bytes, name) {
        import(&table, &ImportOptions::default());
    }
}

proptest! {
    #[test]
    fn any_bytes_as_csv(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        import_bytes(&bytes, "daten.csv");
    }

    #[test]
    fn any_bytes_as_a_workbook(bytes in prop::collection::vec(any::<u8>(), 0..2000), ext in prop::sample::select(vec!["xlsx", "xls", "ods"])) {
        import_bytes(&bytes, &format!("daten.{ext}"));
    }

    #[test]
    fn any_cells_under_the_real_headers(
        rows in prop::collection::vec(prop::collection::vec("[^\r\n;\"]{0,30}|<script>x</script>|javascript:alert\\(1\\)|51,03|-999|1e308", 0..40), 1..8),
    ) {
        let mut csv = template_csv().lines().next().unwrap().to_owned();
        for row in rows {
            csv.push('\n');
            csv.push_str(&row.join(";"));
        }
        let table = read_table(csv.as_bytes(), "daten.csv");
        prop_assert!(table.is_ok(), "a CSV under the template's headers is readable");
        let report = import(&table.unwrap(), &ImportOptions::default());
        // Every row is either in the catalogue or named by at least one problem.
        prop_assert!(report.rows >= report.catalog.map_or(0, |c| c.entries.len()));
    }
}

/// Found by this file's third property at 20,000 cases: a municipality cell of eight bytes
/// that are not eight digits ("¡¡ࠀA") panicked while deriving the district from it.
#[test]
fn a_municipality_cell_of_eight_non_digit_bytes_is_a_problem_not_a_panic() {
    let header = template_csv().lines().next().unwrap().to_owned();
    let columns = header.split(';').count();
    let at = header
        .split(';')
        .position(|h| h.contains("Gemeinde"))
        .expect("the template has a municipality column");
    let mut row = vec![String::new(); columns];
    row[at] = "¡¡ࠀA".to_owned();
    let csv = format!("{header}\n{}", row.join(";"));
    let table = read_table(csv.as_bytes(), "daten.csv").unwrap();
    let report = import(&table, &ImportOptions::default());
    assert!(!report.problems.is_empty());
}
