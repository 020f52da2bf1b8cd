//! `tessera show`: one stored document. Its entities, relations and events are rendered once,
//! by the engine's output contract ([`tessera_engine::extraction`]); `--json` prints that
//! object with what only the store holds added beside it, and the plain listing reads the same
//! values.

use super::Outcome;
use crate::args::ShowArgs;
use anyhow::Context;
use std::io::Write;
use tessera_engine::doc::Place;
use tessera_engine::{Entity, Extraction, SqliteStore, Store, StoredDocument};

pub fn run(store: &SqliteStore, args: ShowArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let Some(stored) = store.get(&args.id)? else {
        anyhow::bail!(
            "no document with id {:?} in {}",
            args.id,
            store.path().display()
        );
    };
    let contract = tessera_engine::extraction(&stored.document);
    if args.json {
        let value = tessera_engine::stored_document_json(&stored, &contract)
            .context("rendering the document as JSON")?;
        serde_json::to_writer_pretty(&mut *out, &value)?;
        writeln!(out)?;
    } else {
        print_document(&stored, args.sentences, out)?;
        print_layers(&contract, out)?;
    }
    Ok(Outcome::Success)
}

/// Metadata, the layer counts and mentions, then the text (or its sentences).
fn print_document(
    stored: &StoredDocument,
    sentences: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let doc = &stored.document;
    writeln!(out, "id         {}", doc.id)?;
    writeln!(
        out,
        "title      {}",
        doc.meta.title.as_deref().unwrap_or("(untitled)")
    )?;
    writeln!(
        out,
        "published  {}",
        doc.meta
            .published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "unknown".into())
    )?;
    writeln!(
        out,
        "source     {}",
        doc.meta.source.as_deref().unwrap_or("-")
    )?;
    if let Some(url) = &doc.meta.url {
        writeln!(out, "url        {url}")?;
    }
    if let Some(byline) = &doc.meta.byline {
        writeln!(out, "byline     {byline}")?;
    }
    let lang = doc
        .lang
        .as_ref()
        .map(|l| format!("{} ({:.2})", l.code, l.confidence));
    writeln!(
        out,
        "language   {}",
        lang.as_deref().unwrap_or("undetected")
    )?;
    writeln!(out, "read from  {}", doc.origin)?;
    writeln!(
        out,
        "layers     {} sentences, {} tokens, {} places, {} entities, {} relations, {} events",
        doc.segmentation.sentences.len(),
        doc.segmentation.tokens.len(),
        doc.places.len(),
        doc.entities.len(),
        doc.relations.len(),
        doc.events.len()
    )?;
    if let Some(reason) = &doc.unsupported {
        writeln!(out, "names      not recognised: {reason}")?;
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
        writeln!(out, "mentions   {}", names.join("; "))?;
    }
    writeln!(out)?;
    if sentences {
        for (n, sentence) in doc.segmentation.sentences.iter().enumerate() {
            let text = sentence
                .span
                .text(&doc.text)
                .unwrap_or("(span out of range)");
            writeln!(
                out,
                "{:>4} [{}..{}] {}",
                n + 1,
                sentence.span.start,
                sentence.span.end,
                text.replace('\n', " ")
            )?;
        }
    } else {
        writeln!(out, "{}", doc.text)?;
    }
    Ok(())
}

