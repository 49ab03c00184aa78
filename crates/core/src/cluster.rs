//! Map clustering: at each zoom, entries whose markers would fall into the same square of
//! the screen become one cluster marker with a count.
//!
//! A grid on the Web Mercator plane (the projection of web maps) is enough for this job and
//! costs one multiplication and one hash insert per entry, so the map can recluster 100,000
//! results on every keystroke; only the clusters in view become markers.

use crate::catalog::{Bounds, LatLon};
use std::collections::HashMap;
use std::f64::consts::PI;

/// Side of a tile in pixels: at zoom `z` the world is `256 · 2^z` pixels wide.
const TILE: f64 = 256.0;

/// A position on the Web Mercator plane, scaled so the world is the unit square.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

pub fn project(at: LatLon) -> Point {
    // Web Mercator is undefined at the poles; maps stop at ±85.05°.
    let lat = at.lat.clamp(-85.0511, 85.0511).to_radians();
    Point {
        x: (at.lon + 180.0) / 360.0,
        y: (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / PI) / 2.0,
    }
}

pub fn unproject(p: Point) -> LatLon {
    let n = PI - 2.0 * PI * p.y;
    LatLon {
        lat: n.sinh().atan().to_degrees(),
        lon: p.x * 360.0 - 180.0,
    }
}

/// One marker on the map: a single entry (`count == 1`) or a cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// The cluster's grid cell at this zoom; with `count`, identifies the marker.
    pub cell: (i64, i64),
    pub count: usize,
    /// The entry, for a single marker; the first member for a cluster.
    pub first: usize,
    /// Where the marker stands: the entry's position, or the members' mean.
    pub center: LatLon,
    /// The members' extent, to zoom to when the cluster is clicked.
    pub bounds: Bounds,
}

