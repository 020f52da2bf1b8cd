//! Resolution of place mentions to gazetteer entries, one document at a time.
//!
//! Each mention's candidates get a prior from what they are (a country or a state named alone
//! is more likely meant than a village of the same name; bigger places are more likely than
//! smaller ones), then evidence from the words around the mention (a qualifier such as
//! "Tapalpa, Jalisco"; "the state of", "City"), from the publication's country, and, in a
//! second pass, from the countries and first-level divisions of the document's other places.

use crate::context::{KindCue, kind_cue, qualifier_after};
use crate::fold_name;
use crate::gazetteer::{CandidateRef, Gazetteer, Place, ShortCode};
use crate::support::{Support, too_weak};
use crate::{FeatureKind, Precision};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A place name found in a document: byte offsets into the document text, end-exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl PlaceMention {
    /// The mention at `start..end` of `text`, if those are character boundaries within it.
    pub fn at(text: &str, start: usize, end: usize) -> Option<PlaceMention> {
        let words = text.get(start..end)?;
        Some(PlaceMention {
            start,
            end,
            text: words.to_string(),
        })
    }

    /// Every occurrence in `text` of each of `names`, in text order: place mentions marked by
    /// hand, for tests, benchmarks and examples.
    pub fn every_occurrence(text: &str, names: &[&str]) -> Vec<PlaceMention> {
        let mut mentions: Vec<PlaceMention> = names
            .iter()
            .flat_map(|n| text.match_indices(n).map(|(s, _)| (s, s + n.len())))
            .filter_map(|(s, e)| PlaceMention::at(text, s, e))
            .collect();
        mentions.sort_by_key(|m| m.start);
        mentions
    }
}

/// What the geocoder knows about the document beyond its mentions.
#[derive(Debug, Clone, Copy)]
pub struct GeoContext<'a> {
    /// The document text the mentions' offsets point into.
    pub text: &'a str,
    /// ISO 3166-1 alpha-2 code of the publication's own country, where known.
    pub publication_country: Option<&'a str>,
}

impl<'a> GeoContext<'a> {
    pub fn new(text: &'a str) -> Self {
        GeoContext {
            text,
            publication_country: None,
        }
    }

    pub fn with_publication_country(mut self, iso2: Option<&'a str>) -> Self {
        self.publication_country = iso2;
        self
    }
}

/// A mention resolved to a gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resolution {
    /// GeoNames id; 0 for a region built from a group of countries (no GeoNames entry).
    pub geonames_id: u64,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-2; empty for regions and continents.
    pub country: String,
    /// Name of the first-level division the place is in (or is).
    pub admin1: Option<String>,
    /// Its GeoNames code within the country ("14" for Jalisco).
    pub admin1_code: Option<String>,
    pub feature: FeatureKind,
    pub precision: Precision,
    /// The geocoder's confidence in this choice among the candidates, in `[0, 1]`.
    pub score: f32,
}

/// Weights of the ranking evidence, in log-odds-like points.
mod weight {
    /// A country named is nearly always the country.
    pub const COUNTRY_BASE: f32 = 10.0;
    pub const CONTINENT_BASE: f32 = 10.5;
    pub const REGION_BASE: f32 = 9.5;
    /// A first-level division over a town of the same name (population aside).
    pub const ADMIN1_BONUS: f32 = 1.5;
    /// Second-level divisions are named far less often than towns of the same name.
    pub const ADMIN2_PENALTY: f32 = 1.5;
    /// National capitals stand for their governments and are named far more than namesakes.
    pub const CAPITAL_BONUS: f32 = 1.0;
    /// A city this large, or this share of its same-named division, is what the name means.
    pub const METROPOLIS_POPULATION: f64 = 1_000_000.0;
    pub const NAMESAKE_SHARE: f64 = 0.4;
    pub const NAMESAKE_MARGIN: f32 = 0.5;
    /// The mention is the place's own name rather than an alternate.
    pub const PRIMARY_NAME: f32 = 0.5;
    /// A kind word next to the mention ("state of", "City", "County") matches.
    pub const KIND_CUE: f32 = 4.0;
    /// "Town, State": the candidate lies in the named division.
    pub const QUALIFIER_ADMIN1: f32 = 6.0;
    /// "Town, Country" (or "Town, State" with the town elsewhere in that state's country).
    pub const QUALIFIER_COUNTRY: f32 = 5.0;
    pub const QUALIFIER_SAME_COUNTRY_ONLY: f32 = 1.5;
    pub const PUBLICATION_COUNTRY: f32 = 1.0;
    /// Other places in the document lie in the candidate's country / division.
    pub const DOCUMENT_COUNTRY: f32 = 2.0;
    pub const DOCUMENT_ADMIN1: f32 = 2.0;
    /// Growth with the number of such places (times ln(1 + votes)).
    pub const DOCUMENT_GROWTH: f32 = 0.5;
    /// Votes below this (in confidence units) are ignored.
    pub const MIN_VOTES: f32 = 0.3;
}

