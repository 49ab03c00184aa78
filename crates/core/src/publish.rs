//! Publishing: a validated catalogue becomes a static set of files (docs/published.md) that
//! the app reads without a JSON parser, a validator or an index builder. Entries are split by
//! district, and a large district spatially into chunks of at most
//! [`Options::chunk_entries`], so a view of one district of a large set fetches only that
//! district's files; in a set small enough to be loaded whole, neighbouring districts share
//! chunks ([`Options::group_below`]).
//!
//! The same code runs in the command-line tool (`ankommen-catalog publish`, which writes the
//! files to a folder) and in the app's worker, which publishes a JSON catalogue from an
//! operator's API in memory.

use crate::catalog::{Bounds, Catalog, Entry};
use crate::chunk;
use crate::cluster::project;
use crate::date::Date;
use crate::manifest::{
    Chunk, District, FacetCounts, FileRef, Manifest, RegionSummary, DETAILS_PAGE, PUBLISHED_MAJOR,
    PUBLISHED_MINOR,
};
use crate::search::Index;
use crate::store::Store;
use crate::vocab::{Category, Profession};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// The manifest's file name in a published folder.
pub const MANIFEST: &str = "manifest.json";

#[derive(Debug, Clone)]
pub struct Options {
    /// The most entries in one chunk: a larger district is split by area. Smaller chunks let
    /// a map view fetch less of a large district; larger ones mean fewer files.
    pub chunk_entries: usize,
    /// Sets up to this many entries are loaded whole ([`Manifest::load_whole`]).
    pub load_whole: u32,
    /// The most entries a map view of a larger set loads ([`Manifest::view_entries`]).
    pub view_entries: u32,
    /// In a set loaded whole, neighbouring districts share a chunk until it has this many
    /// entries (fewer, larger files for a regional catalogue); 1 keeps one district per chunk.
    pub group_below: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            chunk_entries: 4096,
            load_whole: crate::scope::LOAD_ALL,
            view_entries: crate::scope::VIEW_ENTRIES,
            group_below: 256,
        }
    }
}

/// A published set: its manifest and the files it names.
#[derive(Debug, Clone)]
pub struct Published {
    pub manifest: Manifest,
    /// File name and bytes, in the manifest's order.
    pub files: Vec<(String, Vec<u8>)>,
}

impl Published {
    /// The manifest as written to `manifest.json`.
    pub fn manifest_json(&self) -> String {
        serde_json::to_string_pretty(&self.manifest).unwrap_or_default()
    }

    pub fn file(&self, name: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, bytes)| bytes.as_slice())
    }
}

/// Publishes `catalog`, whose entries are all valid (what `parse_catalog` kept).
pub fn publish(catalog: &Catalog, options: &Options) -> Published {
    let region = &catalog.region;
    let mut files = Vec::new();
    let mut by_district: BTreeMap<&str, Vec<(u32, &Entry)>> = region
        .districts
        .keys()
        .map(|key| (key.as_str(), Vec::new()))
        .collect();
    for (order, entry) in catalog.entries.iter().enumerate() {
        by_district
            .entry(entry.district.as_str())
            .or_default()
            .push((order as u32, entry));
    }
    let languages = languages(catalog);
    let mut chunks: Vec<Chunk> = Vec::new();
    // A set loaded whole is read whole anyway, unless a widget is locked to a district: its
    // small neighbouring districts share chunks, so a regional catalogue takes a few requests
    // rather than three per district. A larger set keeps one district per chunk (a view of one
    // district fetches that district).
    let whole = catalog.entries.len() <= options.load_whole as usize;
    let mut groups: Vec<Group> = Vec::new();
    for (key, entries) in &by_district {
        // Offers for the whole region form chunks of their own, which a view of some districts
        // loads with them (`scope.rs`): they apply everywhere.
        let (wide, local): (Vec<_>, Vec<_>) = entries
            .iter()
            .partition(|(_, e)| e.area == Some(crate::catalog::Area::Region));
        for (region_wide, group) in [(false, local), (true, wide)] {
            if group.is_empty() {
                continue;
            }
            let open = groups
                .iter_mut()
                .rev()
                .find(|g| g.region_wide == region_wide)
                .filter(|g| whole && g.entries.len() < options.group_below);
            match open {
                Some(open) => {
                    open.keys.push(key);
                    open.entries.extend(group);
                }
                None => groups.push(Group {
                    region_wide,
                    keys: vec![key],
                    entries: group,
                }),
            }
        }
    }
    for Group {
        region_wide,
        keys,
        mut entries,
    } in groups
    {
        entries.sort_by_key(|(order, _)| *order);
        for (n, part) in split(&entries, options.chunk_entries.max(1), region)
            .into_iter()
            .enumerate()
        {
            let stem = format!(
                "{}{}-{n}",
                keys[0],
                if region_wide { "-region" } else { "" }
            );
            let mut chunk = write_chunk(&stem, &keys, &part, region, &languages, &mut files);
            chunk.region_wide = region_wide;
            chunks.push(chunk);
        }
    }
    let mut districts = Vec::new();
    for (key, entries) in &by_district {
        let mut categories = vec![0; Category::ALL.len()];
        for (_, e) in entries {
            categories[e.category as usize] += 1;
        }
        let numbers = (0..chunks.len() as u32)
            .filter(|n| chunks[*n as usize].districts.iter().any(|d| d == key))
            .collect();
        districts.push(District {
            key: key.to_string(),
            name: region
                .districts
                .get(*key)
                .cloned()
                .unwrap_or_else(|| key.to_string()),
            entries: entries.len() as u32,
            bounds: bounds(entries),
            categories,
            chunks: numbers,
        });
    }
    let places = named(
        "places".into(),
        chunk::encode_places(&region.municipalities),
        &mut files,
    );
    let manifest = Manifest {
        published: format!("{PUBLISHED_MAJOR}.{PUBLISHED_MINOR}"),
        catalog_format: catalog.format.clone(),
        updated: catalog.updated,
        maintainer: catalog.maintainer.clone(),
        region: RegionSummary {
            name: region.name.clone(),
            bounds: region.bounds,
            center: region.center,
        },
        languages,
        entries: catalog.entries.len() as u32,
        facets: facets(&catalog.entries),
        category_order: Category::ALL.to_vec(),
        load_whole: options.load_whole,
        view_entries: options.view_entries,
        districts,
        places,
        chunks,
    };
    Published { manifest, files }
}

