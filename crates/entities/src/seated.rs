//! Where an organisation or place stands, as the words around its name say: in apposition
//! ("Ansongo, a town in the Gao region", "X, con sede en Y"), by a facility's seat ("the High
//! Court in Lusaka", "Hospital Civil de Culiacán") and by a "-based" compound ("Vancouver-based
//! Northgate Minerals").

use crate::Layout;
use crate::lexicon::DETERMINERS;
use crate::links::{Link, past_articles, past_short_form};
use tessera_doc::{
    DocView, EntityId, FeatureKind, MentionKind, Place, Predicate, RelationObject, Span, fold,
};

/// "Ansongo, a town in the Gao region", "Frutera del Pacífico, an exporter based in Machala",
/// "X, con sede en Y": an apposition that places a place or organisation in another place.
pub(crate) fn located_by_apposition(
    words: &DocView,
    layout: &Layout,
    places: &[Option<&Place>],
    out: &mut Vec<Link>,
) {
    for r in layout.refs.iter().filter(|r| !r.dead) {
        let Some(mut subject) = layout.entity_at[r.first] else {
            continue;
        };
        // "Chaparral, N.M., an unincorporated community in Otero County": the apposition
        // describes the town, not its state.
        let state = places
            .get(subject as usize)
            .copied()
            .flatten()
            .is_some_and(|p| matches!(p.feature, FeatureKind::Admin1 | FeatureKind::Country));
        if state {
            match r.first.checked_sub(2).and_then(|k| {
                (words.text(k + 1) == ",")
                    .then(|| layout.entity_at[k])
                    .flatten()
            }) {
                Some(town) if layout.kinds[town as usize] == MentionKind::Loc => subject = town,
                _ => continue,
            }
        }
        // "X, con sede en Y", "X, a distributor based in Y": said of an organisation, whatever
        // the recogniser read its name as.
        let based = (r.last + 2..r.last + 7).any(|k| {
            words
                .get(k)
                .is_some_and(|w| w.is(&["sede", "based", "headquartered"]))
        });
        if !matches!(
            layout.kinds[subject as usize],
            MentionKind::Loc | MentionKind::Org
        ) && !based
        {
            continue;
        }
        if words.get(r.last + 1).is_none_or(|w| w.text != ",") {
            continue;
        }
        let mut i = r.last + 2;
        // "X, which is based in Sonora": the relative clause says where, as "based in" does.
        if based && words.get(i).is_some_and(|w| w.is(&["which", "que"])) {
            i += 1;
        }
        if !words.get(i).is_some_and(|w| {
            w.is(DETERMINERS) || w.is(&["based", "con", "another", "otro", "otra", "is", "tiene"])
        }) {
            continue;
        }
        let limit = i + 8;
        // "X, another neighbourhood of Chicago", "X, un barrio de Y": "of" after a noun for a
        // part of a place says where it is, as "in" does.
        let part_of_place = |k: usize| {
            words.get(k).is_some_and(|w| w.is(&["of", "de", "del"]))
                && k <= r.last + 5
                && words
                    .get(k - 1)
                    .is_some_and(|w| w.is(crate::containment::PART_PLACE_NOUNS))
        };
        while i < limit {
            let Some(w) = words.get(i) else { break };
            if w.is(&["in", "en"]) || part_of_place(i) || layout.entity_at[i].is_some() {
                break;
            }
            // "a gang that controls drug sales in X" is not where the gang is.
            // "According to OFAC, the call centers operate from offices in X": a clause.
            if w.is(&[
                "that", "which", "who", "que", "quien", "from", "to", "with", "at", "on", "desde",
                "hacia",
            ]) {
                i = limit;
                break;
            }
            // "a community of about 19,000 people in": words and numbers.
            if !w
                .text
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == ',' && w.text.len() > 1)
                || w.is_capitalised() && i > r.last + 2
            {
                i = limit;
                break;
            }
            i += 1;
        }
        if i >= limit || !(words.get(i).is_some_and(|w| w.is(&["in", "en"])) || part_of_place(i)) {
            continue;
        }
        i += 1;
        i = past_articles(words, i);
        if let Some(container) = layout.entity_at.get(i).copied().flatten()
            && layout.kinds[container as usize] == MentionKind::Loc
            && container != subject
        {
            out.push(Link {
                subject,
                predicate: Predicate::LocatedIn,
                object: RelationObject::Entity(container),
                evidence: words.span(r.first, layout.entity_last(i)),
            });
        }
    }
}

