# English UI texts. Must have exactly the keys of de.ftl, the reference language, or the
# build fails (see build.rs).
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
app-tagline = Working and living in the health region
page-title = Ankommen – health professions in the region
skip-to-content = Skip to content
loading = Loading the catalogue …
language-switch = Language
language-name = English

## Results
results-count = { $count ->
    [0] No results
    [one] 1 result
   *[other] { $count } results
}
results-title = Results
overview-count = { $districts ->
    [one] { $count } entries in one district
   *[other] { $count } entries in { $districts } districts
}
overview-hint = With this many entries the map shows a count per district. Choose a district or zoom in on the map to see and search its entries.
overview-district = { $count ->
    [one] { $name }: 1 entry
   *[other] { $name }: { $count } entries
}
loading-entries = Loading entries …
map-overview = The map shows { $count } entries as counts per district.
results-empty = No entries match your search and filters. Remove a filter or widen the radius.
skipped-entries = { $count ->
    [one] One catalogue entry is broken and is not shown.
   *[other] { $count } catalogue entries are broken and are not shown.
}
badge-illustrative = Example
fallback-german = (German only)
distance-km = { $km } km

## Views on a phone
view-switch = View
view-list = List
view-map = Map
view-both = List and map
full-view = Open in full view (new tab)
# A filter a widget preset and visitors cannot change, after the filter's name.
filter-locked = { $name } (preset)

## Search and filters
search-label = Search
search-placeholder = e.g. GP, childcare, nursing, Lüdenscheid
filters-title = { $count ->
    [0] Filters
   *[other] Filters ({ $count } active)
}
filter-profession = Profession
filter-kind = Type
filter-category = Category
filter-district = District
filter-municipality = Town
filters-clear = Clear all filters
near-title = Nearby
near-place = Place
near-none = Everywhere
near-here = My location
near-radius = Radius
near-locate = Use my location
near-locate-note = Your browser asks for permission; your location stays on your device.
near-locate-unavailable = Your browser cannot determine a location.
near-locate-failed = Your location could not be determined. Please pick a place instead.
sort-label = Sort by
sort-relevance = Best match
sort-distance = Distance
sort-name = Name
sort-newest = Recently checked

## Map
map-title = Map
map-summary = { $count ->
    [0] The map shows no entries.
   *[other] The map shows { $count } { $count ->
        [one] entry
       *[other] entries
    }: { $located } with a location, { $areas } for a whole district or the region.
}
map-cluster = { $count } entries; click to zoom in
legend-title = Legend
legend-cluster = Several entries; click to zoom in
tiles-title = Map background
tiles-ask = The map shows district borders without a background. For a background with roads and places, Ankommen loads map tiles from { $host }; that server then receives your IP address.
tiles-agree = Load map background
tiles-on = The map background is loaded from { $host }.
tiles-withdraw = Turn map background off

## Details
details-close = Close
details-illustrative = Example: this entry describes an approach from the region, not a confirmed offer.
details-place = Place
details-approximate = (approximate location)
details-area-region = Applies to the whole region
details-area-district = Applies to the whole { $district }
details-professions = For
details-event-date = Date
details-event-place = Venue
details-event-registration = Registration
details-funding-amount = Amount
details-euro = €{ $amount }
details-funding-conditions = Conditions
details-contact = Contact
details-phone = Phone
details-email = Email
details-languages = Languages
details-opening-hours = Opening hours
details-website = Website
details-links = More links
details-tags = Keywords
details-valid = Valid
details-valid-from = from { $date }
details-valid-until = until { $date }
details-source = Source
details-checked = checked on { $date }
details-report = Report an error in this entry
map-needs-script = The map needs JavaScript. The list shows the same entries.
entry-page-back = Everything the region offers
entry-page-open = Open in the map portal
nearby-title = Help nearby
nearby-area = for the whole district or region
nearby-none = No support, contacts or events within this radius.

## Footer
legal-imprint = Imprint
legal-privacy = Privacy
legal-accessibility = Accessibility statement
legal-accessibility-feedback = Report a barrier

## Languages spoken (ISO 639-1); a code without a line here is shown as the code
spoken-de = German
spoken-en = English
spoken-pl = Polish
spoken-ro = Romanian
spoken-tr = Turkish
spoken-ar = Arabic
spoken-ru = Russian
spoken-uk = Ukrainian
spoken-es = Spanish
spoken-fr = French
spoken-it = Italian
spoken-hr = Croatian
spoken-sr = Serbian
spoken-bg = Bulgarian
spoken-el = Greek
spoken-hu = Hungarian
spoken-fa = Persian
spoken-nl = Dutch
spoken-pt = Portuguese
spoken-cs = Czech

# Shown instead of the page after an internal error (a Rust panic).
crash-title = Sorry, something went wrong.
crash-text = Ankommen ran into an error and cannot continue. Please reload the page; your search and filters are kept.
crash-reload = Reload the page
