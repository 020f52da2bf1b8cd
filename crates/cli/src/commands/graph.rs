//! The commands across documents: resolve, entities, entity, events, path, timeline, source and
//! `stats events`. Each calls `tessera_graph` and prints, as text or JSON.

use super::Outcome;
use crate::graph_args::{
    EntitiesArgs, EntityArgs, EntityEdit, EventFilterArgs, EventsArgs, PathArgs, ResolveArgs,
    SourceCommand, TimelineArgs,
};
use anyhow::Context;
use std::io::Write;
use tessera_engine::SqliteStore;
use tessera_engine::graph::{self, ClusterRecord, query};

fn json_line(out: &mut dyn Write, value: &impl serde::Serialize) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

pub fn resolve(store: &mut SqliteStore, args: ResolveArgs, quiet: bool) -> anyhow::Result<Outcome> {
    let started = std::time::Instant::now();
    // A line redrawn in place is for a terminal; a log gets only the summary.
    let live = !quiet && !args.json && std::io::IsTerminal::is_terminal(&std::io::stderr());
    let mut progress = |done: u64, total: u64| {
        if live {
            eprint!("\rresolved {done}/{total} documents");
        }
    };
    let summary = if args.full {
        graph::rebuild(store, &mut progress)
    } else {
        graph::resolve_pending(store, &mut progress)
    }
    .context("resolving across documents")?;
    if args.json {
        json_line(&mut std::io::stdout().lock(), &summary)?;
    } else if !quiet {
        if live {
            eprint!("\r");
        }
        eprintln!(
            "resolved {} documents ({} entity mentions linked, {} events clustered) in {}",
            summary.documents,
            summary.links,
            summary.reports,
            crate::output::duration(started.elapsed())
        );
    }
    Ok(Outcome::Success)
}

pub fn entities(
    store: &SqliteStore,
    args: EntitiesArgs,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let found = query::search(
        store.connection(),
        &args.query.join(" "),
        args.kind.as_deref().map(str::to_uppercase).as_deref(),
        args.limit,
    )?;
    for e in &found {
        if args.json {
            json_line(out, e)?;
        } else {
            writeln!(
                out,
                "{:<7} {:<4} {:<40} {:>4} docs  {} to {}",
                e.id,
                e.kind,
                e.name,
                e.documents,
                e.first_seen.as_deref().unwrap_or("?"),
                e.last_seen.as_deref().unwrap_or("?")
            )?;
        }
    }
    if found.is_empty() && !args.json {
        eprintln!("no entity matches; `tessera resolve` links documents stored before resolution");
    }
    Ok(Outcome::Success)
}

pub fn entity(
    store: &mut SqliteStore,
    args: EntityArgs,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    match args.edit {
        Some(EntityEdit::Merge { a, b }) => {
            let (a, b) = (
                query::resolve_name(store.connection(), &a)?,
                query::resolve_name(store.connection(), &b)?,
            );
            let kept = graph::edits::merge(store, a, b)?;
            writeln!(
                out,
                "merged E{b} into E{kept} (recorded; it survives re-resolution)"
            )?;
        }
        Some(EntityEdit::Split { entity, document }) => {
            let id = query::resolve_name(store.connection(), &entity)?;
            let new = graph::edits::split(store, id, &document)?;
            writeln!(
                out,
                "split E{id}'s mentions in {document} off into E{new} (recorded)"
            )?;
        }
        None => {
            let Some(name) = args.entity else {
                anyhow::bail!("give an entity name or id (tessera entity NAME|ID), or merge/split");
            };
            let id = query::resolve_name(store.connection(), &name)?;
            let profile = query::profile(store.connection(), id, args.why)?;
            if args.json {
                json_line(out, &profile)?;
            } else {
                print_profile(out, &profile)?;
            }
        }
    }
    Ok(Outcome::Success)
}

