//! Every validation rule, each with an input that breaks it.
mod common;

use ankommen_core::Severity::{Error, Warning};
use common::*;
use serde_json::json;

#[test]
fn missing_required_fields_are_named() {
    for field in ["kind", "category", "name", "district"] {
        let pointer = format!("/entries/0/{field}");
        expect(
            |e| drop(e.as_object_mut().unwrap().remove(field)),
            false,
            &[(Error, &pointer)],
        );
    }
    expect(
        |e| e["name"] = json!({"en": "Hospital"}),
        false,
        &[(Error, "/entries/0/name/de")],
    );
    expect(
        |e| e["name"]["de"] = json!("  "),
        false,
        &[(Error, "/entries/0/name/de")],
    );
}

#[test]
fn an_unknown_kind_category_or_profession_suggests_the_closest_value() {
    let p = expect(
        |e| e["kind"] = json!("employr"),
        false,
        &[(Error, "/entries/0/kind")],
    );
    assert!(
        p[0].message_en.contains("Did you mean \"employer\"?"),
        "{}",
        p[0].message_en
    );
    let p = expect(
        |e| e["category"] = json!("hospitl"),
        false,
        &[(Error, "/entries/0/category")],
    );
    assert!(p[0].message_en.contains("\"hospital\""));
    assert!(p[0].message_de.contains("Meinten Sie „hospital“?"));
    let p = expect(
        |e| e["professions"] = json!(["doctor", "nurce"]),
        false,
        &[(Error, "/entries/0/professions/1")],
    );
    assert!(p[0].message_en.contains("\"nurse\""));
    let p = expect(
        |e| e["kind"] = json!("spaceship"),
        false,
        &[(Error, "/entries/0/kind")],
    );
    assert!(
        p[0].message_en
            .contains("Valid values: employer, opportunity"),
        "{}",
        p[0].message_en
    );
}

#[test]
fn a_category_of_another_kind_is_an_error() {
    let p = expect(
        |e| e["category"] = json!("childcare"),
        false,
        &[(Error, "/entries/0/category")],
    );
    assert!(p[0].message_en.contains("belongs to the kind \"support\""));
}

#[test]
fn malformed_ids_are_errors() {
    for id in ["Krankenhaus Olpe", "-x", "a/b", &"x".repeat(65)] {
        expect(|e| e["id"] = json!(id), false, &[(Error, "/entries/0/id")]);
    }
}

#[test]
fn coordinates_outside_the_region_and_swapped_ones_are_told_apart() {
    let p = expect(
        |e| e["location"] = json!({"lat": 7.85, "lon": 51.03}),
        false,
        &[(Error, "/entries/0/location")],
    );
    assert!(p[0].message_en.contains("swapped"));
    assert!(p[0].message_de.contains("vertauscht"));
    let p = expect(
        |e| e["location"] = json!({"lat": 48.1, "lon": 11.5}),
        false,
        &[(Error, "/entries/0/location")],
    );
    assert!(!p[0].message_en.contains("swapped"));
}

#[test]
fn an_entry_needs_exactly_one_of_location_and_area() {
    expect(
        |e| drop(e.as_object_mut().unwrap().remove("location")),
        false,
        &[(Error, "/entries/0/location")],
    );
    expect(
        |e| e["area"] = json!("district"),
        false,
        &[(Error, "/entries/0/area")],
    );
    expect(
        |e| {
            e.as_object_mut().unwrap().remove("location");
            e["area"] = json!("region");
        },
        true,
        &[],
    );
}

#[test]
fn district_and_municipality_keys_are_checked() {
    expect(
        |e| e["district"] = json!("5966"),
        false,
        &[
            (Error, "/entries/0/district"),
            (Error, "/entries/0/municipality"),
        ],
    );
    expect(
        |e| e["district"] = json!("05958"),
        false,
        &[
            (Error, "/entries/0/district"),
            (Error, "/entries/0/municipality"),
        ],
    );
    expect(
        |e| e["municipality"] = json!("0596602"),
        false,
        &[(Error, "/entries/0/municipality")],
    );
    expect(
        |e| e["municipality"] = json!("05974040"),
        false,
        &[(Error, "/entries/0/municipality")],
    );
    expect(
        |e| e["municipality"] = json!("05966008"),
        true,
        &[(Warning, "/entries/0/municipality")],
    );
}

