//! The brief's map: an inline SVG of the countries and first-level divisions around the events,
//! divisions shaded by how many events fall in them, and a marker per placed event, sized by
//! fatalities and coloured by category. A town-level place is a filled dot; a state- or
//! region-level one a dashed ring, so an event placed only at a state's centre is never read as
//! happening in the town that sits there. Country-level events are counted, not drawn.

use crate::brief::Item;
use crate::html::escape;
use crate::outlines::{Box, Outlines, Shape};
use crate::style::category;
use std::collections::BTreeMap;
use std::fmt::Write;

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 480.0;
/// The smallest span shown, in degrees of latitude: one town still shows its region.
const MIN_SPAN: f64 = 4.0;

/// A placed event, as drawn.
struct Marker<'a> {
    item: &'a Item,
    lon: f64,
    lat: f64,
    /// Known to a town or finer.
    exact: bool,
}

/// An equirectangular projection fitted to a box, widths scaled by the cosine of its middle
/// latitude so shapes keep their proportions at the latitudes shown.
struct Projection {
    view: Box,
    scale: f64,
    stretch: f64,
}

impl Projection {
    fn fit(points: &[(f64, f64)]) -> Self {
        let (mut west, mut east, mut south, mut north) = (180.0f64, -180.0f64, 90.0f64, -90.0f64);
        for &(lon, lat) in points {
            west = west.min(lon);
            east = east.max(lon);
            south = south.min(lat);
            north = north.max(lat);
        }
        let middle = ((south + north) / 2.0).clamp(-80.0, 80.0);
        let stretch = middle.to_radians().cos().max(0.1);
        let (cx, cy) = ((west + east) / 2.0, (south + north) / 2.0);
        // Pad, then widen the short side to the frame's proportions.
        let mut half_h = ((north - south) * 0.7).max(MIN_SPAN / 2.0);
        let mut half_w = ((east - west) * 0.7).max(MIN_SPAN / 2.0 / stretch);
        let aspect = WIDTH / HEIGHT;
        if half_w * stretch / half_h < aspect {
            half_w = half_h * aspect / stretch;
        } else {
            half_h = half_w * stretch / aspect;
        }
        let view = Box {
            west: cx - half_w,
            east: cx + half_w,
            south: cy - half_h,
            north: cy + half_h,
        };
        Projection {
            view,
            scale: HEIGHT / (2.0 * half_h),
            stretch,
        }
    }

    fn xy(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            (lon - self.view.west) * self.stretch * self.scale,
            (self.view.north - lat) * self.scale,
        )
    }

    fn path(&self, shape: &Shape) -> String {
        let mut d = String::new();
        for ring in &shape.rings {
            for (i, &(lon, lat)) in ring.iter().enumerate() {
                let (x, y) = self.xy(lon, lat);
                let _ = write!(d, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" });
            }
            d.push('Z');
        }
        d
    }
}

/// A place name written beside its marker.
struct Label {
    name: String,
    x: f64,
    y: f64,
    /// Written to the left of the marker (`text-anchor="end"`).
    before: bool,
    /// What it covers: left, top, right, bottom.
    area: [f64; 4],
}

/// Labels placed so that none covers another: each place once, beside its first (largest)
/// marker, at the first of four spots around it that is free; a place with no free spot goes
/// unlabelled (its marker still names it on hover).
#[derive(Default)]
struct Labels {
    placed: Vec<Label>,
}

impl Labels {
    /// Roughly the width of a 12px system-ui character.
    const CHAR: f64 = 6.8;

