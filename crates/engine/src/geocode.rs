//! The geocoding stage: LOC mentions resolved to gazetteer places, using the whole document as
//! context.

use tessera_doc::{Document, FeatureKind, Geocoded, MentionKind, Place, Span};
use tessera_geo::{Gazetteer, GeoContext, Geocoder, PlaceMention, Resolution};

/// Resolves every LOC mention of `doc` it can; the rest stay unresolved, never guessed. Phrases
/// that mean a capital without naming it ("the state capital", "la capital mexicana") are added
/// as places too, where the document makes clear which capital.
pub fn geocode(doc: &mut Document, gazetteer: &Gazetteer) {
    let regions: &[Span] = doc.dateline.as_ref().map_or(&[], |d| d.regions.as_slice());
    let locations: Vec<Span> = doc
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Loc)
        .map(|m| m.span)
        .collect();
    let mentions: Vec<PlaceMention> = locations
        .iter()
        .enumerate()
        .filter_map(|(index, span)| {
            let mut mention = PlaceMention::at(&doc.text, span.start as usize, span.end as usize)?;
            // A state abbreviation in a dateline ("Culiacán, Sin.") or after a town ("en
            // Zapopan, Jal.", "in Yuma, Ariz.") is looked up by the state's name.
            let after_town = index
                .checked_sub(1)
                .is_some_and(|previous| follows_town(&doc.text, locations[previous], *span));
            if (regions.contains(span) || after_town)
                && is_abbreviated(&doc.text, &mention)
                && let Some((state, _)) = tessera_geo::state_for_abbreviation(&mention.text)
            {
                mention.text = state.to_string();
            }
            Some(mention)
        })
        .collect();
    let context = GeoContext::new(&doc.text);
    let geocoder = Geocoder::new(gazetteer);
    let mut resolutions = geocoder.resolve_document(&context, &mentions);
    if let Some(dateline) = &doc.dateline {
        read_dateline_place_as_town(&geocoder, dateline.place, &mentions, &mut resolutions);
    }
    let dateline_town = doc.dateline.as_ref().map(|d| d.place);
    place_facilities_in_their_towns(
        &doc.text,
        &geocoder,
        &context,
        dateline_town,
        &mentions,
        &mut resolutions,
    );
    let capitals = geocoder.resolve_capital_phrases(&context, &mentions, &resolutions);
    let mut places: Vec<Geocoded> = mentions
        .iter()
        .zip(resolutions)
        .filter_map(|(mention, resolution)| Some((mention, resolution?)))
        .chain(
            capitals
                .iter()
                .map(|(phrase, resolution)| (phrase, resolution.clone())),
        )
        .map(|(mention, resolution)| Geocoded {
            span: Span::new(mention.start, mention.end),
            place: to_place(resolution),
        })
        .collect();
    places.sort_by_key(|g| g.span);
    places.dedup_by_key(|g| g.span);
    doc.places = places;
}

/// `span` follows the place `town` across a comma: "Zapopan, Jal.".
fn follows_town(text: &str, town: Span, span: Span) -> bool {
    text.get(town.end as usize..span.start as usize)
        .is_some_and(|between| between.trim() == ",")
}

/// The mention is written as an abbreviation: with a full stop in it or right after it.
fn is_abbreviated(text: &str, mention: &PlaceMention) -> bool {
    mention.text.contains('.')
        || text
            .get(mention.end..)
            .is_some_and(|rest| rest.starts_with('.'))
}

/// A dateline names the city a story was filed from: where a state shares the city's name
/// ("Chihuahua, Chih.", "Veracruz, Ver."), the dateline means the city in that state.
fn read_dateline_place_as_town(
    geocoder: &Geocoder,
    place: Span,
    mentions: &[PlaceMention],
    resolutions: &mut [Option<Resolution>],
) {
    for (mention, resolution) in mentions.iter().zip(resolutions.iter_mut()) {
        if Span::new(mention.start, mention.end) != place {
            continue;
        }
        let Some(division) = resolution
            .as_ref()
            .filter(|r| matches!(r.feature, FeatureKind::Admin1 | FeatureKind::Admin2))
        else {
            continue;
        };
        if let Some(town) = geocoder.town_named_in(&mention.text, division) {
            *resolution = Some(town);
        }
    }
}

/// Words that join a facility or neighbourhood to the town it stands in: "the port of entry
/// in Nogales", "el Estadio Akron, en Zapopan", "the Las Cumbres neighborhood of Reynosa".
const CONTAINER_LINKS: &[&str] = &["in", "en", "at", "of", "de", "del", "near"];

/// Words between a neighbourhood's name and its town ("the Zona Norte district of Tijuana").
const AREA_WORDS: &[&str] = &[
    "neighborhood",
    "neighbourhood",
    "district",
    "area",
    "section",
];

/// Nouns before a neighbourhood's name ("la colonia Tierra Blanca").
const NEIGHBOURHOOD_NOUNS: &[&str] = &["colonia", "barrio", "fraccionamiento"];

