//! The geocoding stage: LOC mentions resolved to gazetteer places, using the whole document as
//! context.

use tessera_doc::{Document, Geocoded, MentionKind, Place, Span};
use tessera_geo::{Gazetteer, GeoContext, Geocoder, PlaceMention, Resolution};

/// Resolves every LOC mention of `doc` it can; the rest stay unresolved, never guessed.
pub fn geocode(doc: &mut Document, gazetteer: &Gazetteer) {
    let mentions: Vec<PlaceMention> = doc
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Loc)
        .filter_map(|m| PlaceMention::at(&doc.text, m.span.start as usize, m.span.end as usize))
        .collect();
    if mentions.is_empty() {
        return;
    }
    let context = GeoContext::new(&doc.text);
    let resolutions = Geocoder::new(gazetteer).resolve_document(&context, &mentions);
    doc.places = mentions
        .iter()
        .zip(resolutions)
        .filter_map(|(mention, resolution)| {
            Some(Geocoded {
                span: Span::new(mention.start, mention.end),
                place: to_place(resolution?),
            })
        })
        .collect();
}

pub(crate) fn to_place(r: Resolution) -> Place {
    Place {
        geonames_id: (r.geonames_id != 0).then_some(r.geonames_id),
        name: r.name,
        lat: r.lat,
        lon: r.lon,
        country: (!r.country.is_empty()).then_some(r.country),
        admin1: r.admin1,
        feature: label(&r.feature),
        precision: label(&r.precision),
    }
}

/// The serde name of a unit enum (`city`, `admin1`, ...), so the contract uses one spelling.
fn label<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
