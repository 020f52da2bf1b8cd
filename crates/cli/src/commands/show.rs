use super::Outcome;
use crate::args::ShowArgs;
use tessera_engine::doc::{
    Attribution, Claim, Document, Entity, EntityId, Event, Participant, Place, RelationObject,
};
use tessera_engine::{SqliteStore, Store};

pub fn run(store: &SqliteStore, args: ShowArgs) -> anyhow::Result<Outcome> {
    let Some(stored) = store.get(&args.id)? else {
        anyhow::bail!(
            "no document with id {:?} in {}",
            args.id,
            store.path().display()
        );
    };
    let doc = &stored.document;
    if args.json {
        let layers = tessera_engine::extraction(doc);
        let value = serde_json::json!({
            "document": {
                "id": doc.id,
                "title": doc.meta.title,
                "published": doc.meta.published,
                "lang": doc.lang.as_ref().map(|l| &l.code),
                "lang_confidence": doc.lang.as_ref().map(|l| l.confidence),
                "source": doc.meta.source,
                "url": doc.meta.url,
                "byline": doc.meta.byline,
                "origin": doc.origin.to_string(),
                "ingested_at": stored.ingested_at,
                "text": doc.text,
            },
            "mentions": doc.mentions.iter().map(|m| serde_json::json!({
                "start": m.span.start, "end": m.span.end, "kind": m.kind.as_str(),
                "text": m.span.text(&doc.text).unwrap_or_default(),
            })).collect::<Vec<_>>(),
            "sentences": doc.segmentation.sentences.iter().map(|s| serde_json::json!({
                "start": s.span.start, "end": s.span.end,
                "tokens": doc.segmentation.sentence_tokens(s).iter()
                    .map(|t| [t.span.start, t.span.end]).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "places": doc.places.iter().map(|g| serde_json::json!({
                "start": g.span.start, "end": g.span.end,
                "text": g.span.text(&doc.text).unwrap_or_default(),
                "place": g.place,
            })).collect::<Vec<_>>(),
            "entities": layers.entities,
            "relations": layers.relations,
            "events": layers.events,
        });
        println!("{}", serde_json::to_string_pretty(&value)?);
        return Ok(Outcome::Success);
    }
    println!("id         {}", doc.id);
    println!(
        "title      {}",
        doc.meta.title.as_deref().unwrap_or("(untitled)")
    );
    println!(
        "published  {}",
        doc.meta
            .published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "unknown".into())
    );
    println!("source     {}", doc.meta.source.as_deref().unwrap_or("-"));
    if let Some(url) = &doc.meta.url {
        println!("url        {url}");
    }
    if let Some(byline) = &doc.meta.byline {
        println!("byline     {byline}");
    }
    let lang = doc
        .lang
        .as_ref()
        .map(|l| format!("{} ({:.2})", l.code, l.confidence));
    println!("language   {}", lang.as_deref().unwrap_or("undetected"));
    println!("read from  {}", doc.origin);
    println!(
        "layers     {} sentences, {} tokens, {} places, {} entities, {} relations, {} events",
        doc.segmentation.sentences.len(),
        doc.segmentation.tokens.len(),
        doc.places.len(),
        doc.entities.len(),
        doc.relations.len(),
        doc.events.len()
    );
    if let Some(reason) = &doc.unsupported {
        println!("names      not recognised: {reason}");
    } else if !doc.mentions.is_empty() {
        let names: Vec<String> = doc
            .mentions
            .iter()
            .map(|m| {
                format!(
                    "{} {}",
                    m.kind.as_str(),
                    m.span.text(&doc.text).unwrap_or_default()
                )
            })
            .collect();
        println!("mentions   {}", names.join("; "));
    }
    println!();
    if args.sentences {
        for (n, sentence) in doc.segmentation.sentences.iter().enumerate() {
            let text = sentence
                .span
                .text(&doc.text)
                .unwrap_or("(span out of range)");
            println!(
                "{:>4} [{}..{}] {}",
                n + 1,
                sentence.span.start,
                sentence.span.end,
                text.replace('\n', " ")
            );
        }
    } else {
        println!("{}", doc.text);
    }
    print_layers(doc);
    Ok(Outcome::Success)
}

/// Entities, relations and events, one line each (two for an event), after the text.
fn print_layers(doc: &Document) {
    if !doc.entities.is_empty() {
        println!("\nentities");
        for (index, entity) in doc.entities.iter().enumerate() {
            println!("  {}", entity_line(doc, index, entity));
        }
    }
    if !doc.relations.is_empty() {
        println!("\nrelations");
        for relation in &doc.relations {
            let object = match &relation.object {
                RelationObject::Entity(id) => name_of(doc, *id),
                RelationObject::Value(value) => format!("{value:?}"),
            };
            let role = match (&relation.role, &relation.object) {
                (Some(role), RelationObject::Value(value)) if role == value => String::new(),
                (Some(role), _) => format!(" as {role}"),
                (None, _) => String::new(),
            };
            println!(
                "  {} {} {object}{role}  [{}]",
                name_of(doc, relation.subject),
                relation.predicate,
                claim_text(doc, &relation.claim)
            );
        }
    }
    if !doc.events.is_empty() {
        println!("\nevents");
        for (index, event) in doc.events.iter().enumerate() {
            print_event(doc, index, event);
        }
    }
}

/// `e2 PER Juan Pérez (a.k.a. El Jefe) - leader of Example Cartel; country MX; place ...`
fn entity_line(doc: &Document, index: usize, entity: &Entity) -> String {
    let mut line = format!(
        "e{:<3} {:<4} {}",
        index + 1,
        entity.kind.as_str(),
        entity.name
    );
    if entity.unnamed {
        line.push_str(" (unnamed)");
    }
    if !entity.aliases.is_empty() {
        let aliases: Vec<&str> = entity.aliases.iter().map(|a| a.name.as_str()).collect();
        line.push_str(&format!(" (a.k.a. {})", aliases.join(", ")));
    }
    let roles: Vec<String> = entity
        .roles
        .iter()
        .map(|role| {
            let mut text = role.title.clone();
            if let Some(org) = role.org {
                text.push_str(&format!(" of {}", name_of(doc, org)));
            }
            if let Some(country) = &role.country {
                text.push_str(&format!(" ({country})"));
            }
            text
        })
        .collect();
    if !roles.is_empty() {
        line.push_str(&format!(" - {}", roles.join("; ")));
    }
    if let Some(country) = &entity.country {
        line.push_str(&format!("; country {country}"));
    }
    if let Some(place) = &entity.place {
        line.push_str(&format!("; at {}", place_text(place)));
    }
    let mentions = entity.mentions.len();
    line.push_str(&format!(
        "; {mentions} mention{}",
        if mentions == 1 { "" } else { "s" }
    ));
    line
}

/// `Tapalpa, Jalisco, MX (20.0889, -103.7547; city; GeoNames 4014875)`
fn place_text(place: &Place) -> String {
    let mut names = vec![place.name.clone()];
    names.extend(place.admin1.iter().cloned());
    names.extend(place.country.iter().cloned());
    let geonames = place
        .geonames_id
        .map(|id| format!("; GeoNames {id}"))
        .unwrap_or_default();
    format!(
        "{} ({:.4}, {:.4}; {}{geonames})",
        names.join(", "),
        place.lat,
        place.lon,
        place.precision
    )
}

fn print_event(doc: &Document, index: usize, event: &Event) {
    let mut head = format!("  v{:<3} {}", index + 1, event.kind);
    if let Some(mode) = &event.mode {
        head.push_str(&format!("/{mode}"));
    }
    if !event.contexts.is_empty() {
        head.push_str(&format!(" [{}]", event.contexts.join(", ")));
    }
    if let Some(place) = &event.place {
        let resolved = place
            .place
            .as_ref()
            .map(|p| {
                let within: Vec<&str> = p
                    .admin1
                    .iter()
                    .chain(&p.country)
                    .map(|s| s.as_str())
                    .collect();
                format!(" ({})", within.join(", "))
            })
            .unwrap_or_default();
        head.push_str(&format!(" in {}{resolved}", place.name));
    }
    if let Some(date) = &event.date {
        let words = if date.text.is_empty() {
            String::new()
        } else {
            format!(", {:?}", date.text)
        };
        head.push_str(&format!(" on {} ({}{words})", date.value, date.precision));
    }
    println!("{head}");
    let mut body = format!(
        "        {} -> {}",
        participants(doc, &event.actors),
        participants(doc, &event.recipients)
    );
    for (count, what) in [
        (event.fatalities, "killed"),
        (event.injured, "injured"),
        (event.arrested, "arrested"),
    ] {
        if let Some(count) = count {
            body.push_str(&format!("; {count} {what}"));
        }
    }
    body.push_str(&format!("  [{}]", claim_text(doc, &event.claim)));
    println!("{body}");
}

fn participants(doc: &Document, list: &[Participant]) -> String {
    if list.is_empty() {
        return "?".into();
    }
    list.iter()
        .map(|p| match p.entity {
            Some(id) if doc.entities.get(id as usize).is_some() => name_of(doc, id),
            _ => p.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `reported; according to a former US official via Reuters`: certainty, then who says so,
/// innermost first.
fn claim_text(doc: &Document, claim: &Claim) -> String {
    let mut text = claim.certainty.as_str().to_string();
    if !claim.attribution.is_empty() {
        let chain: Vec<String> = claim
            .attribution
            .iter()
            .map(|a: &Attribution| match a.entity {
                Some(id) if doc.entities.get(id as usize).is_some() => name_of(doc, id),
                _ => a.name.clone(),
            })
            .collect();
        text.push_str(&format!("; according to {}", chain.join(" via ")));
    }
    text
}

/// An entity's name, or its id when the layer does not hold it.
fn name_of(doc: &Document, id: EntityId) -> String {
    doc.entities
        .get(id as usize)
        .map(|e| e.name.clone())
        .unwrap_or_else(|| format!("e{}", id + 1))
}
