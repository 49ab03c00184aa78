//! A chunk's files and the places file, byte for byte (docs/published.md). Writing is done by
//! the publisher; the entries, index and texts files are read straight into the app's
//! [`Store`](crate::store::Store), the details and places files here.

use crate::catalog::{
    Address, Area, Contact, Entry, EventDetails, Funding, LatLon, Link, Localized, Municipality,
    Region, Source, Validity,
};
use crate::date::Date;
use crate::manifest::{FileRef, PUBLISHED_MAJOR, PUBLISHED_MINOR};
use crate::pack::{Decoded, FileKind, Reader, Writer};
use crate::search::Index;
use crate::vocab::{Category, Profession};
use std::collections::BTreeMap;

/// Flags of an entry in the entries file.
pub const HAS_LOCATION: u8 = 1;
pub const AREA_DISTRICT: u8 = 2;
pub const AREA_REGION: u8 = 4;
pub const APPROXIMATE: u8 = 8;
pub const ILLUSTRATIVE: u8 = 16;
pub const ENTRY_FLAGS: u8 = 31;

/// Flags of an entry in a texts file.
pub const NAME_IS_GERMAN: u8 = 1;
pub const HAS_EXCERPT: u8 = 2;
pub const TEXT_FLAGS: u8 = 3;
/// The flag of an entry in an excerpts file.
pub const EXCERPT_IS_GERMAN: u8 = 1;

/// Entries per excerpts file: the list shows a dozen rows at a time, so the rows on screen
/// need a few small files rather than all of a chunk's descriptions.
pub const EXCERPT_PAGE: usize = 128;

/// The list shows two lines of an entry's description (about 50 characters each at the
/// list's width); the texts file carries this many characters of it (cut at a word), the
/// details file all of it.
pub const EXCERPT_CHARS: usize = 120;

const _: () = assert!(Profession::ALL.len() <= 16, "professions are a 16-bit mask");
const _: () = assert!(Category::ALL.len() <= 256, "a category is one byte");

fn writer(kind: FileKind) -> Writer {
    Writer::new(kind, PUBLISHED_MAJOR, PUBLISHED_MINOR)
}

/// Opens a file of `kind`. A newer minor version may only append to what this version
/// writes, so [`Reader::end`] lets its extra bytes be.
pub fn open(bytes: &[u8], kind: FileKind) -> Decoded<Reader<'_>> {
    Reader::open(bytes, kind, PUBLISHED_MAJOR).map(|(mut reader, minor)| {
        reader.tolerate_trailing(minor > PUBLISHED_MINOR);
        reader
    })
}

/// A date as the number `YYYYMMDD`, 0 for none: small, and ordered like the dates.
pub fn date_number(date: Option<Date>) -> u64 {
    date.map_or(0, |d| {
        u64::from(d.year) * 10_000 + u64::from(d.month) * 100 + u64::from(d.day)
    })
}

pub fn read_date(r: &mut Reader) -> Decoded<Option<Date>> {
    let n = r.varint()?;
    if n == 0 {
        return Ok(None);
    }
    let date = u16::try_from(n / 10_000)
        .ok()
        .and_then(|year| Date::new(year, (n / 100 % 100) as u8, (n % 100) as u8));
    date.map(Some).ok_or_else(|| r.error("not a date"))
}

pub fn professions_mask(professions: &[Profession]) -> u16 {
    professions.iter().fold(0, |mask, p| {
        let bit = Profession::ALL.iter().position(|q| q == p).unwrap_or(0);
        mask | 1 << bit
    })
}

pub fn read_professions(r: &mut Reader) -> Decoded<u16> {
    let mask = r.u16()?;
    if mask >> Profession::ALL.len() != 0 {
        return Err(r.error("an unknown profession"));
    }
    Ok(mask)
}

pub fn professions_of(mask: u16) -> impl Iterator<Item = Profession> {
    Profession::ALL
        .iter()
        .enumerate()
        .filter(move |(bit, _)| mask & 1 << bit != 0)
        .map(|(_, p)| *p)
}

pub fn category_number(category: Category) -> u8 {
    Category::ALL
        .iter()
        .position(|c| *c == category)
        .unwrap_or(0) as u8
}

pub fn read_category(r: &mut Reader) -> Decoded<Category> {
    let n = r.u8()?;
    Category::ALL
        .get(usize::from(n))
        .copied()
        .ok_or_else(|| r.error("an unknown category"))
}

pub fn read_location(r: &mut Reader) -> Decoded<LatLon> {
    let (lat, lon) = (r.f64()?, r.f64()?);
    if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
        Ok(LatLon { lat, lon })
    } else {
        Err(r.error("a position off the earth"))
    }
}

