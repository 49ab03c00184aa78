//! Checks on a well-formed entry: everything the types alone cannot say.
//!
//! Each check adds a [`Problem`] with the field's JSON pointer and a German and English
//! message; an entry with any error is left out of the catalogue, warnings keep it.

use crate::catalog::{Entry, Localized, Region};
use crate::date::Date;
use crate::problem::Problem;
use crate::vocab::Kind;

/// Longest accepted text per field, in characters (documented in docs/catalog.md).
pub mod limits {
    pub const ID: usize = 64;
    pub const NAME: usize = 200;
    pub const DESCRIPTION: usize = 4000;
    pub const SHORT_TEXT: usize = 300;
    pub const LONG_TEXT: usize = 2000;
    pub const TAG: usize = 60;
    pub const URL: usize = 2000;
}

/// Which URL schemes a field accepts. Anything else (javascript:, data:, …) is refused.
#[derive(Clone, Copy)]
pub enum Schemes {
    Web,
    WebOrMail,
    Any,
}

impl Schemes {
    fn allowed(self) -> &'static [&'static str] {
        match self {
            Schemes::Web => &["http", "https"],
            Schemes::WebOrMail => &["http", "https", "mailto"],
            Schemes::Any => &["http", "https", "mailto", "tel"],
        }
    }
}

/// Collects the problems of one entry.
pub struct Checker<'a> {
    entry: &'a Entry,
    base: &'a str,
    pub problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    pub fn new(entry: &'a Entry, base: &'a str) -> Self {
        Checker {
            entry,
            base,
            problems: Vec::new(),
        }
    }

    fn error(&mut self, field: &str, de: String, en: String) {
        let pointer = format!("{}{field}", self.base);
        self.problems
            .push(Problem::error(&self.entry.id, pointer, de, en));
    }

    fn warning(&mut self, field: &str, de: String, en: String) {
        let pointer = format!("{}{field}", self.base);
        self.problems
            .push(Problem::warning(&self.entry.id, pointer, de, en));
    }
}

/// Runs every check on `entry`, which sits at JSON pointer `base`.
pub fn check_entry(entry: &Entry, region: &Region, today: Date, base: &str) -> Vec<Problem> {
    let mut c = Checker::new(entry, base);
    check_id(&mut c);
    check_category(&mut c);
    check_place(&mut c, region);
    check_texts(&mut c);
    check_links(&mut c);
    check_contact(&mut c);
    check_dates(&mut c, today);
    c.problems
}

fn check_id(c: &mut Checker) {
    let id = &c.entry.id;
    if !is_well_formed_id(id) {
        c.error(
            "/id",
            format!("Die ID „{id}“ darf nur Kleinbuchstaben, Ziffern, „-“, „_“ und „.“ enthalten (höchstens {} Zeichen).", limits::ID),
            format!("The id \"{id}\" may only contain lower-case letters, digits, \"-\", \"_\" and \".\" (at most {} characters).", limits::ID),
        );
    }
}

fn check_category(c: &mut Checker) {
    let (kind, category) = (c.entry.kind, c.entry.category);
    if category.kind() != kind {
        c.error(
            "/category",
            format!(
                "Die Kategorie „{}“ gehört zur Art „{}“, nicht zu „{}“.",
                category.as_str(),
                category.kind().as_str(),
                kind.as_str()
            ),
            format!(
                "The category \"{}\" belongs to the kind \"{}\", not \"{}\".",
                category.as_str(),
                category.kind().as_str(),
                kind.as_str()
            ),
        );
    }
}

