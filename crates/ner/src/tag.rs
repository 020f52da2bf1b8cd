//! Entity types, the IOB2 tags the crate speaks, and the BILOU labels the tagger predicts.

use std::fmt;
use std::str::FromStr;

/// The four CoNLL entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// Persons.
    Per,
    /// Organisations.
    Org,
    /// Locations.
    Loc,
    /// Everything else that is named (nationalities, events, works...).
    Misc,
}

impl EntityType {
    /// All types, in a fixed order.
    pub const ALL: [EntityType; 4] = [
        EntityType::Per,
        EntityType::Org,
        EntityType::Loc,
        EntityType::Misc,
    ];

    /// The CoNLL name: "PER", "ORG", "LOC" or "MISC".
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    /// The position of the type in [`EntityType::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityType {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "PER" => Ok(EntityType::Per),
            "ORG" => Ok(EntityType::Org),
            "LOC" => Ok(EntityType::Loc),
            "MISC" => Ok(EntityType::Misc),
            other => Err(format!("unknown entity type {other:?}")),
        }
    }
}

/// One IOB2 tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Not part of an entity ("O").
    Outside,
    /// First token of an entity ("B-PER").
    Begin(EntityType),
    /// Any later token of an entity ("I-PER").
    Inside(EntityType),
}

impl Tag {
    /// The entity type, if the tag is inside an entity.
    pub fn entity_type(self) -> Option<EntityType> {
        match self {
            Tag::Outside => None,
            Tag::Begin(kind) | Tag::Inside(kind) => Some(kind),
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tag::Outside => f.write_str("O"),
            Tag::Begin(kind) => write!(f, "B-{kind}"),
            Tag::Inside(kind) => write!(f, "I-{kind}"),
        }
    }
}

impl FromStr for Tag {
    type Err = String;

    /// Parses "O", "B-X" or "I-X" (X one of PER, ORG, LOC, MISC).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text == "O" {
            return Ok(Tag::Outside);
        }
        match text.split_once('-') {
            Some(("B", kind)) => Ok(Tag::Begin(kind.parse()?)),
            Some(("I", kind)) => Ok(Tag::Inside(kind.parse()?)),
            _ => Err(format!("not an IOB tag: {text:?}")),
        }
    }
}

/// Rewrites tags so that every entity starts with `B-` (IOB1 and sloppy IOB2 become IOB2).
pub fn normalise_to_iob2(tags: &mut [Tag]) {
    let mut previous = Tag::Outside;
    for tag in tags.iter_mut() {
        if let Tag::Inside(kind) = *tag
            && previous.entity_type() != Some(kind)
        {
            *tag = Tag::Begin(kind);
        }
        previous = *tag;
    }
}

/// Where a token sits in its entity, BILOU style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    Begin = 0,
    Inside = 1,
    Last = 2,
    Unit = 3,
}

/// Number of BILOU labels: "O" plus four positions for each of four types.
pub const LABEL_COUNT: usize = 17;

/// A BILOU label as the tagger predicts it, stored as an index below [`LABEL_COUNT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u8);

impl Label {
    /// The outside label.
    pub const OUTSIDE: Label = Label(0);

    fn new(kind: EntityType, position: Position) -> Label {
        Label(1 + (kind.index() * 4) as u8 + position as u8)
    }

    /// The label's index, below [`LABEL_COUNT`].
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The entity type, if any.
    pub fn entity_type(self) -> Option<EntityType> {
        if self.0 == 0 {
            None
        } else {
            EntityType::ALL.get(usize::from(self.0 - 1) / 4).copied()
        }
    }

    fn position(self) -> Option<Position> {
        match self.0 {
            0 => None,
            value => Some(match (value - 1) % 4 {
                0 => Position::Begin,
                1 => Position::Inside,
                2 => Position::Last,
                _ => Position::Unit,
            }),
        }
    }