#[test]
fn only_allowed_url_schemes_pass() {
    let hostile = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "javascript&colon;alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "https://",
        "//evil.example",
        "ftp://example.org",
        "https://exa mple.org",
    ];
    for url in hostile {
        expect(
            |e| e["website"] = json!(url),
            false,
            &[(Error, "/entries/0/website")],
        );
        expect(
            |e| e["links"] = json!([{"label": {"de": "x"}, "url": url}]),
            false,
            &[(Error, "/entries/0/links/0/url")],
        );
    }
    expect(
        |e| e["website"] = json!("mailto:a@b.de"),
        false,
        &[(Error, "/entries/0/website")],
    );
    expect(
        |e| {
            e["website"] = json!("https://example.org/a?b#c");
            e["links"] = json!([
                {"label": {"de": "Mail"}, "url": "mailto:info@example.org"},
                {"label": {"de": "Telefon"}, "url": "tel:+492761000"}
            ]);
            e["source"] = json!({"url": "http://example.org", "checked": "2026-11-01"});
        },
        true,
        &[],
    );
}

#[test]
fn malformed_email_and_phone_are_errors() {
    for email in [
        "info",
        "info@",
        "@example.org",
        "info@example",
        "in fo@example.org",
        // Would smuggle a header into the mailto: link the app makes.
        "info%40klinik.example?bcc=spy@evil.example",
        "info@klinik.example?subject=x",
        "a&b@example.org",
    ] {
        expect(
            |e| e["contact"] = json!({"email": email}),
            false,
            &[(Error, "/entries/0/contact/email")],
        );
    }
    for phone in ["12345", "+49 abc", "0271", "+49 (0) 2761 12345 12345 12345"] {
        expect(
            |e| e["contact"] = json!({"phone": phone}),
            false,
            &[(Error, "/entries/0/contact/phone")],
        );
    }
    expect(
        |e| e["contact"] = json!({"email": "aerzte@kreis-olpe.example", "phone": "+49 2761 81-0", "languages": ["de", "en", "pl"]}),
        true,
        &[],
    );
    expect(
        |e| e["contact"] = json!({"languages": ["German"]}),
        false,
        &[(Error, "/entries/0/contact/languages/0")],
    );
}

#[test]
fn an_event_needs_a_start_and_cannot_end_before_it() {
    let event = |e: &mut serde_json::Value| {
        e["kind"] = json!("event");
        e["category"] = json!("job_fair");
    };
    expect(event, false, &[(Error, "/entries/0/event")]);
    expect(
        |e| {
            event(e);
            e["event"] = json!({"start": "2027-03-10", "end": "2027-03-09"});
        },
        false,
        &[(Error, "/entries/0/event/end")],
    );
    expect(
        |e| {
            event(e);
            e["event"] = json!({"start": "2026-03-10"});
        },
        true,
        &[(Warning, "/entries/0/event/end")],
    );
    expect(
        |e| e["event"] = json!({"start": "2027-03-10"}),
        true,
        &[(Warning, "/entries/0/event")],
    );
    expect(
        |e| {
            event(e);
            e["event"] = json!({"start": "10.03.2027"});
        },
        false,
        &[(Error, "/entries/0/event/start")],
    );
}

#[test]
fn validity_in_the_past_is_a_warning_and_a_reversed_window_an_error() {
    expect(
        |e| e["valid"] = json!({"until": "2026-11-23"}),
        true,
        &[(Warning, "/entries/0/valid/until")],
    );
    expect(|e| e["valid"] = json!({"until": "2026-11-24"}), true, &[]);
    expect(
        |e| e["valid"] = json!({"from": "2027-01-01", "until": "2026-12-01"}),
        false,
        &[(Error, "/entries/0/valid/until")],
    );
    expect(
        |e| e["source"] = json!({"checked": "2027-01-01"}),
        true,
        &[(Warning, "/entries/0/source/checked")],
    );
}

