//! Filtering, search, distance, sorting and facet counts.
mod common;

use ankommen_core::query::Results;
use ankommen_core::{Category, Finder, Kind, LatLon, Near, Profession, Query, Sort};
use common::*;
use serde_json::{json, Value};

fn entry(id: &str, kind: &str, category: &str, name: &str, description: &str) -> Value {
    json!({
        "id": id, "kind": kind, "category": category,
        "name": {"de": name}, "description": {"de": description},
        "district": "05966", "municipality": "05966024",
        "location": {"lat": 51.03, "lon": 7.85}
    })
}

fn catalogue() -> ankommen_core::Catalog {
    let mut kita = entry(
        "kita",
        "support",
        "childcare",
        "Kita Sonnenschein",
        "Betreuung rund um die Uhr",
    );
    kita["professions"] = json!(["nurse"]);
    let mut praxis = entry(
        "praxis",
        "opportunity",
        "practice_takeover",
        "Hausarztpraxis in Lüdenscheid",
        "Nachfolge gesucht",
    );
    praxis["district"] = json!("05974");
    praxis["municipality"] = json!(null);
    praxis["professions"] = json!(["doctor"]);
    praxis["location"] = json!({"lat": 51.2158, "lon": 7.6336});
    let mut klinik = entry(
        "klinik",
        "employer",
        "hospital",
        "Klinikum Olpe",
        "Wir suchen Pflegefachkräfte und eine Hausärztin für die Notaufnahme",
    );
    klinik["professions"] = json!(["nurse", "doctor"]);
    let mut heim = entry(
        "heim",
        "employer",
        "care_home",
        "Seniorenzentrum Sonnenschein",
        "Pflegeheim",
    );
    heim["location"] = json!({"lat": 51.55, "lon": 8.1});
    heim["district"] = json!("05974");
    heim["municipality"] = json!(null);
    let mut service = entry(
        "service",
        "contact",
        "service_point",
        "Servicestelle Ärzte",
        "Für den ganzen Kreis",
    );
    service.as_object_mut().unwrap().remove("location");
    service["area"] = json!("district");
    let mut alt = entry("alt", "event", "job_fair", "Jobmesse 2025", "vorbei");
    alt["event"] = json!({"start": "2025-03-01"});
    let mut region = entry(
        "region",
        "support",
        "funding",
        "Landesförderung",
        "Für alle",
    );
    region.as_object_mut().unwrap().remove("location");
    region["area"] = json!("region");
    region["funding"] = json!({"conditions": {"de": "Niederlassung im ländlichen Raum"}});
    parse(json!([kita, praxis, klinik, heim, service, alt, region])).catalog
}

fn ids(catalog: &ankommen_core::Catalog, query: &Query) -> Vec<String> {
    let mut finder = Finder::new(catalog.clone(), TODAY);
    let hits = finder.find(query).hits;
    hits.iter()
        .map(|h| finder.store().id(h.index).to_owned())
        .collect()
}

#[test]
fn without_a_query_every_current_entry_is_found_in_catalogue_order() {
    let c = catalogue();
    assert_eq!(
        ids(&c, &Query::default()),
        ["kita", "praxis", "klinik", "heim", "service", "region"]
    );
}

#[test]
fn values_combine_with_or_inside_a_facet_and_with_and_across_facets() {
    let c = catalogue();
    let q = Query {
        kinds: vec![Kind::Employer, Kind::Support],
        ..Query::default()
    };
    assert_eq!(ids(&c, &q), ["kita", "klinik", "heim", "region"]);
    let q = Query {
        kinds: vec![Kind::Employer, Kind::Support],
        districts: vec!["05974".into()],
        ..Query::default()
    };
    assert_eq!(ids(&c, &q), ["heim"]);
    let q = Query {
        categories: vec![Category::Hospital, Category::Childcare],
        ..Query::default()
    };
    assert_eq!(ids(&c, &q), ["kita", "klinik"]);
    let q = Query {
        municipalities: vec!["05966024".into()],
        kinds: vec![Kind::Contact],
        ..Query::default()
    };
    assert_eq!(ids(&c, &q), ["service"]);
}