    /// True when the label opens an entity (B or U).
    pub fn starts_entity(self) -> bool {
        matches!(self.position(), Some(Position::Begin | Position::Unit))
    }

    /// True when the label closes an entity or is outside one (O, L or U): any label that
    /// may start an entity can follow it.
    pub fn ends_entity(self) -> bool {
        matches!(
            self.position(),
            None | Some(Position::Last | Position::Unit)
        )
    }

    /// Whether `next` may follow `self` in a well-formed BILOU sequence.
    pub fn may_precede(self, next: Label) -> bool {
        if self.ends_entity() {
            next == Label::OUTSIDE || next.starts_entity()
        } else {
            self.entity_type() == next.entity_type()
                && matches!(next.position(), Some(Position::Inside | Position::Last))
        }
    }

    /// The IOB2 tag for this label.
    pub fn to_tag(self) -> Tag {
        match (self.entity_type(), self.position()) {
            (Some(kind), Some(Position::Begin | Position::Unit)) => Tag::Begin(kind),
            (Some(kind), Some(_)) => Tag::Inside(kind),
            _ => Tag::Outside,
        }
    }

    /// All labels.
    pub fn all() -> impl Iterator<Item = Label> {
        (0..LABEL_COUNT as u8).map(Label)
    }
}

/// Converts a sentence of IOB2 tags into BILOU labels.
pub fn tags_to_labels(tags: &[Tag]) -> Vec<Label> {
    let mut normalised = tags.to_vec();
    normalise_to_iob2(&mut normalised);
    let mut labels = Vec::with_capacity(tags.len());
    for (index, tag) in normalised.iter().enumerate() {
        let continues = matches!(
            (tag.entity_type(), normalised.get(index + 1)),
            (Some(kind), Some(Tag::Inside(next))) if kind == *next
        );
        let label = match (*tag, continues) {
            (Tag::Outside, _) => Label::OUTSIDE,
            (Tag::Begin(kind), true) => Label::new(kind, Position::Begin),
            (Tag::Begin(kind), false) => Label::new(kind, Position::Unit),
            (Tag::Inside(kind), true) => Label::new(kind, Position::Inside),
            (Tag::Inside(kind), false) => Label::new(kind, Position::Last),
        };
        labels.push(label);
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> Vec<Tag> {
        text.split_whitespace()
            .map(|t| t.parse().unwrap())
            .collect()
    }

    #[test]
    fn tags_round_trip_through_text() {
        for text in ["O", "B-PER", "I-ORG", "B-LOC", "I-MISC"] {
            assert_eq!(text.parse::<Tag>().unwrap().to_string(), text);
        }
        assert!("B-FOO".parse::<Tag>().is_err());
        assert!("X".parse::<Tag>().is_err());
    }

    #[test]
    fn iob1_is_normalised_to_iob2() {
        let mut sequence = tags("I-PER I-PER O I-LOC B-LOC I-ORG");
        normalise_to_iob2(&mut sequence);
        assert_eq!(sequence, tags("B-PER I-PER O B-LOC B-LOC B-ORG"));
    }

    #[test]
    fn bilou_round_trips_to_iob2() {
        let sequence = tags("B-PER I-PER I-PER O B-LOC B-LOC I-LOC O B-MISC");
        let labels = tags_to_labels(&sequence);
        let back: Vec<Tag> = labels.iter().map(|l| l.to_tag()).collect();
        assert_eq!(back, sequence);
        for pair in labels.windows(2) {
            assert!(pair[0].may_precede(pair[1]), "{pair:?}");
        }
    }

    #[test]
    fn transitions_forbid_broken_entities() {
        let labels = tags_to_labels(&tags("B-PER I-PER"));
        let (begin, last) = (labels[0], labels[1]);
        assert!(!Label::OUTSIDE.may_precede(last));
        assert!(!begin.may_precede(Label::OUTSIDE));
        assert!(begin.may_precede(last));
    }
}