fn check_place(c: &mut Checker, region: &Region) {
    let entry = c.entry;
    let district = &entry.district;
    if !is_digits(district, 5) {
        c.error(
            "/district",
            format!("„{district}“ ist kein 5-stelliger Kreisschlüssel (AGS)."),
            format!("\"{district}\" is not a 5-digit district key (AGS)."),
        );
    } else if !region.districts.contains_key(district) {
        c.error(
            "/district",
            format!("Der Kreis {district} gehört nicht zur Region dieses Katalogs."),
            format!("District {district} is not part of this catalogue's region."),
        );
    }
    if let Some(municipality) = &entry.municipality {
        if !is_digits(municipality, 8) {
            c.error(
                "/municipality",
                format!("„{municipality}“ ist kein 8-stelliger Gemeindeschlüssel (AGS)."),
                format!("\"{municipality}\" is not an 8-digit municipality key (AGS)."),
            );
        } else if !municipality.starts_with(district.as_str()) {
            c.error(
                "/municipality",
                format!("Die Gemeinde {municipality} liegt nicht im Kreis {district}."),
                format!("Municipality {municipality} is not in district {district}."),
            );
        } else if !region.municipalities.is_empty()
            && !region.municipalities.contains_key(municipality)
        {
            c.warning(
                "/municipality",
                format!("Die Gemeinde {municipality} fehlt in der Gemeindeliste der Region."),
                format!(
                    "Municipality {municipality} is missing from the region's municipality list."
                ),
            );
        }
    }
    match (entry.location, entry.area) {
        (Some(_), Some(_)) => c.error(
            "/area",
            "Ein Eintrag hat entweder eine Position oder ein Gebiet, nicht beides.".into(),
            "An entry has either a location or an area, not both.".into(),
        ),
        (None, None) => c.error(
            "/location",
            "Position (lat/lon) oder Gebiet (district/region) fehlt.".into(),
            "Location (lat/lon) or area (district/region) is missing.".into(),
        ),
        (Some(p), None) if !region.contains(p) => {
            let swapped = region.contains(crate::LatLon {
                lat: p.lon,
                lon: p.lat,
            });
            let (de, en) = if swapped {
                (
                    "liegt außerhalb der Region; Breite und Länge scheinen vertauscht.",
                    "is outside the region; latitude and longitude look swapped.",
                )
            } else {
                ("liegt außerhalb der Region.", "is outside the region.")
            };
            c.error(
                "/location",
                format!("Die Position ({}, {}) {de}", degrees(p.lat), degrees(p.lon)),
                format!("The position ({}, {}) {en}", degrees(p.lat), degrees(p.lon)),
            );
        }
        _ => {}
    }
}

/// A text field to check; its JSON pointer is only built when there is a problem, because
/// this runs for every text of every entry.
struct TextField<'e> {
    prefix: &'static str,
    index: Option<usize>,
    suffix: &'static str,
    lang: Option<&'e str>,
    text: &'e str,
    limit: usize,
}

impl TextField<'_> {
    fn pointer(&self) -> String {
        let mut pointer = self.prefix.to_owned();
        if let Some(i) = self.index {
            pointer += &format!("/{i}");
        }
        pointer += self.suffix;
        if let Some(lang) = self.lang {
            pointer += &format!("/{lang}");
        }
        pointer
    }
}

