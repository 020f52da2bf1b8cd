//! A stored document as one JSON object: the output contract plus what the store keeps (the
//! text, every mention, the sentences with their tokens, the resolved places). `tessera show
//! --json` prints it and the server's document endpoint answers it.

use crate::{Extraction, StoredDocument};
use serde_json::{Map, Value, json};

/// `show --json`: the output contract, as `extract` prints it, plus what the store keeps and
/// the contract leaves out: in `document`, the text, where it was read from, when it was
/// stored and the language detector's confidence; beside the contract's layers, every mention,
/// the sentences with their tokens, and the resolved places.
pub fn stored_document_json(
    stored: &StoredDocument,
    contract: &Extraction,
) -> Result<Value, serde_json::Error> {
    let doc = &stored.document;
    let mut value = serde_json::to_value(contract)?;
    let Some(top) = value.as_object_mut() else {
        return Ok(value);
    };
    let mut document = top
        .get_mut("document")
        .and_then(Value::as_object_mut)
        .map(std::mem::take)
        .unwrap_or_default();
    add(
        &mut document,
        [
            (
                "lang_confidence",
                json!(doc.lang.as_ref().map(|l| l.confidence)),
            ),
            ("origin", json!(doc.origin.to_string())),
            ("ingested_at", json!(stored.ingested_at)),
            ("text", json!(doc.text)),
        ],
    );
    top.insert("document".into(), Value::Object(document));
    let text = doc.text.as_str();
    let mentions: Vec<Value> = doc
        .mentions
        .iter()
        .map(|m| {
            json!({
                "start": m.span.start, "end": m.span.end, "kind": m.kind.as_str(),
                "text": m.span.text(text).unwrap_or_default(),
            })
        })
        .collect();
    let segmentation = &doc.segmentation;
    let sentences: Vec<Value> = segmentation
        .sentences
        .iter()
        .map(|s| {
            let tokens: Vec<[u32; 2]> = segmentation
                .sentence_tokens(s)
                .iter()
                .map(|t| [t.span.start, t.span.end])
                .collect();
            json!({ "start": s.span.start, "end": s.span.end, "tokens": tokens })
        })
        .collect();
    let places: Vec<Value> = doc
        .places
        .iter()
        .map(|g| {
            json!({
                "start": g.span.start, "end": g.span.end,
                "text": g.span.text(text).unwrap_or_default(),
                "place": g.place,
            })
        })
        .collect();
    add(
        top,
        [
            ("mentions", Value::from(mentions)),
            ("sentences", Value::from(sentences)),
            ("places", Value::from(places)),
        ],
    );
    Ok(value)
}

/// Adds fields the contract does not have; one it has is left as the contract renders it.
fn add<const N: usize>(object: &mut Map<String, Value>, fields: [(&str, Value); N]) {
    for (key, value) in fields {
        object.entry(key).or_insert(value);
    }
}
