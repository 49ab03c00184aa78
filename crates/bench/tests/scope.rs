//! A nationwide published set is loaded where the user looks (`ankommen_core::scope`): a
//! district filter or a place loads those districts, a map view its districts while they
//! are few, and a zoomed-out view shows the manifest's counts per district instead.

use ankommen_core::catalog::Bounds;
use ankommen_core::parse::parse_value;
use ankommen_core::publish::{publish, Options, Published};
use ankommen_core::scope::{overview, scope, Scope};
use ankommen_core::url::UrlState;
use ankommen_core::{Catalog, Date, Kind};
use std::sync::OnceLock;

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 24,
};

fn nationwide() -> &'static (Catalog, Published) {
    static CELL: OnceLock<(Catalog, Published)> = OnceLock::new();
    CELL.get_or_init(|| {
        let catalog = parse_value(ankommen_bench::nationwide(5000, 3), TODAY)
            .unwrap()
            .catalog;
        // Loaded by district and view above 1,000 entries (a real nationwide set: 120,000).
        let options = Options {
            load_whole: 1000,
            ..Options::default()
        };
        let published = publish(&catalog, &options);
        (catalog, published)
    })
}

fn state(query: &str) -> UrlState {
    UrlState::parse(query).0
}

fn chunks_of(published: &Published, key: &str) -> Vec<u32> {
    let d = published
        .manifest
        .districts
        .iter()
        .find(|d| d.key == key)
        .unwrap();
    d.chunks.clone()
}

#[test]
fn zoomed_out_without_a_district_or_place_it_is_an_overview() {
    let (_, published) = nationwide();
    let m = &published.manifest;
    assert!(m.districts.len() >= 390);
    assert_eq!(scope(m, &state(""), None), Scope::Overview);
    let germany = Bounds {
        south: 47.2,
        west: 5.8,
        north: 55.1,
        east: 15.1,
    };
    // 5,000 entries fit the view budget; the real nationwide set does not (checked below).
    assert!(matches!(
        scope(m, &state(""), Some(germany)),
        Scope::Districts { in_view: true, .. }
    ));
    let mut big = m.clone();
    for d in &mut big.districts {
        d.entries *= 40;
    }
    assert_eq!(scope(&big, &state(""), Some(germany)), Scope::Overview);
}

#[test]
fn a_district_filter_loads_that_district_and_nothing_else() {
    let (_, published) = nationwide();
    let m = &published.manifest;
    let olpe = scope(m, &state("district=05966&kind=employer"), None);
    assert_eq!(
        olpe,
        Scope::Districts {
            keys: vec!["05966".into()],
            chunks: chunks_of(published, "05966"),
            in_view: false,
        }
    );
    assert_eq!(olpe.within(), None, "the filter itself limits the results");
    // A municipality filter loads its district.
    let town = scope(m, &state("municipality=05966024"), None);
    assert_eq!(town.chunks(m), chunks_of(published, "05966"));
}

#[test]
fn a_map_view_loads_the_districts_it_shows_and_limits_results_to_them() {
    let (_, published) = nationwide();
    let m = &published.manifest;
    let olpe = m.districts.iter().find(|d| d.key == "05966").unwrap();
    let b = olpe.bounds.unwrap();
    let view = Bounds {
        south: b.south + 0.01,
        west: b.west + 0.01,
        north: b.north - 0.01,
        east: b.east - 0.01,
    };
    let shown = scope(m, &state("q=pflege"), Some(view));
    let Scope::Districts { keys, in_view, .. } = &shown else {
        panic!("{shown:?}");
    };
    assert!(*in_view && keys.contains(&"05966".to_owned()), "{keys:?}");
    assert!(
        keys.len() < 10,
        "a district's view loads its neighbours at most: {keys:?}"
    );
    assert_eq!(shown.within().as_ref(), Some(keys));
}