/// "the High Court in Lusaka", "Moi International Airport in Mombasa", "el Estadio Akron, en
/// Zapopan": an institution or facility named with the place it stands in.
pub(crate) fn seated(words: &DocView, layout: &Layout, out: &mut Vec<Link>) {
    for r in layout.refs.iter().filter(|r| !r.dead) {
        let Some(subject) = layout.entity_at[r.first] else {
            continue;
        };
        let is_seated = r
            .text
            .split_whitespace()
            .any(|w| crate::lexicon::SEATED_WORDS.contains(&tessera_doc::fold::lower(w).as_str()));
        if !is_seated {
            continue;
        }
        // "Hospital Civil de Culiacán": the name ends with the town it stands in, unless the
        // words after it say where ("Hospital General del Estado de Sonora, en Hermosillo").
        let named_town = town_ending_name(words, layout, r.first, r.last, subject);
        let stated = out.len();
        // "X in Y", "X de Y", or across a comma "X, en Y" / "X, in Y" / "X, ubicado en Y",
        // past a short form in brackets: "Aeropuerto Internacional Felipe Ángeles (AIFA), en".
        let after = past_short_form(words, r.last + 1);
        let comma = words.get(after).is_some_and(|w| w.is(&[","]));
        let mut link = after + usize::from(comma);
        if comma
            && words
                .get(link)
                .is_some_and(|w| w.is(&["ubicado", "ubicada", "located", "situado", "situada"]))
        {
            link += 1;
        }
        let linked = if comma {
            words.get(link).is_some_and(|w| w.is(&["in", "en"]))
        } else {
            words.get(link).is_some_and(|w| w.is(&["in", "en", "de"]))
        };
        if !linked {
            push_named_town(out, stated, subject, named_town, r.span);
            continue;
        }
        // "in central El Paso", "in downtown Fresno", "en el centro de Tijuana", "en el
        // municipio de Aquiles Serdán", "en la alcaldía Venustiano Carranza".
        let mut at = link + 1;
        if words.get(at).is_some_and(|w| w.is(&["el", "la", "the"]))
            && words.get(at + 1).is_some_and(|w| w.is(TOWN_NOUNS))
        {
            at += 2;
            if words.get(at).is_some_and(|w| w.is(&["de", "of"])) {
                at += 1;
            }
        }
        if words.get(at).is_some_and(|w| w.is(PART_OF_TOWN)) {
            at += 1;
        } else if words.get(at).is_some_and(|w| w.is(&["el", "the"]))
            && words
                .get(at + 1)
                .is_some_and(|w| w.is(&["centro", "center", "centre"]))
            && words.get(at + 2).is_some_and(|w| w.is(&["de", "of"]))
        {
            at += 3;
        }
        if let Some(place) = layout.entity_at.get(at).copied().flatten()
            && layout.kinds[place as usize] == MentionKind::Loc
            && place != subject
        {
            out.push(Link {
                subject,
                predicate: Predicate::LocatedIn,
                object: RelationObject::Entity(place),
                evidence: words.span(r.first, layout.entity_last(at)),
            });
        }
        push_named_town(out, stated, subject, named_town, r.span);
    }
}

/// Places `subject` in the town its name ends with when nothing since `stated` placed it.
fn push_named_town(
    out: &mut Vec<Link>,
    stated: usize,
    subject: EntityId,
    town: Option<EntityId>,
    evidence: Span,
) {
    if let Some(town) = town
        && out.len() == stated
    {
        out.push(Link {
            subject,
            predicate: Predicate::LocatedIn,
            object: RelationObject::Entity(town),
            evidence,
        });
    }
}

/// Nouns for a town or borough before its name: "en el municipio de Aquiles Serdán".
const TOWN_NOUNS: &[&str] = &[
    "municipio",
    "alcaldía",
    "delegación",
    "municipality",
    "borough",
    "town",
    "city",
    "ciudad",
];

/// The place entity named by the words that end a facility's name after "de" or "of"
/// ("Hospital Civil de Culiacán", "Centro de Reinserción Social de Tijuana") when the document
/// also names that place alone.
fn town_ending_name(
    words: &DocView,
    layout: &Layout,
    first: usize,
    last: usize,
    subject: EntityId,
) -> Option<EntityId> {
    // "the Embassy of Mexico" stands in another country.
    if (first..=last).any(|k| {
        words
            .get(k)
            .is_some_and(|w| w.is(&["embassy", "consulate", "embajada", "consulado"]))
    }) {
        return None;
    }
    let link = (first + 1..last)
        .rev()
        .find(|&k| words.get(k).is_some_and(|w| w.is(&["de", "of"])))?;
    let tail = fold(&words.words(link + 1, last));
    layout.refs.iter().filter(|r| !r.dead).find_map(|r| {
        let e = layout.entity_at.get(r.first).copied().flatten()?;
        (e != subject && layout.kinds[e as usize] == MentionKind::Loc && fold(&r.text) == tail)
            .then_some(e)
    })
}

/// Words for a part of a town, between "in" and its name.
const PART_OF_TOWN: &[&str] = &[
    "central", "downtown", "northern", "southern", "eastern", "western", "north", "south", "east",
    "west",
];

/// "Vancouver-based Northgate Minerals": the place in the compound is where the organisation is
/// based, when the document names that place as a place elsewhere.
pub(crate) fn based_compounds(words: &DocView, layout: &Layout, out: &mut Vec<Link>) {
    for (index, w) in words.iter().enumerate() {
        let Some(prefix) = w.text.strip_suffix("-based") else {
            continue;
        };
        // "Vancouver-based Northgate Minerals", or in apposition: "Meridian Crest Shipping, a
        // Dubai-based tanker operator".
        let apposed = || {
            (index > 2
                && words.get(index - 1).is_some_and(|w| w.is(&["a", "an"]))
                && words.text(index - 2) == ",")
                .then(|| layout.entity_at[index - 3])
                .flatten()
        };
        let before = layout.entity_at.get(index + 1).copied().flatten();
        let Some(org) = before.or_else(apposed) else {
            continue;
        };
        let evidence = if before.is_some() {
            words.span(index, layout.entity_last(index + 1))
        } else {
            words.span(layout.entity_first(index - 3), index)
        };
        let folded = fold(prefix);
        let place = layout.refs.iter().filter(|r| !r.dead).find_map(|r| {
            let e = layout.entity_at.get(r.first).copied().flatten()?;
            (layout.kinds[e as usize] == MentionKind::Loc && fold(&r.text) == folded).then_some(e)
        });
        if let Some(place) = place
            && layout.kinds[org as usize] == MentionKind::Org
        {
            out.push(Link {
                subject: org,
                predicate: Predicate::LocatedIn,
                object: RelationObject::Entity(place),
                evidence,
            });
        }
    }
}
