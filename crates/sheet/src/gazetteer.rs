//! Open gazetteer data for the regions, shipped with the crate (see data/ATTRIBUTION.md):
//! municipalities (Destatis, dl-de/by-2-0) and postcode centroids (GeoNames, CC BY 4.0).
//! Used to fill coordinates and district keys that a spreadsheet row leaves empty.

use ankommen_core::LatLon;
use std::collections::HashMap;
use std::sync::OnceLock;

const MUNICIPALITIES: &str = include_str!("../data/municipalities.csv");
const POSTCODES: &str = include_str!("../data/postcodes.csv");

#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// 8-digit AGS for a municipality, 5-digit Kreis key for a postcode area.
    pub key: String,
    pub name: String,
    pub location: LatLon,
}

pub struct Gazetteer {
    municipalities: HashMap<String, Place>,
    postcodes: HashMap<String, Place>,
    districts: HashMap<String, String>,
}

/// The gazetteer, parsed on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static CELL: OnceLock<Gazetteer> = OnceLock::new();
    CELL.get_or_init(Gazetteer::load)
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut municipalities = HashMap::new();
        let mut reader = csv::Reader::from_reader(MUNICIPALITIES.as_bytes());
        for row in reader.records().flatten() {
            // satzart 60 rows are municipalities; coordinates use a decimal comma.
            if &row[0] != "60" {
                continue;
            }
            let key = format!("{}{}{}{}", &row[2], &row[3], &row[4], &row[6]);
            let number = |i: usize| row[i].replace(',', ".").parse::<f64>().ok();
            if let (Some(lon), Some(lat)) = (number(14), number(15)) {
                let name = row[7]
                    .split(',')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned();
                municipalities.insert(
                    key.clone(),
                    Place {
                        key,
                        name,
                        location: LatLon { lat, lon },
                    },
                );
            }
        }
        let mut postcodes: HashMap<String, Place> = HashMap::new();
        let mut districts = HashMap::new();
        let mut reader = csv::Reader::from_reader(POSTCODES.as_bytes());
        for row in reader.records().flatten() {
            let (Ok(lat), Ok(lon)) = (row[9].parse::<f64>(), row[10].parse::<f64>()) else {
                continue;
            };
            districts
                .entry(row[8].to_owned())
                .or_insert_with(|| row[7].to_owned());
            let place = Place {
                key: row[8].to_owned(),
                name: row[2].to_owned(),
                location: LatLon { lat, lon },
            };
            // Some postcodes have a row for one large company; a town's row describes the
            // postcode area better, so it wins whichever comes first.
            match postcodes.get(&row[1]) {
                Some(existing) if !is_company(&existing.name) || is_company(&place.name) => {}
                _ => {
                    postcodes.insert(row[1].to_owned(), place);
                }
            }
        }
        Gazetteer {
            municipalities,
            postcodes,
            districts,
        }
    }

    /// A municipality by its 8-digit AGS.
    pub fn municipality(&self, ags: &str) -> Option<&Place> {
        self.municipalities.get(ags)
    }

    /// Municipalities with this name (names repeat: the caller must handle several).
    pub fn municipalities_named(&self, name: &str) -> Vec<&Place> {
        let name = name.trim().to_lowercase();
        let mut found: Vec<_> = self
            .municipalities
            .values()
            .filter(|p| p.name.to_lowercase() == name)
            .collect();
        found.sort_by(|a, b| a.key.cmp(&b.key));
        found
    }

    /// The centroid of a postcode area, with the 5-digit key of its district.
    pub fn postcode(&self, code: &str) -> Option<&Place> {
        self.postcodes.get(code.trim())
    }

    /// A district's name by its 5-digit key, e.g. "Kreis Olpe".
    pub fn district_name(&self, key: &str) -> Option<&str> {
        self.districts.get(key).map(String::as_str)
    }

    /// All municipalities of a district, for its extent.
    pub fn municipalities_in<'a>(
        &'a self,
        district: &'a str,
    ) -> impl Iterator<Item = &'a Place> + 'a {
        self.municipalities
            .values()
            .filter(move |p| p.key.starts_with(district))
    }
}

fn is_company(name: &str) -> bool {
    ["GmbH", " AG", "& Co", "e.V.", " KG", "mbH"]
        .iter()
        .any(|marker| name.contains(marker))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipality_postcode_and_district_lookups() {
        let g = gazetteer();
        let olpe = g.municipality("05966024").unwrap();
        assert_eq!(olpe.name, "Olpe");
        assert!((olpe.location.lat - 51.02756).abs() < 1e-6);
        assert_eq!(g.postcode("57462").unwrap().key, "05966");
        assert_eq!(g.district_name("05966"), Some("Kreis Olpe"));
        assert_eq!(g.municipalities_named("olpe").len(), 1);
        assert!(g.municipalities_in("15085").count() > 10);
        // 46322's first row in the file is a company; the town's row is used instead.
        assert!(!is_company(&g.postcode("46322").unwrap().name));
    }
}
