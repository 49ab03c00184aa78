//! The default view's first screen as HTML, one block per UI language, written into
//! `index.html` at build time. It mirrors, element for element, what the app renders first
//! for the default view (`src/app.rs`, `src/filters.rs`, `src/list.rs`, `src/map.rs`), so the
//! app can take its place without moving anything (`tests/e2e/first-screen.test.mjs` compares
//! the two). The differences: for readers without JavaScript a row links to its entry's page
//! (`e/<id>/`) instead of `?entry=<id>` and the empty map says it needs JavaScript; and the ids
//! of every block but the first end in `-<lang>`, so none is doubled in the page.

use super::html::escape;
use super::{entry_path, Site};
use crate::config::RuntimeConfig;
use crate::i18n::{self, Arg, LANGUAGES};
use crate::manifest::Manifest;
use crate::query::Finder;
use crate::scope::{scope, Scope};
use crate::store::Excerpt;
use crate::url::UrlState;
use crate::vocab::Kind;

/// The marker pair in `index.html` between which the first screen is written.
pub const START: &str = "<!--ak:first-screen-->";
pub const END: &str = "<!--/ak:first-screen-->";

/// `template` (an `index.html`) with the first screen of every UI language between its
/// markers; the first language is shown without JavaScript, the others hidden until
/// `first-screen.js` picks one. `None` when the template has no markers.
pub fn write_into(
    template: &str,
    finder: &mut Finder,
    manifest: &Manifest,
    config: &RuntimeConfig,
    site: &Site,
) -> Option<String> {
    let (start, end) = markers(template)?;
    let blocks: String = LANGUAGES
        .iter()
        .enumerate()
        .map(|(n, lang)| render(finder, manifest, config, site, lang, n > 0))
        .collect();
    let page = format!("{}\n{blocks}{}", &template[..start], &template[end..]);
    Some(offer_languages(&page))
}

/// `template` without a first screen (and without `data-languages`, so `first-screen.js`
/// chooses none): for a deployment whose configuration loads another catalogue than the one
/// published here, whose first screen would show the wrong entries. `None` without markers.
pub fn clear(template: &str) -> Option<String> {
    let (start, end) = markers(template)?;
    let page = format!("{}{}", &template[..start], &template[end..]);
    Some(strip_languages(&page))
}

/// Where the first screen goes: between the end of [`START`] and the start of [`END`].
fn markers(template: &str) -> Option<(usize, usize)> {
    let start = template.find(START)? + START.len();
    Some((start, start + template[start..].find(END)?))
}

fn strip_languages(page: &str) -> String {
    let attribute = " data-languages=\"";
    let Some(at) = page.find(attribute) else {
        return page.to_owned();
    };
    let rest = &page[at + attribute.len()..];
    let end = rest.find('"').map_or(rest.len(), |n| n + 1);
    format!("{}{}", &page[..at], &rest[end..])
}

/// The `<html>` tag names the languages of the blocks (`data-languages`), which
/// `first-screen.js` chooses from.
fn offer_languages(page: &str) -> String {
    let page = &strip_languages(page);
    let Some(open) = page.find("<html") else {
        return page.to_owned();
    };
    let Some(close) = page[open..].find('>').map(|n| open + n) else {
        return page.to_owned();
    };
    let tag = &page[open..close];
    format!(
        "{}{tag} data-languages=\"{}\"{}",
        &page[..open],
        LANGUAGES.join(" "),
        &page[close..]
    )
}

