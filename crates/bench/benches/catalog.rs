//! Native core benchmarks: parsing and validating a generated 100,000-entry catalogue.
//! `cargo bench -p ankommen-bench`; scripts/bench.sh records the figures in BENCHMARKS.md.

use ankommen_core::{parse_catalog, Date, Finder, Kind, Profession, Query};
use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 24,
};

fn parse_and_validate(c: &mut Criterion) {
    let text = ankommen_bench::catalogue(100_000, 1).to_string();
    let mut group = c.benchmark_group("catalog");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("parse_and_validate_100k", |b| {
        b.iter(|| {
            let parsed = parse_catalog(&text, TODAY).expect("valid");
            assert_eq!(parsed.catalog.entries.len(), 100_000);
        })
    });
    group.finish();
}

fn query(c: &mut Criterion) {
    let text = ankommen_bench::catalogue(100_000, 1).to_string();
    let catalog = parse_catalog(&text, TODAY).expect("valid").catalog;
    let mut group = c.benchmark_group("query");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("prepare_100k", |b| {
        b.iter_batched(
            || catalog.clone(),
            |catalog| Finder::new(catalog, TODAY),
            criterion::BatchSize::LargeInput,
        )
    });
    let mut finder = Finder::new(catalog.clone(), TODAY);
    // A typical question: a nurse looking for support, typing as she goes.
    let typical = Query {
        text: "kinder".into(),
        kinds: vec![Kind::Support],
        professions: vec![Profession::Nurse],
        ..Query::default()
    };
    group.bench_function("search_and_filter_100k", |b| {
        b.iter(|| assert!(!finder.find(&typical).hits.is_empty()))
    });
    group.finish();
}

criterion_group!(benches, parse_and_validate, query);
criterion_main!(benches);