    fn place(&mut self, name: &str, x: f64, y: f64) {
        if name.is_empty() || self.placed.iter().any(|l| l.name == name) {
            return;
        }
        let width = name.chars().count() as f64 * Self::CHAR;
        for (dx, dy, before) in [
            (8.0, -6.0, false),
            (-8.0, -6.0, true),
            (8.0, 16.0, false),
            (-8.0, 16.0, true),
        ] {
            let (lx, ly) = (x + dx, y + dy);
            let left = if before { lx - width } else { lx };
            let area = [left, ly - 11.0, left + width, ly + 3.0];
            let overlaps =
                |o: &[f64; 4]| area[0] < o[2] && o[0] < area[2] && area[1] < o[3] && o[1] < area[3];
            let inside = area[0] >= 0.0 && area[2] <= WIDTH && area[1] >= 0.0 && area[3] <= HEIGHT;
            if inside && !self.placed.iter().any(|l| overlaps(&l.area)) {
                self.placed.push(Label {
                    name: name.to_string(),
                    x: lx,
                    y: ly,
                    before,
                    area,
                });
                return;
            }
        }
    }
}

/// Precisions that place an event at a town or finer.
fn exact(precision: Option<&str>) -> bool {
    !matches!(
        precision,
        Some("admin1" | "admin2" | "region" | "country" | "continent")
    )
}