/// The first screen in `lang`.
pub fn render(
    finder: &mut Finder,
    manifest: &Manifest,
    config: &RuntimeConfig,
    site: &Site,
    lang: &str,
    hidden: bool,
) -> String {
    let t = |key: &str| escape(&i18n::text(lang, key));
    // The shown-by-default block has the app's ids; the others end theirs in `-<lang>`, so no
    // id is doubled and each block's skip link, labels and headings point into itself.
    let id = |base: &str| {
        if hidden {
            escape(&format!("{base}-{lang}"))
        } else {
            escape(base)
        }
    };
    let t_count = |key: &str, count: usize| {
        escape(&i18n::text_args(lang, key, &[("count", Arg::from(count))]))
    };
    let state = UrlState::default();
    let scope = scope(manifest, &state, None);
    let mut query = state.query(finder.store().region());
    query.lang = lang.to_owned();
    query.within = scope.within();
    let results = match scope {
        Scope::Overview => None,
        _ => Some(finder.find(&query)),
    };
    let store = finder.store();

    let mut h = String::with_capacity(16_384);
    h.push_str(&format!(
        "<div class=\"ak-first\" lang=\"{lang}\"{}>",
        if hidden { " hidden" } else { "" }
    ));
    h.push_str(&format!(
        "<a class=\"ak-skip\" href=\"#{}\">{}</a>",
        id("ak-main"),
        t("skip-to-content")
    ));
    h.push_str(&format!(
        "<header class=\"ak-header\"><div><p class=\"ak-header__title\">{}</p><p class=\"ak-tagline\">{}</p></div><nav class=\"ak-languages\" aria-label=\"{}\">",
        t("app-title"), t("app-tagline"), t("language-switch")
    ));
    for code in LANGUAGES {
        h.push_str(&format!(
            "<button class=\"ak-languages__option\" type=\"button\" lang=\"{code}\" aria-pressed=\"{}\">{}</button>",
            code == &lang,
            escape(&i18n::text(code, "language-name"))
        ));
    }
    h.push_str("</nav></header>");
    h.push_str(&format!(
        "<main class=\"ak-main\" id=\"{}\" tabindex=\"-1\"><h1 class=\"ak-region\">{}</h1>",
        id("ak-main"),
        escape(store.region().name.get(lang))
    ));
    h.push_str("<div class=\"ak-discovery is-split\"><div class=\"ak-sidebar\">");
    h.push_str(&format!(
        "<form class=\"ak-search\" role=\"search\"><label for=\"{0}\">{1}</label><input id=\"{0}\" type=\"search\" autocomplete=\"off\" placeholder=\"{2}\"></form>",
        id("ak-search-input"), t("search-label"), t("search-placeholder")
    ));
    h.push_str(&format!(
        "<details class=\"ak-filters\"><summary>{}</summary></details>",
        t_count("filters-title", 0)
    ));
    h.push_str(&format!(
        "<div class=\"ak-toolbar\"><label class=\"ak-sort\"><span>{}</span><select>",
        t("sort-label")
    ));
    for (value, key) in [
        ("relevance", "sort-relevance"),
        ("distance", "sort-distance"),
        ("name", "sort-name"),
        ("newest", "sort-newest"),
    ] {
        let extra = match value {
            "relevance" => " selected",
            "distance" => " disabled",
            _ => "",
        };
        h.push_str(&format!(
            "<option value=\"{value}\"{extra}>{}</option>",
            t(key)
        ));
    }
    h.push_str(&format!(
        "</select></label><button class=\"ak-clear\" type=\"button\" aria-disabled=\"true\">{}</button></div>",
        t("filters-clear")
    ));
    let total = results.as_ref().map_or(0, |r| r.hits.len());
    // A set too large to load whole shows each district's count instead (`Overview`).
    let districts = results
        .is_none()
        .then(|| crate::scope::overview(manifest, &state).0);
    let count = match &districts {
        None => t_count("results-count", total),
        Some(districts) => escape(&i18n::text_args(
            lang,
            "overview-count",
            &[
                ("count", Arg::from(overview_total(districts))),
                ("districts", Arg::from(districts.len())),
            ],
        )),
    };
    h.push_str(&format!(
        "<p class=\"ak-count\" role=\"status\">{count}</p>"
    ));
    h.push_str(&format!(
        "<div class=\"ak-pane-switch\" role=\"group\" aria-label=\"{}\"><button type=\"button\" aria-pressed=\"true\">{}</button><button type=\"button\" aria-pressed=\"false\">{}</button><button type=\"button\" aria-pressed=\"false\">{}</button></div></div>",
        t("view-switch"), t("view-list"), t("view-map"), t("view-both")
    ));
    h.push_str(&format!(
        "<div class=\"ak-panes\"><section class=\"ak-results\" aria-labelledby=\"{1}\"><h2 class=\"ak-visually-hidden\" id=\"{1}\">{0}</h2><div class=\"ak-results__scroller\"><ul class=\"ak-list\" role=\"list\" aria-label=\"{0}\">",
        t("results-title"), id("ak-results-title")
    ));
    let hits = results.as_ref().map_or(&[][..], |r| &r.hits[..]);
    for (position, hit) in hits
        .iter()
        .take(crate::query::FIRST_SCREEN_ROWS)
        .enumerate()
    {
        let i = hit.index;
        let entry = store.id(i);
        let href = entry_path(entry).unwrap_or_else(|| format!("?entry={entry}"));
        h.push_str(&format!(
            "<li class=\"ak-item\" aria-setsize=\"{total}\" aria-posinset=\"{}\"><span class=\"ak-icon ak-icon--{}\" aria-hidden=\"true\"></span><div class=\"ak-item__body\"><p class=\"ak-item__kind\">{}",
            position + 1,
            store.kind(i).as_str(),
            escape(store.category(i).label(lang)),
        ));
        if store.illustrative(i) {
            h.push_str(&format!(
                "<span class=\"ak-badge\">{}</span>",
                t("badge-illustrative")
            ));
        }
        h.push_str(&format!(
            "</p><h3 class=\"ak-item__name\"><a id=\"{}\" href=\"{}\">",
            id(&format!("ak-item-{entry}")),
            escape(&href)
        ));
        if let Some(name) = store.name(i, lang) {
            h.push_str(&store_text(name.text, name.lang, lang));
        }
        h.push_str(&format!(
            "</a></h3><p class=\"ak-item__meta\">{}</p>",
            escape(store.place_name(i))
        ));
        match store.excerpt(i, lang) {
            Excerpt::Shown(shown) => h.push_str(&format!(
                "<p class=\"ak-item__description\">{}</p>",
                store_text(shown.text, shown.lang, lang)
            )),
            Excerpt::Wanted { .. } => h.push_str("<p class=\"ak-item__description\"></p>"),
            Excerpt::None => {}
        }
        h.push_str("</div></li>");
    }
    h.push_str("</ul>");
    if let Some(districts) = &districts {
        overview(&mut h, manifest, districts, lang);
    }
    h.push_str("</div></section>");
    let overview_total = results.is_none().then_some(manifest.entries as usize);
    map_pane(
        &mut h,
        store,
        hits,
        overview_total,
        config,
        lang,
        &id("ak-map-title"),
    );
    h.push_str("</div></div></main>");
    footer(&mut h, &site.legal, lang);
    h.push_str("</div>\n");
    h
}

