//! A page per entry (`e/<id>/index.html`): its details and contact links readable without
//! JavaScript, a canonical address, Open Graph and Twitter card meta for link previews in
//! messengers, and schema.org JSON-LD ([`super::structured`]). With JavaScript, `entry.js`
//! opens the app with the entry's details (`?entry=<id>`).
//!
//! German, the catalogue's own language; the app shows the entry in the visitor's language.

use super::html::{escape, json_in_script};
use super::{first_screen, structured, Site};
use crate::catalog::{Area, Catalog, Entry};
use crate::chunk::excerpt;
use crate::i18n::{self, Arg};
use crate::validate::{is_allowed_url, is_safe_link, tel_link, Schemes};

/// The page's language.
const LANG: &str = "de";

/// The entry's page; `None` for an id that cannot be a folder name.
pub fn render(site: &Site, catalog: &Catalog, entry: &Entry) -> Option<String> {
    let canonical = site.entry_url(&entry.id)?;
    let t = |key: &str| escape(&i18n::text(LANG, key));
    let name = entry.name.de.as_str();
    let description = entry
        .description
        .as_ref()
        .map(|d| d.de.clone())
        .unwrap_or_else(|| format!("{} · {}", entry.category.label(LANG), place(catalog, entry)));
    let summary = excerpt(&description);
    let title = format!("{name} – {}", i18n::text(LANG, "app-title"));
    let up = "../../";

    let mut h = String::with_capacity(8192);
    h.push_str(&format!(
        "<!doctype html>\n<html lang=\"{LANG}\" data-entry=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<meta name=\"description\" content=\"{}\">\n<link rel=\"canonical\" href=\"{}\">\n",
        escape(&entry.id), escape(&title), escape(&summary), escape(&canonical)
    ));
    let meta = [
        ("og:type", "website".to_owned()),
        ("og:site_name", i18n::text(LANG, "app-title")),
        ("og:locale", "de_DE".to_owned()),
        ("og:title", name.to_owned()),
        ("og:description", summary.clone()),
        ("og:url", canonical.clone()),
        ("og:image", format!("{}icon-512.png", site.url)),
    ];
    for (property, content) in meta {
        h.push_str(&format!(
            "<meta property=\"{property}\" content=\"{}\">\n",
            escape(&content)
        ));
    }
    for (name_, content) in [
        ("twitter:card", "summary"),
        ("twitter:title", name),
        ("twitter:description", &summary),
    ] {
        h.push_str(&format!(
            "<meta name=\"{name_}\" content=\"{}\">\n",
            escape(content)
        ));
    }
    h.push_str(&format!(
        "<link rel=\"icon\" href=\"{up}icon.svg\" type=\"image/svg+xml\">\n"
    ));
    for sheet in &site.stylesheets {
        h.push_str(&format!(
            "<link rel=\"stylesheet\" href=\"{up}{}\">\n",
            escape(sheet)
        ));
    }
    let data = structured::for_entry(catalog, entry, &canonical);
    h.push_str(&format!(
        "<script type=\"application/ld+json\">{}</script>\n",
        json_in_script(&data.to_string())
    ));
    h.push_str(&format!(
        "<script src=\"{up}entry.js\" defer></script>\n</head>\n<body>\n"
    ));
    h.push_str(&format!(
        "<a class=\"ak-skip\" href=\"#ak-main\">{}</a>\n<header class=\"ak-header\"><div><p class=\"ak-header__title\"><a class=\"ak-header__home\" href=\"{up}\">{}</a></p><p class=\"ak-tagline\">{}</p></div></header>\n",
        t("skip-to-content"), t("app-title"), t("app-tagline")
    ));
    h.push_str(&format!(
        "<main class=\"ak-main ak-entry-page\" id=\"ak-main\">\n<p><a href=\"{up}\">{}</a></p>\n<article class=\"ak-details\">\n<p class=\"ak-details__kind\"><span class=\"ak-icon ak-icon--{}\" aria-hidden=\"true\"></span>{} · {}</p>\n<h1 class=\"ak-details__title\">{}</h1>\n",
        t("entry-page-back"),
        entry.kind.as_str(),
        escape(entry.kind.label(LANG)),
        escape(entry.category.label(LANG)),
        escape(name)
    ));
    if entry.illustrative {
        h.push_str(&format!(
            "<p class=\"ak-notice\">{}</p>\n",
            t("details-illustrative")
        ));
    }
    if let Some(d) = &entry.description {
        h.push_str(&format!("<p>{}</p>\n", escape(&d.de)));
    }
    h.push_str("<dl class=\"ak-details__fields\">\n");
    fields(&mut h, catalog, entry);
    h.push_str("</dl>\n");
    h.push_str(&format!(
        "<p><a href=\"{up}?entry={}\">{}</a></p>\n</article>\n</main>\n",
        escape(&entry.id),
        t("entry-page-open")
    ));
    first_screen::footer(&mut h, &site.legal, LANG);
    h.push_str("\n</body>\n</html>\n");
    Some(h)
}