/// Resolves place mentions against a gazetteer. Cheap to create; holds only a reference.
#[derive(Debug, Clone, Copy)]
pub struct Geocoder<'g> {
    gazetteer: &'g Gazetteer,
}

/// A candidate with the evidence that does not depend on the rest of the document.
#[derive(Debug, Clone, Copy)]
struct Scored {
    index: u32,
    local: f32,
    /// A qualifier, kind word or the publication's country speaks for it.
    nearby: bool,
    in_publication_country: bool,
}

/// One mention's candidates and the key shared by mentions of the same name.
struct Analysed {
    group: usize,
    /// The folded name the candidates were found under.
    key: String,
    candidates: Vec<Scored>,
}

/// Country and first-level division votes from a set of tentative resolutions.
#[derive(Default, Clone)]
struct Votes {
    countries: HashMap<ShortCode, f32>,
    admin1: HashMap<(ShortCode, ShortCode), f32>,
}

impl Votes {
    fn add(&mut self, place: &Place, weight: f32) {
        if place.country().is_empty() {
            return;
        }
        *self.countries.entry(place.country_code()).or_default() += weight;
        if matches!(
            place.kind,
            FeatureKind::City | FeatureKind::Admin2 | FeatureKind::Admin1
        ) && !place.admin1_code().is_empty()
        {
            *self.admin1.entry(place.division_key()).or_default() += weight;
        }
    }

    fn country(&self, own: Option<&Votes>, country: &ShortCode) -> f32 {
        let total = self.countries.get(country).copied().unwrap_or(0.0);
        total
            - own
                .and_then(|o| o.countries.get(country).copied())
                .unwrap_or(0.0)
    }

    fn admin1(&self, own: Option<&Votes>, key: &(ShortCode, ShortCode)) -> f32 {
        let total = self.admin1.get(key).copied().unwrap_or(0.0);
        total - own.and_then(|o| o.admin1.get(key).copied()).unwrap_or(0.0)
    }
}

