//! Tessera's document model.
//!
//! A [`Document`] carries the article text exactly as it was read and every annotation as a
//! stand-off layer of byte spans into that text (in the manner of spaCy's `Doc`). Pipeline
//! stages are plain functions that add layers; nothing ever rewrites the text, so a span always
//! round-trips to the bytes it was made from.

mod document;
mod facts;
mod fold;
mod id;
mod layers;
mod place;
mod span;

pub use document::{Document, Language, Metadata, Origin, SourceRecord};
pub use facts::{
    Alias, Attribution, Certainty, Claim, Entity, EntityId, Event, EventDate, EventPlace,
    EventType, Participant, Predicate, Relation, RelationObject, Role,
};
pub use fold::{fold, fold_char};
pub use id::DocId;
pub use layers::{Mention, MentionKind, Segmentation, Sentence, Token, TokenKind};
pub use place::{Geocoded, Place};
pub use span::{Span, SpanError};
