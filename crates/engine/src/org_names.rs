//! Organisation names the tagger cut in two at a lower-case connector: "Secretaría de Medio
//! Ambiente | y | Recursos Naturales", "Alianza de Trabajadores | del | Campo y sus Familias",
//! "U.S. Attorney's Office | for the | District of Arizona", "U.S. | Customs and Border
//! Protection". The pieces are joined into one organisation when the first names a body (its
//! first or last word is a head such as "Secretaría", "Office", "Instituto") and the second is
//! a fragment rather than a body or place of its own.

use tessera_doc::{Mention, MentionKind, Span};
use tessera_geo::Gazetteer;

/// Words that head or end the name of a public or private body.
const BODY_HEADS: &[&str] = &[
    "secretaría",
    "secretaria",
    "instituto",
    "comisión",
    "consejo",
    "dirección",
    "procuraduría",
    "fiscalía",
    "agencia",
    "servicio",
    "sistema",
    "coordinación",
    "unidad",
    "federación",
    "confederación",
    "sindicato",
    "alianza",
    "asociación",
    "cámara",
    "colegio",
    "universidad",
    "junta",
    "oficina",
    "ministerio",
    "department",
    "office",
    "division",
    "bureau",
    "agency",
    "administration",
    "commission",
    "council",
    "institute",
    "service",
    "authority",
    "board",
    "committee",
    "ministry",
    "association",
    "federation",
    "union",
    "alliance",
];

/// Lower-case words that join two parts of one name, and the articles that may follow them.
const CONNECTORS: &[&str] = &[
    "y", "e", "and", "&", "de", "del", "of", "for", "para", "contra", "against",
];
const ARTICLES: &[&str] = &["la", "las", "los", "el", "the", "sus", "its"];

/// Connectors after which the second part may only be a fragment, never a place or a body:
/// "Secretaría de Salud de Nuevo León" and "3rd Infantry Division of the Philippine Army" are
/// left as the tagger read them, "Alianza de Trabajadores del Campo y sus Familias" is joined.
const GENITIVES: &[&str] = &["de", "del", "of", "para"];

/// Most words of a second part that is joined.
const MAX_FRAGMENT_WORDS: usize = 5;

/// Short country forms written straight before a body's name ("U.S. Border Patrol").
const COUNTRY_PREFIXES: &[&str] = &["U.S.", "US", "U.K.", "UK", "EU", "E.U."];

fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(|w| w.to_lowercase()).collect()
}

fn names_a_body(words: &[String]) -> bool {
    let head = |w: Option<&String>| w.is_some_and(|w| BODY_HEADS.contains(&w.as_str()));
    head(words.first()) || head(words.last())
}

/// "Los Halcones", "Las Flacas": a plural article and one capitalised word, how many gangs and
/// factions are named.
fn starts_as_group(text: &str) -> bool {
    let parts: Vec<&str> = text.split_whitespace().collect();
    parts.len() == 2
        && matches!(parts[0], "Los" | "Las")
        && parts[1].starts_with(char::is_uppercase)
}

fn is_acronym(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase())
}

/// Whether `between` is a connector, optionally followed by an article.
fn is_connector(between: &str) -> Option<&'static str> {
    let parts: Vec<String> = words(between);
    let connector = CONNECTORS
        .iter()
        .find(|c| parts.first().map(String::as_str) == Some(**c))?;
    match parts.len() {
        1 => Some(connector),
        2 if ARTICLES.contains(&parts[1].as_str()) => Some(connector),
        _ => None,
    }
}

