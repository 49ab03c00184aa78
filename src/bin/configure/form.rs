//! The configurator's form: one field per widget option, every field labelled.

use crate::{Options, AREA_RADIUS, LOCK_PRESETS};
use ankommen_core::theme::{readable_accent, Rgb};
use ankommen_core::{Category, Kind, Profession, Region};
use leptos::prelude::*;

#[component]
pub fn OptionsForm(options: Options, region: Region) -> impl IntoView {
    let lang = "de";
    let kinds = Kind::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), k.label(lang).to_owned()))
        .collect();
    let professions = Profession::ALL
        .iter()
        .map(|p| (p.as_str().to_owned(), p.label(lang).to_owned()))
        .collect();
    let categories = Category::ALL
        .iter()
        .map(|c| (c.as_str().to_owned(), c.label(lang).to_owned()))
        .collect();
    let districts: Vec<(String, String)> = region.districts.clone().into_iter().collect();
    let mut towns: Vec<(String, String)> = region
        .municipalities
        .iter()
        .map(|(key, m)| (key.clone(), m.name.clone()))
        .collect();
    towns.sort_by(|a, b| a.1.cmp(&b.1));
    let area_choices: Vec<(String, String)> = districts
        .iter()
        .map(|(key, name)| (key.clone(), name.clone()))
        .chain(
            towns
                .iter()
                .map(|(key, name)| (key.clone(), format!("{name} (Umkreis)"))),
        )
        .collect();

    view! {
        <form class="ak-configure__form" on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend>"Vorauswahl"</legend>
                <p class="ak-hint">"Was das Widget zeigt. Ohne Auswahl zeigt es alle Einträge."</p>
                <Checks options option="district" legend="Kreise" choices=districts.clone() />
                <Checks options option="kind" legend="Art des Eintrags" choices=kinds />
                <Checks options option="profession" legend="Berufe" choices=professions />
                <details>
                    <summary>"Kategorien"</summary>
                    <Checks options option="category" legend="Kategorien" choices=categories />
                </details>
                <details>
                    <summary>"Orte"</summary>
                    <Checks options option="municipality" legend="Orte" choices=towns />
                </details>
                <Flag options option=LOCK_PRESETS on="1" label="Vorauswahl festlegen: Besucher können sie nicht entfernen (andere Filter bleiben frei)" />
            </fieldset>
            <fieldset>
                <legend>"Karte und Ansicht"</legend>
                <label for="ak-opt-area">"Kartenausschnitt beim Start"</label>
                <select id="ak-opt-area" on:change=move |ev| options.set("area", event_target_value(&ev))>
                    <option value="">"Ganze Region"</option>
                    {area_choices.into_iter().map(|(key, name)| view! { <option value=key>{name}</option> }).collect_view()}
                </select>
                <Text options option=AREA_RADIUS label="Umkreis um den Ort in km (Standard 10)" kind="number" />
                <Choice options option="view" legend="Ansicht beim Start" choices=vec![
                    ("", "Liste"), ("map", "Karte"), ("both", "Liste und Karte"),
                ] />
                <Choice options option="lang" legend="Sprache" choices=vec![
                    ("", "Sprache des Browsers"), ("de", "Deutsch"), ("en", "Englisch"),
                ] />
            </fieldset>
            <fieldset>
                <legend>"Aussehen"</legend>
                <AccentField options />
                <Text options option="font" label="Schrift (CSS font-family, auf den Geräten installierte Schriften)" kind="text" />
                <Flag options option="compact" on="1" label="Kompakt: ohne Kopfzeile" />
                <Flag options option="fullview" on="0" label="Link „In voller Ansicht öffnen“ ausblenden" />
                <Text options option="minheight" label="Mindesthöhe in Pixeln" kind="number" />
                <Text options option="maxheight" label="Höchsthöhe in Pixeln" kind="number" />
                <Text options option="title" label="Titel des Widgets für Screenreader" kind="text" />
            </fieldset>
            <fieldset>
                <legend>"Daten"</legend>
                <Text options option="catalog" label="Katalog-Adresse (leer: der Katalog dieser Installation)" kind="text" />
            </fieldset>
        </form>
    }
}

