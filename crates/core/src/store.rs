//! The entries the app holds: the chunks of a published set that have been loaded, decoded
//! into flat columns (one array per field, one slot per entry), so filtering 100,000 entries is
//! a loop over small integers, and texts kept per chunk in a few large strings rather than a
//! string per entry. Entries are numbered in the order their chunks arrived; `order` keeps
//! their place in the catalogue, which the list follows.

use crate::catalog::{Area, Bounds, LatLon, Municipality, Region};
use crate::chunk::{
    self, APPROXIMATE, AREA_DISTRICT, AREA_REGION, ENTRY_FLAGS, EXCERPT_IS_GERMAN, EXCERPT_PAGE,
    HAS_EXCERPT, HAS_LOCATION, ILLUSTRATIVE, NAME_IS_GERMAN, TEXT_FLAGS,
};
use crate::date::Date;
use crate::manifest::{FileRef, Manifest, DETAILS_PAGE};
use crate::pack::{DecodeError, Decoded, FileKind, Reader};
use crate::search::Index;
use crate::vocab::{Category, Kind, Profession};
use std::collections::{BTreeMap, HashMap};

/// No municipality.
pub const NONE: u32 = u32::MAX;

/// Many short strings in one allocation.
#[derive(Debug, Default)]
struct Strings {
    text: String,
    ends: Vec<u32>,
}

impl Strings {
    fn with_capacity(n: usize) -> Strings {
        Strings {
            text: String::new(),
            ends: Vec::with_capacity(n),
        }
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
    }

    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn shrink(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * 4
    }
}

/// One chunk's names in one language, and the excerpts pages loaded so far.
#[derive(Debug)]
struct Texts {
    lang: String,
    flags: Vec<u8>,
    names: Strings,
    /// Its excerpts files, one per [`EXCERPT_PAGE`] entries...
    pages: Vec<FileRef>,
    /// ...and those that are in.
    excerpts: Vec<Option<Excerpts>>,
}

/// One excerpts file's texts.
#[derive(Debug)]
struct Excerpts {
    flags: Vec<u8>,
    texts: Strings,
}

/// The start of an entry's description, for the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Excerpt<'a> {
    /// The entry has no description.
    None,
    /// In an excerpts file not loaded yet: that file, of chunk `chunk`.
    Wanted {
        file: FileRef,
        chunk: u32,
    },
    Shown(Shown<'a>),
}

/// A loaded chunk: where its entries are in the columns, its ids, index and texts.
#[derive(Debug)]
struct Loaded {
    /// Its position in the manifest's chunks.
    manifest: u32,
    first: u32,
    ids: Strings,
    /// Its details files, one per [`DETAILS_PAGE`] entries.
    details: Vec<FileRef>,
    index: Index,
    texts: Vec<Texts>,
}

/// A text to show, and its language (German where the entry has no translation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    pub lang: &'a str,
}

/// Which of a chunk's files was refused, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChunkError {
    pub file: FileKind,
    pub error: DecodeError,
}

impl std::fmt::Display for ChunkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} file: {}", self.file, self.error)
    }
}

/// The details file that holds an entry, and the entry's position there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailsAt {
    pub file: FileRef,
    pub position: usize,
}

#[derive(Debug)]
pub struct Store {
    today: Date,
    region: Region,
    /// District keys in the manifest's order; an entry's district is an index into this.
    district_keys: Vec<String>,
    district_ids: HashMap<String, u16>,
    /// Municipalities the loaded entries name, interned.
    town_keys: Vec<String>,
    town_ids: HashMap<String, u32>,
    // The columns, one slot per entry.
    order: Vec<u32>,
    category: Vec<Category>,
    professions: Vec<u16>,
    district: Vec<u16>,
    town: Vec<u32>,
    flags: Vec<u8>,
    location: Vec<LatLon>,
    checked: Vec<u32>,
    current: Vec<bool>,
    slot: Vec<u32>,
    chunks: Vec<Loaded>,
    /// Entry numbers sorted by their place in the catalogue.
    by_order: Vec<u32>,
    /// Changes whenever entries or texts are added.
    version: u64,
    places: bool,
}