/// Joins the pieces of organisation names cut at a connector or after a country's short form,
/// in `mentions` sorted by start.
pub(crate) fn join_cut_organisations(
    text: &str,
    mentions: &mut Vec<Mention>,
    gazetteer: Option<&Gazetteer>,
) {
    let mut index = 0;
    while index + 1 < mentions.len() {
        let (first, second) = (mentions[index], mentions[index + 1]);
        let (Ok(first_text), Ok(second_text)) = (first.span.text(text), second.span.text(text))
        else {
            index += 1;
            continue;
        };
        let Some(between) = text.get(first.span.end as usize..second.span.start as usize) else {
            index += 1;
            continue;
        };
        // "la ONG Voces por la Democracia": the noun for a non-governmental body is no name.
        if matches!(first_text, "ONG" | "NGO")
            && between == " "
            && second_text.starts_with(char::is_uppercase)
        {
            mentions[index + 1] = Mention::new(second.span, MentionKind::Org);
            mentions.remove(index);
            continue;
        }
        let joined = if between.trim().is_empty() && between.len() <= 1 {
            // "U.S. Customs and Border Protection": a country's short form before a body.
            let country_prefix = COUNTRY_PREFIXES.contains(&first_text)
                && matches!(second.kind, MentionKind::Org | MentionKind::Misc)
                && names_a_body(&words(second_text));
            // "La Guardia | Negra": an organisation's name cut before its last word, which is
            // no place of its own.
            let cut_tail = first.kind == MentionKind::Org
                && !second_text.contains(' ')
                && second_text.starts_with(char::is_uppercase)
                && !is_acronym(second_text)
                && !(second.kind == MentionKind::Loc
                    && gazetteer.is_some_and(|g| !g.lookup(second_text).is_empty()));
            // "Cártel de la | Frontera Norte": a name that ends on its connector goes on.
            let ends_on_connector = matches!(first.kind, MentionKind::Org | MentionKind::Misc)
                && words(first_text).last().is_some_and(|w| {
                    CONNECTORS.contains(&w.as_str()) || ARTICLES.contains(&w.as_str())
                })
                && second_text.starts_with(char::is_uppercase);
            country_prefix || cut_tail || ends_on_connector
        } else if let Some(connector) = is_connector(between)
            && starts_as_group(first_text)
            && GENITIVES.contains(&connector)
        {
            // "Los Halcones | del | Desierto": a group's name of the "Los X del Y" kind, in
            // whatever kinds the tagger read its pieces.
            let place = second.kind == MentionKind::Loc
                && gazetteer.is_some_and(|g| !g.lookup(second_text).is_empty());
            words(second_text).len() <= 2 && second_text.starts_with(char::is_uppercase) && !place
        } else if let Some(connector) = is_connector(between) {
            let second_words = words(second_text);
            let place = || {
                second.kind == MentionKind::Loc
                    && gazetteer.is_some_and(|g| !g.lookup(second_text).is_empty())
            };
            first.kind == MentionKind::Org
                && names_a_body(&words(first_text))
                && !is_acronym(second_text)
                && !is_acronym(first_text)
                && second_words.len() <= MAX_FRAGMENT_WORDS
                && second_text.starts_with(char::is_uppercase)
                // A body of its own ("la Secretaría de Salud y la Fiscalía") stays apart, and so
                // does a place after "de" ("Secretaría de Salud de Nuevo León").
                && !(second.kind == MentionKind::Org && names_a_body(&second_words))
                && !(GENITIVES.contains(&connector)
                    && matches!(second.kind, MentionKind::Loc | MentionKind::Org))
                && !place()
        } else {
            false
        };
        if joined {
            mentions[index] = Mention::new(
                Span {
                    start: first.span.start,
                    end: second.span.end,
                },
                MentionKind::Org,
            );
            mentions.remove(index + 1);
            // The joined name may continue ("X y Y de Z").
            continue;
        }
        index += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions_of(text: &str, parts: &[(&str, MentionKind)]) -> Vec<Mention> {
        parts
            .iter()
            .map(|(name, kind)| {
                let start = text.find(name).unwrap_or(0);
                Mention::new(Span::new(start, start + name.len()), *kind)
            })
            .collect()
    }

    fn joined(text: &str, parts: &[(&str, MentionKind)]) -> Vec<String> {
        let gazetteer = Gazetteer::embedded().ok();
        let mut mentions = mentions_of(text, parts);
        join_cut_organisations(text, &mut mentions, gazetteer.as_ref());
        mentions
            .iter()
            .map(|m| m.span.text(text).unwrap_or("").to_string())
            .collect()
    }

    #[test]
    fn a_gang_name_cut_at_its_connector_is_joined() {
        let text =
            "The ring answered to Los Tigres del Monte, a cell of the Cártel de la Costa Azul.";
        let got = joined(
            text,
            &[
                ("Los Tigres", MentionKind::Loc),
                ("Monte", MentionKind::Org),
                ("Cártel de la", MentionKind::Org),
                ("Costa Azul", MentionKind::Loc),
            ],
        );
        assert_eq!(got, ["Los Tigres del Monte", "Cártel de la Costa Azul"]);
    }

    #[test]
    fn a_name_cut_before_its_last_word_is_joined() {
        let text = "Police blamed La Hermandad Roja for the attack.";
        assert_eq!(
            joined(
                text,
                &[
                    ("La Hermandad", MentionKind::Org),
                    ("Roja", MentionKind::Per)
                ]
            ),
            ["La Hermandad Roja"]
        );
        // A place right after an organisation stays apart.
        let text = "El Grupo Bimbo Guadalajara abrió una planta.";
        assert_eq!(
            joined(
                text,
                &[
                    ("Grupo Bimbo", MentionKind::Org),
                    ("Guadalajara", MentionKind::Loc)
                ]
            )
            .len(),
            2
        );
    }

    #[test]
    fn names_cut_at_a_connector_are_joined() {
        let text = "La Secretaría de Comercio y Pesca Rural multó a la empresa.";
        assert_eq!(
            joined(
                text,
                &[
                    ("Secretaría de Comercio", MentionKind::Org),
                    ("Pesca Rural", MentionKind::Per)
                ]
            ),
            ["Secretaría de Comercio y Pesca Rural"]
        );
        let text = "agents of the U.S. Parks and Wildlife Service and the Office of Trade \
                    Review for the Northern District said";
        assert_eq!(
            joined(
                text,
                &[
                    ("U.S.", MentionKind::Loc),
                    ("Parks and Wildlife Service", MentionKind::Org),
                    ("Office of Trade Review", MentionKind::Org),
                    ("Northern District", MentionKind::Misc),
                ]
            ),
            [
                "U.S. Parks and Wildlife Service",
                "Office of Trade Review for the Northern District"
            ]
        );
    }

    #[test]
    fn two_bodies_acronyms_and_places_stay_apart() {
        let text = "La Secretaría de Salud y la Fiscalía de Colima, la Comisión de Aguas de \
                    Sonora, Semar y Sedena.";
        let parts = [
            ("Secretaría de Salud", MentionKind::Org),
            ("Fiscalía de Colima", MentionKind::Org),
            ("Comisión de Aguas", MentionKind::Org),
            ("Sonora", MentionKind::Loc),
            ("Semar", MentionKind::Org),
            ("Sedena", MentionKind::Org),
        ];
        assert_eq!(joined(text, &parts).len(), parts.len());
    }
}
