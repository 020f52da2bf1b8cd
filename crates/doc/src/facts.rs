//! The layers that interpret mentions: entities (with aliases and roles), relations between
//! them, and events. Every fact keeps the span of the words that support it, who says so
//! (attribution) and how sure they are (certainty).

use crate::{Context, DatePrecision, MentionKind, Mode, Place, Span};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An index into [`crate::Document::entities`].
pub type EntityId = u32;

/// One real person, organisation, place or other named thing within a document, with every
/// mention of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: MentionKind,
    /// The fullest name the text gives (for unnamed entities, the description).
    pub name: String,
    /// Every span that refers to this entity, in text order.
    pub mentions: Vec<Span>,
    pub aliases: Vec<Alias>,
    pub roles: Vec<Role>,
    /// A described but unnamed person or group ("his romantic partner").
    pub unnamed: bool,
    /// ISO 3166-1 alpha-2 of the country the entity belongs to, where the text makes it clear.
    pub country: Option<String>,
    /// For places: where the gazetteer put it.
    pub place: Option<Place>,
}

impl Entity {
    pub fn new(kind: MentionKind, name: impl Into<String>) -> Self {
        Entity {
            kind,
            name: name.into(),
            mentions: Vec::new(),
            aliases: Vec::new(),
            roles: Vec::new(),
            unnamed: false,
            country: None,
            place: None,
        }
    }
}

/// Another name for an entity, with the words that introduced it ("also known as El Mencho",
/// "[CJNG]").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    pub name: String,
    /// The alias itself in the text.
    pub span: Span,
    /// The words that introduced it.
    pub evidence: Span,
}

/// A title an entity holds ("Defense Secretary"), where stated with its organisation and country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub title: String,
    pub org: Option<EntityId>,
    pub country: Option<String>,
    pub evidence: Span,
}

/// How sure the source is of a fact, from the words used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// Stated as fact, or confirmed by its source.
    #[default]
    Confirmed,
    /// Reported by others ("reportedly", "media reported").
    Reported,
    /// Alleged or unverified ("alleged", "presunto", "sources credited").
    Alleged,
    /// Denied by its source.
    Denied,
}

impl Certainty {
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Confirmed => "confirmed",
            Certainty::Reported => "reported",
            Certainty::Alleged => "alleged",
            Certainty::Denied => "denied",
        }
    }
}

/// One link of an attribution chain: who asserts a fact. Innermost first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    pub entity: Option<EntityId>,
    pub name: String,
    pub span: Option<Span>,
}

/// Who says so and how sure: shared by relations and events.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Claim {
    pub certainty: Certainty,
    pub attribution: Vec<Attribution>,
}

/// The predicates of DESIGN.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Predicate {
    LeaderOf,
    MemberOf,
    HoldsRole,
    PartOf,
    AssociateOf,
    FamilyOf,
    PartnerOf,
    LocatedIn,
    FoundedOn,
}

impl Predicate {
    pub const ALL: [Predicate; 9] = [
        Predicate::LeaderOf,
        Predicate::MemberOf,
        Predicate::HoldsRole,
        Predicate::PartOf,
        Predicate::AssociateOf,
        Predicate::FamilyOf,
        Predicate::PartnerOf,
        Predicate::LocatedIn,
        Predicate::FoundedOn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Predicate::LeaderOf => "leader_of",
            Predicate::MemberOf => "member_of",
            Predicate::HoldsRole => "holds_role",
            Predicate::PartOf => "part_of",
            Predicate::AssociateOf => "associate_of",
            Predicate::FamilyOf => "family_of",
            Predicate::PartnerOf => "partner_of",
            Predicate::LocatedIn => "located_in",
            Predicate::FoundedOn => "founded_on",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Predicate::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

impl fmt::Display for Predicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a relation points at: another entity, or a value (a year for `founded_on`, a bare title
/// for `holds_role`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationObject {
    Entity(EntityId),
    Value(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub subject: EntityId,
    pub predicate: Predicate,
    pub object: RelationObject,
    /// For `holds_role`: the title.
    pub role: Option<String>,
    pub evidence: Span,
    pub claim: Claim,
}

/// The sixteen PLOVER event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl EventType {
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        EventType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An actor, recipient or source: an entity where one is known, else the words that describe it
/// ("security forces").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub entity: Option<EntityId>,
    pub name: String,
    pub span: Option<Span>,
}

/// Where an event happened: the place mention and, when resolved, the gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPlace {
    pub entity: Option<EntityId>,
    pub name: String,
    pub span: Option<Span>,
    pub place: Option<Place>,
}

/// When an event happened, resolved against the publication date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub value: String,
    /// `publication` when only the dateline gave it.
    pub precision: DatePrecision,
    /// The words it came from ("on Sunday"); empty for the dateline fallback.
    pub text: String,
    pub span: Option<Span>,
}

/// A typed event: who did what to whom, where, when, and who says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub kind: EventType,
    pub mode: Option<Mode>,
    pub contexts: Vec<Context>,
    pub actors: Vec<Participant>,
    pub recipients: Vec<Participant>,
    pub place: Option<EventPlace>,
    pub date: Option<EventDate>,
    pub fatalities: Option<u32>,
    pub injured: Option<u32>,
    pub arrested: Option<u32>,
    /// The word or phrase that signals the event ("killed", "armed clashes").
    pub trigger: Span,
    /// The sentence (or clause) that supports it.
    pub evidence: Span,
    pub claim: Claim,
}
