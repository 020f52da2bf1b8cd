//! When a match is too weak to report: a name that news uses for a building or an institution
//! ("White House", "Kremlin", "Downing Street") matched to a small town of the same name, or any
//! multi-word name matched to a small town that nothing in the document supports. Such a
//! mention is reported unresolved rather than put at a wrong point.

use crate::gazetteer::{FeatureKind, Place};

/// Seats of government and other landmarks that news names for the institution inside them,
/// folded as [`crate::fold_name`] folds. A town sharing one of these names is meant only when the
/// text places it ("White House, Tennessee") or names its state elsewhere.
const LANDMARKS: [&str; 22] = [
    "white house",
    "casa blanca",
    "pentagon",
    "kremlin",
    "capitol",
    "capitol hill",
    "downing street",
    "whitehall",
    "elysee",
    "elysee palace",
    "palacio nacional",
    "national palace",
    "los pinos",
    "casa rosada",
    "zhongnanhai",
    "blue house",
    "quai dorsay",
    "foggy bottom",
    "wall street",
    "buckingham palace",
    "vatican city",
    "palacio de la moneda",
];

/// A town this small, matched by a name of several words, needs support from its context.
const SMALL_TOWN_POPULATION: u64 = 10_000;

/// What the context says for a candidate, beyond its own prior.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Support {
    /// A qualifier ("White House, Tennessee") or a kind word ("the town of").
    pub nearby: bool,
    /// Other places in the document lie in the candidate's first-level division.
    pub division: bool,
    /// Other places in the document, or the publication, lie in the candidate's country.
    pub country: bool,
}

/// Whether the geocoder should leave a mention with folded key `key` unresolved rather than
/// report `place`, given what supports it.
pub(crate) fn too_weak(key: &str, place: &Place, support: Support) -> bool {
    if !matches!(place.kind, FeatureKind::City | FeatureKind::Admin2) {
        return false;
    }
    // "the Pentagon", "el Kremlin": the article was stripped before the key was formed.
    if LANDMARKS.contains(&key) {
        return !(support.nearby || support.division);
    }
    let several_words = key.contains(' ');
    several_words
        && place.population < SMALL_TOWN_POPULATION
        && !(support.nearby || support.division || support.country)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::tests::sample;

    #[test]
    fn landmarks_need_the_towns_state_and_small_towns_need_some_context() {
        let g = sample();
        let tapalpa = g.lookup("Tapalpa")[0].place;
        let none = Support::default();
        let country = Support {
            country: true,
            ..none
        };
        let division = Support {
            division: true,
            ..none
        };
        assert!(too_weak("white house", tapalpa, country));
        assert!(!too_weak("white house", tapalpa, division));
        assert!(too_weak("puerto tapalpa", tapalpa, none));
        assert!(!too_weak("puerto tapalpa", tapalpa, country));
        assert!(!too_weak("tapalpa", tapalpa, none), "one word");
        let jalisco = g.lookup("Jalisco")[0].place;
        assert!(!too_weak("white house", jalisco, none), "not a town");
    }
}