/// The entries file of a chunk: its districts, the municipalities its entries name, per entry
/// what the list, the map and the filters need, and the chunk's details files.
pub fn encode_entries(
    districts: &[&str],
    entries: &[(u32, &Entry)],
    region: &Region,
    details: &[FileRef],
) -> Vec<u8> {
    let mut w = writer(FileKind::Entries);
    w.len(districts.len());
    for district in districts {
        w.str(district);
    }
    w.len(entries.len());
    // Every municipality key the entries name; with its name and position where the region
    // knows it (facets count by key either way, as for a JSON catalogue).
    let mut towns: Vec<&str> = entries
        .iter()
        .filter_map(|(_, e)| e.municipality.as_deref())
        .collect();
    towns.sort_unstable();
    towns.dedup();
    w.len(towns.len());
    for key in &towns {
        w.str(key);
        match region.municipalities.get(*key) {
            None => w.u8(0),
            Some(town) => {
                w.u8(1);
                w.str(&town.name);
                w.f64(town.location.lat);
                w.f64(town.location.lon);
            }
        }
    }
    for (order, e) in entries {
        w.str(&e.id);
        w.varint(u64::from(*order));
        let district = districts.iter().position(|d| *d == e.district).unwrap_or(0);
        w.len(district);
        w.u8(category_number(e.category));
        w.u16(professions_mask(&e.professions));
        let town = e
            .municipality
            .as_deref()
            .and_then(|key| towns.binary_search(&key).ok());
        w.varint(town.map_or(0, |i| i as u64 + 1));
        let mut flags = 0;
        if e.location.is_some() {
            flags |= HAS_LOCATION;
        }
        match e.area {
            Some(Area::District) => flags |= AREA_DISTRICT,
            Some(Area::Region) => flags |= AREA_REGION,
            None => {}
        }
        if e.approximate {
            flags |= APPROXIMATE;
        }
        if e.illustrative {
            flags |= ILLUSTRATIVE;
        }
        w.u8(flags);
        if let Some(at) = e.location {
            w.f64(at.lat);
            w.f64(at.lon);
        }
        let valid = e.valid.unwrap_or_default();
        // Event details count only for events (Entry::is_current).
        let event = e
            .event
            .as_ref()
            .filter(|_| e.kind == crate::vocab::Kind::Event);
        for date in [
            valid.from,
            valid.until,
            event.map(|v| v.start),
            event.and_then(|v| v.end),
            e.source.as_ref().map(|s| s.checked),
        ] {
            w.varint(date_number(date));
        }
    }
    w.len(details.len());
    for file in details {
        w.str(&file.name);
        w.varint(file.bytes);
    }
    w.finish()
}

/// The index file of a chunk.
pub fn encode_index(index: &Index) -> Vec<u8> {
    let mut w = writer(FileKind::Index);
    index.encode(&mut w);
    w.finish()
}

/// The texts file of a chunk in `lang`: each entry's name in that language (or in German,
/// flagged, where it has no translation), whether it has a description, and the chunk's
/// excerpts files in that language.
pub fn encode_texts(entries: &[(u32, &Entry)], lang: &str, excerpts: &[FileRef]) -> Vec<u8> {
    let mut w = writer(FileKind::Texts);
    w.str(lang);
    w.len(entries.len());
    for (_, e) in entries {
        let mut flags = 0;
        let name = e.name.translation(lang).unwrap_or_else(|| {
            flags |= NAME_IS_GERMAN;
            &e.name.de
        });
        if e.description.is_some() {
            flags |= HAS_EXCERPT;
        }
        w.u8(flags);
        w.str(name);
    }
    w.len(excerpts.len());
    for file in excerpts {
        w.str(&file.name);
        w.varint(file.bytes);
    }
    w.finish()
}

/// An excerpts file: for entries from position `first` of a chunk, the start of each one's
/// description in `lang` (German, flagged, without a translation; empty without one).
pub fn encode_excerpts(first: usize, entries: &[(u32, &Entry)], lang: &str) -> Vec<u8> {
    let mut w = writer(FileKind::Excerpts);
    w.str(lang);
    w.len(first);
    w.len(entries.len());
    for (_, e) in entries {
        let (flags, text) = match &e.description {
            None => (0, String::new()),
            Some(d) => match d.translation(lang) {
                Some(text) => (0, excerpt(text)),
                None => (EXCERPT_IS_GERMAN, excerpt(&d.de)),
            },
        };
        w.u8(flags);
        w.str(&text);
    }
    w.finish()
}

/// The first [`EXCERPT_CHARS`] characters of `text`, cut after a word, with "…" when cut.
pub fn excerpt(text: &str) -> String {
    let Some((cut, _)) = text.char_indices().nth(EXCERPT_CHARS) else {
        return text.to_owned();
    };
    let head = &text[..cut];
    let head = head
        .rfind(char::is_whitespace)
        .map_or(head, |space| &head[..space]);
    format!("{}…", head.trim_end())
}