impl<'g> Geocoder<'g> {
    pub fn new(gazetteer: &'g Gazetteer) -> Self {
        Geocoder { gazetteer }
    }

    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gazetteer
    }

    /// Resolves every mention of one document; `None` where no gazetteer entry matches.
    pub fn resolve_document(
        &self,
        ctx: &GeoContext,
        mentions: &[PlaceMention],
    ) -> Vec<Option<Resolution>> {
        let mut groups: HashMap<String, usize> = HashMap::new();
        let analysed: Vec<Analysed> = mentions
            .iter()
            .map(|m| self.analyse(ctx, m, &mut groups))
            .collect();

        // Pass 1: local evidence only; each group's winners vote for their country and division.
        let tentative: Vec<Option<(u32, f32)>> = analysed
            .iter()
            .map(|m| pick(&m.candidates, |c| c.local).map(|(best, p)| (best.index, p)))
            .collect();
        let mut totals = Votes::default();
        let mut by_group: Vec<Votes> = vec![Votes::default(); groups.len()];
        for (mention, winner) in analysed.iter().zip(&tentative) {
            let Some((place, confidence)) =
                winner.and_then(|(index, p)| Some((self.gazetteer.place(index)?, p)))
            else {
                continue;
            };
            totals.add(place, confidence);
            if let Some(own) = by_group.get_mut(mention.group) {
                own.add(place, confidence);
            }
        }

        // Pass 2: add the evidence of the document's other places, and of a town just before
        // the mention that the mention qualifies ("Bronx, New York": the state of that town).
        analysed
            .iter()
            .enumerate()
            .map(|(i, mention)| {
                let own = by_group.get(mention.group);
                let qualified = i
                    .checked_sub(1)
                    .filter(|&previous| {
                        qualifies_previous(ctx.text, &mentions[previous], &mentions[i])
                    })
                    .and_then(|previous| tentative[previous])
                    .and_then(|(index, _)| self.gazetteer.place(index));
                let (best, confidence) = pick(&mention.candidates, |c| {
                    let (country, division) = self.document_evidence(c.index, &totals, own);
                    c.local + country + division + self.qualified_town_evidence(c.index, qualified)
                })?;
                let place = self.gazetteer.place(best.index)?;
                let (country, division) = self.document_evidence(best.index, &totals, own);
                let support = Support {
                    nearby: best.nearby
                        || self.qualified_town_evidence(best.index, qualified) > 0.0,
                    division: division > 0.0,
                    country: country > 0.0 || best.in_publication_country,
                };
                if too_weak(&mention.key, place, support) {
                    return None;
                }
                self.place_resolution(best.index, confidence)
            })
            .collect()
    }

    /// Resolves a single mention with no document around it beyond `ctx`.
    pub fn resolve_one(&self, ctx: &GeoContext, mention: &PlaceMention) -> Option<Resolution> {
        self.resolve_document(ctx, std::slice::from_ref(mention))
            .pop()
            .flatten()
    }

    fn analyse(
        &self,
        ctx: &GeoContext,
        mention: &PlaceMention,
        groups: &mut HashMap<String, usize>,
    ) -> Analysed {
        let (key, found, implied_cue) = self.candidates_for(&mention.text);
        let next_group = groups.len();
        let group = *groups.entry(key.clone()).or_insert(next_group);
        if found.is_empty() {
            return Analysed {
                group,
                key,
                candidates: Vec::new(),
            };
        }
        let cue = implied_cue.or_else(|| kind_cue(ctx.text, mention.start, mention.end));
        let qualifiers: Vec<&Place> = qualifier_after(self.gazetteer, ctx.text, mention.end)
            .into_iter()
            .filter_map(|i| self.gazetteer.place(i))
            .collect();
        let mut priors: Vec<f32> = found.iter().map(prior).collect();
        prefer_namesake_cities(&found, &mut priors);
        if cue == Some(KindCue::Admin2) {
            size_municipalities_by_seat(&found, &mut priors);
        }
        let candidates = found
            .iter()
            .zip(priors)
            .map(|(c, prior)| {
                let nearby = cue_evidence(c.place, cue) + qualifier_evidence(c.place, &qualifiers);
                let publication = publication_evidence(c.place, ctx.publication_country);
                Scored {
                    index: c.index,
                    local: prior + nearby + publication,
                    nearby: nearby > 0.0,
                    in_publication_country: publication > 0.0,
                }
            })
            .collect();
        Analysed {
            group,
            key,
            candidates,
        }
    }

    /// Candidates for a mention's words: the name as written, then without a leading article
    /// or a possessive, then without a kind word ("Colima City", "state of Jalisco"), which
    /// then restricts the kind.
    fn candidates_for(&self, text: &str) -> (String, Vec<CandidateRef<'g>>, Option<KindCue>) {
        let trimmed = text.trim();
        let trimmed = ["'s", "’s", "'", "’"]
            .iter()
            .find_map(|s| trimmed.strip_suffix(s))
            .unwrap_or(trimmed);
        let key = fold_name(trimmed);
        let found = self.gazetteer.lookup_folded(&key);
        if !found.is_empty() {
            return (key, found, None);
        }
        for article in ["the ", "el ", "la ", "los ", "las "] {
            if let Some(rest) = key.strip_prefix(article) {
                let found = self.gazetteer.lookup_folded(rest);
                if !found.is_empty() {
                    return (rest.to_string(), found, None);
                }
            }
        }
        const KIND_WORDS: [(&str, &str, KindCue); 10] = [
            ("", " city", KindCue::City),
            ("city of ", "", KindCue::City),
            ("ciudad de ", "", KindCue::City),
            ("", " state", KindCue::Admin1),
            ("", " province", KindCue::Admin1),
            ("state of ", "", KindCue::Admin1),
            ("estado de ", "", KindCue::Admin1),
            ("", " county", KindCue::Admin2),
            ("", " co", KindCue::Admin2),
            ("condado de ", "", KindCue::Admin2),
        ];
        for (prefix, suffix, cue) in KIND_WORDS {
            let Some(rest) = key
                .strip_prefix(prefix)
                .and_then(|k| k.strip_suffix(suffix))
                .filter(|k| k.len() < key.len())
            else {
                continue;
            };
            let mut attempts = vec![rest.to_string()];
            if cue == KindCue::Admin2 {
                attempts.insert(0, format!("{rest} county"));
            }
            for attempt in attempts {
                let found: Vec<CandidateRef<'g>> = self
                    .gazetteer
                    .lookup_folded(&attempt)
                    .into_iter()
                    .filter(|c| cue_matches(c.place.kind, cue))
                    .collect();
                if !found.is_empty() {
                    return (attempt, found, Some(cue));
                }
            }
        }
        (key, Vec::new(), None)
    }

    /// The evidence of the document's other places: (for the candidate's country, for its
    /// first-level division).
    fn document_evidence(&self, index: u32, totals: &Votes, own: Option<&Votes>) -> (f32, f32) {
        let Some(place) = self.gazetteer.place(index) else {
            return (0.0, 0.0);
        };
        if place.country().is_empty() {
            return (0.0, 0.0);
        }
        let mut country = 0.0;
        let country_votes = totals.country(own, &place.country_code());
        if country_votes >= weight::MIN_VOTES {
            country = weight::DOCUMENT_COUNTRY + weight::DOCUMENT_GROWTH * country_votes.ln_1p();
        }
        let mut division = 0.0;
        if !place.admin1_code().is_empty() && place.kind != FeatureKind::Country {
            let admin1_votes = totals.admin1(own, &place.division_key());
            if admin1_votes >= weight::MIN_VOTES {
                division = weight::DOCUMENT_ADMIN1 + weight::DOCUMENT_GROWTH * admin1_votes.ln_1p();
            }
        }
        (country, division)
    }

    /// The candidate is the division or country that contains the town it follows.
    fn qualified_town_evidence(&self, index: u32, town: Option<&Place>) -> f32 {
        let (Some(place), Some(town)) = (self.gazetteer.place(index), town) else {
            return 0.0;
        };
        if !matches!(town.kind, FeatureKind::City | FeatureKind::Admin2)
            || town.country().is_empty()
        {
            return 0.0;
        }
        match place.kind {
            FeatureKind::Admin1 if place.division_key() == town.division_key() => {
                weight::QUALIFIER_ADMIN1
            }
            FeatureKind::Country if place.country() == town.country() => weight::QUALIFIER_COUNTRY,
            _ => 0.0,
        }
    }

    /// The most populous town called `name` inside the place `within` resolves to (its
    /// first-level division, or its country): a dateline's city is a city even where a state
    /// bears its name ("Chihuahua, Chih.").
    pub fn town_named_in(&self, name: &str, within: &Resolution) -> Option<Resolution> {
        let inside = |place: &Place| {
            place.country() == within.country
                && within
                    .admin1_code
                    .as_deref()
                    .is_none_or(|code| place.admin1_code() == code)
        };
        let best = self
            .gazetteer
            .lookup(name)
            .into_iter()
            .filter(|c| c.place.kind == FeatureKind::City && inside(c.place))
            .max_by_key(|c| c.place.population)?;
        self.place_resolution(best.index, within.score)
    }

    /// The resolution to the place at `index`, with the given confidence.
    pub(crate) fn place_resolution(&self, index: u32, confidence: f32) -> Option<Resolution> {
        let place = self.gazetteer.place(index)?;
        let division = match place.kind {
            FeatureKind::Admin1 => Some(place),
            FeatureKind::City | FeatureKind::Admin2 => self
                .gazetteer
                .admin1(place.country(), place.admin1_code())
                .map(|(_, p)| p),
            _ => None,
        };
        Some(Resolution {
            geonames_id: place.geonames_id,
            name: place.name.to_string(),
            lat: place.lat,
            lon: place.lon,
            country: place.country().to_string(),
            admin1: division.map(|d| d.name.to_string()),
            admin1_code: division.map(|d| d.admin1_code().to_string()),
            feature: place.kind,
            precision: Precision::of(place.kind),
            score: confidence,
        })
    }
}

