//! UI translations from the Fluent files in `i18n/<code>.ftl`, compiled at build time (`build.rs`)
//! into static tables: the WASM bundle carries the texts but no Fluent parser, and a key missing
//! from a language, a syntax error or an unsupported Fluent feature fails the build, not the app.
//! Adding a language is adding one `.ftl` file.

use std::fmt::Write as _;

mod generated {
    use super::{Piece, VariantKey};
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

/// Codes of the supported languages, one per `i18n/<code>.ftl`; `de`, the reference and
/// fallback, first.
pub use generated::LANGUAGES;

/// A compiled pattern element (see `build.rs`).
// Which variants the generated tables build depends on what the .ftl files use.
#[allow(dead_code)]
#[derive(Debug)]
enum Piece {
    Text(&'static str),
    /// `{ $name }`.
    Var(&'static str),
    /// `{ other-key }`, or `{ -term }` (key with its leading `-`).
    Message(&'static str),
    /// `{ $var -> [key] … *[default] … }`.
    Select {
        var: &'static str,
        variants: &'static [(VariantKey, &'static [Piece])],
        default: usize,
    },
}

/// A select variant's key.
#[allow(dead_code)]
#[derive(Debug)]
enum VariantKey {
    /// `[0]`, `[1]`: matches exactly that number.
    Number(f64),
    /// `[one]`, `[other]`: a plural category, or a text argument's value.
    Name(&'static str),
}

/// An argument for a `{ $name }` placeable or a select expression.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Arg<'a> {
    Text(&'a str),
    /// Formatted for the language: integers without decimals, otherwise one decimal.
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(text)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Number(f64::from(n))
    }
}

impl From<f64> for Arg<'_> {
    fn from(n: f64) -> Self {
        Arg::Number(n)
    }
}

/// The text for `key` in `lang`, for messages without arguments. See [`text_args`].
pub fn text(lang: &str, key: &str) -> String {
    text_args(lang, key, &[])
}

/// The text for `key` in `lang`, with `args` for its `{ $name }` placeables and selects.
///
/// `lang` is resolved like one [`negotiate`] preference, so an unknown language gives German.
/// A key missing in the language gives the German text, a key missing everywhere gives the key
/// itself, and a missing argument stays visible as `{$name}`. Never panics.
pub fn text_args(lang: &str, key: &str, args: &[(&str, Arg)]) -> String {
    let mut out = String::new();
    let lang = language_index(lang);
    match lookup(lang, key) {
        Some((lang, pattern)) => render(&mut out, lang, pattern, args, 0),
        None => out.push_str(key),
    }
    out
}

/// The first supported language among `preferred` (e.g. `navigator.languages`: "en-GB",
/// "de-DE", "pl"), compared by whole tag or by primary subtag, ignoring case; otherwise `de`.
pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> &'static str {
    preferred
        .into_iter()
        .find_map(supported)
        .unwrap_or(LANGUAGES[0])
}

/// Whether `lang` is exactly one of [`LANGUAGES`].
pub fn is_supported(lang: &str) -> bool {
    LANGUAGES.contains(&lang)
}

/// The message keys of `lang` (resolved like in [`text_args`]), sorted; terms with their `-`.
pub fn keys(lang: &str) -> impl Iterator<Item = &'static str> {
    table(language_index(lang)).iter().map(|(key, _)| *key)
}

/// The argument names `key` uses in `lang`, including through message references, sorted and
/// without duplicates. Empty for an unknown key.
pub fn variables(lang: &str, key: &str) -> Vec<&'static str> {
    let mut names = Vec::new();
    if let Some((lang, pattern)) = lookup(language_index(lang), key) {
        collect_variables(lang, pattern, &mut names, 0);
    }
    names.sort_unstable();
    names.dedup();
    names
}

/// Deeper message references than this render as `{key}` (the build rejects cycles anyway).
const MAX_DEPTH: usize = 16;

fn supported(tag: &str) -> Option<&'static str> {
    let tag = tag.trim();
    let primary = tag.split(['-', '_']).next().unwrap_or(tag);
    let find = |wanted: &str| {
        LANGUAGES
            .iter()
            .copied()
            .find(|code| code.eq_ignore_ascii_case(wanted))
    };
    find(tag).or_else(|| find(primary))
}

fn language_index(lang: &str) -> usize {
    let code = supported(lang).unwrap_or(LANGUAGES[0]);
    LANGUAGES.iter().position(|c| *c == code).unwrap_or(0)
}

fn table(lang: usize) -> &'static [(&'static str, &'static [Piece])] {
    generated::TABLES.get(lang).copied().unwrap_or(&[])
}

/// The pattern for `key`, in `lang` or else in German, with the language it was found in.
fn lookup(lang: usize, key: &str) -> Option<(usize, &'static [Piece])> {
    let find = |lang: usize| {
        let table = table(lang);
        let found = table.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
        Some((lang, table[found].1))
    };
    find(lang).or_else(|| find(0))
}

