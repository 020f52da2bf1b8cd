//! Which capital a phrase means: the area the phrase names, else a capital named right beside
//! it ("the state capital, Guadalajara"), else the country or division the document makes clear.

use super::{CapitalLevel, CapitalPhrase, find_capital_phrases};
use crate::gazetteer::FeatureKind;
use crate::{GeoContext, Geocoder, PlaceMention, Resolution};
use std::collections::HashMap;

impl Geocoder<'_> {
    /// Capital phrases of a document ("the state capital", "la capital mexicana") resolved to
    /// the capital they mean, given the document's place mentions and their resolutions (as
    /// [`Geocoder::resolve_document`] returns them). A phrase whose country or division the
    /// document leaves unclear is left out.
    pub fn resolve_capital_phrases(
        &self,
        ctx: &GeoContext,
        mentions: &[PlaceMention],
        resolutions: &[Option<Resolution>],
    ) -> Vec<(PlaceMention, Resolution)> {
        let resolved: Vec<(&PlaceMention, &Resolution)> = mentions
            .iter()
            .zip(resolutions)
            .filter_map(|(m, r)| Some((m, r.as_ref()?)))
            .collect();
        find_capital_phrases(self.gazetteer(), ctx.text)
            .into_iter()
            .filter_map(|phrase| {
                let resolution = self
                    .named_beside(ctx.text, &phrase, &resolved)
                    .or_else(|| self.capital_of(ctx, &phrase, &resolved))?;
                Some((
                    PlaceMention::at(ctx.text, phrase.start, phrase.end)?,
                    resolution,
                ))
            })
            .collect()
    }

    /// A city named in apposition: "the state capital, Guadalajara," or "Kyiv, the capital";
    /// it must lie in the area the phrase names, if it names one.
    fn named_beside(
        &self,
        text: &str,
        phrase: &CapitalPhrase,
        resolved: &[(&PlaceMention, &Resolution)],
    ) -> Option<Resolution> {
        let joined = |from: usize, to: usize| {
            text.get(from..to)
                .is_some_and(|between| matches!(between.trim(), "" | ","))
        };
        // A city outside the area the phrase names is not that area's capital.
        let area = phrase.area.and_then(|i| self.gazetteer().place(i));
        let inside = |r: &Resolution| {
            area.is_none_or(|a| {
                a.country() == r.country
                    && (a.kind != FeatureKind::Admin1
                        || r.admin1_code.as_deref() == Some(a.admin1_code()))
            })
        };
        resolved
            .iter()
            .filter(|(m, r)| {
                r.feature == FeatureKind::City
                    && inside(r)
                    && (joined(phrase.end, m.start) || joined(m.end, phrase.start))
            })
            .map(|(_, r)| (*r).clone())
            .next()
    }

    /// The capital of the area the phrase names, or else of the one the document makes clear.
    fn capital_of(
        &self,
        ctx: &GeoContext,
        phrase: &CapitalPhrase,
        resolved: &[(&PlaceMention, &Resolution)],
    ) -> Option<Resolution> {
        let gazetteer = self.gazetteer();
        let (country, division) = match phrase.area.and_then(|i| gazetteer.place(i)) {
            Some(area) => (
                area.country().to_string(),
                (area.kind == FeatureKind::Admin1).then(|| area.admin1_code().to_string()),
            ),
            None => match phrase.level {
                CapitalLevel::Country => (document_country(ctx, phrase, resolved)?, None),
                CapitalLevel::Division => {
                    let (country, code) = nearest_division(phrase, resolved)?;
                    (country, Some(code))
                }
            },
        };
        let (index, _) = match (&division, phrase.level) {
            (Some(code), CapitalLevel::Division) => gazetteer.division_seat(&country, code)?,
            // "the capital of Jalisco": a division named with the plain word "capital".
            (Some(code), CapitalLevel::Country) => gazetteer.division_seat(&country, code)?,
            (None, _) => gazetteer.national_capital(&country)?,
        };
        self.place_resolution(index, 1.0)
    }
}