impl Store {
    /// An empty store for the region and districts of `manifest`; entries that are not
    /// current on `today` (expired, past events) are kept but never found.
    pub fn for_manifest(manifest: &Manifest, today: Date) -> Store {
        let districts: BTreeMap<String, String> = manifest
            .districts
            .iter()
            .map(|d| (d.key.clone(), d.name.clone()))
            .collect();
        let region = Region {
            name: manifest.region.name.clone(),
            bounds: manifest.region.bounds,
            center: manifest.region.center,
            districts,
            municipalities: BTreeMap::new(),
        };
        let district_keys: Vec<String> = manifest.districts.iter().map(|d| d.key.clone()).collect();
        let district_ids = district_keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), i as u16))
            .collect();
        Store {
            today,
            region,
            district_keys,
            district_ids,
            town_keys: Vec::new(),
            town_ids: HashMap::new(),
            order: Vec::new(),
            category: Vec::new(),
            professions: Vec::new(),
            district: Vec::new(),
            town: Vec::new(),
            flags: Vec::new(),
            location: Vec::new(),
            checked: Vec::new(),
            current: Vec::new(),
            slot: Vec::new(),
            chunks: Vec::new(),
            by_order: Vec::new(),
            version: 0,
            places: false,
        }
    }

    /// Adds chunk `manifest_chunk` (of `districts`) from its entries, index and texts
    /// files (the texts in one language; [`Store::add_texts`] adds others). Nothing is added
    /// when any of them is refused; a chunk already loaded is left as it is.
    pub fn add(
        &mut self,
        manifest_chunk: u32,
        districts: &[String],
        entries: &[u8],
        index: &[u8],
        texts: &[u8],
    ) -> Result<(), ChunkError> {
        if self.is_loaded(manifest_chunk) {
            return Ok(());
        }
        let failed = |file: FileKind| move |error: DecodeError| ChunkError { file, error };
        let decoded =
            decode_entries(entries, Some(districts)).map_err(failed(FileKind::Entries))?;
        let index = (|| {
            let mut r = chunk::open(index, FileKind::Index)?;
            let index = Index::decode(&mut r)?;
            r.end()?;
            if index.len() != decoded.ids.len() {
                return Err(DecodeError {
                    at: 0,
                    what: "an index for another number of entries",
                });
            }
            Ok(index)
        })()
        .map_err(failed(FileKind::Index))?;
        let texts = decode_texts(texts, decoded.ids.len()).map_err(failed(FileKind::Texts))?;
        let district_ids: Vec<u16> = decoded
            .districts
            .iter()
            .map(|key| self.district_ids.get(key).copied())
            .collect::<Option<_>>()
            .ok_or(ChunkError {
                file: FileKind::Entries,
                error: DecodeError {
                    at: 0,
                    what: "entries of a district the manifest does not list",
                },
            })?;
        let first = self.order.len() as u32;
        let slot = self.chunks.len() as u32;
        let towns: Vec<u32> = decoded
            .towns
            .into_iter()
            .map(|(key, town)| self.intern_town(key, town))
            .collect();
        for row in &decoded.rows {
            self.order.push(row.order);
            self.category.push(row.category);
            self.professions.push(row.professions);
            self.district.push(district_ids[usize::from(row.district)]);
            self.town.push(row.town.map_or(NONE, |t| towns[t]));
            self.flags.push(row.flags);
            self.location.push(row.location);
            self.checked.push(row.checked);
            self.current.push(row.is_current(self.today));
            self.slot.push(slot);
        }
        self.chunks.push(Loaded {
            manifest: manifest_chunk,
            first,
            ids: decoded.ids,
            details: decoded.details,
            index,
            texts: vec![texts],
        });
        self.merge_order(first as usize);
        self.version += 1;
        Ok(())
    }

    /// Adds another language's texts file of a loaded chunk (in the language the file names).
    pub fn add_texts(&mut self, manifest_chunk: u32, bytes: &[u8]) -> Decoded<()> {
        let Some(loaded) = self
            .chunks
            .iter_mut()
            .find(|c| c.manifest == manifest_chunk)
        else {
            return Err(DecodeError {
                at: 0,
                what: "texts of a chunk that is not loaded",
            });
        };
        let texts = decode_texts(bytes, loaded.ids.len())?;
        loaded.texts.retain(|t| t.lang != texts.lang);
        loaded.texts.push(texts);
        self.version += 1;
        Ok(())
    }

    /// Adds the region's municipalities from the places file (for "near a place").
    pub fn add_places(&mut self, bytes: &[u8]) -> Decoded<()> {
        let towns = chunk::decode_places(bytes)?;
        self.region.municipalities.extend(towns);
        self.places = true;
        self.version += 1;
        Ok(())
    }

    /// True once the places file is in.
    pub fn has_places(&self) -> bool {
        self.places
    }

    fn intern_town(&mut self, key: String, town: Option<Municipality>) -> u32 {
        if let Some(id) = self.town_ids.get(&key) {
            return *id;
        }
        let id = self.town_keys.len() as u32;
        self.town_ids.insert(key.clone(), id);
        if let Some(town) = town {
            self.region
                .municipalities
                .entry(key.clone())
                .or_insert(town);
        }
        self.town_keys.push(key);
        id
    }

    /// Merges the new entries from `first` on into `by_order` (each chunk is in catalogue
    /// order already): linear, so loading many chunks never sorts everything again.
    fn merge_order(&mut self, first: usize) {
        let order = &self.order;
        let old = std::mem::take(&mut self.by_order);
        let mut merged = Vec::with_capacity(order.len());
        let (mut a, mut b) = (
            old.into_iter().peekable(),
            (first as u32..order.len() as u32).peekable(),
        );
        loop {
            match (a.peek(), b.peek()) {
                (Some(&x), Some(&y)) => {
                    if order[x as usize] <= order[y as usize] {
                        merged.push(x);
                        a.next();
                    } else {
                        merged.push(y);
                        b.next();
                    }
                }
                (Some(_), None) => merged.extend(a.by_ref()),
                (None, Some(_)) => merged.extend(b.by_ref()),
                (None, None) => break,
            }
        }
        self.by_order = merged;
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    pub fn today(&self) -> Date {
        self.today
    }

    pub fn region(&self) -> &Region {
        &self.region
    }

    /// How many entries are loaded.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    pub fn is_loaded(&self, manifest_chunk: u32) -> bool {
        self.chunks.iter().any(|c| c.manifest == manifest_chunk)
    }

    /// The loaded chunks (manifest positions) that have no texts in `lang` yet.
    pub fn missing_texts(&self, lang: &str) -> Vec<u32> {
        self.chunks
            .iter()
            .filter(|c| !c.texts.iter().any(|t| t.lang == lang))
            .map(|c| c.manifest)
            .collect()
    }

    /// Entry numbers in catalogue order.
    pub fn in_order(&self) -> &[u32] {
        &self.by_order
    }

    fn loaded(&self, i: usize) -> (&Loaded, usize) {
        let chunk = &self.chunks[self.slot[i] as usize];
        (chunk, i - chunk.first as usize)
    }

    pub fn id(&self, i: usize) -> &str {
        let (chunk, at) = self.loaded(i);
        chunk.ids.get(at)
    }

    /// The entry with this id, if it is loaded.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.chunks.iter().find_map(|c| {
            (0..c.ids.len())
                .find(|at| c.ids.get(*at) == id)
                .map(|at| c.first as usize + at)
        })
    }

    pub fn order(&self, i: usize) -> u32 {
        self.order[i]
    }

    pub fn category(&self, i: usize) -> Category {
        self.category[i]
    }

    pub fn kind(&self, i: usize) -> Kind {
        self.category[i].kind()
    }

    /// Who the entry is for; none means every profession.
    pub fn professions(&self, i: usize) -> impl Iterator<Item = Profession> {
        chunk::professions_of(self.professions[i])
    }

    pub fn profession_mask(&self, i: usize) -> u16 {
        self.professions[i]
    }

    pub fn district_id(&self, i: usize) -> u16 {
        self.district[i]
    }

    pub fn district_key(&self, i: usize) -> &str {
        &self.district_keys[self.district[i] as usize]
    }

    /// The index of district `key` in the manifest, if it lists it.
    pub fn district_number(&self, key: &str) -> Option<u16> {
        self.district_ids.get(key).copied()
    }

    pub fn district_keys(&self) -> &[String] {
        &self.district_keys
    }

    pub fn town_id(&self, i: usize) -> u32 {
        self.town[i]
    }

    pub fn town_keys(&self) -> &[String] {
        &self.town_keys
    }

    /// The number of municipality `key`, if a loaded entry names it.
    pub fn town_number(&self, key: &str) -> Option<u32> {
        self.town_ids.get(key).copied()
    }

    pub fn municipality_key(&self, i: usize) -> Option<&str> {
        let town = self.town[i];
        (town != NONE).then(|| self.town_keys[town as usize].as_str())
    }

    /// Where an entry is, as a place name: its town, else its district.
    pub fn place_name(&self, i: usize) -> &str {
        let town = self
            .municipality_key(i)
            .and_then(|key| self.region.municipalities.get(key));
        match town {
            Some(town) => &town.name,
            None => self
                .region
                .districts
                .get(self.district_key(i))
                .map_or("", String::as_str),
        }
    }

    pub fn location(&self, i: usize) -> Option<LatLon> {
        (self.flags[i] & HAS_LOCATION != 0).then(|| self.location[i])
    }

    pub fn area(&self, i: usize) -> Option<Area> {
        let flags = self.flags[i];
        if flags & AREA_REGION != 0 {
            Some(Area::Region)
        } else if flags & AREA_DISTRICT != 0 {
            Some(Area::District)
        } else {
            None
        }
    }

    pub fn approximate(&self, i: usize) -> bool {
        self.flags[i] & APPROXIMATE != 0
    }

    pub fn illustrative(&self, i: usize) -> bool {
        self.flags[i] & ILLUSTRATIVE != 0
    }

    /// False for expired entries and past events: those are never found.
    pub fn is_current(&self, i: usize) -> bool {
        self.current[i]
    }

    /// When the entry was last checked, as `YYYYMMDD` (0: never), for "newest first".
    pub fn checked(&self, i: usize) -> u32 {
        self.checked[i]
    }

    /// The search index of the chunk in `slot` and the number of its first entry.
    pub fn indexes(&self) -> impl Iterator<Item = (usize, &Index)> {
        self.chunks.iter().map(|c| (c.first as usize, &c.index))
    }

    fn texts(&self, i: usize, lang: &str) -> Option<(&Texts, usize)> {
        let (chunk, at) = self.loaded(i);
        let texts = chunk
            .texts
            .iter()
            .find(|t| t.lang == lang)
            .or_else(|| chunk.texts.first())?;
        Some((texts, at))
    }

    /// The entry's name in `lang` (or German where it has none). While the texts of `lang` are
    /// still on their way, those of another language that is loaded.
    pub fn name(&self, i: usize, lang: &str) -> Option<Shown<'_>> {
        let (texts, at) = self.texts(i, lang)?;
        let german = texts.flags[at] & NAME_IS_GERMAN != 0;
        Some(Shown {
            text: texts.names.get(at),
            lang: if german { "de" } else { &texts.lang },
        })
    }

    /// The start of the entry's description in `lang` (its names' language, as
    /// [`Store::name`]), or the excerpts file it is in.
    pub fn excerpt(&self, i: usize, lang: &str) -> Excerpt<'_> {
        let Some((texts, at)) = self.texts(i, lang) else {
            return Excerpt::None;
        };
        if texts.flags[at] & HAS_EXCERPT == 0 {
            return Excerpt::None;
        }
        let (page, row) = (at / EXCERPT_PAGE, at % EXCERPT_PAGE);
        match (texts.excerpts.get(page), texts.pages.get(page)) {
            (Some(Some(excerpts)), _) => Excerpt::Shown(Shown {
                text: excerpts.texts.get(row),
                lang: if excerpts.flags[row] & EXCERPT_IS_GERMAN != 0 {
                    "de"
                } else {
                    &texts.lang
                },
            }),
            (_, Some(file)) => Excerpt::Wanted {
                file: file.clone(),
                chunk: self.chunks[self.slot[i] as usize].manifest,
            },
            _ => Excerpt::None,
        }
    }

    /// The excerpts files of loaded chunk `manifest_chunk` in `lang` that are not in yet.
    pub fn missing_excerpts(&self, manifest_chunk: u32, lang: &str) -> Vec<FileRef> {
        self.chunks
            .iter()
            .filter(|c| c.manifest == manifest_chunk)
            .flat_map(|c| c.texts.iter().filter(|t| t.lang == lang))
            .flat_map(|t| {
                t.pages
                    .iter()
                    .zip(&t.excerpts)
                    .filter(|(_, loaded)| loaded.is_none())
                    .map(|(file, _)| file.clone())
            })
            .collect()
    }

    /// Adds an excerpts file of a loaded chunk (for the language and entries it names).
    pub fn add_excerpts(&mut self, manifest_chunk: u32, bytes: &[u8]) -> Decoded<()> {
        let mut r = chunk::open(bytes, FileKind::Excerpts)?;
        let lang = r.str()?;
        let first = usize::try_from(r.varint()?).map_err(|_| r.error("a number too large"))?;
        let n = r.count(2)?;
        let texts = self
            .chunks
            .iter_mut()
            .find(|c| c.manifest == manifest_chunk)
            .and_then(|c| c.texts.iter_mut().find(|t| t.lang == lang))
            .ok_or_else(|| r.error("excerpts of texts that are not loaded"))?;
        let page = first / EXCERPT_PAGE;
        let expected = texts.flags.len().saturating_sub(first).min(EXCERPT_PAGE);
        if first % EXCERPT_PAGE != 0 || page >= texts.pages.len() || n != expected {
            return Err(r.error("excerpts for other entries"));
        }
        let mut excerpts = Excerpts {
            flags: Vec::with_capacity(n),
            texts: Strings::with_capacity(n),
        };
        for _ in 0..n {
            let flags = r.u8()?;
            if flags & !EXCERPT_IS_GERMAN != 0 {
                return Err(r.error("unknown excerpt flags"));
            }
            excerpts.flags.push(flags);
            excerpts.texts.push(r.str()?);
        }
        r.end()?;
        excerpts.texts.shrink();
        texts.excerpts[page] = Some(excerpts);
        self.version += 1;
        Ok(())
    }

    /// Which details file holds entry `i`.
    pub fn details_at(&self, i: usize) -> Option<DetailsAt> {
        let (chunk, at) = self.loaded(i);
        Some(DetailsAt {
            file: chunk.details.get(at / DETAILS_PAGE)?.clone(),
            position: at % DETAILS_PAGE,
        })
    }

    /// Around the loaded entries with a position.
    pub fn bounds(&self) -> Option<Bounds> {
        Bounds::enclosing((0..self.len()).filter_map(|i| self.location(i)))
    }

    /// The memory the loaded entries take, by part: columns, ids, texts, search index.
    pub fn heap_bytes(&self) -> [(&'static str, usize); 4] {
        let n = self.order.capacity();
        let columns = n * (4 + 1 + 2 + 2 + 4 + 1 + 16 + 4 + 1 + 4) + self.by_order.capacity() * 4;
        let ids = self.chunks.iter().map(|c| c.ids.heap_bytes()).sum();
        let texts = self
            .chunks
            .iter()
            .flat_map(|c| &c.texts)
            .map(|t| {
                let pages = t.excerpts.iter().flatten();
                t.names.heap_bytes()
                    + t.flags.capacity()
                    + pages
                        .map(|p| p.texts.heap_bytes() + p.flags.capacity())
                        .sum::<usize>()
            })
            .sum();
        let index = self.chunks.iter().map(|c| c.index.heap_bytes()).sum();
        [
            ("columns", columns),
            ("ids", ids),
            ("texts", texts),
            ("index", index),
        ]
    }
}