fn print_profile(out: &mut dyn Write, p: &query::Profile) -> anyhow::Result<()> {
    let e = &p.entity;
    writeln!(out, "{} {} {}", e.id, e.kind, e.name)?;
    writeln!(
        out,
        "  {} documents, {} to {}{}",
        e.documents,
        e.first_seen.as_deref().unwrap_or("?"),
        e.last_seen.as_deref().unwrap_or("?"),
        p.country
            .as_deref()
            .map(|c| format!(", country {c}"))
            .unwrap_or_default()
    )?;
    let names: Vec<String> = p
        .names
        .iter()
        .map(|n| format!("{} ({})", n.name, n.documents))
        .collect();
    writeln!(out, "  names: {}", names.join("; "))?;
    if !p.roles.is_empty() {
        writeln!(out, "roles:")?;
        for r in &p.roles {
            let org = r
                .org
                .as_ref()
                .map(|o| format!(", {}", o.name))
                .unwrap_or_default();
            writeln!(
                out,
                "  {}{org}  [{} {} {}] \"{}\"",
                r.title,
                r.fact.published.as_deref().unwrap_or("undated"),
                r.fact.source.as_deref().unwrap_or("-"),
                short(&r.fact.document),
                r.fact.evidence
            )?;
        }
    }
    if !p.relations.is_empty() {
        writeln!(out, "relations:")?;
        for r in &p.relations {
            let arrow = if r.direction == "out" { "->" } else { "<-" };
            writeln!(
                out,
                "  {} {arrow} {} ({})  [{} {}] \"{}\"",
                r.predicate,
                r.other.name,
                r.certainty,
                r.fact.published.as_deref().unwrap_or("undated"),
                short(&r.fact.document),
                r.fact.evidence
            )?;
        }
    }
    if !p.clusters.is_empty() {
        writeln!(out, "events:")?;
        for c in &p.clusters {
            writeln!(
                out,
                "  {} {} {} in {} as {} ({} reports, {} sources)",
                c.id,
                c.date.as_deref().unwrap_or("undated"),
                c.kind,
                c.place.as_deref().unwrap_or("?"),
                c.role,
                c.reports,
                c.corroboration
            )?;
        }
    }
    writeln!(out, "documents:")?;
    for d in &p.documents {
        writeln!(
            out,
            "  {} {} {} {}",
            short(&d.id),
            d.published.as_deref().unwrap_or("undated"),
            d.source.as_deref().unwrap_or("-"),
            d.title.as_deref().unwrap_or("(untitled)")
        )?;
    }
    if let Some(why) = &p.why {
        writeln!(out, "why:")?;
        for l in why {
            writeln!(out, "  {} {:?}: {}", short(&l.document), l.name, l.reason)?;
        }
    }
    if let Some(overrides) = p.overrides.as_ref().filter(|o| !o.is_empty()) {
        writeln!(out, "by hand:")?;
        for o in overrides {
            writeln!(out, "  {} {} {} ({})", o.op, o.a, o.b, o.made_at)?;
        }
    }
    Ok(())
}

fn short(id: &str) -> &str {
    id.get(..12).unwrap_or(id)
}

/// The engine's filter from the command line's, the actor looked up by name or id.
pub fn event_filter(
    store: &SqliteStore,
    args: EventFilterArgs,
    limit: usize,
) -> anyhow::Result<query::EventFilter> {
    let actor = args
        .actor
        .as_deref()
        .map(|a| query::resolve_name(store.connection(), a))
        .transpose()?;
    Ok(query::EventFilter {
        kind: args.kind,
        mode: args.mode,
        country: args.country,
        admin1: args.admin1,
        near: args.near,
        km: args.km,
        since: args.since.map(|d| d.to_string()),
        until: args.until.map(|d| d.to_string()),
        actor,
        min_certainty: args.min_certainty,
        min_corroboration: args.min_corroboration,
        query: args.query,
        limit,
    })
}

pub fn events(
    store: &SqliteStore,
    args: EventsArgs,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let filter = event_filter(store, args.filter, args.limit)?;
    let clusters = query::events(store.connection(), &filter)?;
    for c in &clusters {
        if args.json {
            json_line(out, c)?;
        } else {
            print_cluster(out, c)?;
        }
    }
    Ok(Outcome::Success)
}

