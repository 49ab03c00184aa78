//! The validation report table.

use crate::load::ReportRow;
use ankommen_core::Severity;
use leptos::prelude::*;

#[component]
pub fn Report(name: String, rows: Vec<ReportRow>, english: RwSignal<bool>) -> impl IntoView {
    let errors = rows
        .iter()
        .filter(|r| r.severity == Severity::Error)
        .count();
    let warnings = rows.len() - errors;
    let summary = move || {
        if english.get() {
            format!("{name}: {errors} errors, {warnings} warnings.")
        } else {
            format!("{name}: {errors} Fehler, {warnings} Warnungen.")
        }
    };
    view! {
        <section class="ak-report" aria-labelledby="ak-report-title">
            <h2 id="ak-report-title">"Prüfbericht / Validation report"</h2>
            <p class="ak-report__summary" role="status">{summary}</p>
            {(!rows.is_empty()).then(|| view! {
                <table class="ak-report__table">
                    <thead>
                        <tr>
                            <th scope="col">"Art / Severity"</th>
                            <th scope="col">"Eintrag / Entry"</th>
                            <th scope="col">"Ort / Location"</th>
                            <th scope="col">"Meldung / Message"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|row| {
                            let error = row.severity == Severity::Error;
                            let ReportRow { entry, place, message_de, message_en, .. } = row;
                            view! {
                                <tr class:ak-report__error=error>
                                    <td>{if error { "Fehler / error" } else { "Warnung / warning" }}</td>
                                    <td>{entry}</td>
                                    <td><code>{place}</code></td>
                                    <td>{move || if english.get() { message_en.clone() } else { message_de.clone() }}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </section>
    }
}