/// Only a comma (and spaces) separates the two mentions: "Town, State".
fn qualifies_previous(text: &str, previous: &PlaceMention, mention: &PlaceMention) -> bool {
    previous.end <= mention.start
        && text
            .get(previous.end..mention.start)
            .is_some_and(|between| between.trim() == ",")
}

/// The best candidate under `score` and its softmax share among all candidates.
fn pick<F: Fn(&Scored) -> f32>(candidates: &[Scored], score: F) -> Option<(Scored, f32)> {
    let scores: Vec<f32> = candidates.iter().map(&score).collect();
    let (best_at, &best) = scores
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))?;
    let total: f32 = scores.iter().map(|s| (s - best).exp()).sum();
    Some((candidates[best_at], 1.0 / total.max(1.0)))
}

fn prior(candidate: &CandidateRef) -> f32 {
    let place = candidate.place;
    let size = (place.population as f32 + 10.0).log10();
    let by_kind = match place.kind {
        FeatureKind::City => {
            size + if place.capital {
                weight::CAPITAL_BONUS
            } else {
                0.0
            }
        }
        FeatureKind::Admin2 => size - weight::ADMIN2_PENALTY,
        FeatureKind::Admin1 => size + weight::ADMIN1_BONUS,
        FeatureKind::Country => weight::COUNTRY_BASE + 0.2 * size,
        FeatureKind::Region => weight::REGION_BASE,
        FeatureKind::Continent => weight::CONTINENT_BASE,
    };
    by_kind
        + if candidate.primary_name {
            weight::PRIMARY_NAME
        } else {
            0.0
        }
}

