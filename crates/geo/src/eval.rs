//! Scoring the geocoder on gold data in the TR-News JSON Lines format.
//!
//! Each line is an article: `text`, `domain`, and `toponyms`, each with `start`/`end` (0-based,
//! end-exclusive *character* offsets, converted here to byte offsets), `geonames_id` (a string,
//! or null for a toponym the annotators could not place), `lat`, `lon` and, for most,
//! `country_geonames_id`. Scores follow the geoparsing literature (Mordecai, TR-News papers):
//! share of gold toponyms with the exact GeoNames id, with the right country, and with the
//! predicted point within 161 km (100 miles) of the gold point.

use crate::{
    Gazetteer, GeoContext, GeoError, Geocoder, Place, PlaceMention, Resolution, haversine_km,
};
use serde::Deserialize;
use std::fmt;
use std::path::Path;

mod recognition;
pub use recognition::{RecognitionScores, SpanCounts, SpanMatch};

/// The distance within which a predicted point counts as right.
pub const ACCURACY_RADIUS_KM: f64 = 161.0;

/// A gold place: byte span into the document text and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldToponym {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// None where the annotators found no GeoNames entry; such toponyms are not scored.
    pub geonames_id: Option<u64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country_geonames_id: Option<u64>,
}

/// A gold document.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldDocument {
    pub id: String,
    pub text: String,
    /// The publishing site's host name, when given.
    pub domain: Option<String>,
    pub toponyms: Vec<GoldToponym>,
}

impl GoldDocument {
    /// The gold spans as mentions, for resolution-only scoring.
    pub fn gold_mentions(&self) -> Vec<PlaceMention> {
        self.toponyms
            .iter()
            .map(|t| PlaceMention {
                start: t.start,
                end: t.end,
                text: t.text.clone(),
            })
            .collect()
    }

    /// The publication's country, from a country-code top-level domain (`cbc.ca` → `CA`).
    pub fn publication_country(&self) -> Option<String> {
        publication_country_from_domain(self.domain.as_deref()?)
    }
}

/// The country of a host name's country-code top-level domain, if it has one.
pub fn publication_country_from_domain(domain: &str) -> Option<String> {
    let tld = domain.trim_end_matches('.').rsplit('.').next()?;
    if tld.len() != 2 || !tld.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let iso = tld.to_ascii_uppercase();
    // The UK's domain differs from its ISO code; .eu is no country.
    Some(match iso.as_str() {
        "UK" => "GB".to_string(),
        "EU" => return None,
        _ => iso,
    })
}

#[derive(Deserialize)]
struct RawDocument {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default)]
    domain: Option<String>,
    #[serde(default)]
    toponyms: Vec<RawToponym>,
}

#[derive(Deserialize)]
struct RawToponym {
    // Signed, so that a negative offset is a skipped record rather than an unreadable line.
    start: i64,
    end: i64,
    text: String,
    #[serde(default)]
    geonames_id: Option<serde_json::Value>,
    #[serde(default)]
    lat: Option<f64>,
    #[serde(default)]
    lon: Option<f64>,
    #[serde(default)]
    country_geonames_id: Option<serde_json::Value>,
}

