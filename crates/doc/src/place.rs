use crate::{FeatureKind, PlacePrecision, PlaceReferenceKind, Span};
use serde::{Deserialize, Serialize};

/// Where a place mention was resolved to, in the output contract's terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The GeoNames id; `None` for a region that has no GeoNames entry of its own.
    pub geonames_id: Option<u64>,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-2, when the place is in one country.
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub feature: FeatureKind,
    /// How precisely the point locates what was named.
    pub precision: PlacePrecision,
}

/// A place mention and the place it was resolved to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Geocoded {
    pub span: Span,
    pub place: Place,
}

/// Words that point at a place without being a place mention of their own: a nationality
/// adjective ("the Russian ambassador" points at Russia) or a place named inside the name of an
/// organisation or facility ("Ohio State Highway Patrol" points at Ohio). They place a document
/// (geoparsing counts them as toponyms) but make no entity and no event place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceReference {
    pub span: Span,
    pub kind: PlaceReferenceKind,
    pub place: Place,
}
