//! The result list: the complete, accessible alternative to the map.

use ankommen_core::Entry;
use leptos::prelude::*;

#[component]
pub fn ResultList(entries: Signal<Vec<Entry>>) -> impl IntoView {
    view! {
        <section class="ak-results" aria-labelledby="ak-results-title">
            <h2 id="ak-results-title" class="ak-results__title">
                {move || format!("{} Ergebnisse", entries.read().len())}
            </h2>
            <ul class="ak-list" role="list" aria-label="Ergebnisse">
                <For each=move || entries.get() key=|entry| entry.id.clone() let:entry>
                    <EntryItem entry />
                </For>
            </ul>
        </section>
    }
}

#[component]
fn EntryItem(entry: Entry) -> impl IntoView {
    let kind = entry.kind;
    let description = entry.description.map(|d| d.de);
    view! {
        <li class=format!("ak-entry ak-entry--{}", kind.as_str())>
            <span class="ak-entry__kind">
                <span class=format!("ak-icon ak-icon--{}", kind.as_str()) aria-hidden="true"></span>
                {kind.label("de")}" · "{entry.category.label("de")}
                {entry.illustrative.then(|| view! { <span class="ak-badge">"Beispiel"</span> })}
            </span>
            <h3 class="ak-entry__name">{entry.name.de}</h3>
            {description.map(|d| view! { <p class="ak-entry__description">{d}</p> })}
            {entry.website.map(|url| view! {
                <a class="ak-entry__link" href=url target="_blank" rel="noopener noreferrer">"Website"</a>
            })}
        </li>
    }
}