/// One entry of an entries file.
struct Row {
    order: u32,
    /// Among the chunk's districts.
    district: u16,
    category: Category,
    professions: u16,
    town: Option<usize>,
    flags: u8,
    location: LatLon,
    valid_from: u32,
    valid_until: u32,
    event_start: u32,
    event_end: u32,
    checked: u32,
}

impl Row {
    /// [`Entry::is_current`](crate::catalog::Entry::is_current) on the file's dates.
    fn is_current(&self, today: Date) -> bool {
        let today = chunk::date_number(Some(today)) as u32;
        let started = self.valid_from == 0 || self.valid_from <= today;
        let not_ended = self.valid_until == 0 || today <= self.valid_until;
        let last_day = if self.event_end != 0 {
            self.event_end
        } else {
            self.event_start
        };
        let event_ahead = self.category.kind() != Kind::Event || last_day == 0 || today <= last_day;
        started && not_ended && event_ahead
    }
}

/// The excerpts files a texts file names (for a publisher that keeps the files of the
/// previous publication).
pub fn excerpt_files(texts: &[u8]) -> Decoded<Vec<FileRef>> {
    let mut r = chunk::open(texts, FileKind::Texts)?;
    r.str()?;
    let n = r.count(2)?;
    let decoded = decode_texts(texts, n)?;
    Ok(decoded.pages)
}

