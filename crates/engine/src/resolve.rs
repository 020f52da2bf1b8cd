//! The in-document resolution stage: entities, aliases, roles and relations, with countries
//! named by the gazetteer.

use tessera_doc::Document;
use tessera_entities::{CountryNames, NoCountries};
use tessera_geo::{FeatureKind, Gazetteer};

/// Country words ("Mexican", "US", "México") looked up among the gazetteer's countries.
struct GazetteerCountries<'g>(&'g Gazetteer);

impl CountryNames for GazetteerCountries<'_> {
    fn country_of(&self, words: &str) -> Option<String> {
        self.0
            .lookup(words)
            .into_iter()
            .find(|c| c.place.kind == FeatureKind::Country)
            .map(|c| c.place.country().to_string())
    }
}

pub fn resolve_entities(doc: &mut Document, gazetteer: Option<&Gazetteer>) {
    match gazetteer {
        Some(g) => tessera_entities::resolve(doc, &GazetteerCountries(g)),
        None => tessera_entities::resolve(doc, &NoCountries),
    }
}