/// A division named after its main city ("Aleppo", "Ankara", "Moscow") means the city when the
/// city is large in absolute terms or a large part of the division; a small capital sharing its
/// state's name ("Colima", "Oaxaca") leaves the name to the state. A national capital
/// ("Washington") outranks any division of the same name.
fn prefer_namesake_cities(found: &[CandidateRef], priors: &mut [f32]) {
    for (i, city) in found.iter().enumerate() {
        if city.place.kind != FeatureKind::City {
            continue;
        }
        let population = city.place.population as f64;
        let outranked_division = found
            .iter()
            .zip(priors.iter())
            .filter(|(d, _)| d.place.kind == FeatureKind::Admin1)
            .filter(|(d, _)| {
                let nested = !city.place.admin1_code().is_empty()
                    && d.place.division_key() == city.place.division_key();
                let dominant = population >= weight::METROPOLIS_POPULATION
                    || population >= weight::NAMESAKE_SHARE * d.place.population as f64;
                city.place.capital || (nested && dominant)
            })
            .map(|(_, &prior)| prior)
            .fold(f32::NEG_INFINITY, f32::max);
        if priors[i] <= outranked_division {
            priors[i] = outranked_division + weight::NAMESAKE_MARGIN;
        }
    }
}

/// A second-level division carries no population in the gazetteer, so where a kind word says a
/// municipality or county is meant ("el municipio de Navolato"), one named after its seat is
/// sized by that town, and the kind word decides between them.
fn size_municipalities_by_seat(found: &[CandidateRef], priors: &mut [f32]) {
    for i in 0..found.len() {
        let division = found[i].place;
        if division.kind != FeatureKind::Admin2 || division.admin1_code().is_empty() {
            continue;
        }
        let seat = found
            .iter()
            .zip(priors.iter())
            .filter(|(c, _)| {
                c.place.kind == FeatureKind::City
                    && c.place.division_key() == division.division_key()
            })
            .map(|(_, &prior)| prior - weight::ADMIN2_PENALTY)
            .fold(f32::NEG_INFINITY, f32::max);
        priors[i] = priors[i].max(seat);
    }
}

fn cue_matches(kind: FeatureKind, cue: KindCue) -> bool {
    matches!(
        (kind, cue),
        (FeatureKind::City, KindCue::City)
            | (FeatureKind::Admin1, KindCue::Admin1)
            | (FeatureKind::Admin2, KindCue::Admin2)
    )
}

fn cue_evidence(place: &Place, cue: Option<KindCue>) -> f32 {
    match cue {
        Some(cue) if cue_matches(place.kind, cue) => weight::KIND_CUE,
        _ => 0.0,
    }
}

fn qualifier_evidence(place: &Place, qualifiers: &[&Place]) -> f32 {
    qualifiers
        .iter()
        .map(|q| {
            let same_country = !q.country().is_empty() && q.country() == place.country();
            match q.kind {
                _ if std::ptr::eq(*q, place) => 0.0,
                FeatureKind::Admin1 if same_country && q.admin1_code() == place.admin1_code() => {
                    weight::QUALIFIER_ADMIN1
                }
                FeatureKind::Admin1 if same_country => weight::QUALIFIER_SAME_COUNTRY_ONLY,
                FeatureKind::Country if same_country => weight::QUALIFIER_COUNTRY,
                _ => 0.0,
            }
        })
        .fold(0.0, f32::max)
}