/// Where the entry is, in words: its address, else its town, else its district or region.
pub fn place(catalog: &Catalog, entry: &Entry) -> String {
    let district = catalog
        .region
        .districts
        .get(&entry.district)
        .cloned()
        .unwrap_or_default();
    match entry.area {
        Some(Area::Region) => return i18n::text(LANG, "details-area-region"),
        Some(Area::District) => {
            return i18n::text_args(
                LANG,
                "details-area-district",
                &[("district", Arg::from(district.as_str()))],
            )
        }
        _ => {}
    }
    if let Some(address) = entry.address.as_deref() {
        let town = [address.postcode.as_deref(), address.city.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let line = [address.street.as_deref().unwrap_or(""), &town]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        if !line.is_empty() {
            return line;
        }
    }
    town(catalog, entry).unwrap_or(district)
}

/// The entry's municipality by name, if the region knows it.
pub fn town(catalog: &Catalog, entry: &Entry) -> Option<String> {
    let key = entry.municipality.as_ref()?;
    Some(catalog.region.municipalities.get(key)?.name.clone())
}

fn fields(h: &mut String, catalog: &Catalog, entry: &Entry) {
    let field = |h: &mut String, key: &str, value: String| {
        h.push_str(&format!(
            "<dt>{}</dt><dd>{value}</dd>\n",
            escape(&i18n::text(LANG, key))
        ));
    };
    let link = |url: &str, text: &str| format!("<a href=\"{}\">{}</a>", escape(url), escape(text));
    field(h, "details-place", escape(&place(catalog, entry)));
    if !entry.professions.is_empty() {
        let list: Vec<&str> = entry.professions.iter().map(|p| p.label(LANG)).collect();
        field(h, "details-professions", escape(&list.join(", ")));
    }
    if let Some(event) = entry.event.as_deref() {
        let date = match event.end.filter(|end| *end != event.start) {
            Some(end) => format!("{} – {}", event.start.localized(LANG), end.localized(LANG)),
            None => event.start.localized(LANG),
        };
        field(h, "details-event-date", escape(&date));
        if let Some(place) = &event.place {
            field(h, "details-event-place", escape(place));
        }
        if let Some(url) = event.registration.as_deref().filter(|u| is_safe_link(u)) {
            field(h, "details-event-registration", link(url, url));
        }
    }
    if let Some(funding) = entry.funding.as_deref() {
        if let Some(eur) = funding.amount_eur {
            let amount =
                i18n::text_args(LANG, "details-euro", &[("amount", Arg::from(eur as usize))]);
            field(h, "details-funding-amount", escape(&amount));
        }
        field(
            h,
            "details-funding-conditions",
            escape(&funding.conditions.de),
        );
    }
    if let Some(contact) = entry.contact.as_deref() {
        if let Some(name) = &contact.name {
            field(h, "details-contact", escape(name));
        }
        if let Some(phone) = &contact.phone {
            let tel = tel_link(phone);
            if is_safe_link(&tel) {
                field(h, "details-phone", link(&tel, phone));
            }
        }
        if let Some(email) = &contact.email {
            let mailto = format!("mailto:{email}");
            if is_allowed_url(&mailto, Schemes::WebOrMail) {
                field(h, "details-email", link(&mailto, email));
            }
        }
        if let Some(hours) = &contact.opening_hours {
            field(h, "details-opening-hours", escape(&hours.de));
        }
    }
    if let Some(url) = entry.website.as_deref().filter(|u| is_safe_link(u)) {
        field(h, "details-website", link(url, url));
    }
    let links: Vec<String> = entry
        .links
        .iter()
        .filter(|l| is_safe_link(&l.url))
        .map(|l| format!("<li>{}</li>", link(&l.url, &l.label.de)))
        .collect();
    if !links.is_empty() {
        field(
            h,
            "details-links",
            format!("<ul class=\"ak-details__links\">{}</ul>", links.concat()),
        );
    }
    if !entry.tags.is_empty() {
        field(h, "details-tags", escape(&entry.tags.join(", ")));
    }
    if let Some(source) = &entry.source {
        let name = source.name.clone().unwrap_or_default();
        let shown = match source.url.as_deref().filter(|u| is_safe_link(u)) {
            Some(url) => link(url, if name.is_empty() { url } else { &name }),
            None => escape(&name),
        };
        let checked = i18n::text_args(
            LANG,
            "details-checked",
            &[("date", Arg::from(source.checked.localized(LANG).as_str()))],
        );
        field(
            h,
            "details-source",
            format!("{shown} ({})", escape(&checked)),
        );
    }
}
