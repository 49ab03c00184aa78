//! The pages around the app (`site`): the first screen written into `index.html`, the entry
//! pages with their share meta and schema.org data, the sitemap. Browser behaviour (no layout
//! shift, the app taking over, no JavaScript) is in tests/e2e/first-screen.test.mjs.

mod common;

use ankommen_core::publish::{publish, Options};
use ankommen_core::query::FIRST_SCREEN_ROWS;
use ankommen_core::site::{
    entry_page, first_screen, paged, sitemaps, structured, Site, SITEMAP_URLS,
};
use ankommen_core::{parse_catalog, Catalog, Finder, Kind, RuntimeConfig};
use common::TODAY;
use serde_json::Value;

fn example() -> Catalog {
    parse_catalog(include_str!("../../../assets/catalog.json"), TODAY)
        .unwrap()
        .catalog
}

fn site() -> Site {
    Site::new(
        "https://example.org/ankommen",
        vec!["main-1.css".into()],
        Default::default(),
    )
}

const TEMPLATE: &str = "<!doctype html>\n<html lang=\"de\">\n<head></head>\n<body>\n<!--ak:first-screen-->STALE-FIRST-SCREEN<!--/ak:first-screen-->\n</body>\n</html>\n";

fn first(catalog: &Catalog) -> String {
    let published = publish(catalog, &Options::default());
    let mut finder = Finder::with_store(published.load(TODAY));
    first_screen::write_into(
        TEMPLATE,
        &mut finder,
        &published.manifest,
        &RuntimeConfig::default(),
        &site(),
    )
    .expect("the template has markers")
}

/// The JSON-LD block of a page, parsed.
fn json_ld(page: &str) -> Value {
    let start = page.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).unwrap()
}

fn is_iso_date(value: &Value) -> bool {
    let text = value.as_str().unwrap_or_default();
    text.len() == 10
        && text.chars().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
}

#[test]
fn the_first_screen_has_a_block_per_language_with_the_first_rows_as_links_to_entry_pages() {
    let catalog = example();
    let page = first(&catalog);
    assert!(
        page.contains("<html lang=\"de\" data-languages=\"de en\">"),
        "{}",
        &page[..120]
    );
    assert!(
        !page.contains("STALE-FIRST-SCREEN"),
        "the previous first screen is replaced"
    );
    assert_eq!(page.matches("<div class=\"ak-first\"").count(), 2);
    assert!(
        page.contains("<div class=\"ak-first\" lang=\"de\">"),
        "German shows without JavaScript"
    );
    assert!(page.contains("<div class=\"ak-first\" lang=\"en\" hidden>"));
    let current: Vec<_> = catalog
        .entries
        .iter()
        .filter(|e| e.is_current(TODAY))
        .collect();
    // The default order is the catalogue's: the first rows are its first current entries.
    let de = &page[..page.find("lang=\"en\" hidden").unwrap()];
    for entry in current.iter().take(FIRST_SCREEN_ROWS) {
        assert!(
            de.contains(&format!("href=\"e/{}/\"", entry.id)),
            "{} is linked",
            entry.id
        );
    }
    assert_eq!(
        de.matches("<li class=\"ak-item\"").count(),
        FIRST_SCREEN_ROWS
    );
    assert!(de.contains(&format!("{} Ergebnisse", current.len())));
    assert!(de.contains(&format!("aria-setsize=\"{}\"", current.len())));
    // Written again, the page keeps one set of blocks and one data-languages.
    let published = publish(&catalog, &Options::default());
    let mut finder = Finder::with_store(published.load(TODAY));
    let again = first_screen::write_into(
        &page,
        &mut finder,
        &published.manifest,
        &RuntimeConfig::default(),
        &site(),
    )
    .unwrap();
    assert_eq!(again, page);
}

