//! The catalogue's data types, as they appear in `catalog.json`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A whole catalogue after parsing: region metadata and the entries that passed validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// Format version `MAJOR.MINOR`.
    pub format: String,
    /// Date of the last change, `YYYY-MM-DD`.
    pub updated: String,
    pub region: Region,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Region {
    pub name: Localized,
    /// South-west and north-east corners of the area the catalogue covers.
    pub bounds: [LatLon; 2],
    pub center: LatLon,
    /// Districts keyed by their 5-digit Kreis key (AGS), with their names.
    #[serde(default)]
    pub districts: BTreeMap<String, String>,
}

impl Region {
    pub fn contains(&self, p: LatLon) -> bool {
        let [sw, ne] = self.bounds;
        (sw.lat..=ne.lat).contains(&p.lat) && (sw.lon..=ne.lon).contains(&p.lon)
    }
}

/// A WGS84 position.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

/// A text in several languages; German is required, the others fall back to it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Localized {
    pub de: String,
    #[serde(flatten)]
    pub other: BTreeMap<String, String>,
}

impl Localized {
    /// The text in `lang`, or the German one when there is none.
    pub fn get(&self, lang: &str) -> &str {
        self.other
            .get(lang)
            .map(String::as_str)
            .filter(|s| !s.is_empty())
            .unwrap_or(&self.de)
    }
}

/// What an entry is; the filters and map icons are organised by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Hospitals, rehab clinics, care homes and services, practices, pharmacies.
    Employer,
    /// Job openings, practice takeovers and premises, training places.
    Opportunity,
    /// Childcare, housing, mobility, mentoring, welcome centres, funding.
    Support,
    /// The office or person to call for a district or topic.
    Contact,
    /// Job fairs and action days.
    Event,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Employer,
        Kind::Opportunity,
        Kind::Support,
        Kind::Contact,
        Kind::Event,
    ];

    /// The identifier used in JSON, URLs and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Employer => "employer",
            Kind::Opportunity => "opportunity",
            Kind::Support => "support",
            Kind::Contact => "contact",
            Kind::Event => "event",
        }
    }
}

/// One thing a region offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Stable identifier, unique within the catalogue.
    pub id: String,
    pub kind: Kind,
    /// Finer classification within the kind, e.g. `hospital`, `childcare`.
    pub category: String,
    pub name: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Localized>,
    /// 5-digit Kreis key (AGS) of the district.
    pub district: String,
    /// 8-digit municipality key (AGS), when the entry belongs to one town.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// Point location; entries without one cover their whole district.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<LatLon>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}
