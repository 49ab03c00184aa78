//! The catalogue's data types: the shape of `catalog.json`, format 1.x.
//!
//! `docs/catalog.md` describes every field for maintainers; `docs/catalog.schema.json` is
//! generated from these types (`ankommen-catalog schema`) and a test keeps the two in step.

use crate::date::Date;
use crate::vocab::{Category, Kind, Profession};
use serde::{Deserialize, Serialize};
#[cfg(feature = "json")]
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A whole catalogue: region metadata and its entries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Catalog {
    /// Format version `MAJOR.MINOR`, e.g. `1.0`.
    pub format: String,
    /// Date of the last change, `YYYY-MM-DD`.
    pub updated: Date,
    /// Who keeps this catalogue; "report a wrong entry" writes to this address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maintainer: Option<Maintainer>,
    pub region: Region,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Maintainer {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Region {
    pub name: Localized,
    /// The area the catalogue covers; positions outside it are errors.
    pub bounds: Bounds,
    /// Where the map starts.
    pub center: LatLon,
    /// Districts keyed by their 5-digit Kreis key (AGS), e.g. `"05966": "Kreis Olpe"`.
    pub districts: BTreeMap<String, String>,
    /// Municipalities keyed by their 8-digit AGS (names repeat across Germany, keys do not).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub municipalities: BTreeMap<String, Municipality>,
}

impl Region {
    pub fn contains(&self, p: LatLon) -> bool {
        self.bounds.contains(p)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Bounds {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

impl Bounds {
    /// The smallest box around `points`; `None` without any.
    pub fn enclosing(mut points: impl Iterator<Item = LatLon>) -> Option<Bounds> {
        let first = points.next()?;
        Some(points.fold(
            Bounds {
                south: first.lat,
                west: first.lon,
                north: first.lat,
                east: first.lon,
            },
            |b, p| Bounds {
                south: b.south.min(p.lat),
                west: b.west.min(p.lon),
                north: b.north.max(p.lat),
                east: b.east.max(p.lon),
            },
        ))
    }

    /// The smallest box around both.
    pub fn union(&self, other: Bounds) -> Bounds {
        Bounds {
            south: self.south.min(other.south),
            west: self.west.min(other.west),
            north: self.north.max(other.north),
            east: self.east.max(other.east),
        }
    }

    pub fn contains(&self, p: LatLon) -> bool {
        (self.south..=self.north).contains(&p.lat) && (self.west..=self.east).contains(&p.lon)
    }

    /// Grown on every side by `ratio` of its height and width.
    pub fn padded(&self, ratio: f64) -> Bounds {
        let (dy, dx) = (
            (self.north - self.south) * ratio,
            (self.east - self.west) * ratio,
        );
        Bounds {
            south: self.south - dy,
            west: self.west - dx,
            north: self.north + dy,
            east: self.east + dx,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Municipality {
    pub name: String,
    /// The town centre, used for "near a place" and for entries without their own position.
    pub location: LatLon,
}

/// A WGS84 position in decimal degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

/// A text in several languages, keyed by language code. German (`de`) is required; any
/// other language falls back to it.
// In JSON an object (`{"de": …, "en": …}`). The translations are a small sorted list rather
// than a map: a catalogue has several of these per entry, and a map's node per text made them
// the largest part of a loaded catalogue's memory.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Localized {
    pub de: String,
    /// Other languages, sorted by code, each once.
    #[cfg_attr(
        feature = "schema",
        schemars(flatten, with = "BTreeMap<String, String>")
    )]
    other: Vec<(String, String)>,
}

impl Localized {
    pub fn new(de: impl Into<String>) -> Localized {
        Localized {
            de: de.into(),
            other: Vec::new(),
        }
    }

    /// Sets the text in `lang` (German included).
    pub fn set(&mut self, lang: &str, text: impl Into<String>) {
        let text = text.into();
        if lang == "de" {
            self.de = text;
            return;
        }
        match self
            .other
            .binary_search_by(|(code, _)| code.as_str().cmp(lang))
        {
            Ok(i) => self.other[i].1 = text,
            Err(i) => self.other.insert(i, (lang.to_owned(), text)),
        }
    }

    /// The text in `lang`, or the German one when there is none.
    pub fn get(&self, lang: &str) -> &str {
        self.translation(lang).unwrap_or(&self.de)
    }

    /// The text in `lang` only, without falling back (so the UI can mark a fallback).
    pub fn translation(&self, lang: &str) -> Option<&str> {
        if lang == "de" {
            return Some(&self.de);
        }
        self.other
            .binary_search_by(|(code, _)| code.as_str().cmp(lang))
            .ok()
            .map(|i| self.other[i].1.as_str())
            .filter(|s| !s.is_empty())
    }

    /// Every text with its language code, German first.
    pub fn texts(&self) -> impl Iterator<Item = (&str, &str)> {
        std::iter::once(("de", self.de.as_str()))
            .chain(self.other.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }
}

impl Serialize for Localized {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1 + self.other.len()))?;
        for (code, text) in self.texts() {
            map.serialize_entry(code, text)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Texts;
        impl<'de> serde::de::Visitor<'de> for Texts {
            type Value = Localized;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of texts by language code, with \"de\"")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Localized, A::Error> {
                let mut de = None;
                let mut localized = Localized::default();
                while let Some(code) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let text: String = map.next_value()?;
                    if code == "de" {
                        if de.replace(text).is_some() {
                            return Err(serde::de::Error::duplicate_field("de"));
                        }
                    } else {
                        localized.set(&code, text);
                    }
                }
                localized.de = de.ok_or_else(|| serde::de::Error::missing_field("de"))?;
                Ok(localized)
            }
        }
        deserializer.deserialize_map(Texts)
    }
}

/// An area instead of a point: the offer applies to a whole district or the whole region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Area {
    District,
    Region,
}

/// One thing a region offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Entry {
    /// Stable identifier, unique in the catalogue: lower-case letters, digits, `-`, `_`, `.`.
    pub id: String,
    pub kind: Kind,
    /// Finer classification; each category belongs to one kind.
    pub category: Category,
    pub name: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Localized>,
    /// Who it is for; empty means every health profession.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub professions: Vec<Profession>,
    /// 5-digit Kreis key (AGS) of the district.
    pub district: String,
    /// 8-digit municipality key (AGS), when the entry belongs to one town.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// Point location. An entry has either a location or an area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<LatLon>,
    /// For offers without one address: the whole district or region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Area>,
    /// True when the position was derived from a postcode or town, not given exactly.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Box<Address>>,
    /// The entry's web page (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Further links (http, https, mailto or tel).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Box<Contact>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// When the entry applies; expired entries are hidden by default, not deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid: Option<Validity>,
    /// Date, place and registration of an event (required for kind `event`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<Box<EventDetails>>,
    /// Amount and conditions of a funding offer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<Box<Funding>>,
    /// Where the information comes from and when it was last checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// True for example entries that describe an approach rather than a confirmed offer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub illustrative: bool,
    /// Fields this version does not know (from a newer minor format), kept for export.
    #[cfg(feature = "json")]
    #[serde(flatten, skip_deserializing)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub extra: Map<String, Value>,
}