/// Publishes `catalog` in memory and loads all of it, every language's texts included.
pub fn load_all(catalog: &Catalog, today: Date) -> Store {
    publish(catalog, &Options::default()).load(today)
}

impl Published {
    /// Everything in this set as the app holds it once loaded, every language's texts
    /// included (tests and the operator preview).
    pub fn load(&self, today: Date) -> Store {
        load(self, today)
    }
}

fn load(published: &Published, today: Date) -> Store {
    let manifest = &published.manifest;
    let mut store = Store::for_manifest(manifest, today);
    let file = |f: &FileRef| published.file(&f.name).unwrap_or_default();
    for (n, c) in manifest.chunks.iter().enumerate() {
        let (entries, index, german) =
            (file(&c.entries_file), file(&c.index), file(&c.texts["de"]));
        store
            .add(n as u32, &c.districts, entries, index, german)
            .expect("a chunk published here reads back");
        for (lang, texts) in c.texts.iter().filter(|(lang, _)| *lang != "de") {
            store
                .add_texts(n as u32, file(texts))
                .unwrap_or_else(|e| panic!("texts in {lang} published here read back: {e}"));
        }
        for lang in c.texts.keys() {
            for page in store.missing_excerpts(n as u32, lang) {
                store
                    .add_excerpts(n as u32, file(&page))
                    .expect("excerpts published here read back");
            }
        }
    }
    store
        .add_places(file(&manifest.places))
        .expect("places published here read back");
    store
}

