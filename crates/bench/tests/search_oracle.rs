//! The search engine answers as it did before the published set (issue 16): results, order,
//! scores, distances and facet counts for a fixed set of questions, over the example catalogue
//! and a generated one, compared with `tests/fixtures/search-oracle.json`. That file was
//! written by the engine that read JSON catalogues and built its index in the browser
//! (commit 264f3e3); the engine now reads published sets, and must answer the same.
//! `ANKOMMEN_WRITE_ORACLE=1` writes it again from the current engine.

use ankommen_core::parse::parse_value;
use ankommen_core::query::Results;
use ankommen_core::url::UrlState;
use ankommen_core::{Catalog, Date, Finder};
use serde_json::{json, Value};

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 24,
};
const ORACLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/search-oracle.json"
);

const TEXTS: &[&str] = &[
    "",
    "pflege",
    "kita",
    "hausarzt",
    "general practitioner",
    "Lüdenscheid",
    "klin",
    "p",
    "care home",
    "weiterbildung olpe",
    "zukunft team",
    "famulatur",
    "xyzzy",
];

/// Filters, as the URL states them (docs/url.md), each combined with every text.
const FILTERS: &[&str] = &[
    "",
    "kind=employer",
    "profession=nurse",
    "kind=support,event&category=childcare,job_fair",
    "sort=name&lang=en",
    "sort=newest",
];

fn catalogues() -> Vec<(&'static str, Catalog)> {
    let example: Value =
        serde_json::from_str(include_str!("../../../assets/catalog.json")).expect("example JSON");
    let generated = ankommen_bench::catalogue(3000, 7);
    [("example", example), ("generated-3000", generated)]
        .into_iter()
        .map(|(name, doc)| (name, parse_value(doc, TODAY).expect("usable").catalog))
        .collect()
}

/// The place filters that make sense for `catalog`: a district, and near its first town.
fn place_filters(catalog: &Catalog) -> Vec<String> {
    let district = catalog
        .region
        .districts
        .keys()
        .next()
        .cloned()
        .unwrap_or_default();
    let town = catalog
        .entries
        .iter()
        .find_map(|e| e.municipality.clone())
        .unwrap_or_default();
    vec![
        format!("district={district}"),
        format!("near={town}&radius=25&sort=distance"),
        format!("near={town}&radius=10&kind=support"),
    ]
}

fn answer(finder: &mut Finder, catalog: &Catalog, query: &str) -> Value {
    let (state, ignored) = UrlState::parse(query);
    assert!(ignored.is_empty(), "{query}: {ignored:?}");
    let mut q = state.query(&catalog.region);
    q.lang = state.lang.clone().unwrap_or_default();
    let results: Results = finder.find(&q);
    let ids = |results: &Results| -> Vec<Value> {
        results
            .hits
            .iter()
            .take(40)
            .map(|h| {
                json!([
                    id_of(finder, h.index),
                    h.score,
                    h.distance_km.map(|d| (d * 1000.0).round() / 1000.0)
                ])
            })
            .collect()
    };
    let facets = &results.facets;
    json!({
        "query": query,
        "total": results.hits.len(),
        "first": ids(&results),
        "kinds": facets.kinds.iter().map(|(k, n)| (k.as_str().to_owned(), json!(n))).collect::<serde_json::Map<_, _>>(),
        "categories": facets.categories.iter().map(|(k, n)| (k.as_str().to_owned(), json!(n))).collect::<serde_json::Map<_, _>>(),
        "professions": facets.professions.iter().map(|(k, n)| (k.as_str().to_owned(), json!(n))).collect::<serde_json::Map<_, _>>(),
        "districts": facets.districts,
        "municipalities": facets.municipalities,
    })
}

fn id_of(finder: &Finder, index: usize) -> String {
    finder.store().id(index).to_owned()
}

fn nearby(finder: &mut Finder, catalog: &Catalog) -> Value {
    let picks = (0..catalog.entries.len()).step_by(catalog.entries.len() / 5 + 1);
    picks
        .map(|index| {
            let number = finder.store().position(&catalog.entries[index].id).unwrap();
            let around: Vec<Value> = finder
                .nearby(number, 25.0)
                .iter()
                .take(20)
                .map(|h| {
                    json!([
                        id_of(finder, h.index),
                        h.distance_km.map(|d| (d * 1000.0).round() / 1000.0)
                    ])
                })
                .collect();
            json!({"entry": catalog.entries[index].id, "nearby": around})
        })
        .collect()
}

fn current_answers() -> Value {
    let mut out = serde_json::Map::new();
    for (name, catalog) in catalogues() {
        let mut finder = Finder::new(catalog.clone(), TODAY);
        let mut answers = Vec::new();
        let filters: Vec<String> = FILTERS
            .iter()
            .map(|f| f.to_string())
            .chain(place_filters(&catalog))
            .collect();
        for filter in &filters {
            for text in TEXTS {
                let query = match (filter.is_empty(), text.is_empty()) {
                    (true, true) => String::new(),
                    (true, false) => format!("q={text}"),
                    (false, true) => filter.clone(),
                    (false, false) => format!("q={text}&{filter}"),
                };
                answers.push(answer(&mut finder, &catalog, &query));
            }
        }
        out.insert(
            name.to_owned(),
            json!({"answers": answers, "nearby": nearby(&mut finder, &catalog)}),
        );
    }
    Value::Object(out)
}

#[test]
fn the_engine_answers_as_the_one_before_the_published_set() {
    let current = current_answers();
    if std::env::var_os("ANKOMMEN_WRITE_ORACLE").is_some() {
        std::fs::create_dir_all(std::path::Path::new(ORACLE).parent().unwrap()).unwrap();
        std::fs::write(ORACLE, serde_json::to_string_pretty(&current).unwrap()).unwrap();
        return;
    }
    let recorded: Value =
        serde_json::from_str(&std::fs::read_to_string(ORACLE).expect("oracle fixture")).unwrap();
    for (name, catalogue) in recorded.as_object().unwrap() {
        let now = &current[name];
        for (then, now) in catalogue["answers"]
            .as_array()
            .unwrap()
            .iter()
            .zip(now["answers"].as_array().unwrap())
        {
            assert_eq!(then, now, "{name}: {}", then["query"]);
        }
        assert_eq!(catalogue["nearby"], now["nearby"], "{name}: nearby");
    }
}
