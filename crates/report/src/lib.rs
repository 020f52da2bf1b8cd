//! Situation briefs: one self-contained HTML page about a place, an entity or a query, built
//! from a resolved store. It carries headline counts, a map drawn from shipped outlines, a
//! timeline chart, the key actors with their roles, every event cluster with its certainty,
//! corroboration and contradictions, the sentence each report rests on and the numbered
//! sources. It needs nothing at view time: no script, no font, no tile, no network, and every
//! string from an article is escaped.
//!
//! [`build`] gathers a [`Brief`] from the store; [`render`] writes it as HTML.

mod brief;
mod chart;
mod error;
mod html;
mod map;
mod outlines;
mod page;
mod style;

pub use brief::{Actor, Brief, Item, Quote, Request, Scope, Source, build};
pub use error::ReportError;

/// The brief as one HTML page; `generated` is the timestamp printed on it.
pub fn render(brief: &Brief, generated: &str) -> Result<String, ReportError> {
    Ok(page::render(brief, outlines::outlines()?, generated))
}