fn print_cluster(out: &mut dyn Write, c: &ClusterRecord) -> anyhow::Result<()> {
    let place = c
        .place
        .as_ref()
        .map(|p| match &p.country {
            Some(country) => format!("{}, {country}", p.name),
            None => p.name.clone(),
        })
        .unwrap_or_else(|| "?".into());
    let mut line = format!(
        "{}  {}  {}{}  {}",
        c.id,
        c.date.as_ref().map_or("undated", |d| d.value.as_str()),
        c.kind,
        c.mode
            .as_deref()
            .map(|m| format!(" ({m})"))
            .unwrap_or_default(),
        place
    );
    if let Some(best) = c.fatalities.best {
        line.push_str(&format!("  killed {best}"));
    }
    line.push_str(&format!(
        "  {} reports, {} independent, credibility {}",
        c.reports.len(),
        c.corroboration,
        c.credibility
    ));
    writeln!(out, "{line}")?;
    let names = |list: &[graph::aggregate::ParticipantOut]| {
        list.iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !c.actors.is_empty() || !c.recipients.is_empty() {
        writeln!(out, "    {} -> {}", names(&c.actors), names(&c.recipients))?;
    }
    for k in &c.contradictions {
        let values: Vec<String> = k
            .values
            .iter()
            .map(|v| v.cited(short(&v.document)))
            .collect();
        writeln!(
            out,
            "    contradiction in {}: {}",
            k.field,
            values.join(" vs ")
        )?;
    }
    Ok(())
}

pub fn path(store: &SqliteStore, args: PathArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let conn = store.connection();
    let (a, b) = (
        query::resolve_name(conn, &args.a)?,
        query::resolve_name(conn, &args.b)?,
    );
    let found = query::path(conn, a, b, args.max_hops)?;
    match found {
        Some(steps) if args.json => json_line(out, &steps)?,
        Some(steps) => {
            for s in &steps {
                writeln!(
                    out,
                    "{} {} --{}: {}--> {} {}",
                    s.from, s.from_name, s.via, s.label, s.to, s.to_name
                )?;
                writeln!(out, "    [{}] \"{}\"", short(&s.document), s.evidence)?;
            }
        }
        None if args.json => writeln!(out, "null")?,
        None => writeln!(out, "no connection within {} steps", args.max_hops)?,
    }
    Ok(Outcome::Success)
}

pub fn timeline(
    store: &SqliteStore,
    args: TimelineArgs,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let conn = store.connection();
    let items = match (&args.entity, &args.place) {
        (_, Some(place)) => {
            query::timeline::of_place(conn, query::resolve_name(conn, place)?, args.km)?
        }
        (Some(name), None) => query::timeline::of_entity(conn, query::resolve_name(conn, name)?)?,
        (None, None) => anyhow::bail!("give an entity or --place"),
    };
    for item in &items {
        if args.json {
            json_line(out, item)?;
        } else {
            writeln!(
                out,
                "{:<10}  {:<8} {}{}  [{}]",
                item.date.as_deref().unwrap_or("undated"),
                item.kind,
                item.cluster
                    .as_deref()
                    .map(|c| format!("{c} "))
                    .unwrap_or_default(),
                item.summary,
                item.documents
                    .iter()
                    .map(|d| short(d))
                    .collect::<Vec<_>>()
                    .join(", ")
            )?;
        }
    }
    Ok(Outcome::Success)
}

pub fn source(
    store: &mut SqliteStore,
    command: SourceCommand,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    match command {
        SourceCommand::Set { name, grade } => {
            let updated = graph::edits::set_grade(store, &name, grade)?;
            writeln!(
                out,
                "{name}: grade {}; credibility updated on {updated} event clusters",
                grade.to_ascii_uppercase()
            )?;
        }
        SourceCommand::List { json } => {
            for s in graph::edits::list_sources(store)? {
                if json {
                    json_line(out, &s)?;
                } else {
                    writeln!(
                        out,
                        "{:<30} {:>6} docs  grade {}",
                        s.name,
                        s.documents,
                        s.grade.as_deref().unwrap_or("-")
                    )?;
                }
            }
        }
    }
    Ok(Outcome::Success)
}

pub fn event_stats(
    store: &SqliteStore,
    by: Vec<String>,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let groups = query::event_counts(store.connection(), &by)?;
    for g in &groups {
        if json {
            let mut object = serde_json::Map::new();
            for (name, value) in by.iter().zip(&g.key) {
                object.insert(name.clone(), value.clone().into());
            }
            object.insert("clusters".into(), g.clusters.into());
            object.insert("reports".into(), g.reports.into());
            object.insert("fatalities".into(), g.fatalities.into());
            json_line(out, &object)?;
        } else {
            writeln!(
                out,
                "{:<40} {:>6} clusters {:>6} reports {:>6} killed",
                g.key.join("  "),
                g.clusters,
                g.reports,
                g.fatalities
            )?;
        }
    }
    Ok(Outcome::Success)
}
