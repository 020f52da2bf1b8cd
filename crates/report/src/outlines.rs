//! The country and first-level-division outlines maps are drawn from, shipped inside the
//! binary (`assets/geo/outlines.json.gz`, compiled from Natural Earth by
//! `tools/outlines/build.py`), decoded once on first use.

use crate::error::ReportError;
use serde::Deserialize;
use std::io::Read;
use std::sync::OnceLock;

static EMBEDDED: &[u8] = include_bytes!("../../../assets/geo/outlines.json.gz");

/// A box in degrees: west, south, east, north.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Box {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl Box {
    pub fn intersects(&self, other: &Box) -> bool {
        self.west <= other.east
            && other.west <= self.east
            && self.south <= other.north
            && other.south <= self.north
    }

    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.west..=self.east).contains(&lon) && (self.south..=self.north).contains(&lat)
    }
}

/// A country or a division: its name, code (divisions: HASC, `MX.JA`), box and rings of
/// (lon, lat) points.
#[derive(Debug, Clone)]
pub struct Shape {
    pub name: String,
    pub code: Option<String>,
    pub bounds: Box,
    pub rings: Vec<Vec<(f64, f64)>>,
}

impl Shape {
    /// Whether the point is inside (even-odd over every ring, so holes count).
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        if !self.bounds.contains(lon, lat) {
            return false;
        }
        let mut inside = false;
        for ring in &self.rings {
            let mut previous = match ring.last() {
                Some(p) => *p,
                None => continue,
            };
            for &(x, y) in ring {
                let (px, py) = previous;
                if (y > lat) != (py > lat) && lon < (px - x) * (lat - y) / (py - y) + x {
                    inside = !inside;
                }
                previous = (x, y);
            }
        }
        inside
    }
}

pub struct Outlines {
    pub countries: Vec<Shape>,
    pub divisions: Vec<Shape>,
}

#[derive(Deserialize)]
struct RawShape {
    name: String,
    #[serde(default)]
    code: Option<String>,
    #[serde(rename = "box")]
    bounds: [i64; 4],
    rings: Vec<Vec<i64>>,
}

#[derive(Deserialize)]
struct Raw {
    scale: f64,
    countries: Vec<RawShape>,
    divisions: Vec<RawShape>,
}

fn decode(raw: RawShape, scale: f64) -> Shape {
    let rings = raw
        .rings
        .iter()
        .map(|flat| {
            let (mut x, mut y) = (0i64, 0i64);
            flat.chunks_exact(2)
                .enumerate()
                .map(|(i, pair)| {
                    if i == 0 {
                        (x, y) = (pair[0], pair[1]);
                    } else {
                        x += pair[0];
                        y += pair[1];
                    }
                    (x as f64 / scale, y as f64 / scale)
                })
                .collect()
        })
        .collect();
    let [west, south, east, north] = raw.bounds.map(|v| v as f64 / scale);
    Shape {
        name: raw.name,
        code: raw.code,
        bounds: Box {
            west,
            south,
            east,
            north,
        },
        rings,
    }
}

fn load() -> Result<Outlines, ReportError> {
    let mut json = Vec::new();
    flate2::read::GzDecoder::new(EMBEDDED)
        .read_to_end(&mut json)
        .map_err(|e| ReportError::Outlines(e.to_string()))?;
    let raw: Raw =
        serde_json::from_slice(&json).map_err(|e| ReportError::Outlines(e.to_string()))?;
    let scale = raw.scale;
    Ok(Outlines {
        countries: raw
            .countries
            .into_iter()
            .map(|s| decode(s, scale))
            .collect(),
        divisions: raw
            .divisions
            .into_iter()
            .map(|s| decode(s, scale))
            .collect(),
    })
}

/// The shipped outlines, decoded on first use.
pub fn outlines() -> Result<&'static Outlines, ReportError> {
    static LOADED: OnceLock<Result<Outlines, String>> = OnceLock::new();
    LOADED
        .get_or_init(|| load().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| ReportError::Outlines(e.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn division(name: &str) -> Option<&'static Shape> {
        outlines().ok()?.divisions.iter().find(|d| d.name == name)
    }

    #[test]
    fn the_shipped_outlines_hold_countries_and_their_divisions() {
        let all = outlines().expect("outlines");
        assert!(all.countries.len() > 200, "{}", all.countries.len());
        assert!(all.divisions.len() > 3000, "{}", all.divisions.len());
        // Guadalajara lies in Jalisco, not in Michoacán; Valencia city in its own province.
        let jalisco = division("Jalisco").expect("Jalisco");
        assert!(jalisco.contains(-103.35, 20.67));
        assert!(
            !division("Michoacán")
                .expect("Michoacán")
                .contains(-103.35, 20.67)
        );
        assert_eq!(jalisco.code.as_deref(), Some("MX.JA"));
        let in_spain = all
            .divisions
            .iter()
            .filter(|d| d.contains(-0.376, 39.47))
            .count();
        assert_eq!(in_spain, 1);
    }

    #[test]
    fn points_in_holes_are_outside() {
        let square = |x0: f64, x1: f64| vec![(x0, x0), (x1, x0), (x1, x1), (x0, x1)];
        let shape = Shape {
            name: "ring".into(),
            code: None,
            bounds: Box {
                west: 0.0,
                south: 0.0,
                east: 10.0,
                north: 10.0,
            },
            rings: vec![square(0.0, 10.0), square(4.0, 6.0)],
        };
        assert!(shape.contains(2.0, 2.0));
        assert!(!shape.contains(5.0, 5.0));
        assert!(!shape.contains(11.0, 5.0));
    }
}
