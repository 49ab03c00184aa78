//! The page: header, load state, and the result list beside the map.

use crate::fetch::{load_catalog, load_config, today};
use crate::list::ResultList;
use crate::map::MapView;
use ankommen_core::Catalog;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let catalog = LocalResource::new(|| async {
        let config = load_config().await;
        load_catalog(&config.catalog).await
    });

    view! {
        <header class="ak-header">
            <h1>"Ankommen"</h1>
            <p class="ak-tagline">"Arbeiten und Leben in der Gesundheitsregion"</p>
        </header>
        <main class="ak-main">
            {move || match catalog.get() {
                None => view! { <p class="ak-status" role="status">"Katalog wird geladen …"</p> }.into_any(),
                Some(Err(problem)) => view! {
                    <p class="ak-status ak-status--error" role="alert">{problem.message_de}</p>
                }.into_any(),
                Some(Ok(parsed)) => {
                    let skipped = parsed.skipped();
                    view! { <CatalogView catalog=parsed.catalog skipped /> }.into_any()
                }
            }}
        </main>
    }
}

/// A loaded catalogue as users see it: a notice about skipped entries, the list and the map.
#[component]
pub fn CatalogView(catalog: Catalog, skipped: usize) -> impl IntoView {
    let today = today();
    let region = catalog.region.clone();
    // Expired offers and past events stay in the catalogue but are not shown by default.
    let current: Vec<_> = catalog
        .entries
        .into_iter()
        .filter(|entry| entry.is_current(today))
        .collect();
    let entries = Signal::stored(current);
    view! {
        <h2 class="ak-region">{region.name.de.clone()}</h2>
        {(skipped > 0).then(|| view! {
            <p class="ak-notice" role="status">
                {format!("{skipped} Einträge des Katalogs sind fehlerhaft und werden nicht angezeigt.")}
            </p>
        })}
        <div class="ak-panes">
            <ResultList entries />
            <MapView entries region />
        </div>
    }
}