#[test]
fn near_a_place_loads_the_districts_within_its_radius() {
    let (_, published) = nationwide();
    let m = &published.manifest;
    let near = scope(m, &state("near=51.03,7.85&radius=10"), None);
    assert!(near.chunks(m).iter().all(|c| m.chunks[*c as usize]
        .districts
        .iter()
        .all(|d| d.starts_with("05"))));
    let Scope::Districts { keys, .. } = near else {
        panic!()
    };
    assert!(keys.contains(&"05966".to_owned()), "{keys:?}");
}

#[test]
fn a_regional_set_is_loaded_whole() {
    let (_, published) = nationwide();
    let mut small = published.manifest.clone();
    small.load_whole = small.entries;
    assert_eq!(scope(&small, &state("district=05966"), None), Scope::All);
    assert_eq!(Scope::All.chunks(&small).len(), small.chunks.len());
}

#[test]
fn the_overview_counts_what_the_entries_would_show_for_kinds_and_categories() {
    let (catalog, published) = nationwide();
    let m = &published.manifest;
    let count = |query: &str| -> u32 { overview(m, &state(query)).0.iter().map(|(_, n)| n).sum() };
    assert_eq!(count("") as usize, catalog.entries.len());
    let employers = catalog
        .entries
        .iter()
        .filter(|e| e.kind == Kind::Employer)
        .count();
    assert_eq!(count("kind=employer") as usize, employers);
    let pharmacies_or_jobs = catalog
        .entries
        .iter()
        .filter(|e| matches!(e.category.as_str(), "pharmacy" | "job"))
        .count();
    assert_eq!(count("category=pharmacy,job") as usize, pharmacies_or_jobs);
    // Kind and category together: AND.
    let pharmacies = catalog
        .entries
        .iter()
        .filter(|e| e.category.as_str() == "pharmacy")
        .count();
    assert_eq!(
        count("kind=employer&category=pharmacy,job") as usize,
        pharmacies
    );
    let (per_district, facets) = overview(m, &state("kind=employer"));
    let olpe = m.districts.iter().position(|d| d.key == "05966").unwrap();
    let in_olpe = catalog
        .entries
        .iter()
        .filter(|e| e.district == "05966" && e.kind == Kind::Employer)
        .count();
    assert_eq!(
        per_district.iter().find(|(i, _)| *i == olpe).unwrap().1 as usize,
        in_olpe
    );
    assert_eq!(facets.districts["05966"], in_olpe);
    // The kind facet counts every kind (its own choice does not narrow it).
    assert_eq!(facets.kinds.values().sum::<usize>(), catalog.entries.len());
}

#[test]
fn an_offer_for_the_whole_region_shows_with_any_district_of_a_large_set() {
    use ankommen_core::store::Store;
    use ankommen_core::Finder;
    let example: serde_json::Value =
        serde_json::from_str(include_str!("../../../assets/catalog.json")).unwrap();
    let catalog = parse_value(example, TODAY).unwrap().catalog;
    let wide: Vec<&str> = catalog
        .entries
        .iter()
        .filter(|e| e.area == Some(ankommen_core::Area::Region) && e.is_current(TODAY))
        .map(|e| e.id.as_str())
        .collect();
    assert!(
        !wide.is_empty(),
        "premise: the example has region-wide offers"
    );
    // Loaded by district from the first entry on.
    let published = publish(
        &catalog,
        &Options {
            load_whole: 0,
            ..Options::default()
        },
    );
    let m = &published.manifest;
    // A district none of the region-wide offers belongs to.
    let key = m
        .districts
        .iter()
        .map(|d| d.key.clone())
        .find(|k| {
            catalog
                .entries
                .iter()
                .all(|e| &e.district != k || e.area != Some(ankommen_core::Area::Region))
        })
        .unwrap();
    // A district filter loads the region-wide chunks too (a place or text filter may then find
    // them); a map view shows them (the district filter itself keeps only its district's).
    let by_filter = scope(m, &state(&format!("district={key}")), None).chunks(m);
    assert!(m
        .chunks
        .iter()
        .enumerate()
        .filter(|(_, c)| c.region_wide)
        .all(|(n, _)| by_filter.contains(&(n as u32))));
    for query in [String::new()] {
        let view = m.districts.iter().find(|d| d.key == key).unwrap().bounds;
        let scope = scope(m, &state(&query), view);
        let mut store = Store::for_manifest(m, TODAY);
        let file = |f: &ankommen_core::manifest::FileRef| published.file(&f.name).unwrap();
        for n in scope.chunks(m) {
            let c = &m.chunks[n as usize];
            store
                .add(
                    n,
                    &c.districts,
                    file(&c.entries_file),
                    file(&c.index),
                    file(&c.texts["de"]),
                )
                .unwrap();
        }
        let mut finder = Finder::with_store(store);
        let mut q = state(&query).query(finder.store().region());
        q.within = scope.within();
        let hits = finder.find(&q).hits;
        let ids: Vec<&str> = hits.iter().map(|h| finder.store().id(h.index)).collect();
        for id in &wide {
            assert!(ids.contains(id), "{query:?}: {id} missing from {ids:?}");
        }
    }
}

