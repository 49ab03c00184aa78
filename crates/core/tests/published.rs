//! The published set: what publishing writes reads back as the catalogue it came from, and the
//! decoders survive hostile bytes — any bytes, cut-off files, flipped bits, absurd counts —
//! with an error and never a panic, allocating at most a small multiple of the file's size.
//! `PROPTEST_CASES` sets the cases per property (256 by default; `scripts/fuzz.sh` runs more).

mod common;

use ankommen_core::chunk::EXCERPT_CHARS;
use ankommen_core::chunk::{decode_details, decode_places};
use ankommen_core::manifest::{FileRef, Manifest};
use ankommen_core::pack::{FileKind, Writer};
use ankommen_core::publish::{publish, Options, Published};
use ankommen_core::store::{Excerpt, Store};
use ankommen_core::{parse_catalog, Catalog};
use common::TODAY;
use proptest::prelude::*;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::OnceLock;

/// Counts the bytes allocated by this thread while a decoder runs (the test harness runs
/// tests on several threads; each measures its own).
struct Counting;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = LIVE.try_with(|live| {
            live.set(live.get() + layout.size());
            let _ = PEAK.try_with(|peak| peak.set(peak.get().max(live.get())));
        });
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let _ = LIVE.try_with(|live| live.set(live.get().saturating_sub(layout.size())));
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most bytes `run` had allocated at once beyond what was live before it.
fn peak_of(run: impl FnOnce()) -> usize {
    let before = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(before));
    run();
    PEAK.with(Cell::get) - before
}

/// The bound the decoders keep: linear in the input (each item of a count takes at least a
/// byte of the file), whatever the counts in it claim.
fn allowed(input: usize) -> usize {
    64 * input + (1 << 20)
}

#[test]
fn the_allocation_meter_sees_a_large_allocation() {
    // The bound below would be meaningless if the meter missed allocations.
    let peak = peak_of(|| drop(std::hint::black_box(Vec::<u8>::with_capacity(10_000_000))));
    assert!(peak >= 10_000_000, "{peak}");
}

fn example() -> &'static (Catalog, Published) {
    static CELL: OnceLock<(Catalog, Published)> = OnceLock::new();
    CELL.get_or_init(|| {
        let catalog = parse_catalog(include_str!("../../../assets/catalog.json"), TODAY)
            .unwrap()
            .catalog;
        // Small chunks, so the example has chunks of several kinds of entries.
        let published = publish(
            &catalog,
            &Options {
                chunk_entries: 20,
                ..Options::default()
            },
        );
        (catalog, published)
    })
}

fn file<'a>(published: &'a Published, f: &FileRef) -> &'a [u8] {
    published.file(&f.name).unwrap()
}

#[test]
fn every_entry_reads_back_from_the_published_files_as_it_was() {
    let (catalog, published) = example();
    let manifest = &published.manifest;
    manifest.check().unwrap();
    assert_eq!(manifest.entries as usize, catalog.entries.len());
    let store = published.load(TODAY);
    assert_eq!(store.len(), catalog.entries.len());
    for (order, entry) in catalog.entries.iter().enumerate() {
        let i = store.position(&entry.id).unwrap();
        assert_eq!(store.order(i) as usize, order);
        assert_eq!(store.category(i), entry.category);
        assert_eq!(store.kind(i), entry.kind);
        let mut professions = entry.professions.clone();
        professions.sort();
        assert_eq!(store.professions(i).collect::<Vec<_>>(), professions);
        assert_eq!(store.district_key(i), entry.district);
        assert_eq!(store.municipality_key(i), entry.municipality.as_deref());
        assert_eq!(store.location(i), entry.location);
        assert_eq!(store.area(i), entry.area);
        assert_eq!(store.is_current(i), entry.is_current(TODAY), "{}", entry.id);
        for lang in ["de", "en"] {
            let name = store.name(i, lang).unwrap();
            assert_eq!(name.text, entry.name.get(lang));
            assert_eq!(
                name.lang == "de" && lang != "de",
                entry.name.translation(lang).is_none()
            );
            // The list's two lines of description: its start, cut at a word.
            let excerpt = store.excerpt(i, lang);
            match &entry.description {
                None => assert_eq!(excerpt, Excerpt::None),
                Some(d) => {
                    let Excerpt::Shown(shown) = excerpt else {
                        panic!("{excerpt:?}")
                    };
                    let head = shown.text.trim_end_matches('…');
                    assert!(d.get(lang).starts_with(head), "{}", shown.text);
                    assert!(head.chars().count() <= EXCERPT_CHARS, "{}", shown.text);
                    assert_eq!(
                        shown.lang == "de" && lang != "de",
                        d.translation(lang).is_none()
                    );
                }
            }
        }
        // Every field the details pane shows comes back from the details file.
        let at = store.details_at(i).unwrap();
        let (_, page) = decode_details(file(published, &at.file)).unwrap();
        assert_eq!(&page[at.position], entry, "{}", entry.id);
    }
    let places = decode_places(file(published, &manifest.places)).unwrap();
    assert_eq!(places, catalog.region.municipalities);
}