#[test]
fn an_entry_for_no_profession_in_particular_is_for_every_profession() {
    let c = catalogue();
    let q = Query {
        professions: vec![Profession::Doctor],
        ..Query::default()
    };
    assert_eq!(
        ids(&c, &q),
        ["praxis", "klinik", "heim", "service", "region"]
    );
}

#[test]
fn facet_counts_say_what_each_value_would_leave() {
    let c = catalogue();
    let q = Query {
        kinds: vec![Kind::Employer],
        ..Query::default()
    };
    let facets = Finder::new(c.clone(), TODAY).find(&q).facets;
    // The kind facet ignores its own filter: every kind keeps its count.
    assert_eq!(facets.kinds[&Kind::Employer], 2);
    assert_eq!(facets.kinds[&Kind::Support], 2);
    assert_eq!(facets.kinds[&Kind::Contact], 1);
    assert!(
        !facets.kinds.contains_key(&Kind::Event),
        "past events are not counted"
    );
    // Other facets count only employers.
    assert_eq!(facets.categories.get(&Category::Hospital), Some(&1));
    assert_eq!(facets.categories.get(&Category::Childcare), None);
    assert_eq!(facets.districts["05966"], 1);
    assert_eq!(facets.districts["05974"], 1);
    // The care home is for every profession.
    assert_eq!(facets.professions[&Profession::Doctor], 2);
    assert_eq!(facets.professions[&Profession::Pharmacist], 1);
}

#[test]
fn search_ignores_case_and_umlaut_spellings_and_matches_prefixes() {
    let c = catalogue();
    for text in ["Lüdenscheid", "luedenscheid", "ludenscheid", "LÜDEN", "lud"] {
        let q = Query {
            text: text.into(),
            ..Query::default()
        };
        assert_eq!(ids(&c, &q), ["praxis"], "{text}");
    }
    let q = Query {
        text: "sonnen".into(),
        ..Query::default()
    };
    assert_eq!(ids(&c, &q), ["kita", "heim"]);
    let q = Query {
        text: "sonnenschein kita".into(),
        ..Query::default()
    };
    assert_eq!(ids(&c, &q), ["kita"], "every word must match");
    let q = Query {
        text: "zahnarzt".into(),
        ..Query::default()
    };
    assert!(ids(&c, &q).is_empty());
}

#[test]
fn synonyms_find_what_professionals_type_in_either_language() {
    let c = catalogue();
    let find = |text: &str| {
        ids(
            &c,
            &Query {
                text: text.into(),
                ..Query::default()
            },
        )
    };
    assert_eq!(find("GP"), ["praxis", "klinik"], "Hausarzt…, Hausärztin");
    assert_eq!(find("Allgemeinmedizin"), ["praxis", "klinik"]);
    assert_eq!(find("general practitioner"), ["praxis", "klinik"]);
    let mut nurse = find("nurse");
    nurse.sort();
    assert_eq!(nurse, ["heim", "klinik"], "Pflegeheim, Pflegefachkräfte");
    assert_eq!(find("childcare"), ["kita"]);
    assert_eq!(
        find("Kinderbetreuung"),
        ["kita"],
        "the category's label counts too"
    );
    assert_eq!(find("hospital"), ["klinik"]);
}

