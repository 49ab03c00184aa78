//! An entry's details: every field, contact actions as real links, "nearby" help, and
//! "report a wrong entry". Opening moves focus to the heading; closing returns it to the
//! entry's row in the list, where the user started.

use crate::app::use_discovery;
use crate::history::{href, Address, Step};
use crate::language::use_language;
use crate::list::{text_of, LocalizedText, StoreText, TextPart};
use ankommen_core::catalog::{Area, Maintainer};
use ankommen_core::i18n::Arg;
use ankommen_core::validate::{is_allowed_url, is_safe_link, tel_link as tel, Schemes};
use ankommen_core::{Date, Entry};
use leptos::html::H2;
use leptos::prelude::*;
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use std::rc::Rc;

#[component]
pub fn Details(index: usize, maintainer: Option<Maintainer>) -> impl IntoView {
    let discovery = use_discovery();
    let address: Address = expect_context();
    let language = use_language();
    let (id, kind, category, place, district, at) = discovery.finder.with_value(|f| {
        let store = f.store();
        let district = store
            .region()
            .districts
            .get(store.district_key(index))
            .cloned();
        (
            store.id(index).to_owned(),
            store.kind(index),
            store.category(index),
            store.place_name(index).to_owned(),
            district,
            store.details_at(index),
        )
    });
    // The rest of the entry comes from its chunk's details file, fetched when it opens.
    let entry = LocalResource::new({
        let id = id.clone();
        move || {
            let (dataset, at, id) = (discovery.dataset.get_value(), at.clone(), id.clone());
            async move {
                let Some(at) = at else {
                    return Err((
                        "Zu diesem Eintrag fehlen die Angaben im veröffentlichten Katalog."
                            .to_owned(),
                        "The published catalogue has no details for this entry.".to_owned(),
                    ));
                };
                dataset
                    .details(&at, &id)
                    .await
                    .map(Rc::new)
                    .map_err(|fault| fault.describe(&at.file.name))
            }
        }
    });
    let name = Signal::derive(move || text_of(index, language.code(), TextPart::Name));
    let heading = NodeRef::<H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let close = {
        let id = id.clone();
        move || {
            address.update(Step::Push, |s| s.entry = None);
            // The row exists again once the list has re-rendered.
            let id = id.clone();
            // Two frames: the list is shown again and has scrolled the row into view in the
            // first. If the row is hidden (a phone showing the map), the map takes focus.
            request_animation_frame(move || {
                request_animation_frame(move || {
                    let visible = |id: &str| {
                        document()
                            .get_element_by_id(id)
                            .or_else(|| document().query_selector(id).ok().flatten())
                            .map(wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>)
                            .filter(|e| e.offset_parent().is_some())
                    };
                    if let Some(target) =
                        visible(&format!("ak-item-{id}")).or_else(|| visible(".ak-map"))
                    {
                        let _ = target.focus();
                    }
                })
            });
        }
    };
    let on_key = {
        let close = close.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Escape" {
                ev.prevent_default();
                close();
            }
        }
    };
    let maintainer = StoredValue::new(maintainer);
    let place = StoredValue::new(place);
    let district = StoredValue::new(district);

    view! {
        <aside class="ak-details" aria-labelledby="ak-details-title" on:keydown=on_key>
            <button type="button" class="ak-details__close" on:click={ let close = close.clone(); move |_| close() }>
                {move || language.t("details-close")}
            </button>
            <p class="ak-details__kind">
                <span class=format!("ak-icon ak-icon--{}", kind.as_str()) aria-hidden="true"></span>
                {move || format!("{} · {}", kind.label(language.code()), category.label(language.code()))}
            </p>
            <h2 id="ak-details-title" class="ak-details__title" tabindex="-1" node_ref=heading>
                <StoreText text=name />
            </h2>
            {move || match entry.get() {
                None => view! {
                    <p class="ak-status" role="status">{move || language.t("loading")}</p>
                }.into_any(),
                Some(Err((de, en))) => view! {
                    <p class="ak-status ak-status--error" role="alert">
                        {move || if language.code() == "de" { de.clone() } else { en.clone() }}
                    </p>
                }.into_any(),
                Some(Ok(entry)) => view! {
                    <EntryFields
                        entry=(*entry).clone()
                        place=place.get_value()
                        district=district.get_value()
                        maintainer=maintainer.get_value()
                    />
                }.into_any(),
            }}
            <Nearby index />
        </aside>
    }
}

