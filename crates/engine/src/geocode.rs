//! The geocoding stage: LOC mentions resolved to gazetteer places, using the whole document as
//! context.

use tessera_doc::{Document, Geocoded, MentionKind, Place, Span};
use tessera_geo::{Gazetteer, GeoContext, Geocoder, PlaceMention, Resolution};

/// Resolves every LOC mention of `doc` it can; the rest stay unresolved, never guessed. Phrases
/// that mean a capital without naming it ("the state capital", "la capital mexicana") are added
/// as places too, where the document makes clear which capital.
pub fn geocode(doc: &mut Document, gazetteer: &Gazetteer) {
    let regions: &[Span] = doc.dateline.as_ref().map_or(&[], |d| d.regions.as_slice());
    let mentions: Vec<PlaceMention> = doc
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Loc)
        .filter_map(|m| {
            let mut mention =
                PlaceMention::at(&doc.text, m.span.start as usize, m.span.end as usize)?;
            // A state abbreviation in a dateline ("Culiacán, Sin.") is looked up by its name.
            if regions.contains(&m.span)
                && let Some((state, _)) = tessera_geo::state_for_abbreviation(&mention.text)
            {
                mention.text = state.to_string();
            }
            Some(mention)
        })
        .collect();
    let context = GeoContext::new(&doc.text);
    let geocoder = Geocoder::new(gazetteer);
    let resolutions = geocoder.resolve_document(&context, &mentions);
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