fn check_texts(c: &mut Checker) {
    let e = c.entry;
    let mut texts: Vec<TextField> = Vec::with_capacity(8);
    fn localized<'e>(
        texts: &mut Vec<TextField<'e>>,
        (prefix, index, suffix): (&'static str, Option<usize>, &'static str),
        text: &'e Localized,
        limit: usize,
    ) {
        for (lang, value) in text.texts() {
            texts.push(TextField {
                prefix,
                index,
                suffix,
                lang: Some(lang),
                text: value,
                limit,
            });
        }
    }
    localized(&mut texts, ("/name", None, ""), &e.name, limits::NAME);
    if let Some(d) = &e.description {
        localized(
            &mut texts,
            ("/description", None, ""),
            d,
            limits::DESCRIPTION,
        );
    }
    if let Some(h) = e.contact.as_ref().and_then(|c| c.opening_hours.as_ref()) {
        localized(
            &mut texts,
            ("/contact/opening_hours", None, ""),
            h,
            limits::SHORT_TEXT,
        );
    }
    if let Some(f) = &e.funding {
        localized(
            &mut texts,
            ("/funding/conditions", None, ""),
            &f.conditions,
            limits::LONG_TEXT,
        );
    }
    for (i, link) in e.links.iter().enumerate() {
        localized(
            &mut texts,
            ("/links", Some(i), "/label"),
            &link.label,
            limits::SHORT_TEXT,
        );
    }
    let plain = |prefix, index, text, limit| TextField {
        prefix,
        index,
        suffix: "",
        lang: None,
        text,
        limit,
    };
    for (i, tag) in e.tags.iter().enumerate() {
        texts.push(plain("/tags", Some(i), tag, limits::TAG));
    }
    let address = e.address.as_ref();
    let contact = e.contact.as_ref();
    let short = [
        ("/address/street", address.and_then(|a| a.street.as_deref())),
        (
            "/address/postcode",
            address.and_then(|a| a.postcode.as_deref()),
        ),
        ("/address/city", address.and_then(|a| a.city.as_deref())),
        ("/contact/name", contact.and_then(|c| c.name.as_deref())),
        (
            "/event/place",
            e.event.as_ref().and_then(|v| v.place.as_deref()),
        ),
        (
            "/source/name",
            e.source.as_ref().and_then(|s| s.name.as_deref()),
        ),
    ];
    for (field, value) in short {
        if let Some(value) = value {
            texts.push(plain(field, None, value, limits::SHORT_TEXT));
        }
    }

    if e.name.de.trim().is_empty() {
        c.error(
            "/name/de",
            "Der deutsche Name fehlt.".into(),
            "The German name is missing.".into(),
        );
    }
    for field in texts {
        if let Some(lang) = field.lang.filter(|l| !is_language_code(l)) {
            c.error(
                &field.pointer(),
                format!(
                    "„{}“ ist kein Sprachcode (z. B. „en“, „pl“).",
                    shorten(lang)
                ),
                format!(
                    "\"{}\" is not a language code (e.g. \"en\", \"pl\").",
                    shorten(lang)
                ),
            );
        }
        check_text(c, &field);
    }
}

/// Refuses invisible and direction-changing characters and over-long texts.
fn check_text(c: &mut Checker, field: &TextField) {
    let (text, limit) = (field.text, field.limit);
    if let Some((position, ch)) = find_forbidden_char(text) {
        c.error(
            &field.pointer(),
            format!(
                "Unerlaubtes Steuerzeichen U+{:04X} an Stelle {}.",
                ch as u32,
                position + 1
            ),
            format!(
                "Forbidden control character U+{:04X} at position {}.",
                ch as u32,
                position + 1
            ),
        );
    }
    // A text no longer in bytes than the limit cannot be longer in characters.
    let length = if text.len() <= limit {
        0
    } else {
        text.chars().count()
    };
    if length > limit {
        c.error(
            &field.pointer(),
            format!("Der Text ist {length} Zeichen lang; erlaubt sind höchstens {limit}."),
            format!("The text is {length} characters long; at most {limit} are allowed."),
        );
    }
}

/// The first forbidden character and its position (in characters).
fn find_forbidden_char(text: &str) -> Option<(usize, char)> {
    // Every forbidden character is an ASCII control or starts with one of these UTF-8 lead
    // bytes (C1 controls, U+2000 block, U+FEFF); most texts have none, and bytes are cheap.
    let suspicious = text
        .bytes()
        .any(|b| b < 0x20 || b == 0x7F || matches!(b, 0xC2 | 0xE2 | 0xEF));
    if !suspicious {
        return None;
    }
    text.chars()
        .enumerate()
        .find(|(_, ch)| is_forbidden_char(*ch))
}

/// NUL and other C0/C1 controls (line breaks and tabs excepted), bidi overrides and
/// isolates (which can make text read differently from what it is), and invisible characters
/// (zero-width space, direction marks, word joiner, BOM). The zero-width joiner and non-joiner
/// are allowed: emoji such as 👩‍⚕️ and some scripts need them.
pub fn is_forbidden_char(ch: char) -> bool {
    (ch.is_control() && !matches!(ch, '\n' | '\t' | '\r'))
        || matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2060}' | '\u{FEFF}')
}

