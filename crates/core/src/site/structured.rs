//! schema.org data for an entry's page, as JSON-LD: `JobPosting` for opportunities (with the
//! properties Google's job search requires), `Event` for events, `Hospital`, `MedicalClinic`,
//! `Pharmacy`, `ChildCare` or `LocalBusiness` for employers and support, `GovernmentOffice` or
//! `Organization` for contacts. Only what the catalogue says: a property it has no value for
//! is left out, never guessed.

use super::entry_page::{place, town};
use crate::catalog::{Catalog, Entry};
use crate::validate::{is_safe_link, tel_link};
use crate::vocab::{Category, Kind};
use serde_json::{json, Map, Value};

/// The schema.org type of an entry.
pub fn schema_type(entry: &Entry) -> &'static str {
    match (entry.kind, entry.category) {
        (Kind::Opportunity, _) => "JobPosting",
        (Kind::Event, _) => "Event",
        (_, Category::Hospital) => "Hospital",
        (_, Category::RehabClinic | Category::MedicalPractice | Category::TherapyPractice) => {
            "MedicalClinic"
        }
        (_, Category::Pharmacy) => "Pharmacy",
        (_, Category::Childcare) => "ChildCare",
        (Kind::Contact, Category::ServicePoint) => "GovernmentOffice",
        (Kind::Contact, _) => "Organization",
        _ => "LocalBusiness",
    }
}

/// The JSON-LD object for `entry`, whose page is at `url`.
pub fn for_entry(catalog: &Catalog, entry: &Entry, url: &str) -> Value {
    let kind = schema_type(entry);
    let description = entry
        .description
        .as_ref()
        .map_or_else(|| entry.name.de.clone(), |d| d.de.clone());
    let mut data = Map::new();
    data.insert("@context".into(), json!("https://schema.org"));
    data.insert("@type".into(), json!(kind));
    data.insert("url".into(), json!(url));
    data.insert("description".into(), json!(description));
    let address = postal_address(catalog, entry);
    match kind {
        "JobPosting" => {
            data.insert("title".into(), json!(entry.name.de));
            let posted = entry
                .valid
                .and_then(|v| v.from)
                .or(entry.source.as_ref().map(|s| s.checked))
                .unwrap_or(catalog.updated);
            data.insert("datePosted".into(), json!(posted.to_string()));
            if let Some(until) = entry.valid.and_then(|v| v.until) {
                data.insert("validThrough".into(), json!(until.to_string()));
            }
            data.insert("hiringOrganization".into(), organisation(catalog, entry));
            let mut place = json!({ "@type": "Place", "address": address });
            if let Some(geo) = geo(entry) {
                place["geo"] = geo;
            }
            data.insert("jobLocation".into(), place);
        }
        "Event" => {
            data.insert("name".into(), json!(entry.name.de));
            if let Some(event) = entry.event.as_deref() {
                data.insert("startDate".into(), json!(event.start.to_string()));
                data.insert(
                    "endDate".into(),
                    json!(event.end.unwrap_or(event.start).to_string()),
                );
                let mut place = json!({ "@type": "Place", "address": address });
                if let Some(name) = &event.place {
                    place["name"] = json!(name);
                }
                data.insert("location".into(), place);
            }
            data.insert(
                "eventAttendanceMode".into(),
                json!("https://schema.org/OfflineEventAttendanceMode"),
            );
            data.insert(
                "eventStatus".into(),
                json!("https://schema.org/EventScheduled"),
            );
            data.insert("organizer".into(), organisation(catalog, entry));
        }
        _ => {
            data.insert("name".into(), json!(entry.name.de));
            data.insert("address".into(), address);
            if let Some(geo) = geo(entry) {
                data.insert("geo".into(), geo);
            }
            if let Some(contact) = entry.contact.as_deref() {
                if let Some(phone) = contact
                    .phone
                    .as_deref()
                    .filter(|p| is_safe_link(&tel_link(p)))
                {
                    data.insert("telephone".into(), json!(phone));
                }
                if let Some(email) = &contact.email {
                    data.insert("email".into(), json!(email));
                }
            }
        }
    }
    if let Some(website) = entry.website.as_deref().filter(|u| is_safe_link(u)) {
        data.insert("sameAs".into(), json!(website));
    }
    Value::Object(data)
}

/// Who offers the entry: its source's organisation, else the catalogue's maintainer, else the
/// region's network.
fn organisation(catalog: &Catalog, entry: &Entry) -> Value {
    let name = entry
        .source
        .as_ref()
        .and_then(|s| s.name.clone())
        .or_else(|| catalog.maintainer.as_ref().map(|m| m.name.clone()))
        .unwrap_or_else(|| catalog.region.name.de.clone());
    let mut org = json!({ "@type": "Organization", "name": name });
    if let Some(url) = entry
        .source
        .as_ref()
        .and_then(|s| s.url.as_deref())
        .filter(|u| is_safe_link(u))
    {
        org["sameAs"] = json!(url);
    }
    org
}

fn postal_address(catalog: &Catalog, entry: &Entry) -> Value {
    let mut address = json!({ "@type": "PostalAddress", "addressCountry": "DE" });
    let given = entry.address.as_deref();
    if let Some(street) = given.and_then(|a| a.street.as_ref()) {
        address["streetAddress"] = json!(street);
    }
    if let Some(code) = given.and_then(|a| a.postcode.as_ref()) {
        address["postalCode"] = json!(code);
    }
    let locality = given
        .and_then(|a| a.city.clone())
        .or_else(|| town(catalog, entry))
        .unwrap_or_else(|| place(catalog, entry));
    address["addressLocality"] = json!(locality);
    if let Some(district) = catalog.region.districts.get(&entry.district) {
        address["addressRegion"] = json!(district);
    }
    address
}

fn geo(entry: &Entry) -> Option<Value> {
    let at = entry.location?;
    Some(json!({ "@type": "GeoCoordinates", "latitude": at.lat, "longitude": at.lon }))
}
