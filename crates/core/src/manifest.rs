//! The manifest of a published set (docs/published.md): the one small JSON file a deployment
//! revalidates. It describes the region, its districts with their entry counts and bounds,
//! the facet vocabularies with counts, the languages, and the name and size of each chunk's
//! files. Every file's name ends in the first 16 hex digits of its SHA-256, which the app
//! checks, so any static host or CDN may cache files for ever. The details files of a chunk
//! (one per [`DETAILS_PAGE`] entries) are named the same way by the chunk's entries file, so
//! the manifest grows with the number of chunks, not of entries.

use crate::catalog::{Bounds, LatLon, Localized, Maintainer};
use crate::date::Date;
use crate::vocab::{Category, Kind, Profession};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The published-set format this code writes and reads: files of another major version are
/// refused, a newer minor version is read (it may only add what older readers can ignore).
pub const PUBLISHED_MAJOR: u8 = 1;
pub const PUBLISHED_MINOR: u8 = 0;

/// Entries per details file: opening one entry fetches the details of this many.
pub const DETAILS_PAGE: usize = 64;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    /// `MAJOR.MINOR` of the published-set format; its presence marks the document as a
    /// manifest rather than a catalogue.
    pub published: String,
    /// The catalogue format the set was published from, e.g. `1.0`.
    pub catalog_format: String,
    pub updated: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maintainer: Option<Maintainer>,
    pub region: RegionSummary,
    /// Languages that have texts files, German first.
    pub languages: Vec<String>,
    /// All entries of the set (current or not).
    pub entries: u32,
    pub facets: FacetCounts,
    /// The order of the per-district category counts.
    pub category_order: Vec<Category>,
    /// A set of up to this many entries is loaded whole; a larger one by district and map
    /// view (`scope.rs`).
    #[serde(default = "default_load_whole")]
    pub load_whole: u32,
    /// The most entries a map view of a larger set loads; zoomed out further, districts show
    /// their counts.
    #[serde(default = "default_view_entries")]
    pub view_entries: u32,
    /// Every district of the region, by key, including those without entries.
    pub districts: Vec<District>,
    /// The region's municipalities, for "near a place".
    pub places: FileRef,
    pub chunks: Vec<Chunk>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegionSummary {
    pub name: Localized,
    pub bounds: Bounds,
    pub center: LatLon,
}

/// How many entries have each value (expired ones included).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FacetCounts {
    pub kinds: BTreeMap<Kind, u32>,
    pub categories: BTreeMap<Category, u32>,
    pub professions: BTreeMap<Profession, u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct District {
    /// The 5-digit Kreis key (AGS).
    pub key: String,
    pub name: String,
    pub entries: u32,
    /// Around the entries with a position; `None` when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bounds: Option<Bounds>,
    /// Entries per category, in [`Manifest::category_order`], so a zoomed-out map can count
    /// by kind and category without fetching the district.
    #[serde(default)]
    pub categories: Vec<u32>,
    /// Indexes into [`Manifest::chunks`].
    #[serde(default)]
    pub chunks: Vec<u32>,
}

/// Part of one district's entries (all of them, unless the district is large), as three
/// kinds of files: the entries (which also name the chunk's details files), their search
/// index, and their names and short descriptions per language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Chunk {
    /// The districts whose entries it holds: one, or in a set loaded whole several small
    /// neighbouring ones.
    pub districts: Vec<String>,
    pub entries: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bounds: Option<Bounds>,
    /// Offers for the whole region (`area: region`): loaded with whichever district is.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub region_wide: bool,
    #[serde(rename = "entriesFile")]
    pub entries_file: FileRef,
    pub index: FileRef,
    /// By language code.
    pub texts: BTreeMap<String, FileRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRef {
    /// A file name beside the manifest ending in the first 16 hex digits of the SHA-256 of
    /// its bytes, e.g. `05966-0-entries-3f2a0c9e51d7b4a8.bin`.
    pub name: String,
    pub bytes: u64,
}

