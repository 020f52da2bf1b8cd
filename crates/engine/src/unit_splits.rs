//! Names of a unit of a body that the tagger read as one with the body's own: "Sala de Primera
//! Instancia | de la | Corte Suprema de Justicia", "Comisión Disciplinaria | de la | Federación
//! Mexicana de Futbol", "Bloque Norte | de las | Autodefensas Unidas de Colombia". Each part
//! is an organisation of its own (the unit is part of the body), so the mention is split in two
//! where a unit's head opens it and a body's head opens what follows "de la" / "del".

use tessera_doc::{DocView, Mention, MentionKind, Span, Token};

/// Words that open the name of a unit, chamber or committee of a larger body.
const UNIT_HEADS: &[&str] = &[
    "sala",
    "tribunal",
    "comisión",
    "comité",
    "bloque",
    "dirección",
    "unidad",
    "oficina",
    "subsecretaría",
    "coordinación",
    "división",
    "brigada",
    "batallón",
    "sección",
    "juzgado",
];

/// Words that open the name of the body a unit belongs to.
const BODY_HEADS: &[&str] = &[
    "corte",
    "liga",
    "federación",
    "confederación",
    "secretaría",
    "ministerio",
    "policía",
    "fiscalía",
    "procuraduría",
    "autodefensas",
    "fuerzas",
    "ejército",
    "armada",
    "universidad",
    "asociación",
    "cámara",
    "congreso",
    "agencia",
    "instituto",
    "guardia",
];

/// Splits organisation mentions (sorted by start) that join a unit to its body.
pub(crate) fn split_units_of_bodies(text: &str, tokens: &[Token], mentions: &mut Vec<Mention>) {
    let words = DocView::of_tokens(text, tokens);
    let mut index = 0;
    while index < mentions.len() {
        let mention = mentions[index];
        index += 1;
        if mention.kind != MentionKind::Org {
            continue;
        }
        let Some(range) = words.token_range(mention.span) else {
            continue;
        };
        if range.len() < 4 || !UNIT_HEADS.contains(&words.lower(range.start)) {
            continue;
        }
        // The first "de la" / "del" / "de las" / "de los" followed by a body's head.
        let split = (range.start + 1..range.end - 1).find_map(|k| {
            let body = match (words.lower(k), words.lower(k + 1)) {
                ("del", _) => k + 1,
                ("de", "la" | "las" | "los") => k + 2,
                _ => return None,
            };
            (body < range.end && BODY_HEADS.contains(&words.lower(body))).then_some((k, body))
        });
        let Some((connector, body)) = split else {
            continue;
        };
        let (Some(unit_end), Some(body_start)) =
            (words.token_span(connector - 1), words.token_span(body))
        else {
            continue;
        };
        mentions[index - 1] = Mention::new(
            Span {
                start: mention.span.start,
                end: unit_end.end,
            },
            MentionKind::Org,
        );
        mentions.insert(
            index,
            Mention::new(
                Span {
                    start: body_start.start,
                    end: mention.span.end,
                },
                MentionKind::Org,
            ),
        );
        index += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tessera_doc::Lang;

    fn split(text: &str, name: &str) -> Vec<String> {
        let tokens = tessera_segment::segment(text, Some(Lang::ES)).tokens;
        let start = text.find(name).unwrap_or(0);
        let mut mentions = vec![Mention::new(
            Span::new(start, start + name.len()),
            MentionKind::Org,
        )];
        split_units_of_bodies(text, &tokens, &mut mentions);
        mentions
            .iter()
            .map(|m| text[m.span.range()].to_string())
            .collect()
    }

    #[test]
    fn a_chamber_of_a_court_is_split_from_the_court() {
        let text = "La Sala Penal de la Corte Superior de Lima absolvió ayer al exalcalde.";
        assert_eq!(
            split(text, "Sala Penal de la Corte Superior de Lima"),
            ["Sala Penal", "Corte Superior de Lima"]
        );
    }

    #[test]
    fn a_body_named_after_a_place_stays_whole() {
        let text = "La Comisión de Derechos Humanos de la Ciudad de México emitió una queja.";
        let name = "Comisión de Derechos Humanos de la Ciudad de México";
        assert_eq!(split(text, name), [name]);
    }
}