/// Everything the details file says about an entry, and "report a wrong entry".
#[component]
fn EntryFields(
    entry: Entry,
    place: String,
    district: Option<String>,
    maintainer: Option<Maintainer>,
) -> impl IntoView {
    let language = use_language();
    let report = maintainer
        .filter(|m| is_allowed_url(&format!("mailto:{}", m.email), Schemes::WebOrMail))
        .map(|m| {
            let subject = format!("Ankommen: {} ({})", entry.name.de, entry.id);
            format!(
                "mailto:{}?subject={}",
                m.email,
                utf8_percent_encode(&subject, NON_ALPHANUMERIC)
            )
        });
    let place = place_line(&entry, &place, district.as_deref());
    let approximate = entry.approximate;

    view! {
            {entry.illustrative.then(|| view! {
            <p class="ak-notice">{move || language.t("details-illustrative")}</p>
        })}
        {entry.description.clone().map(|d| view! { <p><LocalizedText text=d /></p> })}
        <dl class="ak-details__fields">
            <Field label="details-place">
                {place}
                {approximate.then(|| view! { " "<span class="ak-fallback">{move || language.t("details-approximate")}</span> })}
            </Field>
            {(!entry.professions.is_empty()).then(|| {
                let professions = entry.professions.clone();
                view! {
                    <Field label="details-professions">
                        {move || professions.iter().map(|p| p.label(language.code())).collect::<Vec<_>>().join(", ")}
                    </Field>
                }
            })}
            {entry.event.clone().map(|event| *event).map(|event| view! {
                <Field label="details-event-date">{move || date_range(event.start, event.end, language.code())}</Field>
                {event.place.map(|p| view! { <Field label="details-event-place">{p}</Field> })}
                {event.registration.filter(|u| is_safe_link(u)).map(|url| view! {
                    <Field label="details-event-registration"><ExternalLink url /></Field>
                })}
            })}
            {entry.funding.clone().map(|funding| view! {
                {funding.amount_eur.map(|eur| view! {
                    <Field label="details-funding-amount">{move || language.t_with("details-euro", &[("amount", Arg::from(eur))])}</Field>
                })}
                <Field label="details-funding-conditions"><LocalizedText text=funding.conditions /></Field>
            })}
            {entry.contact.clone().map(|contact| *contact).map(|contact| view! {
                {contact.name.map(|n| view! { <Field label="details-contact">{n}</Field> })}
                {contact.phone.filter(|p| is_allowed_url(&tel(p), Schemes::Any)).map(|phone| view! {
                    <Field label="details-phone"><a href=tel(&phone)>{phone.clone()}</a></Field>
                })}
                {contact.email.filter(|e| is_allowed_url(&format!("mailto:{e}"), Schemes::WebOrMail)).map(|email| view! {
                    <Field label="details-email"><a href=format!("mailto:{email}")>{email.clone()}</a></Field>
                })}
                {(!contact.languages.is_empty()).then(|| view! {
                    <Field label="details-languages">{move || spoken(&contact.languages, language.code())}</Field>
                })}
                {contact.opening_hours.map(|hours| view! {
                    <Field label="details-opening-hours"><LocalizedText text=hours /></Field>
                })}
            })}
            {entry.website.clone().filter(|u| is_safe_link(u)).map(|url| view! {
                <Field label="details-website"><ExternalLink url /></Field>
            })}
            {(!entry.links.is_empty()).then(|| {
                let links = entry.links.clone();
                view! {
                    <Field label="details-links">
                        <ul class="ak-details__links">
                            {links.into_iter().filter(|l| is_safe_link(&l.url)).map(|l| view! {
                                <li><a href=l.url.clone() target="_blank" rel="noopener noreferrer"><LocalizedText text=l.label /></a></li>
                            }).collect_view()}
                        </ul>
                    </Field>
                }
            })}
            {(!entry.tags.is_empty()).then(|| view! {
                <Field label="details-tags">{entry.tags.join(", ")}</Field>
            })}
            {entry.valid.filter(|v| v.from.is_some() || v.until.is_some()).map(|valid| view! {
                <Field label="details-valid">
                    {move || match (valid.from, valid.until) {
                        (Some(from), Some(until)) => format!("{} – {}", from.localized(language.code()), until.localized(language.code())),
                        (Some(from), None) => language.t_with("details-valid-from", &[("date", Arg::from(from.localized(language.code()).as_str()))]),
                        (None, Some(until)) => language.t_with("details-valid-until", &[("date", Arg::from(until.localized(language.code()).as_str()))]),
                        (None, None) => String::new(),
                    }}
                </Field>
            })}
            {entry.source.clone().map(|source| view! {
                <Field label="details-source">
                    {match source.url.filter(|u| is_safe_link(u)) {
                        Some(url) => view! {
                            <a href=url target="_blank" rel="noopener noreferrer">{source.name.clone().unwrap_or_else(|| url.clone())}</a>
                        }.into_any(),
                        None => source.name.clone().unwrap_or_default().into_any(),
                    }}
                    {move || format!(" ({})", language.t_with("details-checked", &[("date", Arg::from(source.checked.localized(language.code()).as_str()))]))}
                </Field>
            })}
        </dl>
        {report.map(|url| view! {
            <p><a class="ak-details__report" href=url>{move || language.t("details-report")}</a></p>
        })}
    }
}

