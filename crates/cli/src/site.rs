//! `publish --site DIR --site-url URL`: after the published set, the pages around the app in
//! the app's folder: the first screen in `index.html`, a page per entry under `e/`, and
//! `sitemap.xml` and `robots.txt` (docs/published.md, "Pages").

use crate::output::write_atomically;
use ankommen_core::publish::Published;
use ankommen_core::site::{self, entry_page, first_screen, Site};
use ankommen_core::{Catalog, Date, Finder, RuntimeConfig};
use std::path::Path;

pub struct Pages<'a> {
    pub dir: &'a Path,
    pub url: &'a str,
    /// Where the published set was written (`-o`).
    pub data: &'a Path,
}

/// Writes the pages; returns how many entry pages.
pub fn write(
    pages: &Pages,
    catalog: &Catalog,
    published: &Published,
    today: Date,
) -> Result<usize, String> {
    let dir = pages.dir;
    let index_path = dir.join("index.html");
    let template = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    // The deployment's configuration as the app will read it (legal links, tiles).
    let config: RuntimeConfig = std::fs::read_to_string(dir.join("config.json"))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let site = Site::new(pages.url, stylesheets(&template), config.legal.clone());
    let mut finder = Finder::with_store(published.load(today));
    // A deployment that loads another catalogue (an operator's API) gets no first screen: it
    // would show entries that are not the ones the app then shows.
    let index = if loads_this_set(&config, pages) {
        first_screen::write_into(&template, &mut finder, &published.manifest, &config, &site)
    } else {
        first_screen::clear(&template)
    };
    let index = index.ok_or_else(|| {
        format!(
            "{}: no {} … {} markers for the first screen",
            index_path.display(),
            first_screen::START,
            first_screen::END
        )
    })?;
    write_atomically(&index_path, index.as_bytes()).map_err(|e| e.to_string())?;

    // Pages of entries that left the catalogue must go: the folder is written afresh.
    let entries_dir = dir.join("e");
    if entries_dir.exists() {
        std::fs::remove_dir_all(&entries_dir).map_err(|e| e.to_string())?;
    }
    let mut written = 0;
    for entry in site::paged(&catalog.entries, today) {
        let (Some(path), Some(page)) = (
            site::entry_path(&entry.id),
            entry_page::render(&site, catalog, entry),
        ) else {
            continue;
        };
        let folder = dir.join(path);
        std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
        std::fs::write(folder.join("index.html"), page).map_err(|e| e.to_string())?;
        written += 1;
    }
    // The parts of an earlier, larger sitemap must not linger.
    for old in std::fs::read_dir(dir).map_err(|e| e.to_string())?.flatten() {
        let name = old.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("sitemap-") && name.ends_with(".xml") {
            std::fs::remove_file(old.path()).map_err(|e| e.to_string())?;
        }
    }
    for (name, xml) in site::sitemaps(&site, &catalog.entries, today, catalog.updated) {
        write_atomically(&dir.join(name), xml.as_bytes()).map_err(|e| e.to_string())?;
    }
    write_atomically(&dir.join("robots.txt"), site::robots(&site).as_bytes())
        .map_err(|e| e.to_string())?;
    Ok(written)
}

/// Whether the deployment's `catalog` is the manifest just published into `pages.data`.
fn loads_this_set(config: &RuntimeConfig, pages: &Pages) -> bool {
    let (Ok(data), Ok(site)) = (pages.data.canonicalize(), pages.dir.canonicalize()) else {
        return false;
    };
    let Ok(relative) = data.strip_prefix(&site) else {
        return false;
    };
    let manifest = relative.join(ankommen_core::publish::MANIFEST);
    let configured = config.catalog.trim_start_matches("./");
    manifest.to_str() == Some(configured)
}

/// The stylesheets `index.html` links (Trunk writes them with hashed names).
fn stylesheets(html: &str) -> Vec<String> {
    html.split("<link")
        .skip(1)
        .filter_map(|tag| {
            let tag = &tag[..tag.find('>')?];
            if !tag.contains("rel=\"stylesheet\"") {
                return None;
            }
            let href = tag.split("href=\"").nth(1)?;
            let href = &href[..href.find('"')?];
            // Relative to the app: the entry pages link them from two folders down. (Leaflet's
            // stylesheet is not among them: the app adds it when a map starts.)
            Some(href.trim_start_matches("./").to_owned())
        })
        .collect()
}