fn publication_evidence(place: &Place, publication_country: Option<&str>) -> f32 {
    match publication_country {
        Some(iso2) if !place.country().is_empty() && place.country().eq_ignore_ascii_case(iso2) => {
            weight::PUBLICATION_COUNTRY
        }
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::tests::sample;

    fn mentions_of(text: &str, names: &[&str]) -> Vec<PlaceMention> {
        let mut out = Vec::new();
        for name in names {
            for (start, _) in text.match_indices(name) {
                out.extend(PlaceMention::at(text, start, start + name.len()));
            }
        }
        out.sort_by_key(|m| m.start);
        out
    }

    fn resolve(text: &str, names: &[&str]) -> Vec<(String, Option<u64>)> {
        let g = sample();
        let geocoder = Geocoder::new(&g);
        let mentions = mentions_of(text, names);
        geocoder
            .resolve_document(&GeoContext::new(text), &mentions)
            .into_iter()
            .zip(&mentions)
            .map(|(r, m)| (m.text.clone(), r.map(|r| r.geonames_id)))
            .collect()
    }

    #[test]
    fn a_state_named_alone_is_the_state_and_a_qualified_town_is_the_town() {
        let got = resolve("Clashes in Jalisco and Colima.", &["Jalisco", "Colima"]);
        assert_eq!(got[1], ("Colima".into(), Some(4013513)));
        let got = resolve("He lives in Colima, Colima.", &["Colima"]);
        assert_eq!(got[0], ("Colima".into(), Some(4013516)), "town, state");
        let got = resolve("the city of Colima", &["Colima"]);
        assert_eq!(got[0].1, Some(4013516));
    }

    #[test]
    fn paris_is_paris_unless_texas_says_otherwise() {
        assert_eq!(resolve("Talks in Paris.", &["Paris"])[0].1, Some(2988507));
        assert_eq!(
            resolve("Storms hit Paris, Texas.", &["Paris"])[0].1,
            Some(4717560)
        );
        let got = resolve(
            "From Texas: a storm hit Paris overnight.",
            &["Texas", "Paris"],
        );
        assert_eq!(got[1].1, Some(4717560), "document context");
    }

    #[test]
    fn spanish_names_demonyms_and_short_forms() {
        let got = resolve(
            "Agentes de EE.UU. y el gobierno mexicano en México",
            &["EE.UU.", "mexicano", "México"],
        );
        assert_eq!(got[0].1, Some(6252001));
        assert_eq!(got[1].1, Some(3996063));
        assert_eq!(got[2].1, Some(3996063));
        let got = resolve("tensions in the Middle East", &["the Middle East"]);
        assert_eq!(got[0].1, Some(0), "a region has no GeoNames id");
    }

    #[test]
    fn unknown_places_are_unresolved() {
        let got = resolve("They sailed to Atlantis.", &["Atlantis"]);
        assert_eq!(got[0].1, None);
    }

    #[test]
    fn resolution_carries_division_and_precision() {
        let g = sample();
        let text = "Tapalpa, Jalisco";
        let m = PlaceMention::at(text, 0, 7).into_iter().collect::<Vec<_>>();
        let r = Geocoder::new(&g).resolve_document(&GeoContext::new(text), &m);
        let r = r[0].as_ref().map(|r| {
            (
                r.admin1.as_deref().map(str::to_string),
                r.admin1_code.clone(),
                r.precision,
                r.country.clone(),
            )
        });
        assert_eq!(
            r,
            Some((
                Some("Jalisco".to_string()),
                Some("14".to_string()),
                Precision::City,
                "MX".to_string()
            ))
        );
    }

    #[test]
    fn publication_country_breaks_a_tie() {
        let g = sample();
        let text = "Guadalajara";
        let m = PlaceMention::at(text, 0, text.len())
            .into_iter()
            .collect::<Vec<_>>();
        let geocoder = Geocoder::new(&g);
        let plain = geocoder.resolve_document(&GeoContext::new(text), &m);
        assert_eq!(plain[0].as_ref().map(|r| r.country.as_str()), Some("MX"));
        let spanish = GeoContext::new(text).with_publication_country(Some("ES"));
        // Population still outweighs the publication's country on its own.
        let from_spain = geocoder.resolve_document(&spanish, &m);
        assert_eq!(
            from_spain[0].as_ref().map(|r| r.country.as_str()),
            Some("MX")
        );
        let with_qualifier = "Guadalajara, Spain";
        let m = PlaceMention::at(with_qualifier, 0, 11)
            .into_iter()
            .collect::<Vec<_>>();
        let r = geocoder.resolve_document(&GeoContext::new(with_qualifier), &m);
        assert_eq!(r[0].as_ref().map(|r| r.country.as_str()), Some("ES"));
    }
}