fn check_links(c: &mut Checker) {
    let e = c.entry;
    let mut urls: Vec<(String, &str, Schemes)> = Vec::new();
    if let Some(url) = &e.website {
        urls.push(("/website".into(), url, Schemes::Web));
    }
    for (i, link) in e.links.iter().enumerate() {
        urls.push((format!("/links/{i}/url"), &link.url, Schemes::Any));
    }
    if let Some(url) = e.event.as_ref().and_then(|v| v.registration.as_deref()) {
        urls.push(("/event/registration".into(), url, Schemes::WebOrMail));
    }
    if let Some(url) = e.source.as_ref().and_then(|s| s.url.as_deref()) {
        urls.push(("/source/url".into(), url, Schemes::Web));
    }
    for (field, url, schemes) in urls {
        if !is_allowed_url(url, schemes) {
            let allowed = schemes.allowed().join(", ");
            c.error(
                &field,
                format!(
                    "„{}“ ist keine erlaubte Adresse (erlaubt: {allowed}).",
                    shorten(url)
                ),
                format!(
                    "\"{}\" is not an allowed address (allowed: {allowed}).",
                    shorten(url)
                ),
            );
        } else if url.chars().count() > limits::URL {
            let length = url.chars().count();
            c.error(
                &field,
                format!(
                    "Die Adresse ist {length} Zeichen lang; erlaubt sind höchstens {}.",
                    limits::URL
                ),
                format!(
                    "The address is {length} characters long; at most {} are allowed.",
                    limits::URL
                ),
            );
        }
    }
}

/// Only http(s), mailto and tel ever become links, whatever a catalogue says (the app's
/// details, the entry pages, the footer's legal links).
pub fn is_safe_link(url: &str) -> bool {
    is_allowed_url(url, Schemes::Any)
}

/// A phone number as a `tel:` link: its digits and `+` only.
pub fn tel_link(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}

/// True when `url` uses one of the schemes and contains nothing that could smuggle another
/// scheme past a browser (whitespace, control characters).
pub fn is_allowed_url(url: &str, schemes: Schemes) -> bool {
    if url
        .chars()
        .any(|ch| ch.is_whitespace() || is_forbidden_char(ch))
    {
        return false;
    }
    let Some((scheme, rest)) = url.split_once(':') else {
        return false;
    };
    let scheme = scheme.to_ascii_lowercase();
    if !schemes.allowed().contains(&scheme.as_str()) || rest.is_empty() {
        return false;
    }
    match scheme.as_str() {
        "http" | "https" => rest
            .strip_prefix("//")
            .and_then(|r| r.split(['/', '?', '#']).next())
            .is_some_and(|host| !host.is_empty()),
        "mailto" => is_email(rest.split('?').next().unwrap_or_default()),
        _ => is_phone(rest),
    }
}

fn check_contact(c: &mut Checker) {
    let Some(contact) = &c.entry.contact else {
        return;
    };
    if let Some(email) = contact.email.as_deref().filter(|e| !is_email(e)) {
        c.error(
            "/contact/email",
            format!("„{}“ ist keine gültige E-Mail-Adresse.", shorten(email)),
            format!("\"{}\" is not a valid email address.", shorten(email)),
        );
    }
    if let Some(phone) = contact.phone.as_deref().filter(|p| !is_phone(p)) {
        c.error(
            "/contact/phone",
            format!(
                "„{}“ ist keine gültige Telefonnummer (z. B. „+49 2761 12345“ oder „02761 12345“).",
                shorten(phone)
            ),
            format!(
                "\"{}\" is not a valid phone number (e.g. \"+49 2761 12345\" or \"02761 12345\").",
                shorten(phone)
            ),
        );
    }
    for (i, lang) in contact.languages.iter().enumerate() {
        if !is_language_code(lang) {
            c.error(
                &format!("/contact/languages/{i}"),
                format!(
                    "„{}“ ist kein Sprachcode (z. B. „de“, „pl“).",
                    shorten(lang)
                ),
                format!(
                    "\"{}\" is not a language code (e.g. \"de\", \"pl\").",
                    shorten(lang)
                ),
            );
        }
    }
}