/// The map, or a sentence saying why there is none.
pub fn render(items: &[Item], outlines: &Outlines) -> String {
    let mut markers = Vec::new();
    let mut country_level = 0;
    for item in items {
        let Some(place) = &item.record.place else {
            continue;
        };
        let (Some(lat), Some(lon)) = (place.lat, place.lon) else {
            continue;
        };
        if place.precision.as_deref() == Some("country") {
            country_level += 1;
            continue;
        }
        markers.push(Marker {
            item,
            lon,
            lat,
            exact: exact(place.precision.as_deref()),
        });
    }
    if markers.is_empty() {
        return format!(
            r#"<p class="note">No event in this brief is placed finer than a country{}, so there is no map.</p>"#,
            if country_level > 0 {
                format!(" ({country_level} at country level)")
            } else {
                String::new()
            }
        );
    }
    let projection = Projection::fit(&markers.iter().map(|m| (m.lon, m.lat)).collect::<Vec<_>>());
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="map-title" class="map"><title id="map-title">Map of the events in this brief</title><rect width="{WIDTH}" height="{HEIGHT}" class="sea"/>"#
    );
    svg.push_str(r#"<g class="countries">"#);
    for country in outlines
        .countries
        .iter()
        .filter(|c| c.bounds.intersects(&projection.view))
    {
        let _ = write!(
            svg,
            r#"<path d="{}"><title>{}</title></path>"#,
            projection.path(country),
            escape(&country.name)
        );
    }
    svg.push_str("</g>");
    // Divisions holding events, counted by where the markers fall.
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    let visible: Vec<(usize, &Shape)> = outlines
        .divisions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.bounds.intersects(&projection.view))
        .collect();
    for m in &markers {
        if let Some((i, _)) = visible.iter().find(|(_, d)| d.contains(m.lon, m.lat)) {
            *counts.entry(*i).or_default() += 1;
        }
    }
    let most = counts.values().copied().max().unwrap_or(1) as f64;
    svg.push_str(r#"<g class="divisions">"#);
    for (i, division) in &visible {
        let d = projection.path(division);
        match counts.get(i) {
            Some(&n) => {
                let _ = write!(
                    svg,
                    r#"<path d="{d}" class="hit" data-name="{name}" data-code="{code}" data-events="{n}" style="fill-opacity:{opacity:.2}"><title>{name}: {n} event(s)</title></path>"#,
                    name = escape(&division.name),
                    code = escape(division.code.as_deref().unwrap_or("")),
                    opacity = 0.25 + 0.55 * (n as f64 / most),
                );
            }
            None => {
                let _ = write!(
                    svg,
                    r#"<path d="{d}"><title>{}</title></path>"#,
                    escape(&division.name)
                );
            }
        }
    }
    svg.push_str("</g>");
    // Markers: the largest first, so small ones stay clickable on top.
    let radius = |m: &Marker| {
        let killed = m.item.record.fatalities.best.unwrap_or(0) as f64;
        if m.exact {
            4.0 + killed.sqrt() * 2.0
        } else {
            11.0 + killed.sqrt() * 2.0
        }
        .min(24.0)
    };
    markers.sort_by(|a, b| radius(b).total_cmp(&radius(a)));
    svg.push_str(r#"<g class="markers">"#);
    let mut labels = Labels::default();
    for m in &markers {
        let (x, y) = projection.xy(m.lon, m.lat);
        let c = &m.item.record;
        let (group, colour) = category(&c.kind);
        let place = c.place.as_ref().map(|p| p.name.as_str()).unwrap_or("");
        let r = radius(m);
        let _ = write!(
            svg,
            r##"<a href="#{id}"><circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" class="{shape} {group}" data-place="{place_attr}" style="{paint}:{colour}"><title>{id} {kind} at {place_text} ({precision}){date}</title></circle></a>"##,
            id = escape(&c.id),
            shape = if m.exact { "exact" } else { "area" },
            place_attr = escape(place),
            paint = if m.exact { "fill" } else { "stroke" },
            kind = escape(&c.kind),
            place_text = escape(place),
            precision = escape(
                c.place
                    .as_ref()
                    .and_then(|p| p.precision.as_deref())
                    .unwrap_or("place")
            ),
            date = c
                .date
                .as_ref()
                .map(|d| format!(", {}", escape(&d.value)))
                .unwrap_or_default(),
        );
        labels.place(place, x, y);
    }
    svg.push_str("</g><g class=\"labels\">");
    for label in &labels.placed {
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}"{}>{}</text>"#,
            label.x,
            label.y,
            if label.before {
                r#" text-anchor="end""#
            } else {
                ""
            },
            escape(&label.name)
        );
    }
    let _ = write!(
        svg,
        r#"</g><text x="{:.0}" y="{:.0}" class="credit">Outlines: Natural Earth</text></svg>"#,
        WIDTH - 6.0,
        HEIGHT - 6.0
    );
    if country_level > 0 {
        let _ = write!(
            svg,
            r#"<p class="note">{country_level} event(s) placed only at country level are listed below but not drawn.</p>"#
        );
    }
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_never_cover_each_other() {
        let mut labels = Labels::default();
        labels.place("Tepalcatepec", 300.0, 300.0);
        labels.place("Michoacán", 320.0, 302.0);
        labels.place("Apatzingán", 310.0, 305.0);
        labels.place("Michoacán", 500.0, 100.0);
        assert_eq!(labels.placed.len(), 3, "each place once");
        for (i, a) in labels.placed.iter().enumerate() {
            for b in &labels.placed[i + 1..] {
                let apart = a.area[2] <= b.area[0]
                    || b.area[2] <= a.area[0]
                    || a.area[3] <= b.area[1]
                    || b.area[3] <= a.area[1];
                assert!(apart, "{} covers {}", a.name, b.name);
            }
        }
    }

    #[test]
    fn the_view_keeps_the_frame_proportions_and_holds_every_point() {
        let p = Projection::fit(&[(-103.6, 19.9), (-96.7, 17.1), (-98.8, 23.7)]);
        for (lon, lat) in [(-103.6, 19.9), (-96.7, 17.1), (-98.8, 23.7)] {
            let (x, y) = p.xy(lon, lat);
            assert!((0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y));
        }
        let (x0, y0) = p.xy(p.view.west, p.view.north);
        let (x1, y1) = p.xy(p.view.east, p.view.south);
        assert!((x0, y0) == (0.0, 0.0));
        assert!((x1 - WIDTH).abs() < 1e-6 && (y1 - HEIGHT).abs() < 1e-6);
    }

    #[test]
    fn one_point_still_shows_its_region() {
        let p = Projection::fit(&[(-103.5, 19.8)]);
        assert!(p.view.north - p.view.south >= MIN_SPAN - 1e-9);
    }

    #[test]
    fn state_level_places_are_not_exact() {
        assert!(exact(Some("city")) && exact(None));
        assert!(!exact(Some("admin1")) && !exact(Some("region")));
    }
}