impl FileRef {
    /// The hash the name carries: 16 lower-case hex digits between `-` and `.bin`.
    pub fn hash(&self) -> Option<&str> {
        let stem = self.name.strip_suffix(".bin")?;
        let (_, hash) = stem.rsplit_once('-')?;
        (hash.len() == 16
            && hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
        .then_some(hash)
    }
}

fn default_load_whole() -> u32 {
    crate::scope::LOAD_ALL
}

fn default_view_entries() -> u32 {
    crate::scope::VIEW_ENTRIES
}

/// Why a manifest cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum ManifestError {
    /// A newer major version of the format than this code reads.
    Newer(String),
    /// Not a version of the form `MAJOR.MINOR`.
    Version(String),
    /// A file name that is not a plain name beside the manifest (`../x`, `https://…`, `/x`).
    Outside(String),
    /// Counts or references that do not fit together.
    Inconsistent(&'static str),
}

impl ManifestError {
    /// The reason in German and English.
    pub fn messages(&self) -> (String, String) {
        match self {
            ManifestError::Newer(v) => (
                format!("Das Datenformat {v} ist neuer als die unterstützte Version {PUBLISHED_MAJOR}.x; bitte Ankommen aktualisieren."),
                format!("The data format {v} is newer than the supported version {PUBLISHED_MAJOR}.x; please update Ankommen."),
            ),
            ManifestError::Version(v) => (
                format!("„{v}“ ist keine Version des Datenformats."),
                format!("\"{v}\" is not a version of the data format."),
            ),
            ManifestError::Outside(name) => (
                format!("Die Datei „{name}“ liegt nicht neben dem Manifest; Daten von anderen Adressen werden nicht geladen."),
                format!("The file \"{name}\" is not beside the manifest; data from other addresses is not loaded."),
            ),
            ManifestError::Inconsistent(what) => (
                format!("Das Manifest ist widersprüchlich ({what})."),
                format!("The manifest is inconsistent ({what})."),
            ),
        }
    }
}

impl Manifest {
    /// Checks what the app relies on before fetching anything the manifest names: a version it
    /// reads, file names that stay beside the manifest (so a manifest cannot send the app to
    /// another site), and references that point at existing chunks and districts.
    pub fn check(&self) -> Result<(), ManifestError> {
        let (major, _minor) = self
            .published
            .split_once('.')
            .and_then(|(a, b)| Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)))
            .ok_or_else(|| ManifestError::Version(self.published.clone()))?;
        if major > u32::from(PUBLISHED_MAJOR) {
            return Err(ManifestError::Newer(self.published.clone()));
        }
        if major < u32::from(PUBLISHED_MAJOR) {
            return Err(ManifestError::Version(self.published.clone()));
        }
        for file in self.files() {
            if !is_plain_name(&file.name) {
                return Err(ManifestError::Outside(file.name.clone()));
            }
            if file.hash().is_none() {
                return Err(ManifestError::Inconsistent("a file name without its hash"));
            }
        }
        let known = |key: &str| self.districts.iter().any(|d| d.key == key);
        if self
            .chunks
            .iter()
            .any(|c| c.districts.is_empty() || !c.districts.iter().all(|d| known(d)))
        {
            return Err(ManifestError::Inconsistent(
                "a chunk of an unknown district",
            ));
        }
        let in_range = |i: &u32| (*i as usize) < self.chunks.len();
        if self
            .districts
            .iter()
            .any(|d| !d.chunks.iter().all(in_range))
        {
            return Err(ManifestError::Inconsistent(
                "a district names a missing chunk",
            ));
        }
        if self.chunks.iter().any(|c| !c.texts.contains_key("de")) {
            return Err(ManifestError::Inconsistent("a chunk without German texts"));
        }
        if self
            .districts
            .iter()
            .any(|d| !d.categories.is_empty() && d.categories.len() != self.category_order.len())
        {
            return Err(ManifestError::Inconsistent(
                "category counts of another length",
            ));
        }
        Ok(())
    }

    /// Every file the manifest names (details files are named by their chunk's entries).
    pub fn files(&self) -> impl Iterator<Item = &FileRef> {
        std::iter::once(&self.places).chain(self.chunks.iter().flat_map(|c| {
            [&c.entries_file, &c.index]
                .into_iter()
                .chain(c.texts.values())
        }))
    }

    /// The language whose texts to load for UI language `lang`: itself when the set has it,
    /// else German (whose texts every chunk has; the UI marks them as German).
    pub fn texts_language<'a>(&self, lang: &'a str) -> &'a str {
        if self.languages.iter().any(|l| l == lang) {
            lang
        } else {
            "de"
        }
    }
}

/// A file name without a path, scheme, query or parent reference: letters, digits, `-`, `_`
/// and `.`, not starting with a dot.
pub fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 200
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_beside_the_manifest_are_allowed() {
        for good in ["05966-0-entries-0123456789abcdef.bin", "places-1.bin"] {
            assert!(is_plain_name(good), "{good}");
        }
        for bad in [
            "",
            "../catalog.bin",
            "/data/x.bin",
            "https://evil.example/x.bin",
            "//evil.example/x.bin",
            ".hidden",
            "a/b.bin",
            "a?b",
            "a b",
            "a%2e%2e",
        ] {
            assert!(!is_plain_name(bad), "{bad}");
        }
    }
}