impl Entry {
    /// False for entries whose validity window has not begun or has ended, and for past
    /// events: those are hidden by default, not deleted.
    pub fn is_current(&self, today: Date) -> bool {
        let window = self.valid.unwrap_or_default();
        let started = window.from.is_none_or(|from| from <= today);
        let not_ended = window.until.is_none_or(|until| today <= until);
        // Event details on other kinds are not shown, so they do not hide the entry either.
        let event_ahead = self.kind != Kind::Event
            || self
                .event
                .as_ref()
                .is_none_or(|e| today <= e.end.unwrap_or(e.start));
        started && not_ended && event_ahead
    }

    /// The field names of format 1.0, for telling unknown fields apart.
    pub const FIELDS: &'static [&'static str] = &[
        "id",
        "kind",
        "category",
        "name",
        "description",
        "professions",
        "district",
        "municipality",
        "location",
        "area",
        "approximate",
        "address",
        "website",
        "links",
        "contact",
        "tags",
        "valid",
        "event",
        "funding",
        "source",
        "illustrative",
    ];
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Link {
    pub label: Localized,
    pub url: String,
}

/// A functional contact: an office or role, not a private person's details.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contact {
    /// The office, service or role, e.g. "Servicestelle Ärzte".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Languages spoken, as ISO 639-1 codes (`de`, `en`, `pl`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening_hours: Option<Localized>,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Validity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EventDetails {
    pub start: Date,
    /// Last day; the start day when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    /// Venue, as shown to users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Where to register (http, https or mailto).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Funding {
    /// Amount in euros, when it is one figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_eur: Option<u32>,
    pub conditions: Localized,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Source {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When someone last confirmed the entry.
    pub checked: Date,
}