/// A texts file for a chunk of `n` entries.
fn decode_texts(bytes: &[u8], n: usize) -> Decoded<Texts> {
    let mut r = chunk::open(bytes, FileKind::Texts)?;
    let lang = r.str()?.to_owned();
    if !crate::validate::is_language_code(&lang) {
        return Err(r.error("not a language code"));
    }
    if r.count(2)? != n {
        return Err(r.error("texts for another number of entries"));
    }
    let mut texts = Texts {
        lang,
        flags: Vec::with_capacity(n),
        names: Strings::with_capacity(n),
        pages: Vec::new(),
        excerpts: Vec::new(),
    };
    for _ in 0..n {
        let flags = r.u8()?;
        if flags & !TEXT_FLAGS != 0 {
            return Err(r.error("unknown text flags"));
        }
        texts.flags.push(flags);
        texts.names.push(r.str()?);
    }
    let pages = r.count(2)?;
    if pages != n.div_ceil(EXCERPT_PAGE) {
        return Err(r.error("excerpts files for another number of entries"));
    }
    for _ in 0..pages {
        let file = FileRef {
            name: r.str()?.to_owned(),
            bytes: r.varint()?,
        };
        if !crate::manifest::is_plain_name(&file.name) || file.hash().is_none() {
            return Err(r.error("an excerpts file name that is not plain"));
        }
        texts.pages.push(file);
    }
    texts.excerpts = (0..pages).map(|_| None).collect();
    r.end()?;
    texts.names.shrink();
    Ok(texts)
}

