//! Distances on the earth's surface, for "near a place" and "nearby".

use crate::catalog::LatLon;

const EARTH_RADIUS_KM: f64 = 6371.0;

/// Great-circle distance in kilometres (haversine; exact enough at regional scale).
pub fn distance_km(a: LatLon, b: LatLon) -> f64 {
    let (lat1, lat2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.lon - a.lon).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn olpe_to_siegen_is_about_21_km() {
        let olpe = LatLon {
            lat: 51.0276,
            lon: 7.8436,
        };
        let siegen = LatLon {
            lat: 50.8740,
            lon: 8.0243,
        };
        let d = distance_km(olpe, siegen);
        assert!((d - 21.3).abs() < 0.5, "{d}");
        assert_eq!(distance_km(olpe, olpe), 0.0);
    }
}