/// The markers for `points` (entry index and projected position) at `zoom`, with cells of
/// `cell_px` pixels, keeping only those inside `view`. Clusters come out in a stable order
/// (by cell), singles keep their entry index.
pub fn cluster(points: &[(usize, Point)], zoom: f64, cell_px: f64, view: Bounds) -> Vec<Cluster> {
    let scale = TILE * zoom.exp2() / cell_px;
    // Cells are found from the projected view, so a cluster near the edge is counted whole.
    let (top_left, bottom_right) = (
        project(LatLon {
            lat: view.north,
            lon: view.west,
        }),
        project(LatLon {
            lat: view.south,
            lon: view.east,
        }),
    );
    let (min_x, min_y) = (
        (top_left.x * scale).floor() as i64,
        (top_left.y * scale).floor() as i64,
    );
    let (max_x, max_y) = (
        (bottom_right.x * scale).floor() as i64,
        (bottom_right.y * scale).floor() as i64,
    );
    struct Cell {
        count: usize,
        first: usize,
        sum: (f64, f64),
        min: Point,
        max: Point,
    }
    let mut cells: HashMap<(i64, i64), Cell> = HashMap::new();
    for &(index, p) in points {
        let key = ((p.x * scale).floor() as i64, (p.y * scale).floor() as i64);
        if key.0 < min_x || key.0 > max_x || key.1 < min_y || key.1 > max_y {
            continue;
        }
        let cell = cells.entry(key).or_insert(Cell {
            count: 0,
            first: index,
            sum: (0.0, 0.0),
            min: p,
            max: p,
        });
        cell.count += 1;
        cell.first = cell.first.min(index);
        cell.sum = (cell.sum.0 + p.x, cell.sum.1 + p.y);
        cell.min = Point {
            x: cell.min.x.min(p.x),
            y: cell.min.y.min(p.y),
        };
        cell.max = Point {
            x: cell.max.x.max(p.x),
            y: cell.max.y.max(p.y),
        };
    }
    let mut out: Vec<Cluster> = cells
        .into_iter()
        .map(|(key, c)| {
            let n = c.count as f64;
            let (north_west, south_east) = (unproject(c.min), unproject(c.max));
            Cluster {
                cell: key,
                count: c.count,
                first: c.first,
                center: unproject(Point {
                    x: c.sum.0 / n,
                    y: c.sum.1 / n,
                }),
                bounds: Bounds {
                    south: south_east.lat,
                    west: north_west.lon,
                    north: north_west.lat,
                    east: south_east.lon,
                },
            }
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| a.cell.cmp(&b.cell));
    out
}

/// `markers` (counts that stand for many entries: a large set's districts, zoomed out) merged
/// where they would cover each other, the largest first: each absorbs the smaller ones whose
/// centres lie within `cell_px` pixels of its own at `zoom`, adds up their counts and extents
/// (a click zooms to all of them) and keeps its own place and cell. The markers left are thus
/// at least `cell_px` apart.
pub fn merge(mut markers: Vec<Cluster>, zoom: f64, cell_px: f64) -> Vec<Cluster> {
    crate::sort::sort_by(&mut markers, |a, b| {
        b.count.cmp(&a.count).then(a.first.cmp(&b.first))
    });
    let scale = TILE * zoom.exp2();
    let at: Vec<Point> = markers
        .iter()
        .map(|m| {
            let p = project(m.center);
            Point {
                x: p.x * scale,
                y: p.y * scale,
            }
        })
        .collect();
    let mut absorbed = vec![false; markers.len()];
    let mut out = Vec::new();
    for i in 0..markers.len() {
        if absorbed[i] {
            continue;
        }
        let mut merged = markers[i].clone();
        for j in i + 1..markers.len() {
            let (dx, dy) = (at[j].x - at[i].x, at[j].y - at[i].y);
            if !absorbed[j] && dx.hypot(dy) < cell_px {
                absorbed[j] = true;
                merged.count += markers[j].count;
                merged.first = merged.first.min(markers[j].first);
                merged.bounds = merged.bounds.union(markers[j].bounds);
            }
        }
        out.push(merged);
    }
    crate::sort::sort_by(&mut out, |a, b| a.cell.cmp(&b.cell));
    out
}

/// The lowest whole zoom from `from` (rounded down, as the map clusters) up to `max` at
/// which `target` has a cell to itself among `points`: where the map must zoom to show an
/// entry as its own marker. `max` when no zoom separates it (the map stops clustering there).
pub fn separating_zoom(
    target: (usize, Point),
    points: &[(usize, Point)],
    from: f64,
    max: f64,
    cell_px: f64,
) -> f64 {
    let mut zoom = from.floor();
    while zoom < max {
        let scale = TILE * zoom.exp2() / cell_px;
        let cell = |p: Point| ((p.x * scale).floor() as i64, (p.y * scale).floor() as i64);
        let own = cell(target.1);
        if !points.iter().any(|&(i, p)| i != target.0 && cell(p) == own) {
            return zoom;
        }
        zoom += 1.0;
    }
    max
}

/// Every point in `view` as its own marker: at street level nothing is clustered, so entries
/// at the same address are all reachable (they overlap; the list names each).
pub fn unclustered(points: &[(usize, Point)], view: Bounds) -> Vec<Cluster> {
    points
        .iter()
        .filter_map(|&(index, p)| {
            let at = unproject(p);
            view.contains(at).then_some(Cluster {
                cell: (index as i64, 0),
                count: 1,
                first: index,
                center: at,
                bounds: Bounds {
                    south: at.lat,
                    west: at.lon,
                    north: at.lat,
                    east: at.lon,
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORLD: Bounds = Bounds {
        south: -80.0,
        west: -179.0,
        north: 80.0,
        east: 179.0,
    };

    fn at(lat: f64, lon: f64) -> Point {
        project(LatLon { lat, lon })
    }

    #[test]
    fn projection_round_trips() {
        let olpe = LatLon {
            lat: 51.0276,
            lon: 7.8436,
        };
        let back = unproject(project(olpe));
        assert!((back.lat - olpe.lat).abs() < 1e-9 && (back.lon - olpe.lon).abs() < 1e-9);
        assert_eq!(at(0.0, 0.0), Point { x: 0.5, y: 0.5 });
    }

    #[test]
    fn nearby_points_share_a_marker_until_the_map_zooms_in() {
        // Olpe and a place 300 m away, and Soest, 60 km north-east.
        let points = [
            (0, at(51.0276, 7.8436)),
            (1, at(51.0300, 7.8470)),
            (2, at(51.5711, 8.1092)),
        ];
        let low = cluster(&points, 8.0, 60.0, WORLD);
        assert_eq!(low.len(), 2);
        let pair = low
            .iter()
            .find(|c| c.count == 2)
            .expect("Olpe's two entries cluster");
        assert_eq!(pair.first, 0);
        assert!(pair.bounds.contains(LatLon {
            lat: 51.029,
            lon: 7.845
        }));
        let high = cluster(&points, 16.0, 60.0, WORLD);
        assert_eq!(high.iter().map(|c| c.count).collect::<Vec<_>>(), [1, 1, 1]);
        let z = separating_zoom(points[0], &points, 8.0, 18.0, 60.0);
        let counts = |zoom| {
            cluster(&points, zoom, 60.0, WORLD)
                .iter()
                .map(|c| c.count)
                .max()
        };
        assert_eq!(counts(z), Some(1), "at zoom {z} Olpe's entries are apart");
        assert_eq!(counts(z - 1.0), Some(2), "and one level out they are not");
        assert_eq!(separating_zoom(points[2], &points, 8.0, 18.0, 60.0), 8.0);
    }

    #[test]
    fn entries_at_one_address_each_get_a_marker_at_street_level() {
        let points = [
            (0, at(51.0276, 7.8436)),
            (1, at(51.0276, 7.8436)),
            (2, at(51.5, 8.1)),
        ];
        assert_eq!(
            cluster(&points, 18.0, 1.0, WORLD).len(),
            2,
            "a grid cannot part them"
        );
        let singles = unclustered(&points, WORLD);
        assert_eq!(
            singles.iter().map(|c| c.first).collect::<Vec<_>>(),
            [0, 1, 2]
        );
        assert!(singles.iter().all(|c| c.count == 1));
    }

    #[test]
    fn only_markers_in_view_are_made() {
        let points = [(0, at(51.0, 7.8)), (1, at(48.1, 11.5))];
        let view = Bounds {
            south: 50.5,
            west: 7.0,
            north: 51.5,
            east: 8.5,
        };
        let shown = cluster(&points, 9.0, 60.0, view);
        assert_eq!(shown.len(), 1);
        assert_eq!((shown[0].first, shown[0].count), (0, 1));
    }

    #[test]
    fn counts_that_would_cover_each_other_merge_into_one_marker() {
        let district = |first: usize, count: usize, lat: f64, lon: f64| Cluster {
            cell: (first as i64, -1),
            count,
            first,
            center: LatLon { lat, lon },
            bounds: Bounds {
                south: lat - 0.1,
                west: lon - 0.1,
                north: lat + 0.1,
                east: lon + 0.1,
            },
        };
        // Olpe and Siegen, 25 km apart, and Munich.
        let markers = vec![
            district(0, 300, 51.03, 7.84),
            district(1, 100, 50.87, 8.02),
            district(2, 50, 48.14, 11.58),
        ];
        let country = merge(markers.clone(), 6.0, 60.0);
        assert_eq!(country.len(), 2);
        let pair = country
            .iter()
            .find(|c| c.count == 400)
            .expect("Olpe and Siegen merge");
        // The larger one keeps its place and cell; the extent holds both districts.
        assert_eq!((pair.first, pair.cell), (0, (0, -1)));
        assert_eq!(pair.center, markers[0].center);
        assert!(pair.bounds.contains(LatLon {
            lat: 51.1,
            lon: 7.75
        }));
        assert!(pair.bounds.contains(LatLon {
            lat: 50.8,
            lon: 8.1
        }));
        assert_eq!(country.iter().map(|c| c.count).sum::<usize>(), 450);
        let region = merge(markers, 10.0, 60.0);
        assert_eq!(region.len(), 3, "apart when zoomed in");
    }
}