fn check_dates(c: &mut Checker, today: Date) {
    let e = c.entry;
    match (&e.event, e.kind) {
        (None, Kind::Event) => c.error(
            "/event",
            "Eine Veranstaltung braucht ein Datum (event.start).".into(),
            "An event needs a date (event.start).".into(),
        ),
        (Some(_), kind) if kind != Kind::Event => c.warning(
            "/event",
            "Veranstaltungsangaben bei einem Eintrag, der keine Veranstaltung ist, werden nicht gezeigt.".into(),
            "Event details on an entry that is not an event are not shown.".into(),
        ),
        (Some(event), _) => {
            let end = event.end.unwrap_or(event.start);
            if end < event.start {
                c.error(
                    "/event/end",
                    format!("Das Ende ({end}) liegt vor dem Beginn ({}).", event.start),
                    format!("The end ({end}) is before the start ({}).", event.start),
                );
            } else if end < today {
                c.warning(
                    "/event/end",
                    format!("Die Veranstaltung ist vorbei ({end}) und wird standardmäßig ausgeblendet."),
                    format!("The event is over ({end}) and is hidden by default."),
                );
            }
        }
        _ => {}
    }
    if let Some(valid) = e.valid {
        match (valid.from, valid.until) {
            (Some(from), Some(until)) if until < from => c.error(
                "/valid/until",
                format!("„Gültig bis“ ({until}) liegt vor „gültig ab“ ({from})."),
                format!("\"Valid until\" ({until}) is before \"valid from\" ({from})."),
            ),
            (_, Some(until)) if until < today => c.warning(
                "/valid/until",
                format!(
                    "Der Eintrag ist seit {until} abgelaufen und wird standardmäßig ausgeblendet."
                ),
                format!("The entry expired on {until} and is hidden by default."),
            ),
            _ => {}
        }
    }
    if let Some(checked) = e.source.as_ref().map(|s| s.checked).filter(|d| *d > today) {
        c.warning(
            "/source/checked",
            format!("Das Prüfdatum {checked} liegt in der Zukunft."),
            format!("The checked date {checked} is in the future."),
        );
    }
}

/// A coordinate with six decimals (about 0.1 m), written with integer arithmetic: Rust's
/// float formatting would add about 10 KB to the app's WASM for two messages.
pub fn degrees(value: f64) -> String {
    if !value.is_finite() {
        return "?".into();
    }
    let micro = (value.abs() * 1e6).round() as u64;
    let sign = if value < 0.0 && micro > 0 { "-" } else { "" };
    let fraction = format!("{:06}", micro % 1_000_000);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("{sign}{}", micro / 1_000_000)
    } else {
        format!("{sign}{}.{fraction}", micro / 1_000_000)
    }
}

pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let ok = |s: &str, extra: &[u8]| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || extra.contains(&b) || b >= 0x80)
    };
    // RFC 5322 also allows `# % & / ?` here, but in a `mailto:` link they start headers,
    // escapes or fragments (`a?bcc=b@c.de`), so an address that becomes a link may not use them.
    ok(local, b".!$'*+=^_`{|}~-")
        && ok(domain, b".-")
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text
            .chars()
            .any(|ch| ch.is_whitespace() || is_forbidden_char(ch))
}

/// German and international numbers as people write them: `+49 2761 12345`, `02761/12345-0`.
pub fn is_phone(text: &str) -> bool {
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    (text.starts_with('+') || text.starts_with('0'))
        && (6..=17).contains(&digits)
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || b" +()/-".contains(&b))
}

/// The id alphabet; URLs use it too, to tell an entry id from garbage.
pub(crate) fn is_well_formed_id(id: &str) -> bool {
    id.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
        && id.len() <= limits::ID
}

pub(crate) fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

fn is_digits(text: &str, n: usize) -> bool {
    text.len() == n && text.bytes().all(|b| b.is_ascii_digit())
}

/// Keeps messages readable when a field holds a huge or hostile value.
fn shorten(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|ch| {
            if is_forbidden_char(ch) {
                '\u{FFFD}'
            } else {
                ch
            }
        })
        .take(80)
        .collect();
    if text.chars().count() > 80 {
        format!("{clean}…")
    } else {
        clean
    }
}