#[test]
fn file_names_carry_their_hash_and_the_manifest_stays_small() {
    let (_, published) = example();
    for (name, bytes) in &published.files {
        let hash = FileRef {
            name: name.clone(),
            bytes: bytes.len() as u64,
        };
        assert_eq!(
            hash.hash(),
            Some(ankommen_core::publish::hash(bytes).as_str()),
            "{name}"
        );
    }
    let json = published.manifest_json();
    let back: Manifest = serde_json::from_str(&json).unwrap();
    assert_eq!(back, published.manifest);
    // The manifest names chunk files, not one file per page of details.
    let pages = published
        .files
        .iter()
        .filter(|(n, _)| n.contains("-details-"))
        .count();
    assert!(
        pages > 0 && !json.contains("-details-"),
        "{pages} details files"
    );
}

#[test]
fn a_manifest_that_points_away_or_is_newer_is_refused() {
    use ankommen_core::manifest::ManifestError;
    let (_, published) = example();
    let mut newer = published.manifest.clone();
    newer.published = "2.0".into();
    assert!(matches!(newer.check(), Err(ManifestError::Newer(_))));
    for name in [
        "https://evil.example/x-0123456789abcdef.bin",
        "../x-0123456789abcdef.bin",
        "/x-0123456789abcdef.bin",
    ] {
        let mut away = published.manifest.clone();
        away.chunks[0].index.name = name.into();
        assert_eq!(away.check(), Err(ManifestError::Outside(name.into())));
    }
    let mut unhashed = published.manifest.clone();
    unhashed.places.name = "places.bin".into();
    assert!(matches!(
        unhashed.check(),
        Err(ManifestError::Inconsistent(_))
    ));
}

/// Every file kind a decoder reads, as produced for the example.
fn samples() -> Vec<(FileKind, Vec<u8>)> {
    let (_, published) = example();
    let m = &published.manifest;
    let c = &m.chunks[0];
    let store = published.load(TODAY);
    let i = (0..store.len())
        .find(|i| store.details_at(*i).is_some())
        .unwrap();
    let details = store.details_at(i).unwrap().file;
    let excerpts = {
        let mut bare = Store::for_manifest(m, TODAY);
        let (entries, index) = (file(published, &c.entries_file), file(published, &c.index));
        bare.add(
            0,
            &c.districts,
            entries,
            index,
            file(published, &c.texts["de"]),
        )
        .unwrap();
        bare.missing_excerpts(0, "de").remove(0)
    };
    vec![
        (FileKind::Excerpts, file(published, &excerpts).to_vec()),
        (FileKind::Entries, file(published, &c.entries_file).to_vec()),
        (FileKind::Index, file(published, &c.index).to_vec()),
        (FileKind::Texts, file(published, &c.texts["de"]).to_vec()),
        (FileKind::Details, file(published, &details).to_vec()),
        (FileKind::Places, file(published, &m.places).to_vec()),
    ]
}

/// Feeds `bytes` to the decoder of `kind` (against the first chunk's other files), returning
/// whether it accepted them, and checks the allocation bound.
fn decode(kind: FileKind, bytes: &[u8]) -> bool {
    let (_, published) = example();
    let m = &published.manifest;
    let c = &m.chunks[0];
    let mut accepted = false;
    let peak = peak_of(|| {
        let mut store = Store::for_manifest(m, TODAY);
        let (entries, index, german) = (
            file(published, &c.entries_file),
            file(published, &c.index),
            file(published, &c.texts["de"]),
        );
        accepted = match kind {
            FileKind::Entries => store.add(0, &c.districts, bytes, index, german).is_ok(),
            FileKind::Index => store.add(0, &c.districts, entries, bytes, german).is_ok(),
            FileKind::Texts => {
                // With the chunk (and the texts in its first language) and as another language.
                let first = store.add(0, &c.districts, entries, index, bytes).is_ok();
                let mut other = Store::for_manifest(m, TODAY);
                other.add(0, &c.districts, entries, index, german).unwrap();
                first & other.add_texts(0, bytes).is_ok()
            }
            FileKind::Excerpts => {
                store.add(0, &c.districts, entries, index, german).unwrap();
                store.add_excerpts(0, bytes).is_ok()
            }
            FileKind::Details => decode_details(bytes).is_ok(),
            FileKind::Places => decode_places(bytes).is_ok(),
        };
    });
    let baseline = match kind {
        // Loading the chunk the texts belong to is not the texts decoder's allocation.
        FileKind::Texts | FileKind::Excerpts => {
            2 * (file(published, &c.entries_file).len()
                + file(published, &c.index).len()
                + file(published, &c.texts["de"]).len())
        }
        _ => 0,
    };
    assert!(
        peak <= allowed(bytes.len() + baseline),
        "{kind:?}: {peak} bytes allocated for {} bytes of input",
        bytes.len()
    );
    accepted
}