fn render(out: &mut String, lang: usize, pieces: &[Piece], args: &[(&str, Arg)], depth: usize) {
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Var(name) => match argument(args, name) {
                Some(Arg::Text(text)) => out.push_str(text),
                Some(Arg::Number(n)) => format_number(out, lang, *n),
                None => {
                    let _ = write!(out, "{{${name}}}");
                }
            },
            Piece::Message(key) => match lookup(lang, key) {
                Some((lang, pattern)) if depth < MAX_DEPTH => {
                    render(out, lang, pattern, args, depth + 1)
                }
                _ => {
                    let _ = write!(out, "{{{key}}}");
                }
            },
            Piece::Select {
                var,
                variants,
                default,
            } => {
                let chosen = select(lang, variants, *default, argument(args, var));
                render(out, lang, chosen, args, depth);
            }
        }
    }
}

fn argument<'a, 'b>(args: &'b [(&str, Arg<'a>)], name: &str) -> Option<&'b Arg<'a>> {
    args.iter().find(|(n, _)| *n == name).map(|(_, arg)| arg)
}

/// The variant for `value`: for a number, an exact `[n]` key first, then its plural category;
/// for a text, the key equal to it; otherwise (or without a value) the default variant.
fn select(
    lang: usize,
    variants: &'static [(VariantKey, &'static [Piece])],
    default: usize,
    value: Option<&Arg>,
) -> &'static [Piece] {
    let position =
        |wanted: &dyn Fn(&VariantKey) -> bool| variants.iter().position(|(key, _)| wanted(key));
    let chosen = match value {
        Some(Arg::Number(n)) => position(&|key| matches!(key, VariantKey::Number(k) if k == n))
            .or_else(|| {
                let category = plural_category(LANGUAGES[lang], *n);
                position(&|key| matches!(key, VariantKey::Name(name) if *name == category))
            }),
        Some(Arg::Text(text)) => {
            position(&|key| matches!(key, VariantKey::Name(name) if name == text))
        }
        None => None,
    };
    variants
        .get(chosen.unwrap_or(default))
        .map_or(&[], |(_, pieces)| *pieces)
}

/// The CLDR plural category of `n` in `lang`. German and English share one rule: `one` for
/// exactly 1, `other` for everything else. A language with other rules (e.g. `pl`, `ru`, `ar`,
/// or `fr`, where 0 is `one` too) needs an arm here, matching its code, before it is added.
fn plural_category(_lang: &str, n: f64) -> &'static str {
    if n == 1.0 {
        "one"
    } else {
        "other"
    }
}

/// Integers without decimals, anything else rounded to one decimal; the decimal separator is
/// "," in German and "." otherwise, thousands are grouped with the other one ("10.000",
/// "10,000"). Avoids float formatting code.
fn format_number(out: &mut String, lang: usize, n: f64) {
    if n.is_nan() {
        out.push_str("NaN");
        return;
    }
    if n.is_infinite() {
        out.push_str(if n < 0.0 { "-∞" } else { "∞" });
        return;
    }
    let tenths = (n * 10.0).round() as i64;
    if tenths < 0 {
        out.push('-');
    }
    let tenths = tenths.unsigned_abs();
    let (decimal, group) = if LANGUAGES[lang] == "de" {
        (',', '.')
    } else {
        ('.', ',')
    };
    let digits = (tenths / 10).to_string();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if tenths % 10 != 0 {
        out.push(decimal);
        let _ = write!(out, "{}", tenths % 10);
    }
}

fn collect_variables(lang: usize, pieces: &[Piece], names: &mut Vec<&'static str>, depth: usize) {
    for piece in pieces {
        match piece {
            Piece::Text(_) => {}
            Piece::Var(name) => names.push(name),
            Piece::Message(key) => {
                if let Some((lang, pattern)) = lookup(lang, key).filter(|_| depth < MAX_DEPTH) {
                    collect_variables(lang, pattern, names, depth + 1);
                }
            }
            Piece::Select { var, variants, .. } => {
                names.push(var);
                for (_, pieces) in *variants {
                    collect_variables(lang, pieces, names, depth);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(lang: &str, n: f64) -> String {
        let mut out = String::new();
        format_number(&mut out, language_index(lang), n);
        out
    }

    #[test]
    fn numbers_are_rounded_to_one_decimal_with_the_language_separator() {
        assert_eq!(number("de", 3.0), "3");
        assert_eq!(number("de", 2.5), "2,5");
        assert_eq!(number("en", 2.5), "2.5");
        assert_eq!(number("en", 2.04), "2");
        assert_eq!(number("en", 2.96), "3");
        assert_eq!(number("de", 12.345), "12,3");
        assert_eq!(number("de", -1.25), "-1,3");
        assert_eq!(number("de", -0.04), "0");
        assert_eq!(number("en", 1_234_567.0), "1,234,567");
        assert_eq!(number("de", 10_000.0), "10.000");
        assert_eq!(number("de", 999.0), "999");
        assert_eq!(number("de", 1_000.5), "1.000,5");
    }

    #[test]
    fn plural_category_is_one_only_for_exactly_one() {
        assert_eq!(plural_category("de", 1.0), "one");
        assert_eq!(plural_category("en", 1.0), "one");
        assert_eq!(plural_category("en", 0.0), "other");
        assert_eq!(plural_category("en", 1.5), "other");
        assert_eq!(plural_category("de", 2.0), "other");
    }

    #[test]
    fn german_is_first_and_every_language_has_a_table() {
        assert_eq!(LANGUAGES[0], "de");
        assert_eq!(generated::TABLES.len(), LANGUAGES.len());
        for table in generated::TABLES {
            assert!(
                table.windows(2).all(|w| w[0].0 < w[1].0),
                "tables are sorted by key"
            );
        }
    }
}
