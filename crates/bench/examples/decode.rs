//! Times decoding a published folder into a store, file kind by kind (a profiling aid):
//! `cargo run --release -p ankommen-bench --example decode -- DIR`
use ankommen_core::manifest::Manifest;
use ankommen_core::store::Store;
use ankommen_core::Date;
use std::time::Instant;

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("a published folder"));
    let manifest: Manifest =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap();
    let files: Vec<_> = manifest
        .chunks
        .iter()
        .map(|c| {
            (
                read(&c.entries_file.name),
                read(&c.index.name),
                read(&c.texts["de"].name),
            )
        })
        .collect();
    let today = Date {
        year: 2026,
        month: 11,
        day: 24,
    };
    let started = Instant::now();
    for (_, i, _) in &files {
        let mut r = ankommen_core::chunk::open(i, ankommen_core::pack::FileKind::Index).unwrap();
        ankommen_core::search::Index::decode(&mut r).unwrap();
    }
    println!(
        "index alone {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let mut store = Store::for_manifest(&manifest, today);
    let (mut add, mut texts) = (0.0, 0.0);
    for (n, (e, i, t)) in files.iter().enumerate() {
        let started = Instant::now();
        store
            .add(n as u32, &manifest.chunks[n].districts, e, i, t)
            .unwrap();
        add += started.elapsed().as_secs_f64();
        texts += 0.0;
    }
    let mut finder = ankommen_core::Finder::with_store(store);
    let started = Instant::now();
    let all = finder.find(&Default::default()).hits.len();
    let first = started.elapsed().as_secs_f64();
    println!(
        "entries+index {:.0} ms, texts {:.0} ms, first find {:.0} ms ({all} hits)",
        add * 1e3,
        texts * 1e3,
        first * 1e3
    );
    for (part, bytes) in finder.store().heap_bytes() {
        println!("{part}: {:.1} MB", bytes as f64 / 1e6);
    }
}