#[test]
fn a_template_without_markers_is_refused() {
    let catalog = example();
    let published = publish(&catalog, &Options::default());
    let mut finder = Finder::with_store(published.load(TODAY));
    assert!(first_screen::write_into(
        "<html><body></body></html>",
        &mut finder,
        &published.manifest,
        &RuntimeConfig::default(),
        &site()
    )
    .is_none());
}

#[test]
fn every_current_entry_gets_a_page_with_canonical_address_share_meta_and_schema_org_data() {
    let catalog = example();
    let site = site();
    let pages: Vec<_> = paged(&catalog.entries, TODAY).collect();
    assert_eq!(
        pages.len(),
        catalog
            .entries
            .iter()
            .filter(|e| e.is_current(TODAY))
            .count()
    );
    let mut types = std::collections::BTreeSet::new();
    for entry in pages {
        let page = entry_page::render(&site, &catalog, entry).unwrap();
        let url = format!("https://example.org/ankommen/e/{}/", entry.id);
        assert!(page.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")));
        assert!(page.contains(&format!("<meta property=\"og:url\" content=\"{url}\">")));
        for meta in ["og:title", "og:description", "og:image", "og:type"] {
            assert!(
                page.contains(&format!("<meta property=\"{meta}\" content=\"")),
                "{meta} on {}",
                entry.id
            );
        }
        assert!(page.contains("<meta name=\"twitter:card\" content=\"summary\">"));
        assert!(page.contains("<link rel=\"stylesheet\" href=\"../../main-1.css\">"));
        let data = json_ld(&page);
        assert_eq!(data["@context"], "https://schema.org");
        assert_eq!(data["url"], url.as_str());
        let kind = data["@type"].as_str().unwrap().to_owned();
        assert_eq!(kind, structured::schema_type(entry));
        match entry.kind {
            Kind::Opportunity => {
                assert_eq!(kind, "JobPosting");
                for field in [
                    "title",
                    "description",
                    "datePosted",
                    "hiringOrganization",
                    "jobLocation",
                ] {
                    assert!(!data[field].is_null(), "{} lacks {field}", entry.id);
                }
                assert!(is_iso_date(&data["datePosted"]));
                assert!(data["hiringOrganization"]["name"]
                    .as_str()
                    .is_some_and(|n| !n.is_empty()));
                assert_eq!(data["jobLocation"]["address"]["addressCountry"], "DE");
                match entry.valid.and_then(|v| v.until) {
                    Some(until) => assert_eq!(data["validThrough"], until.to_string()),
                    None => assert!(data["validThrough"].is_null(), "no end date is made up"),
                }
            }
            Kind::Event => {
                assert_eq!(kind, "Event");
                assert!(is_iso_date(&data["startDate"]) && is_iso_date(&data["endDate"]));
                assert!(!data["location"]["address"].is_null());
            }
            _ => {
                assert_eq!(data["name"], entry.name.de.as_str());
                assert!(!data["address"]["addressLocality"].is_null());
            }
        }
        types.insert(kind);
    }
    // The example has every kind: each schema family is exercised.
    for kind in ["JobPosting", "Event", "Hospital", "Organization"] {
        assert!(types.contains(kind), "{kind} among {types:?}");
    }
}

#[test]
fn markup_in_the_catalogue_stays_text_in_pages_and_data() {
    let mut catalog = example();
    let payload = "</script><script>window.__pwned=1</script><img src=x onerror=alert(1)>\"'&";
    let entry = catalog
        .entries
        .iter_mut()
        .find(|e| e.kind == Kind::Opportunity)
        .unwrap();
    entry.name.de = payload.into();
    entry.description = Some(ankommen_core::Localized::new(payload));
    let entry = entry.clone();
    catalog.region.name.de = payload.into();
    let page = entry_page::render(&site(), &catalog, &entry).unwrap();
    assert_eq!(
        page.matches("<script").count(),
        2,
        "only the data block and entry.js"
    );
    assert!(!page.contains("<img"), "no markup from the data");
    assert_eq!(
        json_ld(&page)["title"],
        payload,
        "the data block holds the text exactly"
    );
    let first = first(&catalog);
    assert!(!first.contains("<img") && !first.contains("<script"));
    assert!(first.contains("&lt;/script&gt;"));
}

#[test]
fn an_id_that_cannot_be_a_folder_gets_no_page() {
    let mut catalog = example();
    catalog.entries[0].id = "..".into();
    let entry = catalog.entries[0].clone();
    assert!(entry_page::render(&site(), &catalog, &entry).is_none());
    assert!(paged(&catalog.entries, TODAY).all(|e| e.id != ".."));
}

#[test]
fn the_sitemap_lists_the_app_and_every_entry_page() {
    let catalog = example();
    let files = sitemaps(&site(), &catalog.entries, TODAY, catalog.updated);
    assert_eq!(files.len(), 1);
    let (name, xml) = &files[0];
    assert_eq!(name, "sitemap.xml");
    assert!(xml.contains("<loc>https://example.org/ankommen/</loc>"));
    let pages = paged(&catalog.entries, TODAY).count();
    assert_eq!(xml.matches("<url>").count(), pages + 1);
    for expired in catalog.entries.iter().filter(|e| !e.is_current(TODAY)) {
        assert!(
            !xml.contains(&format!("/e/{}/", expired.id)),
            "no page for what has expired"
        );
    }
}

#[test]
fn a_sitemap_above_fifty_thousand_addresses_becomes_an_index_of_parts() {
    let catalog = example();
    let template = catalog
        .entries
        .iter()
        .find(|e| e.is_current(TODAY))
        .unwrap()
        .clone();
    let entries: Vec<_> = (0..SITEMAP_URLS + 10)
        .map(|n| {
            let mut entry = template.clone();
            entry.id = format!("e{n}");
            entry
        })
        .collect();
    let files = sitemaps(&site(), &entries, TODAY, catalog.updated);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
    assert!(files[0].1.contains("<sitemapindex"));
    assert!(files[0]
        .1
        .contains("<loc>https://example.org/ankommen/sitemap-2.xml</loc>"));
    let listed: usize = files[1..]
        .iter()
        .map(|(_, xml)| xml.matches("<url>").count())
        .sum();
    assert_eq!(listed, entries.len() + 1, "every page and the app, once");
    assert_eq!(files[1].1.matches("<url>").count(), SITEMAP_URLS);
}

#[test]
fn a_set_too_large_to_load_whole_shows_its_districts_with_counts() {
    let catalog = example();
    let published = publish(
        &catalog,
        &Options {
            load_whole: 10,
            ..Options::default()
        },
    );
    let mut finder = Finder::with_store(published.load(TODAY));
    let page = first_screen::write_into(
        TEMPLATE,
        &mut finder,
        &published.manifest,
        &RuntimeConfig::default(),
        &site(),
    )
    .unwrap();
    let de = &page[..page.find("lang=\"en\" hidden").unwrap()];
    assert_eq!(
        de.matches("<li class=\"ak-item\"").count(),
        0,
        "no entries, as in the app"
    );
    let with_entries = published
        .manifest
        .districts
        .iter()
        .filter(|d| d.entries > 0)
        .count();
    assert_eq!(de.matches("<a href=\"?district=").count(), with_entries);
    let (districts, _) = ankommen_core::scope::overview(&published.manifest, &Default::default());
    assert_eq!(districts.len(), with_entries);
    let total: usize = districts.iter().map(|(_, n)| *n as usize).sum();
    let count = ankommen_core::i18n::text_args(
        "de",
        "overview-count",
        &[
            ("count", total.into()),
            ("districts", districts.len().into()),
        ],
    );
    assert!(
        de.contains(&format!(
            "<p class=\"ak-count\" role=\"status\">{count}</p>"
        )),
        "{count}"
    );
}