#[test]
fn a_widget_locked_to_a_district_of_a_set_loaded_whole_loads_that_district_and_the_region_offers() {
    let example: serde_json::Value =
        serde_json::from_str(include_str!("../../../assets/catalog.json")).unwrap();
    let catalog = parse_value(example, TODAY).unwrap().catalog;
    // By default the example's 113 entries fit in two chunks; one district per chunk here, as
    // a regional set with larger districts has.
    let published = publish(
        &catalog,
        &Options {
            group_below: 1,
            ..Options::default()
        },
    );
    let m = &published.manifest;
    assert!(m.entries <= m.load_whole, "premise: loaded whole");
    let key = "05966";
    let locked = scope(m, &state(&format!("district={key}&lock=district")), None);
    let mut want: Vec<u32> = chunks_of(&published, key);
    want.extend((0..m.chunks.len() as u32).filter(|n| m.chunks[*n as usize].region_wide));
    want.sort_unstable();
    want.dedup();
    assert_eq!(locked.chunks(m), want);
    assert!(
        want.len() < m.chunks.len() / 2,
        "premise: most chunks are of other districts ({} of {})",
        want.len(),
        m.chunks.len()
    );
    // Every entry of the district is in those chunks.
    for e in catalog.entries.iter().filter(|e| e.district == key) {
        let holds = want.iter().any(|n| {
            let c = &m.chunks[*n as usize];
            c.districts.iter().any(|d| d == key)
                && c.region_wide == (e.area == Some(ankommen_core::Area::Region))
        });
        assert!(holds, "{} is in a loaded chunk", e.id);
    }
    // Unlocked, or locked to something other than a place, the set is loaded whole; a lock
    // without a place leaves nothing to narrow.
    for query in [
        format!("district={key}"),
        format!("district={key}&kind=employer&lock=kind"),
        "lock=district".to_owned(),
    ] {
        assert_eq!(scope(m, &state(&query), None), Scope::All, "{query}");
    }
    // A municipality or a place locked: that district (and those within the radius).
    let town = scope(m, &state("municipality=05966024&lock=municipality"), None);
    assert_eq!(town.chunks(m), want);
}

#[test]
fn a_set_loaded_whole_groups_small_districts_and_keeps_the_region_offers_apart() {
    let example: serde_json::Value =
        serde_json::from_str(include_str!("../../../assets/catalog.json")).unwrap();
    let catalog = parse_value(example, TODAY).unwrap().catalog;
    let m = publish(&catalog, &Options::default()).manifest;
    assert_eq!(m.chunks.len(), 2, "{:?}", m.chunks);
    let (wide, local): (Vec<_>, Vec<_>) = m.chunks.iter().partition(|c| c.region_wide);
    let regional = |e: &&ankommen_core::Entry| e.area == Some(ankommen_core::Area::Region);
    assert_eq!(
        wide[0].entries as usize,
        catalog.entries.iter().filter(regional).count()
    );
    assert_eq!(local[0].districts.len(), m.districts.len());
    // A set loaded by district keeps one district per chunk.
    let by_district = publish(
        &catalog,
        &Options {
            load_whole: 0,
            ..Options::default()
        },
    )
    .manifest;
    assert!(by_district.chunks.iter().all(|c| c.districts.len() == 1));
}
