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

/// The most addresses one sitemap file may list (sitemaps.org); a larger site gets an index.
pub const SITEMAP_URLS: usize = 50_000;

/// The sitemap files, by name: `sitemap.xml` listing the app and every entry page, or, above
/// [`SITEMAP_URLS`] addresses, `sitemap.xml` as an index of `sitemap-1.xml`, `sitemap-2.xml`, ….
pub fn sitemaps(
    site: &Site,
    entries: &[Entry],
    today: crate::Date,
    updated: crate::Date,
) -> Vec<(String, String)> {
    let mut urls = vec![(site.url.clone(), updated)];
    urls.extend(paged(entries, today).filter_map(|entry| {
        let checked = entry.source.as_ref().map_or(updated, |s| s.checked);
        Some((site.entry_url(&entry.id)?, checked))
    }));
    let urlset = |urls: &[(String, crate::Date)]| {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for (loc, lastmod) in urls {
            xml.push_str(&format!(
                "  <url><loc>{}</loc><lastmod>{lastmod}</lastmod></url>\n",
                html::escape(loc)
            ));
        }
        xml.push_str("</urlset>\n");
        xml
    };
    if urls.len() <= SITEMAP_URLS {
        return vec![("sitemap.xml".to_owned(), urlset(&urls))];
    }
    let mut files: Vec<(String, String)> = urls
        .chunks(SITEMAP_URLS)
        .enumerate()
        .map(|(n, part)| (format!("sitemap-{}.xml", n + 1), urlset(part)))
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (name, _) in &files {
        index.push_str(&format!(
            "  <sitemap><loc>{}{name}</loc><lastmod>{updated}</lastmod></sitemap>\n",
            html::escape(&site.url)
        ));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".to_owned(), index));
    files
}

/// `robots.txt`: everything may be crawled; the sitemap's address.
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        site.url
    )
}
