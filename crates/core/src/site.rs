//! The site around the app, written at build time from a catalogue: the first screen of the
//! default view as HTML inside `index.html` (shown before the wasm has started, and to anyone
//! without JavaScript), a page per entry with share previews and schema.org data, and
//! `sitemap.xml` and `robots.txt` (docs/published.md, "Pages").
//!
//! Everything from the catalogue is escaped ([`html`]); nothing here writes a script that
//! runs, only JSON-LD data blocks.

pub mod entry_page;
pub mod first_screen;
pub mod html;
pub mod structured;

use crate::catalog::Entry;

/// Where a deployment lives and what its pages link to.
#[derive(Debug, Clone)]
pub struct Site {
    /// The app's public address, ending in `/` (canonical links, sitemap, share previews).
    pub url: String,
    /// The app's stylesheets as `index.html` links them (relative to the app).
    pub stylesheets: Vec<String>,
    pub legal: crate::config::Legal,
}

impl Site {
    pub fn new(url: &str, stylesheets: Vec<String>, legal: crate::config::Legal) -> Site {
        let mut url = url.trim().to_owned();
        if !url.ends_with('/') {
            url.push('/');
        }
        Site {
            url,
            stylesheets,
            legal,
        }
    }

    /// The absolute address of an entry's page.
    pub fn entry_url(&self, id: &str) -> Option<String> {
        entry_path(id).map(|path| format!("{}{path}", self.url))
    }
}

/// An entry page's path relative to the app (`e/<id>/`). `None` for an id a file system cannot
/// hold as a folder name (`.`, `..`), which the format's id rule would otherwise allow.
pub fn entry_path(id: &str) -> Option<String> {
    (!id.is_empty() && !id.starts_with('.')).then(|| format!("e/{id}/"))
}

/// The entries that get a page: current ones (an expired job or a past event has none), in
/// catalogue order.
pub fn paged<'a>(entries: &'a [Entry], today: crate::Date) -> impl Iterator<Item = &'a Entry> + 'a {
    entries
        .iter()
        .filter(move |e| e.is_current(today) && entry_path(&e.id).is_some())
}

/// `sitemap.xml`: the app and every entry page.
pub fn sitemap(site: &Site, entries: &[Entry], today: crate::Date, updated: crate::Date) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut url = |loc: &str, lastmod: crate::Date| {
        xml.push_str(&format!(
            "  <url><loc>{}</loc><lastmod>{lastmod}</lastmod></url>\n",
            html::escape(loc)
        ));
    };
    url(&site.url, updated);
    for entry in paged(entries, today) {
        if let Some(loc) = site.entry_url(&entry.id) {
            url(&loc, entry.source.as_ref().map_or(updated, |s| s.checked));
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: everything may be crawled; the sitemap's address.
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        site.url
    )
}