fn id_of(value: Option<&serde_json::Value>) -> Option<u64> {
    match value? {
        serde_json::Value::String(s) => s.trim().parse().ok(),
        serde_json::Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

/// A gold toponym left out because its span is invalid.
#[derive(Debug, Clone, PartialEq)]
pub struct SkippedToponym {
    /// One-based line of the file.
    pub line: usize,
    pub text: String,
    pub reason: String,
}

/// A gold file: its documents, and the toponyms left out of them.
#[derive(Debug, Clone, Default)]
pub struct GoldSet {
    pub documents: Vec<GoldDocument>,
    /// Toponyms with invalid spans (negative or out-of-range offsets, or offsets that do not
    /// hold the toponym's text): counted and named, not scored.
    pub skipped: Vec<SkippedToponym>,
}

/// Reads a TR-News-format JSON Lines file.
pub fn read_tr_news(path: &Path) -> Result<GoldSet, GeoError> {
    let text = std::fs::read_to_string(path).map_err(|source| GeoError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse_tr_news(&text, &path.display().to_string())
}

/// Parses TR-News-format JSON Lines; `origin` names the source in errors. A line that is not a
/// JSON article is an error; a toponym whose span is invalid is skipped and counted.
pub fn parse_tr_news(jsonl: &str, origin: &str) -> Result<GoldSet, GeoError> {
    let mut set = GoldSet::default();
    for (number, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawDocument = serde_json::from_str(line).map_err(|e| GeoError::Gold {
            path: origin.to_string(),
            line: number + 1,
            reason: e.to_string(),
        })?;
        let byte_at = char_to_byte_offsets(&raw.text);
        let mut toponyms = Vec::with_capacity(raw.toponyms.len());
        for t in raw.toponyms {
            let offset = |o: i64| {
                usize::try_from(o)
                    .ok()
                    .and_then(|o| byte_at.get(o).copied())
            };
            let reason = match (offset(t.start), offset(t.end)) {
                (Some(start), Some(end)) if raw.text.get(start..end) == Some(t.text.as_str()) => {
                    toponyms.push(GoldToponym {
                        start,
                        end,
                        text: t.text,
                        geonames_id: id_of(t.geonames_id.as_ref()),
                        lat: t.lat,
                        lon: t.lon,
                        country_geonames_id: id_of(t.country_geonames_id.as_ref()),
                    });
                    continue;
                }
                (Some(_), Some(_)) => format!(
                    "characters {}..{} do not hold the toponym's text",
                    t.start, t.end
                ),
                _ => format!("characters {}..{} lie outside the text", t.start, t.end),
            };
            set.skipped.push(SkippedToponym {
                line: number + 1,
                text: t.text,
                reason,
            });
        }
        let id = match raw.id {
            Some(serde_json::Value::String(s)) => s,
            Some(other) => other.to_string(),
            None => format!("line {}", number + 1),
        };
        set.documents.push(GoldDocument {
            id,
            text: raw.text,
            domain: raw.domain,
            toponyms,
        });
    }
    Ok(set)
}

/// Byte offset of each character offset, with one past the end for the text's length.
fn char_to_byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// The shares the geoparsing literature reports, with their counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GeoScores {
    pub mode: String,
    pub documents: usize,
    /// Gold toponyms with a GeoNames id and point: the denominator.
    pub scored: usize,
    /// Gold toponyms without one, left out of every share.
    pub unplaceable: usize,
    /// Scored toponyms the geocoder (or recogniser) left without a resolution.
    pub unresolved: usize,
    pub exact: usize,
    pub within_radius: usize,
    /// Scored toponyms whose gold entry has a country (continents and oceans have none).
    pub with_country: usize,
    pub right_country: usize,
    /// Predicted mentions that overlap no gold toponym (end-to-end mode only).
    pub spurious: usize,
    /// Exact GeoNames id but the stored point beyond the radius: the gazetteer's computed point
    /// for a country or division differs from GeoNames' own.
    pub exact_but_far: usize,
    /// Precision and recall of the predicted mentions (end-to-end mode only).
    pub recognition: Option<RecognitionScores>,
    /// The same for place names alone, nationality adjectives and places inside other names
    /// left out (end-to-end mode, when the caller has both).
    pub names_only: Option<RecognitionScores>,
    /// Every scored toponym not resolved to its gold entry, in document order.
    pub misses: Vec<GeoMiss>,
    /// Gold toponyms left out because their spans are invalid ([`GoldSet::skipped`]); set by
    /// the caller that read the file.
    pub skipped: usize,
}

/// A gold toponym resolved to another place, or not at all.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoMiss {
    pub document: String,
    /// Byte offset of the toponym in the document text.
    pub start: usize,
    pub text: String,
    pub gold_id: u64,
    /// The place chosen instead (GeoNames id, name) and its distance from the gold point.
    pub got: Option<(u64, String, f64)>,
}

impl fmt::Display for GeoMiss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}\t{}\t{}\t{}\t",
            self.document, self.start, self.text, self.gold_id
        )?;
        match &self.got {
            Some((id, name, km)) => write!(f, "{id}\t{name}\t{km:.0} km"),
            None => write!(f, "-\tunresolved\t-"),
        }
    }
}

impl GeoScores {
    fn share(part: usize, whole: usize) -> f64 {
        if whole == 0 {
            0.0
        } else {
            part as f64 / whole as f64
        }
    }

    pub fn exact_share(&self) -> f64 {
        Self::share(self.exact, self.scored)
    }

    pub fn within_radius_share(&self) -> f64 {
        Self::share(self.within_radius, self.scored)
    }

    pub fn right_country_share(&self) -> f64 {
        Self::share(self.right_country, self.with_country)
    }
}