struct DecodedEntries {
    districts: Vec<String>,
    /// Municipality keys, with name and position where the region knows them.
    towns: Vec<(String, Option<Municipality>)>,
    ids: Strings,
    rows: Vec<Row>,
    details: Vec<FileRef>,
}

/// The details files an entries file names (for a publisher that keeps the files of the
/// previous publication).
pub fn details_files(entries: &[u8]) -> Decoded<Vec<FileRef>> {
    decode_entries(entries, None).map(|decoded| decoded.details)
}

fn decode_entries(bytes: &[u8], districts: Option<&[String]>) -> Decoded<DecodedEntries> {
    let mut r = chunk::open(bytes, FileKind::Entries)?;
    let mut named = Vec::new();
    for _ in 0..r.count(1)? {
        named.push(r.str()?.to_owned());
    }
    if named.is_empty() || districts.is_some_and(|d| d != named.as_slice()) {
        return Err(r.error("entries of other districts"));
    }
    // An entry takes at least 12 bytes: id, order, district, category, professions, town,
    // flags, dates.
    let n = r.count(12)?;
    let mut towns = Vec::new();
    for _ in 0..r.count(2)? {
        let key = r.str()?.to_owned();
        let known = match r.u8()? {
            0 => None,
            1 => {
                let name = r.str()?.to_owned();
                let location = chunk::read_location(&mut r)?;
                Some(Municipality { name, location })
            }
            _ => return Err(r.error("a flag that is neither 0 nor 1")),
        };
        towns.push((key, known));
    }
    let mut ids = Strings::with_capacity(n);
    let mut rows = Vec::with_capacity(n);
    let date =
        |r: &mut Reader| -> Decoded<u32> { Ok(chunk::date_number(chunk::read_date(r)?) as u32) };
    for _ in 0..n {
        let id = r.str()?;
        if !crate::validate::is_well_formed_id(id) {
            return Err(r.error("an entry id that is not well-formed"));
        }
        ids.push(id);
        let order = r.u32_varint()?;
        let district = r.varint()?;
        if district >= named.len() as u64 {
            return Err(r.error("an entry of a district the chunk does not name"));
        }
        let category = chunk::read_category(&mut r)?;
        let professions = chunk::read_professions(&mut r)?;
        let town = match r.varint()? {
            0 => None,
            t if (t as usize) <= towns.len() => Some(t as usize - 1),
            _ => return Err(r.error("an unknown municipality")),
        };
        let flags = r.u8()?;
        let one_place = [HAS_LOCATION, AREA_DISTRICT, AREA_REGION]
            .iter()
            .filter(|f| flags & **f != 0)
            .count()
            == 1;
        if flags & !ENTRY_FLAGS != 0 || !one_place {
            return Err(r.error("unknown entry flags"));
        }
        let location = if flags & HAS_LOCATION != 0 {
            chunk::read_location(&mut r)?
        } else {
            LatLon { lat: 0.0, lon: 0.0 }
        };
        rows.push(Row {
            order,
            district: district as u16,
            category,
            professions,
            town,
            flags,
            location,
            valid_from: date(&mut r)?,
            valid_until: date(&mut r)?,
            event_start: date(&mut r)?,
            event_end: date(&mut r)?,
            checked: date(&mut r)?,
        });
    }
    let pages = r.count(2)?;
    if pages != n.div_ceil(DETAILS_PAGE) {
        return Err(r.error("details files for another number of entries"));
    }
    let mut details = Vec::with_capacity(pages);
    for _ in 0..pages {
        let file = FileRef {
            name: r.str()?.to_owned(),
            bytes: r.varint()?,
        };
        if !crate::manifest::is_plain_name(&file.name) || file.hash().is_none() {
            return Err(r.error("a details file name that is not plain"));
        }
        details.push(file);
    }
    r.end()?;
    ids.shrink();
    Ok(DecodedEntries {
        districts: named,
        towns,
        ids,
        rows,
        details,
    })
}