/// Entities, relations and events from the contract, one line each (two for an event), after
/// the text. (The contract's relation and event types are not exported by the engine, so they
/// are read field by field here.)
fn print_layers(contract: &Extraction, out: &mut dyn Write) -> anyhow::Result<()> {
    let names = Names(&contract.entities);
    if !contract.entities.is_empty() {
        writeln!(out, "\nentities")?;
        for entity in &contract.entities {
            writeln!(out, "  {}", entity_line(entity))?;
        }
    }
    if !contract.relations.is_empty() {
        writeln!(out, "\nrelations")?;
    }
    for relation in &contract.relations {
        // The object is an entity id or a value (a year, a title); a value is quoted.
        let object_entity = names.get(&relation.object);
        let object = match object_entity {
            Some(name) => name.to_string(),
            None => format!("{:?}", relation.object),
        };
        let role = match &relation.role {
            Some(role) if object_entity.is_none() && *role == relation.object => String::new(),
            Some(role) => format!(" as {role}"),
            None => String::new(),
        };
        let sources: Vec<String> = relation
            .attribution
            .iter()
            .map(|a| names.source(a.entity.as_deref(), &a.name))
            .collect();
        writeln!(
            out,
            "  {} {} {object}{role}  [{}]",
            names.of(&relation.subject),
            relation.predicate,
            claim_text(relation.certainty.as_str(), &sources)
        )?;
    }
    if !contract.events.is_empty() {
        writeln!(out, "\nevents")?;
    }
    for event in &contract.events {
        // `v1   ASSAULT/mode [contexts] in Tapalpa (Jalisco, MX) on 2025-05-04 (day, "Sunday")`
        let mut head = format!("{:<4} {}", event.id, event.kind);
        if let Some(mode) = &event.mode {
            head.push_str(&format!("/{mode}"));
        }
        if !event.contexts.is_empty() {
            let contexts: Vec<String> = event.contexts.iter().map(ToString::to_string).collect();
            head.push_str(&format!(" [{}]", contexts.join(", ")));
        }
        if let Some(place) = &event.place {
            head.push_str(&format!(" in {}", place.name));
            let within: Vec<String> = place
                .admin1
                .iter()
                .chain(&place.country)
                .map(ToString::to_string)
                .collect();
            if !within.is_empty() {
                head.push_str(&format!(" ({})", within.join(", ")));
            }
        }
        if let Some(date) = &event.date {
            let words = if date.text.is_empty() {
                String::new()
            } else {
                format!(", {:?}", date.text)
            };
            head.push_str(&format!(" on {} ({}{words})", date.value, date.precision));
        }
        // `actors -> recipients; 3 killed  [certainty; according to ...]`
        let actors: Vec<String> = event
            .actors
            .iter()
            .map(|p| names.source(p.entity.as_deref(), &p.name))
            .collect();
        let recipients: Vec<String> = event
            .recipients
            .iter()
            .map(|p| names.source(p.entity.as_deref(), &p.name))
            .collect();
        let mut body = format!("{} -> {}", listed(&actors), listed(&recipients));
        for (count, what) in [
            (event.fatalities, "killed"),
            (event.injured, "injured"),
            (event.arrested, "arrested"),
        ] {
            if let Some(count) = count {
                body.push_str(&format!("; {count} {what}"));
            }
        }
        let sources: Vec<String> = event
            .attribution
            .iter()
            .map(|a| names.source(a.entity.as_deref(), &a.name))
            .collect();
        body.push_str(&format!(
            "  [{}]",
            claim_text(event.certainty.as_str(), &sources)
        ));
        writeln!(out, "  {head}")?;
        writeln!(out, "        {body}")?;
    }
    Ok(())
}

/// The contract's entities, looked up by their contract id (`e1`, `e2`, ...).
struct Names<'a>(&'a [Entity]);

impl Names<'_> {
    fn get(&self, id: &str) -> Option<&str> {
        self.0.iter().find(|e| e.id == id).map(|e| e.name.as_str())
    }

    /// The entity's name, or its id when there is no such entity.
    fn of(&self, id: &str) -> String {
        self.get(id).unwrap_or(id).to_string()
    }

    /// A participant or a source: the name of the entity it refers to, if any, else its own
    /// words.
    fn source(&self, entity: Option<&str>, words: &str) -> String {
        entity
            .and_then(|id| self.get(id))
            .unwrap_or(words)
            .to_string()
    }
}

/// `e2   PER  Juan Pérez (a.k.a. El Jefe) - leader of Example Cartel; country MX; at ...`
fn entity_line(entity: &Entity) -> String {
    let mut line = format!("{:<4} {:<4} {}", entity.id, entity.kind, entity.name);
    if entity.unnamed {
        line.push_str(" (unnamed)");
    }
    if !entity.aliases.is_empty() {
        line.push_str(&format!(" (a.k.a. {})", entity.aliases.join(", ")));
    }
    let roles: Vec<String> = entity
        .roles
        .iter()
        .map(|role| {
            let mut text = role.title.clone();
            if let Some(org) = &role.org {
                text.push_str(&format!(" of {org}"));
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

/// Actors or recipients, `?` for none.
fn listed(who: &[String]) -> String {
    if who.is_empty() {
        "?".into()
    } else {
        who.join(", ")
    }
}

/// `reported; according to a former US official via Reuters`: certainty, then who says so,
/// innermost first.
fn claim_text(certainty: &str, sources: &[String]) -> String {
    let mut text = certainty.to_string();
    if !sources.is_empty() {
        text.push_str(&format!("; according to {}", sources.join(" via ")));
    }
    text
}