impl fmt::Display for GeoScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "geocoding ({}): {} documents, {} toponyms scored ({} without a GeoNames entry left out)",
            self.mode, self.documents, self.scored, self.unplaceable
        )?;
        if self.skipped > 0 {
            writeln!(
                f,
                "  skipped             {} gold toponyms with invalid spans",
                self.skipped
            )?;
        }
        writeln!(
            f,
            "  exact GeoNames id   {:.3}  ({}/{})",
            self.exact_share(),
            self.exact,
            self.scored
        )?;
        writeln!(
            f,
            "  right country       {:.3}  ({}/{} with a gold country)",
            self.right_country_share(),
            self.right_country,
            self.with_country
        )?;
        writeln!(
            f,
            "  within {ACCURACY_RADIUS_KM:.0} km       {:.3}  ({}/{})",
            self.within_radius_share(),
            self.within_radius,
            self.scored
        )?;
        writeln!(
            f,
            "  exact id, point beyond {ACCURACY_RADIUS_KM:.0} km: {} (computed area points)",
            self.exact_but_far
        )?;
        write!(f, "  unresolved          {}", self.unresolved)?;
        if self.mode != "gold spans" {
            write!(f, "\n  spurious mentions   {}", self.spurious)?;
        }
        if let Some(recognition) = &self.recognition {
            write!(f, "\n{recognition}")?;
        }
        if let Some(names) = &self.names_only {
            write!(
                f,
                "\n  place names alone (no adjectives, no places inside other names):\n{names}"
            )?;
        }
        Ok(())
    }
}

/// Resolution only: the geocoder is given the gold spans.
pub fn evaluate_gold_spans(geocoder: &Geocoder, documents: &[GoldDocument]) -> GeoScores {
    let spans: Vec<Vec<PlaceMention>> = documents.iter().map(GoldDocument::gold_mentions).collect();
    let mut scores = evaluate_predicted_spans(geocoder, documents, &spans);
    scores.mode = "gold spans".to_string();
    scores.recognition = None;
    scores
}

/// End to end: the geocoder resolves `predicted[i]`, the mentions a recogniser found in
/// `documents[i]`. A gold toponym counts as resolved by a predicted mention with the same span,
/// else by the first one overlapping it.
pub fn evaluate_predicted_spans(
    geocoder: &Geocoder,
    documents: &[GoldDocument],
    predicted: &[Vec<PlaceMention>],
) -> GeoScores {
    let gazetteer = geocoder.gazetteer();
    let mut scores = GeoScores {
        mode: "predicted spans".to_string(),
        documents: documents.len(),
        ..GeoScores::default()
    };
    let mut recognition = RecognitionScores::default();
    let no_mentions = Vec::new();
    for (index, document) in documents.iter().enumerate() {
        let mentions = predicted.get(index).unwrap_or(&no_mentions);
        let country = document.publication_country();
        let ctx = GeoContext::new(&document.text).with_publication_country(country.as_deref());
        let resolutions = geocoder.resolve_document(&ctx, mentions);
        recognition.add_document(mentions, &document.toponyms);
        scores.spurious += mentions
            .iter()
            .filter(|m| !document.toponyms.iter().any(|t| overlaps(m, t)))
            .count();
        for gold in &document.toponyms {
            let (Some(gold_id), Some(lat), Some(lon)) = (gold.geonames_id, gold.lat, gold.lon)
            else {
                scores.unplaceable += 1;
                continue;
            };
            scores.scored += 1;
            let matched = mentions
                .iter()
                .position(|m| m.start == gold.start && m.end == gold.end)
                .or_else(|| mentions.iter().position(|m| overlaps(m, gold)));
            let resolution: Option<&Resolution> = matched
                .and_then(|i| resolutions.get(i))
                .and_then(Option::as_ref);
            let gold_country = gold
                .country_geonames_id
                .and_then(|id| country_code_of(gazetteer, id));
            if gold_country.is_some() {
                scores.with_country += 1;
            }
            let miss = |got| GeoMiss {
                document: document.id.clone(),
                start: gold.start,
                text: gold.text.clone(),
                gold_id,
                got,
            };
            let Some(resolution) = resolution else {
                scores.unresolved += 1;
                scores.misses.push(miss(None));
                continue;
            };
            let km = haversine_km(resolution.lat, resolution.lon, lat, lon);
            let near = km <= ACCURACY_RADIUS_KM;
            if resolution.geonames_id != gold_id {
                let got = (resolution.geonames_id, resolution.name.clone(), km);
                scores.misses.push(miss(Some(got)));
            }
            if resolution.geonames_id == gold_id {
                scores.exact += 1;
                if !near {
                    scores.exact_but_far += 1;
                }
            }
            if near {
                scores.within_radius += 1;
            }
            if gold_country.is_some_and(|c| c == resolution.country) {
                scores.right_country += 1;
            }
        }
    }
    scores.recognition = Some(recognition);
    scores
}

