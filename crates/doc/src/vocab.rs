//! The closed vocabularies of the record (precisions, feature kinds, event modes and contexts),
//! each an enum that the output contract and the store write as the same lowercase strings.

use crate::EventType;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Defines a unit enum with its one spelling: `as_str`, `parse`, `ALL`, `Display`, and serde
/// through the same strings, so no layer spells a value twice.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
                $name::parse(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        concat!("unknown ", stringify!($name), " {:?}"),
                        text
                    ))
                })
            }
        }
    };
}

vocabulary! {
    /// How much of the calendar a date pins down; `publication` when no words gave it and the
    /// publication date stands in (as ACLED's time precision does).
    DatePrecision {
        Day => "day",
        Week => "week",
        Month => "month",
        Year => "year",
        Publication => "publication",
    }
}

vocabulary! {
    /// What kind of feature a gazetteer place is.
    FeatureKind {
        /// A populated place: city, town, village.
        City => "city",
        /// A second-level administrative division (county, municipality).
        Admin2 => "admin2",
        /// A first-level administrative division (state, province).
        Admin1 => "admin1",
        Country => "country",
        /// A group of countries ("Middle East", "Central America").
        Region => "region",
        Continent => "continent",
    }
}

vocabulary! {
    /// How words that are not a place's name on their own point at a place.
    PlaceReferenceKind {
        /// A nationality or regional adjective: "Russian", "mexicano", "European".
        Adjective => "adjective",
        /// A place named inside another name: "Ohio State Highway Patrol", "Government of
        /// Manitoba", "CBC Vancouver", "Chile-Peru".
        WithinName => "within_name",
    }
}

vocabulary! {
    /// How precisely a point locates what was named.
    PlacePrecision {
        City => "city",
        Admin2 => "admin2",
        Admin1 => "admin1",
        Country => "country",
        Region => "region",
    }
}

impl PlacePrecision {
    /// The precision a point of this kind of feature has.
    pub fn of(kind: FeatureKind) -> Self {
        match kind {
            FeatureKind::City => PlacePrecision::City,
            FeatureKind::Admin2 => PlacePrecision::Admin2,
            FeatureKind::Admin1 => PlacePrecision::Admin1,
            FeatureKind::Country => PlacePrecision::Country,
            FeatureKind::Region | FeatureKind::Continent => PlacePrecision::Region,
        }
    }
}

vocabulary! {
    /// How an event was carried out, by the PLOVER manual's own names; which modes each type
    /// takes is [`Mode::allowed`].
    Mode {
        // CONSULT
        Visit => "visit",
        ThirdParty => "third-party",
        Multilateral => "multilateral",
        Phone => "phone",
        // AID
        Economic => "economic",
        Military => "military",
        Humanitarian => "humanitarian",
        Asylum => "asylum",
        // RETREAT
        Withdraw => "withdraw",
        Release => "release",
        Return => "return",
        Disarm => "disarm",
        Ceasefire => "ceasefire",
        Access => "access",
        Resign => "resign",
        // REQUEST and REJECT
        Assist => "assist",
        Change => "change",
        Yield => "yield",
        Meet => "meet",
        // ACCUSE
        Disapprove => "disapprove",
        Investigate => "investigate",
        Allege => "allege",
        // THREATEN
        Ban => "ban",
        Relations => "relations",
        Expel => "expel",
        Territory => "territory",
        Violence => "violence",
        // PROTEST
        Demo => "demo",
        Riot => "riot",
        Strike => "strike",
        Hunger => "hunger",
        Boycott => "boycott",
        Obstruct => "obstruct",
        Vandalize => "vandalize",
        // SANCTION
        Convict => "convict",
        Discontinue => "discontinue",
        // MOBILIZE
        Troops => "troops",
        Weapons => "weapons",
        Police => "police",
        Militia => "militia",
        // COERCE
        Seize => "seize",
        Restrict => "restrict",
        Censor => "censor",
        Curfew => "curfew",
        MartialLaw => "martial-law",
        Arrest => "arrest",
        Deport => "deport",
        Withhold => "withhold",
        Misinformation => "misinformation",
        Cyber => "cyber",
        // ASSAULT
        Abduct => "abduct",
        Beat => "beat",
        Torture => "torture",
        Sexual => "sexual",
        Targeted => "targeted",
        Destroy => "destroy",
        Primitive => "primitive",
        Firearms => "firearms",
        Explosives => "explosives",
        SuicideAttack => "suicide-attack",
        Aerial => "aerial",
        Drone => "drone",
        HeavyWeapons => "heavy-weapons",
        CrowdControl => "crowd-control",
        Unconventional => "unconventional",
    }
}