/// A set too large to show whole: each district with its count, a link that shows its entries
/// (`Overview` in `src/list.rs`).
fn overview(h: &mut String, manifest: &Manifest, districts: &[(usize, u32)], lang: &str) {
    let mut named: Vec<(&str, &str, u32)> = districts
        .iter()
        .filter_map(|(i, n)| {
            let district = manifest.districts.get(*i)?;
            Some((district.name.as_str(), district.key.as_str(), *n))
        })
        .collect();
    crate::sort::sort_by(&mut named, |a, b| a.cmp(b));
    h.push_str(&format!(
        "<p class=\"ak-overview__hint\">{}</p><ul class=\"ak-overview\" role=\"list\">",
        escape(&i18n::text(lang, "overview-hint"))
    ));
    for (name, key, count) in named {
        let label = i18n::text_args(
            lang,
            "overview-district",
            &[
                ("name", Arg::from(name)),
                ("count", Arg::from(count as usize)),
            ],
        );
        h.push_str(&format!(
            "<li><a href=\"?district={}\">{}</a></li>",
            escape(key),
            escape(&label)
        ));
    }
    h.push_str("</ul>");
}

fn overview_total(districts: &[(usize, u32)]) -> usize {
    districts.iter().map(|(_, n)| *n as usize).sum()
}