#[component]
fn Field(label: &'static str, children: Children) -> impl IntoView {
    let language = use_language();
    view! {
        <dt>{move || language.t(label)}</dt>
        <dd>{children()}</dd>
    }
}

#[component]
fn ExternalLink(url: String) -> impl IntoView {
    let text = url.clone();
    view! { <a href=url target="_blank" rel="noopener noreferrer">{text}</a> }
}

/// Support offers, contacts and events around this entry, within a distance the user picks.
#[component]
fn Nearby(index: usize) -> impl IntoView {
    let discovery = use_discovery();
    let address: Address = expect_context();
    let language = use_language();
    let radius = RwSignal::new(10u32);
    let hits = Memo::new(move |_| {
        let km = radius.get() as f64;
        discovery.loaded.track();
        discovery
            .finder
            .try_update_value(|f| {
                let hits = f.nearby(index, km);
                hits.into_iter()
                    .map(|hit| {
                        (
                            hit.index,
                            f.store().id(hit.index).to_owned(),
                            f.store().kind(hit.index),
                            hit.distance_km,
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <section class="ak-nearby" aria-labelledby="ak-nearby-title">
            <h3 id="ak-nearby-title">{move || language.t("nearby-title")}</h3>
            <label>
                {move || language.t("near-radius")}" "
                <select
                    prop:value=move || radius.get().to_string()
                    on:change=move |ev| radius.set(event_target_value(&ev).parse().unwrap_or(10))
                >
                    {[2u32, 5, 10, 25, 50].into_iter().map(|km| view! {
                        <option value=km.to_string()>{move || language.t_with("distance-km", &[("km", Arg::from(km))])}</option>
                    }).collect_view()}
                </select>
            </label>
            <ul class="ak-nearby__list">
                {move || hits.get().into_iter().map(|(number, id, kind, km)| {
                    let name = Signal::derive(move || text_of(number, language.code(), TextPart::Name));
                    let target = id.clone();
                    let link = address.state().with(|s| { let mut n = s.clone(); n.entry = Some(id.clone()); href(&n) });
                    view! {
                        <li>
                            <span class=format!("ak-icon ak-icon--{}", kind.as_str()) aria-hidden="true"></span>
                            <a href=link on:click=move |ev| {
                                ev.prevent_default();
                                let target = target.clone();
                                address.update(Step::Push, |s| s.entry = Some(target));
                            }><StoreText text=name /></a>
                            {move || match km {
                                Some(km) => format!(" · {}", language.t_with("distance-km", &[("km", Arg::from(km))])),
                                None => format!(" · {}", language.t("nearby-area")),
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || hits.read().is_empty().then(|| view! { <p>{move || language.t("nearby-none")}</p> })}
        </section>
    }
}

fn place_line(entry: &Entry, place: &str, district: Option<&str>) -> impl IntoView {
    let language = use_language();
    let address = entry.address.clone().map(|a| {
        [
            a.street,
            [a.postcode, a.city]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ")
                .into(),
        ]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
    });
    let area = entry.area;
    let place = place.to_owned();
    let district = district.unwrap_or_default().to_owned();
    move || match (area, &address) {
        (Some(Area::Region), _) => language.t("details-area-region"),
        (Some(Area::District), _) => language.t_with(
            "details-area-district",
            &[("district", Arg::from(district.as_str()))],
        ),
        (None, Some(address)) if !address.is_empty() => address.clone(),
        _ => place.clone(),
    }
}

/// Language codes as names in the UI language ("pl" → "Polnisch"); unknown codes as they are.
fn spoken(codes: &[String], lang: &str) -> String {
    codes
        .iter()
        .map(|code| {
            let key = format!("spoken-{code}");
            let name = ankommen_core::i18n::text(lang, &key);
            if name == key {
                code.clone()
            } else {
                name
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn date_range(start: Date, end: Option<Date>, lang: &str) -> String {
    match end.filter(|e| *e != start) {
        Some(end) => format!("{} – {}", start.localized(lang), end.localized(lang)),
        None => start.localized(lang),
    }
}