impl Mode {
    /// The modes PLOVER defines for an event type (AGREE, SUPPORT, CONCEDE and COOPERATE take
    /// none).
    pub fn allowed(kind: EventType) -> &'static [Mode] {
        use Mode::*;
        match kind {
            EventType::Agree | EventType::Support | EventType::Concede | EventType::Cooperate => {
                &[]
            }
            EventType::Consult => &[Visit, ThirdParty, Multilateral, Phone],
            EventType::Aid => &[Economic, Military, Humanitarian, Asylum],
            EventType::Retreat => &[Withdraw, Release, Return, Disarm, Ceasefire, Access, Resign],
            EventType::Request | EventType::Reject => &[Assist, Change, Yield, Meet],
            EventType::Accuse => &[Disapprove, Investigate, Allege],
            EventType::Threaten => &[Restrict, Ban, Arrest, Relations, Expel, Territory, Violence],
            EventType::Protest => &[Demo, Riot, Strike, Hunger, Boycott, Obstruct, Vandalize],
            EventType::Sanction => &[Convict, Expel, Withdraw, Discontinue],
            EventType::Mobilize => &[Troops, Weapons, Police, Militia],
            EventType::Coerce => &[
                Seize,
                Restrict,
                Censor,
                Curfew,
                MartialLaw,
                Arrest,
                Deport,
                Withhold,
                Misinformation,
                Cyber,
            ],
            EventType::Assault => &[
                Abduct,
                Beat,
                Torture,
                Sexual,
                Targeted,
                Destroy,
                Primitive,
                Firearms,
                Explosives,
                SuicideAttack,
                Aerial,
                Drone,
                HeavyWeapons,
                CrowdControl,
                Unconventional,
            ],
        }
    }

    /// Whether PLOVER defines this mode for `kind`.
    pub fn fits(self, kind: EventType) -> bool {
        Mode::allowed(kind).contains(&self)
    }

    /// A mode written by an earlier version of Tessera, under its PLOVER name (`detain` is
    /// `arrest`, `assassinate` is `targeted`, ...); `None` for names with no PLOVER mode.
    pub fn parse_legacy(text: &str) -> Option<Mode> {
        Mode::parse(text).or(match text {
            "detain" => Some(Mode::Arrest),
            "assassinate" => Some(Mode::Targeted),
            "arson" | "sabotage" => Some(Mode::Destroy),
            "food" | "medical" => Some(Mode::Humanitarian),
            "legal" => Some(Mode::Allege),
            "asset-freeze" => Some(Mode::Discontinue),
            "penalty" => Some(Mode::Convict),
            "patrols" | "law-enforcement" => Some(Mode::Police),
            _ => None,
        })
    }
}

vocabulary! {
    /// The circumstances an event is reported in.
    Context {
        Crime => "crime",
        Negation => "negation",
        Hypothetical => "hypothetical",
        Future => "future",
        Historical => "historical",
        /// Infrastructure put out of use (airports, roads, power).
        Disruption => "disruption",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_through_its_string_and_json() {
        for mode in Mode::ALL {
            assert_eq!(Mode::parse(mode.as_str()), Some(*mode));
            assert!(
                EventType::ALL.iter().any(|t| mode.fits(*t)),
                "{mode} belongs to no type"
            );
            let json = serde_json::to_string(mode).unwrap_or_default();
            assert_eq!(json, format!("\"{mode}\""));
            assert_eq!(serde_json::from_str::<Mode>(&json).ok(), Some(*mode));
        }
        for p in DatePrecision::ALL {
            assert_eq!(DatePrecision::parse(p.as_str()), Some(*p));
        }
        assert!(serde_json::from_str::<Context>("\"crimes\"").is_err());
        assert!(Mode::CrowdControl.fits(EventType::Assault));
        assert!(!Mode::CrowdControl.fits(EventType::Coerce));
        assert_eq!(Mode::parse_legacy("detain"), Some(Mode::Arrest));
        assert_eq!(Mode::parse_legacy("negotiate"), None);
        assert_eq!(
            PlacePrecision::of(FeatureKind::Continent),
            PlacePrecision::Region
        );
    }
}