/// A catalogue text; German, marked as such, where the UI language has no translation
/// (`StoreText` in `src/list.rs`).
fn store_text(text: &str, text_lang: &str, lang: &str) -> String {
    if text_lang == "de" && lang != "de" {
        format!(
            "<span lang=\"de\">{}</span> <span class=\"ak-fallback\">{}</span>",
            escape(text),
            escape(&i18n::text(lang, "fallback-german"))
        )
    } else {
        escape(text)
    }
}

fn map_pane(
    h: &mut String,
    store: &crate::store::Store,
    hits: &[crate::query::Hit],
    overview_total: Option<usize>,
    config: &RuntimeConfig,
    lang: &str,
    title_id: &str,
) {
    let t = |key: &str| escape(&i18n::text(lang, key));
    let located = hits
        .iter()
        .filter(|hit| store.location(hit.index).is_some())
        .count();
    h.push_str(&format!(
        "<section class=\"ak-map-pane\"><h2 class=\"ak-visually-hidden\" id=\"{title_id}\">{}</h2>",
        t("map-title")
    ));
    if let Some(tiles) = &config.tiles {
        let ask = i18n::text_args(lang, "tiles-ask", &[("host", Arg::from(tiles.host()))]);
        h.push_str(&format!(
            "<div class=\"ak-consent\" role=\"region\" aria-label=\"{}\"><p>{}</p><button type=\"button\">{}</button></div>",
            t("tiles-title"), escape(&ask), t("tiles-agree")
        ));
    }
    let summary = match overview_total {
        Some(count) => i18n::text_args(lang, "map-overview", &[("count", Arg::from(count))]),
        None => i18n::text_args(
            lang,
            "map-summary",
            &[
                ("count", Arg::from(hits.len())),
                ("located", Arg::from(located)),
                ("areas", Arg::from(hits.len() - located)),
            ],
        ),
    };
    h.push_str(&format!(
        "<div class=\"ak-map\" role=\"region\" aria-label=\"{}\"><noscript><p class=\"ak-map__no-script\">{}</p></noscript></div><p class=\"ak-map__summary\" aria-live=\"polite\">{}</p>",
        t("map-title"), t("map-needs-script"), escape(&summary)
    ));
    h.push_str(&format!(
        "<div class=\"ak-legend\"><h3 class=\"ak-legend__title\">{}</h3><ul>",
        t("legend-title")
    ));
    for kind in Kind::ALL {
        h.push_str(&format!(
            "<li><span class=\"ak-icon ak-icon--{}\" aria-hidden=\"true\"></span>{}</li>",
            kind.as_str(),
            escape(kind.label(lang))
        ));
    }
    h.push_str(&format!(
        "<li><span class=\"ak-cluster-sample\" aria-hidden=\"true\">3</span>{}</li></ul></div></section>",
        t("legend-cluster")
    ));
}

/// The operator's legal links (`Footer` in `src/app.rs`), http(s) and mailto only.
pub fn footer(h: &mut String, legal: &crate::config::Legal, lang: &str) {
    h.push_str("<footer class=\"ak-footer\"><ul class=\"ak-footer__links\">");
    for (key, url) in [
        ("legal-imprint", &legal.imprint),
        ("legal-privacy", &legal.privacy),
        ("legal-accessibility", &legal.accessibility),
        (
            "legal-accessibility-feedback",
            &legal.accessibility_feedback,
        ),
    ] {
        let Some(url) = url.as_deref().filter(|u| crate::validate::is_safe_link(u)) else {
            continue;
        };
        h.push_str(&format!(
            "<li><a href=\"{}\">{}</a></li>",
            escape(url),
            escape(&i18n::text(lang, key))
        ));
    }
    h.push_str("</ul></footer>");
}
