//! Words that name the part of a place another place lies in ("in northern Mali", "en el
//! noroeste de Sonora", "in the centre of Kyiv"), shared by every stage that reads where a place
//! lies so that they agree on one list.

/// Compass directions and the centre, in English and Spanish, as words (lower case).
pub const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "central",
    "center",
    "centre",
    "norte",
    "sur",
    "este",
    "oeste",
    "oriente",
    "poniente",
    "noreste",
    "nordeste",
    "noroeste",
    "sureste",
    "sudeste",
    "suroeste",
    "sudoeste",
    "centro",
];

/// Whether a lower-case word names a direction or the centre of a place.
pub fn is_direction(word: &str) -> bool {
    DIRECTIONS.contains(&word)
}
