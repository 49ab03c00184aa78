# German UI texts: the reference language. Every other i18n/<code>.ftl must have exactly
# the keys of this file, or the build fails (see build.rs).
#
# Fluent syntax (https://projectfluent.org/fluent/guide/), compiled into the app at build time:
#   key = Text with a { $variable }
#   key = { $count ->
#       [0] exact number
#       [one] plural category
#      *[other] default variant (required)
#   }
# Also allowed: { other-key } and { -term } references and { "{" } string literals.
# Not supported (the build says so): attributes (.attr), functions such as NUMBER().
# One file per language; adding a language means adding one file named by its code.

app-title = Ankommen
app-tagline = Arbeiten und Leben in der Gesundheitsregion
page-title = Ankommen – Gesundheitsberufe in der Region
skip-to-content = Zum Inhalt springen
loading = Katalog wird geladen …
language-switch = Sprache
language-name = Deutsch

## Results
results-count = { $count ->
    [0] Keine Ergebnisse
    [one] 1 Ergebnis
   *[other] { $count } Ergebnisse
}
results-title = Ergebnisse
overview-count = { $districts ->
    [one] { $count } Einträge in einem Kreis
   *[other] { $count } Einträge in { $districts } Kreisen
}
overview-hint = So viele Einträge zeigt die Karte als Zahlen je Kreis. Wählen Sie einen Kreis oder vergrößern Sie die Karte, um die Einträge zu sehen und zu durchsuchen.
overview-district = { $count ->
    [one] { $name }: 1 Eintrag
   *[other] { $name }: { $count } Einträge
}
loading-entries = Einträge werden geladen …
map-overview = Die Karte zeigt { $count } Einträge als Zahlen je Kreis.
results-empty = Keine Einträge passen zu Suche und Filtern. Entfernen Sie einen Filter oder vergrößern Sie den Umkreis.
skipped-entries = { $count ->
    [one] Ein Eintrag des Katalogs ist fehlerhaft und wird nicht angezeigt.
   *[other] { $count } Einträge des Katalogs sind fehlerhaft und werden nicht angezeigt.
}
badge-illustrative = Beispiel
fallback-german = (nur auf Deutsch)
distance-km = { $km } km

## Views on a phone
view-switch = Ansicht
view-list = Liste
view-map = Karte
view-both = Liste und Karte
full-view = In voller Ansicht öffnen (neuer Tab)
# A filter a widget preset and visitors cannot change, after the filter's name.
filter-locked = { $name } (vorgegeben)

## Search and filters
search-label = Suchen
search-placeholder = z. B. Hausarzt, Kita, Pflege, Lüdenscheid
filters-title = { $count ->
    [0] Filter
   *[other] Filter ({ $count } aktiv)
}
filter-profession = Beruf
filter-kind = Art
filter-category = Kategorie
filter-district = Kreis
filter-municipality = Stadt oder Gemeinde
filters-clear = Alle Filter entfernen
near-title = In der Nähe
near-place = Ort
near-none = Überall
near-here = Mein Standort
near-radius = Umkreis
near-locate = Meinen Standort verwenden
near-locate-note = Ihr Browser fragt um Erlaubnis; der Standort bleibt auf Ihrem Gerät.
near-locate-unavailable = Ihr Browser kann keinen Standort bestimmen.
near-locate-failed = Der Standort konnte nicht bestimmt werden. Wählen Sie stattdessen einen Ort.
sort-label = Sortieren
sort-relevance = Beste Treffer
sort-distance = Entfernung
sort-name = Name
sort-newest = Zuletzt geprüft

## Map
map-title = Karte
map-summary = { $count ->
    [0] Die Karte zeigt keine Einträge.
   *[other] Die Karte zeigt { $count } { $count ->
        [one] Eintrag
       *[other] Einträge
    }: { $located } mit Standort, { $areas } für einen ganzen Kreis oder die Region.
}
map-cluster = { $count } Einträge; anklicken zum Vergrößern
legend-title = Legende
legend-cluster = Mehrere Einträge; anklicken zum Vergrößern
tiles-title = Kartenhintergrund
tiles-ask = Die Karte zeigt Kreisgrenzen ohne Hintergrund. Für einen Kartenhintergrund mit Straßen und Orten lädt Ankommen Kartenkacheln von { $host }; dabei erhält dieser Server Ihre IP-Adresse.
tiles-agree = Kartenhintergrund laden
tiles-on = Der Kartenhintergrund wird von { $host } geladen.
tiles-withdraw = Kartenhintergrund ausschalten

## Details
details-close = Schließen
details-illustrative = Beispiel: Dieser Eintrag beschreibt einen Ansatz aus der Region, kein bestätigtes Angebot.
details-place = Ort
details-approximate = (ungefähre Lage)
details-area-region = Gilt für die ganze Region
details-area-district = Gilt für den ganzen { $district }
details-professions = Für
details-event-date = Datum
details-event-place = Veranstaltungsort
details-event-registration = Anmeldung
details-funding-amount = Betrag
details-euro = { $amount } €
details-funding-conditions = Bedingungen
details-contact = Ansprechpartner
details-phone = Telefon
details-email = E-Mail
details-languages = Sprachen
details-opening-hours = Erreichbarkeit
details-website = Website
details-links = Weitere Links
details-tags = Stichworte
details-valid = Gültig
details-valid-from = ab { $date }
details-valid-until = bis { $date }
details-source = Quelle
details-checked = geprüft am { $date }
details-report = Fehler in diesem Eintrag melden
map-needs-script = Die Karte braucht JavaScript. Die Liste zeigt dieselben Einträge.
entry-page-back = Alle Angebote der Region
entry-page-open = Im Kartenportal öffnen
nearby-title = Hilfe in der Nähe
nearby-area = für den ganzen Kreis oder die Region
nearby-none = Keine Unterstützungsangebote, Ansprechpartner oder Veranstaltungen in diesem Umkreis.

## Footer
legal-imprint = Impressum
legal-privacy = Datenschutz
legal-accessibility = Erklärung zur Barrierefreiheit
legal-accessibility-feedback = Barriere melden

## Languages spoken (ISO 639-1); a code without a line here is shown as the code
spoken-de = Deutsch
spoken-en = Englisch
spoken-pl = Polnisch
spoken-ro = Rumänisch
spoken-tr = Türkisch
spoken-ar = Arabisch
spoken-ru = Russisch
spoken-uk = Ukrainisch
spoken-es = Spanisch
spoken-fr = Französisch
spoken-it = Italienisch
spoken-hr = Kroatisch
spoken-sr = Serbisch
spoken-bg = Bulgarisch
spoken-el = Griechisch
spoken-hu = Ungarisch
spoken-fa = Persisch
spoken-nl = Niederländisch
spoken-pt = Portugiesisch
spoken-cs = Tschechisch

# Shown instead of the page after an internal error (a Rust panic).
crash-title = Entschuldigung, hier ist etwas schiefgegangen.
crash-text = Ankommen ist auf einen Fehler gestoßen und kann nicht weiterarbeiten. Bitte laden Sie die Seite neu; Ihre Suche und Filter bleiben erhalten.
crash-reload = Seite neu laden