fn write_localized(w: &mut Writer, text: &Localized) {
    w.str(&text.de);
    let others: Vec<(&str, &str)> = text.texts().skip(1).collect();
    w.len(others.len());
    for (lang, text) in others {
        w.str(lang);
        w.str(text);
    }
}

fn read_localized(r: &mut Reader) -> Decoded<Localized> {
    let mut text = Localized::new(r.str()?);
    for _ in 0..r.count(2)? {
        let lang = r.str()?;
        if lang == "de" || !crate::validate::is_language_code(lang) {
            return Err(r.error("not a language code"));
        }
        text.set(lang, r.str()?);
    }
    Ok(text)
}

fn write_strs(w: &mut Writer, items: &[String]) {
    w.len(items.len());
    for item in items {
        w.str(item);
    }
}

fn read_strs(r: &mut Reader) -> Decoded<Vec<String>> {
    (0..r.count(1)?)
        .map(|_| r.str().map(str::to_owned))
        .collect()
}

fn read_flag(r: &mut Reader) -> Decoded<bool> {
    match r.u8()? {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(r.error("a flag that is neither 0 nor 1")),
    }
}

fn opt_string(r: &mut Reader) -> Decoded<Option<String>> {
    Ok(r.opt_str()?.map(str::to_owned))
}

/// A details file: every shown field of `entries` (a page of a chunk, from position
/// `first` in it).
pub fn encode_details(first: usize, entries: &[(u32, &Entry)]) -> Vec<u8> {
    let mut w = writer(FileKind::Details);
    w.len(first);
    w.len(entries.len());
    for (_, e) in entries {
        w.str(&e.id);
        w.u8(category_number(e.category));
        // In the maintainer's order, as the details list them.
        w.len(e.professions.len());
        for p in &e.professions {
            w.u8(Profession::ALL.iter().position(|q| q == p).unwrap_or(0) as u8);
        }
        w.str(&e.district);
        w.opt_str(e.municipality.as_deref());
        w.u8(u8::from(e.location.is_some()));
        if let Some(at) = e.location {
            w.f64(at.lat);
            w.f64(at.lon);
        }
        w.u8(match e.area {
            None => 0,
            Some(Area::District) => 1,
            Some(Area::Region) => 2,
        });
        w.u8(u8::from(e.approximate));
        w.u8(u8::from(e.illustrative));
        write_localized(&mut w, &e.name);
        w.u8(u8::from(e.description.is_some()));
        if let Some(d) = &e.description {
            write_localized(&mut w, d);
        }
        w.u8(u8::from(e.address.is_some()));
        if let Some(a) = &e.address {
            w.opt_str(a.street.as_deref());
            w.opt_str(a.postcode.as_deref());
            w.opt_str(a.city.as_deref());
        }
        w.opt_str(e.website.as_deref());
        w.len(e.links.len());
        for link in &e.links {
            write_localized(&mut w, &link.label);
            w.str(&link.url);
        }
        w.u8(u8::from(e.contact.is_some()));
        if let Some(c) = &e.contact {
            w.opt_str(c.name.as_deref());
            w.opt_str(c.phone.as_deref());
            w.opt_str(c.email.as_deref());
            write_strs(&mut w, &c.languages);
            w.u8(u8::from(c.opening_hours.is_some()));
            if let Some(hours) = &c.opening_hours {
                write_localized(&mut w, hours);
            }
        }
        write_strs(&mut w, &e.tags);
        let valid = e.valid.unwrap_or_default();
        w.u8(u8::from(e.valid.is_some()));
        w.varint(date_number(valid.from));
        w.varint(date_number(valid.until));
        w.u8(u8::from(e.event.is_some()));
        if let Some(v) = &e.event {
            w.varint(date_number(Some(v.start)));
            w.varint(date_number(v.end));
            w.opt_str(v.place.as_deref());
            w.opt_str(v.registration.as_deref());
        }
        w.u8(u8::from(e.funding.is_some()));
        if let Some(f) = &e.funding {
            w.varint(f.amount_eur.map_or(0, |a| u64::from(a) + 1));
            write_localized(&mut w, &f.conditions);
        }
        w.u8(u8::from(e.source.is_some()));
        if let Some(s) = &e.source {
            w.opt_str(s.name.as_deref());
            w.opt_str(s.url.as_deref());
            w.varint(date_number(Some(s.checked)));
        }
    }
    w.finish()
}

