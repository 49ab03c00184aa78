//! UI translations: rendering, fallbacks, language negotiation, and the build script's checks.

use ankommen_core::i18n::{self, Arg, LANGUAGES};

/// The build script itself, so its checks can be tested on files that would fail the build.
#[path = "../build.rs"]
#[allow(dead_code)]
mod build_script;

fn count(lang: &str, n: usize) -> String {
    i18n::text_args(lang, "results-count", &[("count", n.into())])
}

#[test]
fn plural_selection_matches_exact_numbers_before_categories() {
    assert_eq!(count("de", 0), "Keine Ergebnisse");
    assert_eq!(count("de", 1), "1 Ergebnis");
    assert_eq!(count("de", 2), "2 Ergebnisse");
    assert_eq!(count("de", 1234), "1.234 Ergebnisse");
    assert_eq!(count("en", 10_000), "10,000 results");
    assert_eq!(count("en", 0), "No results");
    assert_eq!(count("en", 1), "1 result");
    assert_eq!(count("en", 7), "7 results");
}

#[test]
fn select_without_its_argument_takes_the_default_variant() {
    assert_eq!(i18n::text("en", "results-count"), "{$count} results");
}

#[test]
fn numbers_use_the_language_decimal_separator() {
    let km = |lang, km: f64| i18n::text_args(lang, "distance-km", &[("km", km.into())]);
    assert_eq!(km("de", 2.5), "2,5 km");
    assert_eq!(km("en", 2.5), "2.5 km");
    assert_eq!(km("de", 12.0), "12 km");
    assert_eq!(km("en", 7.1234), "7.1 km");
    assert_eq!(km("de", 0.96), "1 km");
}

#[test]
fn text_arguments_are_inserted_as_they_are() {
    let km = String::from("ca. 3");
    assert_eq!(
        i18n::text_args("de", "distance-km", &[("km", (&km).into())]),
        "ca. 3 km"
    );
    assert_eq!(
        i18n::text_args("en", "distance-km", &[("km", "<5".into())]),
        "<5 km"
    );
}

#[test]
fn plain_texts_render_and_keep_their_characters() {
    assert_eq!(i18n::text("de", "app-title"), "Ankommen");
    assert_eq!(i18n::text("de", "loading"), "Katalog wird geladen …");
    assert_eq!(i18n::text("en", "loading"), "Loading the catalogue …");
    assert_eq!(
        i18n::text("en", "app-tagline"),
        "Working and living in the health region"
    );
}

#[test]
fn unknown_language_falls_back_to_german() {
    assert_eq!(
        i18n::text("fr", "app-tagline"),
        "Arbeiten und Leben in der Gesundheitsregion"
    );
    assert_eq!(i18n::text("", "loading"), "Katalog wird geladen …");
    assert_eq!(count("xx", 0), "Keine Ergebnisse");
}

#[test]
fn language_is_resolved_like_a_preference() {
    assert_eq!(i18n::text("en-GB", "loading"), "Loading the catalogue …");
    assert_eq!(i18n::text("EN", "loading"), "Loading the catalogue …");
}

#[test]
fn missing_key_returns_the_key() {
    assert_eq!(i18n::text("de", "no-such-key"), "no-such-key");
    assert_eq!(i18n::text("en", "no-such-key"), "no-such-key");
    assert_eq!(i18n::text_args("fr", "", &[("x", 1u32.into())]), "");
}

#[test]
fn missing_argument_stays_visible() {
    assert_eq!(i18n::text("de", "distance-km"), "{$km} km");
    assert_eq!(
        i18n::text_args("en", "distance-km", &[("miles", 3u32.into())]),
        "{$km} km"
    );
}

#[test]
fn negotiate_picks_the_first_supported_language() {
    assert_eq!(i18n::negotiate(["fr-FR", "en-GB"]), "en");
    assert_eq!(i18n::negotiate(["de-DE", "en"]), "de");
    assert_eq!(i18n::negotiate(["pl", "EN-us", "de"]), "en");
    assert_eq!(i18n::negotiate(["en_US"]), "en");
    assert_eq!(i18n::negotiate(["pl", "fr"]), "de");
    assert_eq!(i18n::negotiate([]), "de");
    let from_browser = [String::from("en-US"), String::from("de")];
    assert_eq!(
        i18n::negotiate(from_browser.iter().map(String::as_str)),
        "en"
    );
}