#[test]
fn control_bidi_and_zero_width_characters_are_refused_with_their_position() {
    for (text, code) in [
        ("Kranken\u{0}haus", "U+0000"),
        ("abc\u{202E}fed", "U+202E"),
        ("Kita\u{200B}", "U+200B"),
        ("\u{2066}x", "U+2066"),
    ] {
        let p = expect(
            |e| e["name"]["de"] = json!(text),
            false,
            &[(Error, "/entries/0/name/de")],
        );
        assert!(p[0].message_en.contains(code), "{}", p[0].message_en);
    }
    expect(
        |e| e["tags"] = json!(["ok", "b\u{FEFF}ad"]),
        false,
        &[(Error, "/entries/0/tags/1")],
    );
    // Line breaks, emoji (also joined ones: 👩‍⚕️ is 👩 U+200D ⚕ U+FE0F) and combining
    // characters are ordinary text.
    expect(
        |e| e["description"] = json!({"de": "Zeile 1\nZeile 2 🏥 👩\u{200D}⚕\u{FE0F} e\u{301}"}),
        true,
        &[],
    );
}

#[test]
fn over_long_texts_are_refused_with_the_limit() {
    let p = expect(
        |e| e["name"]["en"] = json!("x".repeat(201)),
        false,
        &[(Error, "/entries/0/name/en")],
    );
    assert!(p[0].message_en.contains("at most 200"));
    expect(
        |e| e["description"] = json!({"de": "x".repeat(100_000)}),
        false,
        &[(Error, "/entries/0/description/de")],
    );
    expect(
        |e| e["tags"] = json!(["x".repeat(61)]),
        false,
        &[(Error, "/entries/0/tags/0")],
    );
}

#[test]
fn numbers_where_strings_belong_and_the_reverse_are_shape_errors() {
    expect(
        |e| e["name"]["de"] = json!(42),
        false,
        &[(Error, "/entries/0/name/de")],
    );
    expect(
        |e| e["location"]["lon"] = json!("7,85"),
        false,
        &[(Error, "/entries/0/location/lon")],
    );
    expect(
        |e| e["tags"] = json!("Kita"),
        false,
        &[(Error, "/entries/0/tags")],
    );
}

#[test]
fn language_keys_must_be_language_codes() {
    expect(
        |e| e["name"]["English"] = json!("Hospital"),
        false,
        &[(Error, "/entries/0/name/English")],
    );
    expect(
        |e| e["description"] = json!({"de": "x", "EN": "y"}),
        false,
        &[(Error, "/entries/0/description/EN")],
    );
    expect(
        |e| e["contact"] = json!({"opening_hours": {"de": "Mo–Fr", "englisch": "Mon–Fri"}}),
        false,
        &[(Error, "/entries/0/contact/opening_hours/englisch")],
    );
}

#[test]
fn an_empty_id_is_named_by_position() {
    let problems = expect(|e| e["id"] = json!(""), false, &[(Error, "/entries/0/id")]);
    assert_eq!(problems[0].entry, "#0");
}

#[test]
fn every_problem_of_an_entry_is_reported_not_just_the_first() {
    expect(
        |e| {
            e["website"] = json!("javascript:x");
            e["contact"] = json!({"email": "nope"});
            e["location"] = json!({"lat": 7.85, "lon": 51.03});
        },
        false,
        &[
            (Error, "/entries/0/location"),
            (Error, "/entries/0/website"),
            (Error, "/entries/0/contact/email"),
        ],
    );
}

#[test]
fn coordinates_in_messages_are_plain_decimals() {
    use ankommen_core::validate::degrees;
    assert_eq!(degrees(51.572543), "51.572543");
    assert_eq!(degrees(7.0), "7");
    assert_eq!(degrees(-0.5), "-0.5");
    assert_eq!(degrees(8.1000004), "8.1");
    assert_eq!(degrees(f64::NAN), "?");
}