/// Reads a details file: the position in its chunk of the first entry, and the entries.
pub fn decode_details(bytes: &[u8]) -> Decoded<(usize, Vec<Entry>)> {
    let mut r = open(bytes, FileKind::Details)?;
    let first = usize::try_from(r.varint()?).map_err(|_| r.error("a number too large"))?;
    let n = r.count(8)?;
    if n > crate::manifest::DETAILS_PAGE {
        return Err(r.error("more entries than a details file holds"));
    }
    let mut entries = Vec::with_capacity(n);
    for _ in 0..n {
        let id = r.str()?.to_owned();
        if !crate::validate::is_well_formed_id(&id) {
            return Err(r.error("an entry id that is not well-formed"));
        }
        let category = read_category(&mut r)?;
        let mut professions = Vec::new();
        for _ in 0..r.count(1)? {
            let p = r.u8()?;
            professions.push(
                *Profession::ALL
                    .get(usize::from(p))
                    .ok_or_else(|| r.error("an unknown profession"))?,
            );
        }
        let district = r.str()?.to_owned();
        let municipality = opt_string(&mut r)?;
        let location = if read_flag(&mut r)? {
            Some(read_location(&mut r)?)
        } else {
            None
        };
        let area = match r.u8()? {
            0 => None,
            1 => Some(Area::District),
            2 => Some(Area::Region),
            _ => return Err(r.error("an unknown area")),
        };
        let approximate = read_flag(&mut r)?;
        let illustrative = read_flag(&mut r)?;
        let name = read_localized(&mut r)?;
        let description = if read_flag(&mut r)? {
            Some(read_localized(&mut r)?)
        } else {
            None
        };
        let address = if read_flag(&mut r)? {
            Some(Box::new(Address {
                street: opt_string(&mut r)?,
                postcode: opt_string(&mut r)?,
                city: opt_string(&mut r)?,
            }))
        } else {
            None
        };
        let website = opt_string(&mut r)?;
        let mut links = Vec::new();
        for _ in 0..r.count(2)? {
            let label = read_localized(&mut r)?;
            links.push(Link {
                label,
                url: r.str()?.to_owned(),
            });
        }
        let contact = if read_flag(&mut r)? {
            let name = opt_string(&mut r)?;
            let phone = opt_string(&mut r)?;
            let email = opt_string(&mut r)?;
            let languages = read_strs(&mut r)?;
            let opening_hours = if read_flag(&mut r)? {
                Some(read_localized(&mut r)?)
            } else {
                None
            };
            Some(Box::new(Contact {
                name,
                phone,
                email,
                languages,
                opening_hours,
            }))
        } else {
            None
        };
        let tags = read_strs(&mut r)?;
        let has_valid = read_flag(&mut r)?;
        let valid = Validity {
            from: read_date(&mut r)?,
            until: read_date(&mut r)?,
        };
        let event = if read_flag(&mut r)? {
            let start = read_date(&mut r)?.ok_or_else(|| r.error("an event without a start"))?;
            Some(Box::new(EventDetails {
                start,
                end: read_date(&mut r)?,
                place: opt_string(&mut r)?,
                registration: opt_string(&mut r)?,
            }))
        } else {
            None
        };
        let funding = if read_flag(&mut r)? {
            let amount = r.varint()?;
            let amount_eur = match amount {
                0 => None,
                n => Some(u32::try_from(n - 1).map_err(|_| r.error("an amount too large"))?),
            };
            Some(Box::new(Funding {
                amount_eur,
                conditions: read_localized(&mut r)?,
            }))
        } else {
            None
        };
        let source = if read_flag(&mut r)? {
            let name = opt_string(&mut r)?;
            let url = opt_string(&mut r)?;
            let checked = read_date(&mut r)?.ok_or_else(|| r.error("a source without a date"))?;
            Some(Source { name, url, checked })
        } else {
            None
        };
        entries.push(Entry {
            id,
            kind: category.kind(),
            category,
            name,
            description,
            professions,
            district,
            municipality,
            location,
            area,
            approximate,
            address,
            website,
            links,
            contact,
            tags,
            valid: has_valid.then_some(valid),
            event,
            funding,
            source,
            illustrative,
            #[cfg(feature = "json")]
            extra: Default::default(),
        });
    }
    r.end()?;
    Ok((first, entries))
}

/// The places file: every municipality of the region, by key.
pub fn encode_places(municipalities: &BTreeMap<String, Municipality>) -> Vec<u8> {
    let mut w = writer(FileKind::Places);
    w.len(municipalities.len());
    for (key, town) in municipalities {
        w.str(key);
        w.str(&town.name);
        w.f64(town.location.lat);
        w.f64(town.location.lon);
    }
    w.finish()
}

pub fn decode_places(bytes: &[u8]) -> Decoded<BTreeMap<String, Municipality>> {
    let mut r = open(bytes, FileKind::Places)?;
    let mut towns = BTreeMap::new();
    for _ in 0..r.count(18)? {
        let key = r.str()?.to_owned();
        let name = r.str()?.to_owned();
        let location = read_location(&mut r)?;
        towns.insert(key, Municipality { name, location });
    }
    r.end()?;
    Ok(towns)
}