#[test]
fn supported_languages_start_with_german() {
    assert_eq!(LANGUAGES[0], "de");
    assert!(LANGUAGES.contains(&"en"));
    assert!(i18n::is_supported("de"));
    assert!(i18n::is_supported("en"));
    assert!(!i18n::is_supported("en-GB"));
    assert!(!i18n::is_supported("fr"));
    assert!(!i18n::is_supported(""));
}

#[test]
fn arguments_convert_from_common_types() {
    let owned = String::from("a");
    assert_eq!(Arg::from("a"), Arg::Text("a"));
    assert_eq!(Arg::from(&owned), Arg::Text("a"));
    assert_eq!(Arg::from(3usize), Arg::Number(3.0));
    assert_eq!(Arg::from(3u32), Arg::Number(3.0));
    assert_eq!(Arg::from(0.5), Arg::Number(0.5));
}

#[test]
fn every_language_has_exactly_the_german_keys() {
    let german: Vec<_> = i18n::keys("de").collect();
    assert!(german.contains(&"results-count"));
    for lang in LANGUAGES {
        let own: Vec<_> = i18n::keys(lang).collect();
        assert_eq!(own, german, "keys of {lang}.ftl differ from de.ftl");
    }
}

#[test]
fn every_key_renders_in_every_language_when_all_arguments_are_given() {
    for lang in LANGUAGES {
        for key in i18n::keys(lang) {
            let names = i18n::variables(lang, key);
            for value in [0.0, 1.0, 2.0, 2.5] {
                let args: Vec<(&str, Arg)> =
                    names.iter().map(|n| (*n, Arg::Number(value))).collect();
                let text = i18n::text_args(lang, key, &args);
                assert!(!text.trim().is_empty(), "{lang}/{key} renders empty");
                assert!(!text.contains("{$"), "{lang}/{key} with {value}: {text}");
            }
        }
    }
}

#[test]
fn variables_lists_the_arguments_a_message_uses() {
    assert_eq!(i18n::variables("de", "results-count"), ["count"]);
    assert_eq!(i18n::variables("en", "distance-km"), ["km"]);
    assert!(i18n::variables("en", "app-title").is_empty());
    assert!(i18n::variables("en", "no-such-key").is_empty());
}

// ---- The build script's checks (build.rs), on files that must fail the build. ----

use build_script::{Key, Piece};

fn compile(source: &str) -> Result<build_script::Language, Vec<String>> {
    build_script::compile("xx.ftl", source)
}

fn compile_error(source: &str) -> String {
    compile(source).expect_err("must fail the build").join("\n")
}

fn text(s: &str) -> Piece {
    Piece::Text(s.to_string())
}

