//! Tessera's document model.
//!
//! A [`Document`] carries the article text exactly as it was read and every annotation as a
//! stand-off layer of byte spans into that text (in the manner of spaCy's `Doc`). Pipeline
//! stages are plain functions that add layers; nothing ever rewrites the text, so a span always
//! round-trips to the bytes it was made from.
//!
//! Stages read the document through one borrowed [`DocView`]: tokens with their attributes
//! (computed once, in [`TokenTable`]), one folding rule ([`fold`]), and the name mentions with
//! the entities they refer to. The record's closed vocabularies are typed ([`Lang`],
//! [`DatePrecision`], [`FeatureKind`], [`PlacePrecision`], [`Mode`], [`Context`], [`Certainty`])
//! and serialise to the strings of the output contract.

mod document;
mod facts;
pub mod fold;
mod id;
mod lang;
mod layers;
pub mod nearby;
mod place;
pub mod place_words;
mod span;
mod syntax;
mod tokens;
mod values;
mod view;
mod vocab;

pub use document::{Dateline, Document, Language, Metadata, Origin, SourceRecord};
pub use facts::{
    Alias, Attribution, Certainty, Claim, Entity, EntityId, Event, EventDate, EventPlace,
    EventType, Participant, Predicate, Relation, RelationObject, Role,
};
pub use fold::{fold, fold_key, is_wire_agency};
pub use id::DocId;
pub use lang::Lang;
pub use layers::{Mention, MentionKind, Segmentation, Sentence, Token, TokenKind};
pub use place::{Geocoded, Place, PlaceReference};
pub use span::{Span, SpanError};
pub use syntax::{Dependency, Syntax};
pub use tokens::{Case, TokenTable};
pub use values::{
    DateMention, Direction, NumberKind, NumberMention, Quantity, ResolvedDate, ResolvedDateError,
    Values, add_days, shift_month,
};
pub use view::{DocView, Name, SentenceView, TokenRef, collapse_whitespace};
pub use vocab::{Context, DatePrecision, FeatureKind, Mode, PlacePrecision, PlaceReferenceKind};