#[test]
fn matches_in_names_rank_before_matches_in_descriptions() {
    let c = catalogue();
    let q = Query {
        text: "hausarzt".into(),
        ..Query::default()
    };
    // "Hausarztpraxis" (name, prefix) before "Hausärztin" (description).
    assert_eq!(ids(&c, &q), ["praxis", "klinik"]);
    let q = Query {
        text: "pflege".into(),
        ..Query::default()
    };
    let hits = Finder::new(c.clone(), TODAY).find(&q).hits;
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn near_a_place_keeps_entries_within_the_radius_and_area_entries_of_its_district() {
    let c = catalogue();
    let olpe = LatLon {
        lat: 51.0276,
        lon: 7.8436,
    };
    let q = Query {
        near: Some(Near {
            center: olpe,
            radius_km: 30.0,
            district: Some("05966".into()),
        }),
        sort: Sort::Distance,
        ..Query::default()
    };
    let mut finder = Finder::new(c.clone(), TODAY);
    let results = finder.find(&q);
    let found: Vec<_> = results
        .hits
        .iter()
        .map(|h| (finder.store().id(h.index), h.distance_km.map(|d| d.round())))
        .collect();
    assert_eq!(
        found,
        [
            ("kita", Some(1.0)),
            ("klinik", Some(1.0)),
            ("praxis", Some(26.0)),
            ("service", None),
            ("region", None)
        ]
    );
    let q = Query {
        near: Some(Near {
            center: olpe,
            radius_km: 5.0,
            district: None,
        }),
        ..Query::default()
    };
    assert_eq!(
        ids(&c, &q),
        ["kita", "klinik", "region"],
        "no district given: district-wide entries are not near"
    );
}

#[test]
fn sorting_by_name_and_by_newest() {
    let c = catalogue();
    let q = Query {
        sort: Sort::Name,
        ..Query::default()
    };
    assert_eq!(
        ids(&c, &q),
        ["praxis", "kita", "klinik", "region", "heim", "service"]
    );
    let mut c = c;
    c.entries[3].source = Some(ankommen_core::catalog::Source {
        name: None,
        url: None,
        checked: TODAY,
    });
    let q = Query {
        sort: Sort::Newest,
        ..Query::default()
    };
    assert_eq!(ids(&c, &q)[0], "heim");
}

#[test]
fn the_example_catalogue_answers_real_questions() {
    let parsed =
        ankommen_core::parse_catalog(include_str!("../../../assets/catalog.json"), TODAY).unwrap();
    let mut finder = Finder::new(parsed.catalog.clone(), TODAY);
    let mut count = |q: Query| finder.find(&q).hits.len();
    assert!(
        count(Query {
            text: "Kita".into(),
            ..Query::default()
        }) >= 2
    );
    assert!(
        count(Query {
            text: "Hausarzt".into(),
            ..Query::default()
        }) >= 2
    );
    assert_eq!(
        count(Query {
            text: "ludenscheid".into(),
            ..Query::default()
        }),
        count(Query {
            text: "Lüdenscheid".into(),
            ..Query::default()
        })
    );
    let total = count(Query::default());
    let by_kind: usize = finder.find(&Query::default()).facets.kinds.values().sum();
    assert_eq!(by_kind, total, "each entry has one kind");
}

#[test]
fn nearby_lists_the_help_around_an_entry_but_not_other_employers_or_itself() {
    let c = catalogue();
    let mut finder = Finder::new(c.clone(), TODAY);
    let klinik = finder.store().position("klinik").unwrap();
    let hits = finder.nearby(klinik, 10.0);
    let near: Vec<_> = hits.iter().map(|h| finder.store().id(h.index)).collect();
    // The Kita 1 km away, the district's contact and the region-wide funding; not the care
    // home (an employer), not the practice 26 km away, not the past job fair.
    assert_eq!(near, ["kita", "service", "region"]);
}

#[test]
fn sorting_by_name_uses_the_names_in_the_ui_language() {
    let mut c = catalogue();
    // "Zentrum …" in English sorts last, its German name "Arztpraxis …" first.
    let praxis = c.entries.iter_mut().find(|e| e.id == "praxis").unwrap();
    praxis.name.set("en", "Zentrum medical practice");
    let q = Query {
        sort: Sort::Name,
        lang: "en".into(),
        ..Query::default()
    };
    assert_eq!(ids(&c, &q).last().map(String::as_str), Some("praxis"));
    let q = Query {
        sort: Sort::Name,
        lang: "de".into(),
        ..Query::default()
    };
    assert_eq!(ids(&c, &q)[0], "praxis");
}

#[test]
fn a_catalogue_split_into_many_chunks_loaded_in_any_order_answers_as_one_chunk() {
    use ankommen_core::publish::{publish, Options};
    use ankommen_core::store::Store;
    let parsed =
        ankommen_core::parse_catalog(include_str!("../../../assets/catalog.json"), TODAY).unwrap();
    let catalog = parsed.catalog;
    let queries: Vec<Query> = ["kita", "Lüden", "pflege wohnen", "gp", "", "zzzz"]
        .iter()
        .flat_map(|text| {
            [Sort::Relevance, Sort::Name, Sort::Newest].map(|sort| Query {
                text: (*text).into(),
                sort,
                lang: "en".into(),
                ..Query::default()
            })
        })
        .collect();
    let answers = |finder: &mut Finder| -> Vec<(Vec<(String, u32)>, Results)> {
        queries
            .iter()
            .map(|q| {
                let mut results = finder.find(q);
                let ids = results
                    .hits
                    .iter()
                    .map(|h| (finder.store().id(h.index).to_owned(), h.score))
                    .collect();
                results.hits.clear();
                (ids, results)
            })
            .collect()
    };
    let expected = answers(&mut Finder::new(catalog.clone(), TODAY));
    assert!(expected[0].0.len() >= 2 && expected[15].0.is_empty());

    let published = publish(
        &catalog,
        &Options {
            chunk_entries: 3,
            ..Options::default()
        },
    );
    let manifest = &published.manifest;
    assert!(
        manifest.chunks.len() > catalog.entries.len() / 3,
        "{} chunks",
        manifest.chunks.len()
    );
    assert!(manifest.chunks.iter().all(|c| c.entries <= 3));
    let mut store = Store::for_manifest(manifest, TODAY);
    let file = |f: &ankommen_core::manifest::FileRef| published.file(&f.name).unwrap();
    // Last chunk first, then every other one: the list still follows the catalogue.
    let mut order: Vec<usize> = (0..manifest.chunks.len()).rev().step_by(2).collect();
    order.extend((0..manifest.chunks.len()).rev().skip(1).step_by(2));
    for n in order {
        let c = &manifest.chunks[n];
        let en = file(&c.texts["en"]);
        store
            .add(
                n as u32,
                &c.districts,
                file(&c.entries_file),
                file(&c.index),
                en,
            )
            .unwrap();
    }
    store.add_places(file(&manifest.places)).unwrap();
    assert_eq!(answers(&mut Finder::with_store(store)), expected);
}

#[test]
fn primed_results_are_handed_out_to_the_same_query_and_dropped_when_the_store_changes() {
    use ankommen_core::publish::{publish, Options};
    use ankommen_core::store::Store;
    let catalog = catalogue();
    let published = publish(
        &catalog,
        &Options {
            chunk_entries: 2,
            group_below: 1,
            ..Options::default()
        },
    );
    let manifest = &published.manifest;
    assert!(manifest.chunks.len() >= 2, "premise: several chunks");
    let file = |f: &ankommen_core::manifest::FileRef| published.file(&f.name).unwrap();
    let add = |finder: &mut Finder, n: usize| {
        let c = &manifest.chunks[n];
        finder
            .store_mut()
            .add(
                n as u32,
                &c.districts,
                file(&c.entries_file),
                file(&c.index),
                file(&c.texts["de"]),
            )
            .unwrap();
    };
    let mut finder = Finder::with_store(Store::for_manifest(manifest, TODAY));
    add(&mut finder, 0);
    let all = Query::default();
    let employers = Query {
        kinds: vec![Kind::Employer],
        ..Query::default()
    };
    let first = finder.find(&all);
    finder.prime(&all);
    assert_eq!(finder.find(&all), first, "the primed results");
    finder.prime(&all);
    let only = finder.find(&employers);
    assert!(
        only.hits.len() < first.hits.len(),
        "another query is worked out for itself"
    );
    assert!(only
        .hits
        .iter()
        .all(|h| finder.store().category(h.index).kind() == Kind::Employer));
    // Primed with one chunk loaded; then the others arrive.
    finder.prime(&all);
    for n in 1..manifest.chunks.len() {
        add(&mut finder, n);
    }
    let later = finder.find(&all);
    assert!(
        later.hits.len() > first.hits.len(),
        "not the results primed before the other chunks"
    );
    let ids = |finder: &Finder, results: &Results| -> Vec<String> {
        let store = finder.store();
        results
            .hits
            .iter()
            .map(|h| store.id(h.index).to_owned())
            .collect()
    };
    let mut whole = Finder::new(catalog, TODAY);
    let expected = whole.find(&all);
    assert_eq!(ids(&finder, &later), ids(&whole, &expected));
    assert_eq!(later.facets, expected.facets);
}