fn overlaps(mention: &PlaceMention, gold: &GoldToponym) -> bool {
    mention.start < gold.end && gold.start < mention.end
}

fn country_code_of(gazetteer: &Gazetteer, country_geonames_id: u64) -> Option<&str> {
    gazetteer
        .country_by_geonames_id(country_geonames_id)
        .map(Place::country)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::tests::sample;

    const GOLD: &str = concat!(
        r#"{"id": "1", "domain": "www.example.com.mx", "text": "Ataque en Colima; después en París y Guadalajara.", "toponyms": ["#,
        r#"{"start": 10, "end": 16, "text": "Colima", "geonames_id": "4013513", "lat": 19.0, "lon": -104.0, "country_geonames_id": "3996063"},"#,
        r#"{"start": 29, "end": 34, "text": "París", "geonames_id": "2988507", "lat": 48.85, "lon": 2.35, "country_geonames_id": "3017382"},"#,
        r#"{"start": 37, "end": 48, "text": "Guadalajara", "geonames_id": "4005539", "lat": 20.67, "lon": -103.35, "country_geonames_id": "3996063"},"#,
        r#"{"start": 0, "end": 6, "text": "Ataque", "geonames_id": null, "lat": null, "lon": null}"#,
        "]}\n"
    );

    #[test]
    fn character_offsets_become_byte_offsets() {
        let docs = parse_tr_news(GOLD, "gold.jsonl").expect("parses").documents;
        let paris = &docs[0].toponyms[1];
        assert_eq!(&docs[0].text[paris.start..paris.end], "París");
        // "después" and "París" each carry a two-byte character before Guadalajara.
        assert_eq!(docs[0].toponyms[2].start, 39);
        assert_eq!(docs[0].publication_country().as_deref(), Some("MX"));
    }

    #[test]
    fn invalid_spans_are_skipped_and_counted_and_bad_lines_are_errors() {
        let gold = concat!(
            r#"{"text": "Paris and Lyon", "toponyms": [{"start": 1, "end": 5, "text": "Paris"}, "#,
            r#"{"start": -3, "end": 2, "text": "Paris"}, {"start": 10, "end": 99, "text": "Lyon"}, "#,
            r#"{"start": 10, "end": 14, "text": "Lyon"}]}"#
        );
        let set = parse_tr_news(&format!("\n{gold}\n"), "gold.jsonl").unwrap();
        assert_eq!(set.documents[0].toponyms.len(), 1);
        assert_eq!(set.skipped.len(), 3);
        assert_eq!(set.skipped[0].line, 2);
        assert!(
            set.skipped[1].reason.contains("outside"),
            "{:?}",
            set.skipped[1]
        );
        let err = parse_tr_news("\nnot json\n", "bad.jsonl").unwrap_err();
        assert!(err.to_string().starts_with("bad.jsonl:2:"), "{err}");
    }

    #[test]
    fn scores_count_exact_country_and_distance() {
        let g = sample();
        let docs = parse_tr_news(GOLD, "gold.jsonl").expect("parses").documents;
        let scores = evaluate_gold_spans(&Geocoder::new(&g), &docs);
        assert_eq!((scores.scored, scores.unplaceable), (3, 1));
        assert_eq!(scores.exact, 3);
        assert_eq!(scores.right_country, 3);
        assert_eq!(scores.within_radius, 3);
        assert!(scores.misses.is_empty(), "{:?}", scores.misses);
        let empty = vec![Vec::new()];
        let none = evaluate_predicted_spans(&Geocoder::new(&g), &docs, &empty);
        assert_eq!((none.exact, none.unresolved), (0, 3));
        // Each scored toponym left unresolved is listed, with its document and offset.
        let listed: Vec<String> = none.misses.iter().map(ToString::to_string).collect();
        assert_eq!(listed.len(), 3);
        assert_eq!(listed[0], "1\t10\tColima\t4013513\t-\tunresolved\t-");
        assert!(none.to_string().contains("exact GeoNames id   0.000"));
        let recognised = none.recognition.expect("end to end scores recognition");
        assert_eq!((recognised.predicted, recognised.gold), (0, 4));
        assert!(
            evaluate_gold_spans(&Geocoder::new(&g), &docs)
                .recognition
                .is_none()
        );
    }

    #[test]
    fn country_from_domain() {
        assert_eq!(
            publication_country_from_domain("www.cbc.ca").as_deref(),
            Some("CA")
        );
        assert_eq!(
            publication_country_from_domain("bbc.co.uk").as_deref(),
            Some("GB")
        );
        assert_eq!(publication_country_from_domain("www.cnn.com"), None);
    }
}