#[test]
fn build_check_reports_missing_and_extra_keys_per_language() {
    use std::collections::{BTreeMap, BTreeSet};
    let set = |keys: &[&'static str]| keys.iter().copied().collect::<BTreeSet<_>>();
    let mut keys = BTreeMap::new();
    keys.insert("de", set(&["a", "b", "c"]));
    keys.insert("en", set(&["a", "b", "c"]));
    assert_eq!(build_script::check_keys(&keys), Ok(()));

    keys.insert("en", set(&["a", "c", "z"]));
    keys.insert("pl", set(&["a", "b"]));
    let error = build_script::check_keys(&keys).unwrap_err();
    assert!(error.contains("`b` is missing in en.ftl"), "{error}");
    assert!(
        error.contains("`z` is in en.ftl but not in de.ftl"),
        "{error}"
    );
    assert!(error.contains("`c` is missing in pl.ftl"), "{error}");

    keys.remove("de");
    let error = build_script::check_keys(&keys).unwrap_err();
    assert!(error.contains("de.ftl is missing"), "{error}");
}

#[test]
fn build_compiles_the_supported_fluent_features() {
    let source = r#"
-brand = Ankommen
welcome = Willkommen bei { -brand }!
braces = { "{" }x{ "}" } \u0041 { "\u0041" }
nested = { { $name } }
again = { welcome } ({ $name })
multi =
    first line
      indented
    last line
count = { $n ->
    [0] none
    [one] one { $n }
   *[other] { $what ->
        [km] { $n } km
       *[other] { $n }
    }
}
"#;
    let language = compile(source).expect("compiles");
    let m = &language.messages;
    assert_eq!(language.code, "xx");
    assert_eq!(m["-brand"], [text("Ankommen")]);
    assert_eq!(
        m["welcome"],
        [
            text("Willkommen bei "),
            Piece::Message("-brand".into()),
            text("!")
        ]
    );
    assert_eq!(m["braces"], [text("{x} \\u0041 A")]);
    assert_eq!(m["nested"], [Piece::Var("name".into())]);
    assert_eq!(m["again"][0], Piece::Message("welcome".into()));
    assert_eq!(m["multi"], [text("first line\n  indented\nlast line")]);
    let Piece::Select {
        var,
        variants,
        default,
    } = &m["count"][0]
    else {
        panic!("not a select: {:?}", m["count"]);
    };
    assert_eq!(var, "n");
    assert_eq!(*default, 2);
    assert_eq!(variants[0].0, Key::Number(0.0));
    assert_eq!(variants[1].0, Key::Name("one".into()));
    assert!(matches!(&variants[2].1[0], Piece::Select { var, .. } if var == "what"));
    assert!(build_script::check_references(&[language]).is_empty());
}

#[test]
fn build_normalises_crlf_line_ends() {
    let language = compile("multi =\r\n    one\r\n    two\r\n").expect("compiles");
    assert_eq!(language.messages["multi"], [text("one\ntwo")]);
}

#[test]
fn build_rejects_unsupported_fluent_features_naming_file_and_key() {
    let cases = [
        ("f = { NUMBER($n) }", "`f`: functions like `NUMBER()`"),
        ("a = x\n    .title = y", "`a`: attributes"),
        ("n = { 5 }", "`n`: number literals"),
        (
            "r = { other.title }\nother = x\n    .title = y",
            "`r`: attribute references",
        ),
        (
            "t = { -brand(case: \"gen\") }\n-brand = B",
            "`t`: term attributes and arguments",
        ),
        ("-brand = { $x }", "`-brand`: variables in terms"),
        (
            "s = { \"a\" ->\n   *[a] x\n}",
            "`s`: a select expression must select on a variable",
        ),
        ("d = x\nd = y", "`d` is defined twice"),
    ];
    for (source, expected) in cases {
        let error = compile_error(source);
        assert!(error.starts_with("xx.ftl: "), "{source}: {error}");
        assert!(
            error.contains(expected),
            "{source}: expected {expected:?} in {error}"
        );
    }
}

#[test]
fn build_reports_syntax_errors_with_position() {
    let error = compile_error("ok = fine\nbroken = { $x ]\n");
    assert!(error.starts_with("xx.ftl:2:15: syntax error: "), "{error}");
    assert!(error.contains("(in `broken = { $x ]`)"), "{error}");
    let error = compile_error("s = { $n ->\n  [one] x\n}\n");
    assert!(error.contains("default variant"), "{error}");
}

#[test]
fn build_rejects_file_names_that_are_not_language_codes() {
    let error = build_script::compile("de_DE v2.ftl", "a = b")
        .unwrap_err()
        .join("\n");
    assert!(error.contains("must be a language code"), "{error}");
}

#[test]
fn build_rejects_unknown_references_and_cycles() {
    let unknown = compile("a = { b } { -c }").expect("parses");
    let errors = build_script::check_references(&[unknown]).join("\n");
    assert!(
        errors.contains("`a` refers to `b`, which does not exist"),
        "{errors}"
    );
    assert!(
        errors.contains("`a` refers to `-c`, which does not exist"),
        "{errors}"
    );

    let cycle = compile("a = { b }\nb = { $n ->\n   *[other] { a }\n}\nc = { c }").expect("parses");
    let errors = build_script::check_references(&[cycle]).join("\n");
    assert!(
        errors.contains("`a` refers to itself: a → b → a"),
        "{errors}"
    );
    assert!(errors.contains("`c` refers to itself: c → c"), "{errors}");
}

#[test]
fn build_generates_german_first_and_sorted_tables() {
    let de = build_script::compile(
        "de.ftl",
        "b = Zwei\na = { $n ->\n   [1] eins\n  *[other] viele\n}",
    )
    .unwrap();
    let ar = build_script::compile("ar.ftl", "a = x\nb = y").unwrap();
    let code = build_script::generate(&[ar, de]);
    assert!(
        code.contains(r#"pub const LANGUAGES: &[&str] = &["de", "ar", ];"#),
        "{code}"
    );
    let a = code.find(r#"("a", "#).unwrap();
    let b = code.find(r#"("b", "#).unwrap();
    assert!(a < b, "{code}");
    assert!(code.contains("VariantKey::Number(1.0)"), "{code}");
}