/// A facility (a port of entry, prison, hospital, stadium, airport) or a neighbourhood is not a
/// town of its own name: it takes the point of the town or municipality the text puts it in,
/// named right after it ("the Mariposa Port of Entry in Nogales", "the Las Cumbres neighborhood
/// of Reynosa", "la colonia Camino Verde de esta ciudad": the dateline's city) or, for a
/// facility, inside its name ("Hospital Civil de Culiacán"). The point carries no gazetteer id,
/// so the place is never taken for the town itself. A facility the gazetteer does not know and
/// the text does not place stays unresolved; a neighbourhood keeps its own reading.
fn place_facilities_in_their_towns(
    text: &str,
    geocoder: &Geocoder,
    context: &GeoContext,
    dateline_town: Option<Span>,
    mentions: &[PlaceMention],
    resolutions: &mut [Option<Resolution>],
) {
    let town = |r: &Resolution| matches!(r.feature, FeatureKind::City | FeatureKind::Admin2);
    let dateline = dateline_town
        .and_then(|span| {
            mentions
                .iter()
                .position(|m| Span::new(m.start, m.end) == span)
        })
        .and_then(|i| resolutions[i].clone())
        .filter(town);
    for index in 0..mentions.len() {
        let mention = &mentions[index];
        let lower: Vec<String> = mention
            .text
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .collect();
        let words: Vec<&str> = lower.iter().map(String::as_str).collect();
        let facility = resolutions[index].is_none() && crate::place_names::is_facility_name(&words);
        let neighbourhood = is_neighbourhood(text, mention);
        if !facility && !neighbourhood {
            continue;
        }
        let after = || match following_mention(text, mention.end, mentions) {
            Some(Following::Mention(next)) => resolutions[next].clone().filter(town),
            Some(Following::ThisTown) => dateline.clone(),
            None => None,
        };
        // A town at the end of a facility's name, after "de"/"of".
        let inside = || {
            if !facility {
                return None;
            }
            let cut = mention
                .text
                .rmatch_indices(' ')
                .map(|(at, _)| at)
                .find(|&at| {
                    let before = &mention.text[..at];
                    ["de", "del", "of"]
                        .iter()
                        .any(|link| before.ends_with(&format!(" {link}")))
                })?;
            let tail = PlaceMention::at(text, mention.start + cut + 1, mention.end)?;
            if !tail.text.starts_with(char::is_uppercase) {
                return None;
            }
            geocoder.resolve_one(context, &tail).filter(town)
        };
        if let Some(container) = after().or_else(inside) {
            resolutions[index] = Some(Resolution {
                geonames_id: 0,
                ..container
            });
        }
    }
}

/// A neighbourhood: named after "colonia", "barrio" or "fraccionamiento", or followed by
/// "neighborhood" or "district".
fn is_neighbourhood(text: &str, mention: &PlaceMention) -> bool {
    let before = text.get(..mention.start).unwrap_or("").trim_end();
    let noun_before = before
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| NEIGHBOURHOOD_NOUNS.contains(&w.to_lowercase().as_str()));
    let after = text.get(mention.end..).unwrap_or("").trim_start();
    let word_after = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| AREA_WORDS.contains(&w.to_lowercase().as_str()));
    noun_before || word_after
}

/// What follows a facility or neighbourhood: a place mention, or "this city" (the dateline's).
enum Following {
    Mention(usize),
    ThisTown,
}

/// The mention that follows `end` across a comma, an area word, a linking word and an
/// article; or "esta ciudad"/"esta capital"/"this city".
fn following_mention(text: &str, end: usize, mentions: &[PlaceMention]) -> Option<Following> {
    let mut rest = text.get(end..)?.trim_start();
    rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    let skip = |words: &[&str], rest: &mut &str| {
        for word in words {
            let matched = rest
                .get(..word.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(word))
                && rest[word.len()..].starts_with(char::is_whitespace);
            if matched {
                *rest = rest[word.len()..].trim_start();
                return;
            }
        }
    };
    skip(AREA_WORDS, &mut rest);
    skip(CONTAINER_LINKS, &mut rest);
    skip(&["the", "el", "la"], &mut rest);
    let lower = rest.to_lowercase();
    if ["esta ciudad", "esta capital", "this city"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Some(Following::ThisTown);
    }
    let at = text.len() - rest.len();
    mentions
        .iter()
        .position(|m| m.start == at)
        .map(Following::Mention)
}

pub(crate) fn to_place(r: Resolution) -> Place {
    Place {
        geonames_id: (r.geonames_id != 0).then_some(r.geonames_id),
        name: r.name,
        lat: r.lat,
        lon: r.lon,
        country: (!r.country.is_empty()).then_some(r.country),
        admin1: r.admin1,
        feature: r.feature,
        precision: r.precision,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tessera_doc::{Mention, Metadata, Origin, SourceRecord};

    #[test]
    fn capital_phrases_become_places_beside_the_mentions() {
        let text = "Gunmen attacked Tapalpa, Jalisco, on Sunday. Troops then secured the state \
                    capital, where the governor spoke.";
        let mut doc = Document::from_record(SourceRecord {
            origin: Origin::file("test"),
            meta: Metadata::default(),
            text: text.to_string(),
        });
        for name in ["Tapalpa", "Jalisco"] {
            let start = text.find(name).unwrap_or(0);
            doc.mentions.push(Mention::new(
                Span::new(start, start + name.len()),
                MentionKind::Loc,
            ));
        }
        let gazetteer = Gazetteer::embedded().expect("embedded gazetteer loads");
        geocode(&mut doc, &gazetteer);
        let found: Vec<(&str, &str)> = doc
            .places
            .iter()
            .map(|g| (&text[g.span.range()], g.place.name.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("Tapalpa", "Tapalpa"),
                ("Jalisco", "Jalisco"),
                ("the state capital", "Guadalajara")
            ]
        );
    }
}
