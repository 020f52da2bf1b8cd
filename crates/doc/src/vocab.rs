//! The closed vocabularies of the record (precisions, feature kinds, event modes and contexts),
//! each an enum that the output contract and the store write as the same lowercase strings.

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
    /// How an event was carried out, by the names the event lexicons use.
    Mode {
        Ceasefire => "ceasefire",
        Acquisition => "acquisition",
        Negotiate => "negotiate",
        Visit => "visit",
        ThirdParty => "third-party",
        Release => "release",
        Resign => "resign",
        Intelligence => "intelligence",
        Patrols => "patrols",
        LawEnforcement => "law-enforcement",
        Food => "food",
        Medical => "medical",
        Withdraw => "withdraw",
        Legal => "legal",
        Demo => "demo",
        Strike => "strike",
        Riot => "riot",
        Obstruct => "obstruct",
        Ban => "ban",
        AssetFreeze => "asset-freeze",
        Boycott => "boycott",
        Penalty => "penalty",
        Troops => "troops",
        Arrest => "arrest",
        Detain => "detain",
        Seize => "seize",
        Raid => "raid",
        Restrict => "restrict",
        CrowdControl => "crowd-control",
        Firearms => "firearms",
        Explosives => "explosives",
        Aerial => "aerial",
        HeavyWeapons => "heavy-weapons",
        Assassinate => "assassinate",
        Abduct => "abduct",
        Arson => "arson",
        Destroy => "destroy",
        Sabotage => "sabotage",
        Beat => "beat",
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
            let json = serde_json::to_string(mode).unwrap_or_default();
            assert_eq!(json, format!("\"{mode}\""));
            assert_eq!(serde_json::from_str::<Mode>(&json).ok(), Some(*mode));
        }
        for p in DatePrecision::ALL {
            assert_eq!(DatePrecision::parse(p.as_str()), Some(*p));
        }
        assert!(serde_json::from_str::<Context>("\"crimes\"").is_err());
        assert_eq!(
            PlacePrecision::of(FeatureKind::Continent),
            PlacePrecision::Region
        );
    }
}
