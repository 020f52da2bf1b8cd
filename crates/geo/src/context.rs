//! The words around a mention: a qualifying place after it ("Tapalpa, Jalisco",
//! "Paris (Texas)") and a word that says what kind of place it is ("the state of Colima",
//! "Colima City", "Laurel County").

use crate::fold_name;
use crate::gazetteer::{FeatureKind, Gazetteer};

/// Most words a qualifier may have ("Baja California Sur", "Bosnia and Herzegovina").
const MAX_QUALIFIER_WORDS: usize = 4;

/// What the neighbouring words say the place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KindCue {
    Admin1,
    Admin2,
    City,
}

/// The places a qualifier next to a mention names: first-level divisions and countries.
pub(crate) fn qualifier_after(gazetteer: &Gazetteer, text: &str, end: usize) -> Vec<u32> {
    let Some(rest) = text.get(end..) else {
        return Vec::new();
    };
    let rest = rest.trim_start_matches([' ', '\t']);
    let Some(rest) = rest.strip_prefix([',', '(']) else {
        return Vec::new();
    };
    let rest = rest.trim_start_matches([' ', '\t']);
    let words = leading_capitalised_words(rest, MAX_QUALIFIER_WORDS);
    for count in (1..=words.len()).rev() {
        let phrase = &rest[..words[count - 1]];
        let found: Vec<u32> = gazetteer
            .lookup_folded(&fold_name(phrase))
            .into_iter()
            .filter(|c| matches!(c.place.kind, FeatureKind::Admin1 | FeatureKind::Country))
            .map(|c| c.index)
            .collect();
        if !found.is_empty() {
            return found;
        }
        if count == 1
            && (2..=3).contains(&phrase.len())
            && phrase.bytes().all(|b| b.is_ascii_uppercase())
        {
            let coded: Vec<u32> = gazetteer.lookup_code(phrase).map(|(i, _)| i).collect();
            if !coded.is_empty() {
                return coded;
            }
        }
    }
    Vec::new()
}

/// Byte ends of up to `max` leading words that start with a capital letter ("Baja California
/// Sur"); lower-case joiners ("de", "and", "del") are allowed inside, not at the end.
fn leading_capitalised_words(text: &str, max: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut offset = 0;
    while ends.len() < max {
        let word_start = offset;
        let word_len = text[offset..]
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’')))
            .map_or(text.len() - offset, |(i, _)| i);
        if word_len == 0 {
            break;
        }
        let word = &text[word_start..word_start + word_len];
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let joiner = matches!(word, "de" | "del" | "la" | "and" | "y" | "of" | "do" | "da");
        if !capitalised && !joiner {
            break;
        }
        offset = word_start + word_len;
        if capitalised {
            ends.push(offset);
        }
        let after = &text[offset..];
        let spaces = after.len() - after.trim_start_matches(' ').len();
        if spaces == 0 {
            break;
        }
        offset += spaces;
    }
    ends
}

/// A kind word just before or just after the mention.
pub(crate) fn kind_cue(text: &str, start: usize, end: usize) -> Option<KindCue> {
    let mut from = start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text.get(from..start)?;
    let before = tessera_doc::fold::lower(before.trim_end());
    const BEFORE: [(&str, KindCue); 16] = [
        ("state of", KindCue::Admin1),
        ("estado de", KindCue::Admin1),
        ("province of", KindCue::Admin1),
        ("provincia de", KindCue::Admin1),
        ("city of", KindCue::City),
        ("ciudad de", KindCue::City),
        ("town of", KindCue::City),
        ("village of", KindCue::City),
        ("municipio de", KindCue::Admin2),
        ("sindicatura de", KindCue::City),
        ("localidad de", KindCue::City),
        ("comunidad de", KindCue::City),
        ("poblado de", KindCue::City),
        ("port of", KindCue::City),
        ("puerto de", KindCue::City),
        ("county of", KindCue::Admin2),
    ];
    if let Some(&(_, cue)) = BEFORE.iter().find(|(w, _)| before.ends_with(w)) {
        return Some(cue);
    }
    let after = text.get(end..)?.trim_start_matches(' ');
    let word: String = after
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    match word.as_str() {
        "state" | "province" => Some(KindCue::Admin1),
        "city" => Some(KindCue::City),
        "county" => Some(KindCue::Admin2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::tests::sample;

    fn names(g: &Gazetteer, indices: &[u32]) -> Vec<String> {
        indices
            .iter()
            .filter_map(|&i| g.place(i).map(|p| p.name.to_string()))
            .collect()
    }

    #[test]
    fn finds_a_qualifying_state_or_country() {
        let g = sample();
        let text = "died in Tapalpa, Jalisco, on Sunday";
        let end = text
            .find("Tapalpa")
            .map(|s| s + "Tapalpa".len())
            .unwrap_or(0);
        assert_eq!(names(&g, &qualifier_after(&g, text, end)), ["Jalisco"]);
        let text = "Paris (Texas) and Paris, France";
        assert_eq!(names(&g, &qualifier_after(&g, text, 5)), ["Texas"]);
        assert_eq!(names(&g, &qualifier_after(&g, text, 23)), ["France"]);
        let text = "Paris, TX 75460";
        assert_eq!(names(&g, &qualifier_after(&g, text, 5)), ["Texas"]);
        // A list of towns is not a qualifier, nor is a following clause.
        assert!(qualifier_after(&g, "Paris, which is", 5).is_empty());
        assert!(qualifier_after(&g, "Paris and Colima", 5).is_empty());
    }

    #[test]
    fn reads_kind_words() {
        let text = "in the state of Colima and Colima City, Laurel County";
        let at = |w: &str| text.find(w).unwrap_or(0);
        assert_eq!(
            kind_cue(text, at("Colima"), at("Colima") + 6),
            Some(KindCue::Admin1)
        );
        let city = text.rfind("Colima").unwrap_or(0);
        assert_eq!(kind_cue(text, city, city + 6), Some(KindCue::City));
        assert_eq!(
            kind_cue(text, at("Laurel"), at("Laurel") + 6),
            Some(KindCue::Admin2)
        );
        assert_eq!(kind_cue("Colima", 0, 6), None);
    }
}
