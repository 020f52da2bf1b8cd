//! Resolves the places of an article whose place names are given on the command line, found
//! by plain string search (no recogniser), and prints one JSON resolution per mention.
//!
//! `cargo run --release -p tessera-geo --example seed_article -- FILE Tapalpa Jalisco ...`

use tessera_geo::{Gazetteer, GeoContext, Geocoder, PlaceMention};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: seed_article FILE NAME...")?;
    let names: Vec<String> = args.collect();
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let mut mentions: Vec<PlaceMention> = names
        .iter()
        .flat_map(|name| {
            text.match_indices(name.as_str())
                .filter(|(start, _)| is_word_at(&text, *start, start + name.len()))
                .filter_map(|(start, _)| PlaceMention::at(&text, start, start + name.len()))
                .collect::<Vec<_>>()
        })
        .collect();
    mentions.sort_by_key(|m| m.start);
    let gazetteer = Gazetteer::embedded()?;
    let geocoder = Geocoder::new(&gazetteer);
    let resolutions = geocoder.resolve_document(&GeoContext::new(&text), &mentions);
    for (mention, resolution) in mentions.iter().zip(resolutions) {
        let line = serde_json::json!({"mention": mention, "place": resolution});
        println!("{line}");
    }
    Ok(())
}

/// The match is a whole word: no letter right before or after it.
fn is_word_at(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}