/// The country most of the document's places lie in, when one leads; a tie goes to the
/// publication's country if it is among the leaders, else to none.
fn document_country(
    ctx: &GeoContext,
    phrase: &CapitalPhrase,
    resolved: &[(&PlaceMention, &Resolution)],
) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (mention, r) in resolved {
        let inside = mention.start >= phrase.start && mention.end <= phrase.end;
        if !r.country.is_empty() && !inside {
            *counts.entry(r.country.as_str()).or_default() += 1;
        }
    }
    let most = counts.values().copied().max()?;
    let leaders: Vec<&str> = counts
        .iter()
        .filter(|&(_, &n)| n == most)
        .map(|(&c, _)| c)
        .collect();
    match leaders.as_slice() {
        [only] => Some(only.to_string()),
        _ => ctx
            .publication_country
            .filter(|p| leaders.iter().any(|l| l.eq_ignore_ascii_case(p)))
            .map(str::to_ascii_uppercase),
    }
}

/// The division last named before the phrase: a state itself, else the state of the last town.
fn nearest_division(
    phrase: &CapitalPhrase,
    resolved: &[(&PlaceMention, &Resolution)],
) -> Option<(String, String)> {
    let before = || resolved.iter().rev().filter(|(m, _)| m.end <= phrase.start);
    let division_of = |r: &Resolution| Some((r.country.clone(), r.admin1_code.clone()?));
    before()
        .find(|(_, r)| r.feature == FeatureKind::Admin1)
        .and_then(|(_, r)| division_of(r))
        .or_else(|| {
            before()
                .find(|(_, r)| matches!(r.feature, FeatureKind::City | FeatureKind::Admin2))
                .and_then(|(_, r)| division_of(r))
        })
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::tests::sample;
    use crate::{GeoContext, Geocoder, PlaceMention};

    /// Resolves `names` in `text`, then its capital phrases: (phrase, capital's name).
    fn capitals(text: &str, names: &[&str]) -> Vec<(String, String)> {
        let g = sample();
        let geocoder = Geocoder::new(&g);
        let mentions = PlaceMention::every_occurrence(text, names);
        let ctx = GeoContext::new(text);
        let resolutions = geocoder.resolve_document(&ctx, &mentions);
        geocoder
            .resolve_capital_phrases(&ctx, &mentions, &resolutions)
            .into_iter()
            .map(|(m, r)| (m.text, r.name))
            .collect()
    }

    fn pair(phrase: &str, capital: &str) -> (String, String) {
        (phrase.to_string(), capital.to_string())
    }

    #[test]
    fn the_state_capital_is_the_seat_of_the_state_last_named() {
        assert_eq!(
            capitals(
                "Gunmen struck Tapalpa, Jalisco. Troops later secured the state capital.",
                &["Tapalpa", "Jalisco"]
            ),
            [pair("the state capital", "Guadalajara")]
        );
        assert_eq!(
            capitals("Llegaron a la capital del estado de Colima.", &[]),
            [pair("la capital del estado de Colima", "Colima")]
        );
    }

    #[test]
    fn the_capital_is_the_capital_of_the_country_the_document_is_about() {
        assert_eq!(
            capitals(
                "Protests spread across Mexico, from Jalisco to Colima; the capital was calm.",
                &["Mexico", "Jalisco", "Colima"]
            ),
            [pair("the capital", "Mexico City")]
        );
        assert_eq!(
            capitals(
                "Desde París, la capital mexicana parecía lejana.",
                &["París"]
            ),
            [pair("la capital mexicana", "Mexico City")]
        );
    }

    #[test]
    fn a_capital_named_beside_the_phrase_wins() {
        assert_eq!(
            capitals(
                "In Colima, gunmen fled to the state capital, Guadalajara.",
                &["Colima", "Guadalajara"]
            ),
            [pair("the state capital", "Guadalajara")]
        );
    }

    #[test]
    fn unclear_context_leaves_the_phrase_unresolved() {
        assert_eq!(capitals("Troops secured the state capital.", &[]), []);
        assert_eq!(
            capitals(
                "Ministers from France and Mexico met in the capital.",
                &["France", "Mexico"]
            ),
            []
        );
    }
}
