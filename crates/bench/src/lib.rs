//! Seeded synthetic catalogues for benchmarks: the same seed and size always give the same
//! file. Entries spread over the real municipalities of the example regions, cover every
//! category, and have text lengths like the real ones (names 15–70, descriptions 80–600
//! characters, German and English).

use ankommen_core::{Category, Profession};
use ankommen_sheet::gazetteer::{gazetteer, Place};
use serde_json::{json, Value};

/// The districts of the example catalogue (Südwestfalen, Münsterland, Landkreis Harz).
const DISTRICTS: &[&str] = &[
    "05515", "05554", "05558", "05566", "05570", "05958", "05962", "05966", "05970", "05974",
    "15085",
];

const WORDS: &[&str] = &[
    "Pflege",
    "Versorgung",
    "Klinik",
    "Team",
    "Ausbildung",
    "Familie",
    "Region",
    "Zukunft",
    "Praxis",
    "Beratung",
    "Unterstützung",
    "Wohnen",
    "Kinder",
    "Schicht",
    "Gesundheit",
    "Medizin",
    "Therapie",
    "Station",
    "Landarzt",
    "Weiterbildung",
    "Mentoring",
    "Bürgerbus",
    "Willkommen",
    "Netzwerk",
    "ambulant",
    "stationär",
    "modern",
    "ländlich",
    "flexibel",
    "digital",
    "zentral",
    "neu",
];
const WORDS_EN: &[&str] = &[
    "care",
    "nursing",
    "clinic",
    "team",
    "training",
    "family",
    "region",
    "future",
    "practice",
    "advice",
    "support",
    "housing",
    "children",
    "shift",
    "health",
    "medicine",
    "therapy",
    "ward",
    "rural",
    "doctor",
    "mentoring",
    "community",
    "welcome",
    "network",
    "modern",
    "flexible",
];

/// splitmix64: tiny, fast and good enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn sentence(&mut self, words: &[&str], min: usize, max: usize) -> String {
        let target = min + self.below(max - min);
        let mut text = String::new();
        while text.chars().count() < target {
            if !text.is_empty() {
                text.push(' ');
            }
            let word: &str = words[self.below(words.len())];
            text.push_str(word);
        }
        text
    }
}

/// A catalogue of `entries` entries in format 1.0; the same seed gives the same document.
pub fn catalogue(entries: usize, seed: u64) -> Value {
    let g = gazetteer();
    let mut places: Vec<&Place> = DISTRICTS
        .iter()
        .flat_map(|d| g.municipalities_in(d))
        .collect();
    places.sort_by(|a, b| a.key.cmp(&b.key));
    let mut rng = Rng(seed);
    let items: Vec<Value> = (0..entries)
        .map(|i| {
            let place = *rng.pick(&places);
            let category = *rng.pick(Category::ALL);
            let kind = category.kind();
            let professions: Vec<&str> = Profession::ALL
                .iter()
                .filter(|_| rng.below(3) == 0)
                .map(|p| p.as_str())
                .collect();
            let mut entry = json!({
                "id": format!("gen-{i}"),
                "kind": kind.as_str(),
                "category": category.as_str(),
                "name": {
                    "de": format!("{} {}", rng.sentence(WORDS, 10, 55), place.name),
                    "en": rng.sentence(WORDS_EN, 15, 60),
                },
                "description": {
                    "de": rng.sentence(WORDS, 80, 600),
                    "en": rng.sentence(WORDS_EN, 80, 500),
                },
                "professions": professions,
                "district": &place.key[..5],
                "municipality": place.key,
                "location": {
                    "lat": place.location.lat + (rng.unit() - 0.5) * 0.04,
                    "lon": place.location.lon + (rng.unit() - 0.5) * 0.06,
                },
                "tags": [rng.pick(WORDS), rng.pick(WORDS)],
                "source": {"name": "Generator", "checked": "2026-11-01"},
            });
            if kind == ankommen_core::Kind::Event {
                entry["event"] = json!({"start": format!("2027-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28))});
            }
            entry
        })
        .collect();
    let (mut south, mut west, mut north, mut east) = (90.0f64, 180.0f64, -90.0f64, -180.0f64);
    for p in &places {
        south = south.min(p.location.lat);
        north = north.max(p.location.lat);
        west = west.min(p.location.lon);
        east = east.max(p.location.lon);
    }
    let districts: serde_json::Map<String, Value> = DISTRICTS
        .iter()
        .map(|d| (d.to_string(), json!(g.district_name(d).unwrap_or(d))))
        .collect();
    json!({
        "format": "1.0",
        "updated": "2026-11-24",
        "region": {
            "name": {"de": format!("Generierter Katalog ({entries} Einträge)"), "en": format!("Generated catalogue ({entries} entries)")},
            "bounds": {"south": south - 0.1, "west": west - 0.1, "north": north + 0.1, "east": east + 0.1},
            "center": {"lat": (south + north) / 2.0, "lon": (west + east) / 2.0},
            "districts": districts,
        },
        "entries": items,
    })
}