#[test]
fn every_sample_is_accepted_by_its_decoder_and_refused_by_the_others() {
    let samples = samples();
    for (kind, bytes) in &samples {
        assert!(decode(*kind, bytes), "{kind:?}");
        for (other, _) in samples.iter().filter(|(k, _)| k != kind) {
            assert!(!decode(*other, bytes), "{kind:?} read as {other:?}");
        }
    }
}

#[test]
fn a_count_that_claims_more_than_the_file_holds_is_refused_without_allocating_it() {
    for kind in [
        FileKind::Entries,
        FileKind::Index,
        FileKind::Texts,
        FileKind::Excerpts,
        FileKind::Details,
        FileKind::Places,
    ] {
        let mut w = Writer::new(kind, 1, 0);
        if kind == FileKind::Excerpts {
            w.str("de");
            w.len(0);
        }
        if matches!(kind, FileKind::Entries | FileKind::Texts) {
            w.str(if kind == FileKind::Entries {
                "05515"
            } else {
                "de"
            });
        }
        if kind == FileKind::Details {
            w.len(0);
        }
        w.varint(u64::MAX >> 1);
        w.varint(u64::MAX >> 1);
        assert!(!decode(kind, &w.finish()), "{kind:?}");
    }
}

fn mutated() -> impl Strategy<Value = (FileKind, Vec<u8>)> {
    let samples = samples();
    (0..samples.len(), any::<u64>(), 0..4u8).prop_map(move |(n, seed, how)| {
        let (kind, mut bytes) = samples[n].clone();
        let mut rng = seed;
        let mut next = |below: usize| {
            rng = rng
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (rng >> 33) as usize % below.max(1)
        };
        match how {
            // Cut short, as a broken transfer leaves a file.
            0 => bytes.truncate(next(bytes.len())),
            // Bits flipped anywhere after the header.
            1 => {
                for _ in 0..1 + next(8) {
                    let at = 6 + next(bytes.len() - 6);
                    bytes[at] ^= 1 << next(8);
                }
            }
            // A run of bytes replaced by random ones (counts and lengths included).
            2 => {
                let at = 6 + next(bytes.len() - 6);
                for b in bytes.iter_mut().skip(at).take(1 + next(16)) {
                    *b = next(256) as u8;
                }
            }
            // Bytes inserted.
            _ => {
                let at = 6 + next(bytes.len() - 6);
                let junk: Vec<u8> = (0..1 + next(32)).map(|_| next(256) as u8).collect();
                bytes.splice(at..at, junk);
            }
        }
        (kind, bytes)
    })
}

proptest! {
    #[test]
    fn damaged_files_are_refused_or_read_never_a_panic((kind, bytes) in mutated()) {
        decode(kind, &bytes);
    }

    #[test]
    fn any_bytes_behind_a_valid_header_are_refused_or_read_never_a_panic(
        kind in 0..6usize,
        tail in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        let kind = [FileKind::Entries, FileKind::Index, FileKind::Texts, FileKind::Excerpts, FileKind::Details, FileKind::Places][kind];
        let mut bytes = Writer::new(kind, 1, 0).finish();
        bytes.extend(tail);
        decode(kind, &bytes);
    }

    #[test]
    fn any_manifest_json_is_refused_or_checked_never_a_panic(
        (path, value) in (0..6usize, prop_oneof![
            Just(serde_json::json!(null)),
            Just(serde_json::json!("../../etc/passwd")),
            Just(serde_json::json!(-1)),
            Just(serde_json::json!(1e300)),
            Just(serde_json::json!({})),
            Just(serde_json::json!([1, 2, 3])),
            "[a-z./:%0-9-]{0,40}".prop_map(serde_json::Value::from),
        ])
    ) {
        let (_, published) = example();
        let mut doc = serde_json::to_value(&published.manifest).unwrap();
        let field = ["/published", "/chunks/0/index/name", "/chunks/0/districts/0", "/districts/0/chunks", "/places/bytes", "/categoryOrder"][path];
        if let Some(slot) = doc.pointer_mut(field) {
            *slot = value;
        }
        if let Ok(manifest) = serde_json::from_value::<Manifest>(doc) {
            let _ = manifest.check();
        }
    }
}