/// The chunks of one district: all of it, or for a large district runs of neighbouring
/// entries (in the order of a Z-curve over the map, so each run covers a compact area), each
/// small enough for its index. Entries without a position join the first. Within a chunk the
/// catalogue's order is kept.
fn split<'a>(
    entries: &[(u32, &'a Entry)],
    most: usize,
    region: &crate::catalog::Region,
) -> Vec<Vec<(u32, &'a Entry)>> {
    if entries.len() <= most && Index::build(entries.iter().map(|(_, e)| *e), region).is_ok() {
        return vec![entries.to_vec()];
    }
    let mut spatial: Vec<(u64, (u32, &Entry))> = entries
        .iter()
        .map(|&(order, e)| (e.location.map_or(0, z_order), (order, e)))
        .collect();
    spatial.sort_by_key(|(z, (order, _))| (*z, *order));
    let parts = entries.len().div_ceil(most).max(2);
    let size = entries.len().div_ceil(parts);
    spatial
        .chunks(size)
        .flat_map(|run| {
            let mut run: Vec<(u32, &Entry)> = run.iter().map(|(_, e)| *e).collect();
            run.sort_by_key(|(order, _)| *order);
            // A run whose texts still have too many words for one index is halved again.
            split(&run, most, region)
        })
        .collect()
}

/// Interleaves the bits of the projected x and y (32 each).
fn z_order(at: crate::catalog::LatLon) -> u64 {
    let p = project(at);
    let scale = |v: f64| (v.clamp(0.0, 1.0) * f64::from(u32::MAX)) as u32;
    let spread = |v: u32| {
        let mut x = u64::from(v);
        x = (x | x << 16) & 0x0000_FFFF_0000_FFFF;
        x = (x | x << 8) & 0x00FF_00FF_00FF_00FF;
        x = (x | x << 4) & 0x0F0F_0F0F_0F0F_0F0F;
        x = (x | x << 2) & 0x3333_3333_3333_3333;
        (x | x << 1) & 0x5555_5555_5555_5555
    };
    spread(scale(p.x)) | spread(scale(p.y)) << 1
}

/// Entries that become one or more chunks: of one district, or of several small ones.
struct Group<'a> {
    region_wide: bool,
    keys: Vec<&'a str>,
    entries: Vec<(u32, &'a Entry)>,
}

/// The files of one chunk (of the districts `keys`), named from `stem`.
fn write_chunk(
    stem: &str,
    keys: &[&str],
    entries: &[(u32, &Entry)],
    region: &crate::catalog::Region,
    languages: &[String],
    files: &mut Vec<(String, Vec<u8>)>,
) -> Chunk {
    let index = Index::build(entries.iter().map(|(_, e)| *e), region)
        .expect("split() leaves every chunk within the index's vocabulary");
    let details: Vec<FileRef> = entries
        .chunks(DETAILS_PAGE)
        .enumerate()
        .map(|(page, part)| {
            named(
                format!("{stem}-details-{page}"),
                chunk::encode_details(page * DETAILS_PAGE, part),
                files,
            )
        })
        .collect();
    let entries_file = named(
        format!("{stem}-entries"),
        chunk::encode_entries(keys, entries, region, &details),
        files,
    );
    let index = named(format!("{stem}-index"), chunk::encode_index(&index), files);
    let texts = languages
        .iter()
        .map(|lang| {
            let excerpts: Vec<FileRef> = entries
                .chunks(chunk::EXCERPT_PAGE)
                .enumerate()
                .map(|(page, part)| {
                    named(
                        format!("{stem}-excerpts-{lang}-{page}"),
                        chunk::encode_excerpts(page * chunk::EXCERPT_PAGE, part, lang),
                        files,
                    )
                })
                .collect();
            let file = named(
                format!("{stem}-texts-{lang}"),
                chunk::encode_texts(entries, lang, &excerpts),
                files,
            );
            (lang.clone(), file)
        })
        .collect();
    Chunk {
        districts: keys.iter().map(|k| k.to_string()).collect(),
        entries: entries.len() as u32,
        bounds: bounds(entries),
        region_wide: false,
        entries_file,
        index,
        texts,
    }
}

/// Adds a file named `<stem>-<the first 16 hex digits of its SHA-256>.bin`.
fn named(stem: String, bytes: Vec<u8>, files: &mut Vec<(String, Vec<u8>)>) -> FileRef {
    let name = format!("{stem}-{}.bin", hash(&bytes));
    let file = FileRef {
        name: name.clone(),
        bytes: bytes.len() as u64,
    };
    files.push((name, bytes));
    file
}

/// The hash a file's name carries: the first 16 hex digits of its SHA-256.
pub fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn bounds(entries: &[(u32, &Entry)]) -> Option<Bounds> {
    Bounds::enclosing(entries.iter().filter_map(|(_, e)| e.location))
}

/// Every language of the region's name and the entries' texts, German first.
fn languages(catalog: &Catalog) -> Vec<String> {
    let mut found = BTreeSet::new();
    let mut add = |text: &crate::catalog::Localized| {
        found.extend(text.texts().map(|(lang, _)| lang.to_owned()));
    };
    add(&catalog.region.name);
    for e in &catalog.entries {
        add(&e.name);
        if let Some(d) = &e.description {
            add(d);
        }
    }
    found.remove("de");
    std::iter::once("de".to_owned()).chain(found).collect()
}

/// Entries per kind, category and profession (an entry for no profession in particular
/// counts for each, as in the filters).
fn facets(entries: &[Entry]) -> FacetCounts {
    let mut facets = FacetCounts::default();
    for e in entries {
        *facets.kinds.entry(e.kind).or_insert(0) += 1;
        *facets.categories.entry(e.category).or_insert(0) += 1;
        let professions = if e.professions.is_empty() {
            Profession::ALL
        } else {
            &e.professions
        };
        for p in professions {
            *facets.professions.entry(*p).or_insert(0) += 1;
        }
    }
    facets
}