/// Checkboxes whose checked values make a comma-separated option.
#[component]
fn Checks(
    options: Options,
    option: &'static str,
    legend: &'static str,
    choices: Vec<(String, String)>,
) -> impl IntoView {
    let checked = move |value: &str| options.get(option).split(',').any(|v| v == value);
    let toggle = move |value: String| {
        let mut values: Vec<String> = options
            .get(option)
            .split(',')
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
            .collect();
        match values.iter().position(|v| *v == value) {
            Some(at) => {
                values.remove(at);
            }
            None => values.push(value),
        }
        options.set(option, values.join(","));
    };
    view! {
        <fieldset class="ak-facet">
            <legend>{legend}</legend>
            {choices.into_iter().map(|(value, label)| {
                let id = format!("ak-opt-{option}-{value}");
                let label_for = id.clone();
                let v = value.clone();
                view! {
                    <label class="ak-facet__choice" for=label_for>
                        <input
                            id=id
                            type="checkbox"
                            prop:checked=move || checked(&v)
                            on:change=move |_| toggle(value.clone())
                        />
                        <span>{label}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// Radio buttons for a one-value option; the first choice is the default (no option).
#[component]
fn Choice(
    options: Options,
    option: &'static str,
    legend: &'static str,
    choices: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    view! {
        <fieldset class="ak-facet">
            <legend>{legend}</legend>
            {choices.into_iter().map(|(value, label)| view! {
                <label class="ak-facet__choice">
                    <input
                        type="radio"
                        name=format!("ak-opt-{option}")
                        value=value
                        prop:checked=move || options.get(option) == value
                        on:change=move |_| options.set(option, value.to_owned())
                    />
                    <span>{label}</span>
                </label>
            }).collect_view()}
        </fieldset>
    }
}

/// A checkbox that sets `option` to `on` when checked.
#[component]
fn Flag(
    options: Options,
    option: &'static str,
    on: &'static str,
    label: &'static str,
) -> impl IntoView {
    view! {
        <label class="ak-facet__choice">
            <input
                type="checkbox"
                prop:checked=move || options.get(option) == on
                on:change=move |ev| options.set(option, if event_target_checked(&ev) { on.to_owned() } else { String::new() })
            />
            <span>{label}</span>
        </label>
    }
}

#[component]
fn Text(
    options: Options,
    option: &'static str,
    label: &'static str,
    kind: &'static str,
) -> impl IntoView {
    let id = format!("ak-opt-{option}");
    let label_for = id.clone();
    view! {
        <label class="ak-configure__label" for=label_for>{label}</label>
        <input
            id=id
            type=kind
            min=(kind == "number").then_some("1")
            prop:value=move || options.get(option)
            on:input=move |ev| options.set(option, event_target_value(&ev))
        />
    }
}

/// The accent colour as text and as a colour picker, with what the widget will really use.
#[component]
fn AccentField(options: Options) -> impl IntoView {
    let used = move || {
        let wanted = Rgb::parse(&options.get("accent"))?;
        let (accent, darkened) = readable_accent(wanted);
        darkened.then(|| {
            format!(
                "{} hat auf weißem Grund zu wenig Kontrast (WCAG AA); das Widget verwendet {}.",
                wanted.to_hex(),
                accent.to_hex()
            )
        })
    };
    view! {
        <label class="ak-configure__label" for="ak-opt-accent">"Akzentfarbe (z. B. #0b5d6b)"</label>
        <div class="ak-configure__colour">
            <input
                id="ak-opt-accent"
                type="text"
                prop:value=move || options.get("accent")
                on:input=move |ev| options.set("accent", event_target_value(&ev))
            />
            <input
                type="color"
                aria-label="Akzentfarbe wählen"
                prop:value=move || Rgb::parse(&options.get("accent")).map_or("#0b5d6b".into(), Rgb::to_hex)
                on:input=move |ev| options.set("accent", event_target_value(&ev))
            />
        </div>
        <p class="ak-hint" role="status">{used}</p>
    }
}
