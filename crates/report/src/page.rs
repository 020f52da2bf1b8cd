//! The brief as one HTML page: header and headline counts, the map, the timeline, the actors,
//! each event with its badges, contradictions and the words of its reports, then the sources.
//! Nothing on it runs: no scripts, and a content policy that forbids loading anything.

use crate::brief::{Brief, Item, Source};
use crate::html::{escape, safe_url};
use crate::outlines::Outlines;
use crate::style::{CATEGORIES, CSS, category};
use crate::{chart, map};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Only inline styles and inline images; no script, no fetch, no frame, no form.
const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

pub fn render(brief: &Brief, outlines: &Outlines, generated: &str) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let title = format!("Situation brief: {}", brief.subject);
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Tessera\">\n<title>{}</title>\n<style>{CSS}</style>\n\
         </head>\n<body>",
        escape(&title)
    );
    header(&mut out, brief, &title, generated);
    let _ = writeln!(
        out,
        "<section id=\"map\">\n<h2>Map</h2>\n{}\n{}</section>",
        map::render(&brief.items, outlines),
        legend(true)
    );
    let _ = writeln!(
        out,
        "<section id=\"timeline\">\n<h2>Timeline</h2>\n{}\n{}</section>",
        chart::render(&brief.items),
        legend(false)
    );
    actors(&mut out, brief);
    events(&mut out, brief);
    sources(&mut out, &brief.sources);
    let _ = writeln!(
        out,
        "<footer class=\"note\"><p>Made by Tessera on {}. Every event is a cluster of reports; \
         each quotation is the sentence a report rests on, linked to its source. Map outlines: \
         Natural Earth (public domain).</p></footer>\n</body>\n</html>",
        escape(generated)
    );
    out
}

fn header(out: &mut String, brief: &Brief, title: &str, generated: &str) {
    let period = match (&brief.since, &brief.until) {
        (Some(s), Some(u)) => format!("From {s} to {u}"),
        (Some(s), None) => format!("Since {s}"),
        (None, Some(u)) => format!("Until {u}"),
        (None, None) => "All dates in the store".to_string(),
    };
    let _ = writeln!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"scope\">{}. {}. Generated {}.</p>",
        escape(title),
        escape(&brief.scope),
        escape(&period),
        escape(generated)
    );
    let items = &brief.items;
    let listed = items.len();
    let fatalities: u32 = items.iter().filter_map(|i| i.record.fatalities.best).sum();
    let corroborated = items.iter().filter(|i| i.record.corroboration > 1).count();
    let contested = items
        .iter()
        .filter(|i| !i.record.contradictions.is_empty())
        .count();
    let _ = writeln!(out, "<div class=\"counts\">");
    for (n, label) in [
        (listed + brief.unlisted, "events".to_string()),
        (
            fatalities as usize,
            "reported deaths (listed events)".into(),
        ),
        (corroborated, "corroborated by 2+ sources".into()),
        (contested, "with contradictions".into()),
        (brief.sources.len(), "sources".into()),
    ] {
        let _ = writeln!(
            out,
            "<div class=\"count\"><b>{n}</b><span>{}</span></div>",
            escape(&label)
        );
    }
    out.push_str("</div>\n");
    let mut by_type: BTreeMap<&str, usize> = BTreeMap::new();
    for item in items {
        *by_type.entry(item.record.kind.as_str()).or_default() += 1;
    }
    let mut by_type: Vec<(&str, usize)> = by_type.into_iter().collect();
    by_type.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if !by_type.is_empty() {
        out.push_str("<p class=\"legend\">");
        for (kind, n) in by_type {
            let _ = write!(
                out,
                "<span><i class=\"swatch\" style=\"background:{}\"></i>{} {n}</span>",
                category(kind).1,
                escape(kind)
            );
        }
        out.push_str("</p>\n");
    }
    if brief.unlisted > 0 {
        let _ = writeln!(
            out,
            "<p class=\"note\">The {listed} latest events are listed, mapped and charted; {} \
             earlier ones are counted only (raise --limit to list them).</p>",
            brief.unlisted
        );
    }
    out.push_str("</header>\n");
}

fn legend(with_precision: bool) -> String {
    let mut out = String::from("<p class=\"legend\">");
    for (name, colour) in CATEGORIES {
        let _ = write!(
            out,
            "<span><i class=\"swatch\" style=\"background:{colour}\"></i>{name}</span>"
        );
    }
    if with_precision {
        out.push_str(
            "<span><i class=\"swatch area\"></i>placed only at a region (ring at its centre)\
             </span><span>shaded: divisions with events</span>",
        );
    }
    out.push_str("</p>\n");
    out
}

fn actors(out: &mut String, brief: &Brief) {
    out.push_str("<section id=\"actors\">\n<h2>Key actors</h2>\n");
    if brief.actors.is_empty() {
        out.push_str("<p class=\"note\">No actor is named in these events.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<table>\n<thead><tr><th>Actor</th><th>Kind</th><th>Roles</th><th>Acts in</th>\
         <th>Target in</th><th>Event types</th></tr></thead>\n<tbody>\n",
    );
    for a in &brief.actors {
        let name = match &a.entity {
            Some(id) => format!(
                "{} <span class=\"meta\">{}</span>",
                escape(&a.name),
                escape(id)
            ),
            None => escape(&a.name),
        };
        let _ = writeln!(
            out,
            "<tr><td>{name}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td>{}</td></tr>",
            escape(a.kind.as_deref().unwrap_or("")),
            escape(&a.roles.join("; ")),
            a.as_actor,
            a.as_target,
            escape(&a.types.join(", "))
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn events(out: &mut String, brief: &Brief) {
    out.push_str("<section id=\"events\">\n<h2>Events</h2>\n");
    if brief.items.is_empty() {
        out.push_str("<p class=\"note\">No event matches.</p>\n");
    }
    let numbers: BTreeMap<&str, usize> = brief
        .sources
        .iter()
        .map(|s| (s.id.as_str(), s.number))
        .collect();
    for item in &brief.items {
        event(out, item, &numbers);
    }
    out.push_str("</section>\n");
}

fn names(side: &[tessera_graph::aggregate::ParticipantOut]) -> String {
    side.iter()
        .map(|p| escape(&p.name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn event(out: &mut String, item: &Item, numbers: &BTreeMap<&str, usize>) {
    let c = &item.record;
    let (group, colour) = category(&c.kind);
    let cite = |document: &str| match numbers.get(document) {
        Some(n) => format!("<a href=\"#doc-{n}\">[{n}]</a>"),
        None => escape(document),
    };
    let _ = writeln!(
        out,
        "<article class=\"event{}\" id=\"{}\" style=\"border-left-color:{colour}\">\n<h3>{} {}{}</h3>",
        if item.linked { " linked" } else { "" },
        escape(&c.id),
        escape(&c.id),
        escape(&c.kind),
        c.mode
            .as_deref()
            .map(|m| format!(" · {}", escape(m)))
            .unwrap_or_default()
    );
    let mut meta = Vec::new();
    if let Some(d) = &c.date {
        meta.push(format!("{} ({})", escape(&d.value), escape(&d.precision)));
    }
    if let Some(p) = &c.place {
        let mut place = escape(&p.name);
        let region: Vec<&str> = [p.admin1.as_deref(), p.country.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !region.is_empty() {
            let _ = write!(place, ", {}", escape(&region.join(", ")));
        }
        if let Some(precision) = &p.precision {
            let _ = write!(place, " ({} level)", escape(precision));
        }
        meta.push(place);
    }
    if !c.actors.is_empty() {
        meta.push(format!("by {}", names(&c.actors)));
    }
    if !c.recipients.is_empty() {
        meta.push(format!("against {}", names(&c.recipients)));
    }
    let _ = write!(out, "<p class=\"meta\">{}</p>\n<p>", meta.join(" · "));
    let _ = write!(
        out,
        "<span class=\"badge {0}\">{0}</span><span class=\"badge\">{group}</span>\
         <span class=\"badge\">corroboration {1}</span><span class=\"badge\" title=\"Admiralty scale: 1 \
         confirmed by other sources, 6 cannot be judged\">credibility {2} ({3})</span>",
        escape(&c.certainty),
        c.corroboration,
        c.credibility,
        credibility(c.credibility)
    );
    for (label, count) in [
        ("killed", &c.fatalities),
        ("injured", &c.injured),
        ("arrested", &c.arrested),
    ] {
        if let Some(n) = count.best {
            let _ = write!(out, "<span class=\"badge\">{n} {label}</span>");
        }
    }
    if item.linked {
        out.push_str("<span class=\"badge\">linked: reported with events here</span>");
    }
    out.push_str("</p>\n");
    for contradiction in &c.contradictions {
        let values: Vec<String> = contradiction
            .values
            .iter()
            .map(|v| {
                format!(
                    "{} {}",
                    escape(&v.value.to_string().replace('"', "")),
                    cite(&v.document)
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "<p class=\"contradiction\">Sources disagree on {}: {}.</p>",
            escape(&contradiction.field),
            values.join(" vs ")
        );
    }
    for quote in &item.quotes {
        let said = if quote.attribution.is_empty() {
            String::new()
        } else {
            format!(", according to {}", escape(&quote.attribution.join(", ")))
        };
        let _ = writeln!(
            out,
            "<blockquote>{}<cite>{} {}{said}</cite></blockquote>",
            escape(&quote.words),
            cite(&quote.document),
            escape(&quote.certainty)
        );
    }
    out.push_str("</article>\n");
}

/// The Admiralty scale's words for an information rating.
fn credibility(rating: u8) -> &'static str {
    match rating {
        1 => "confirmed by other sources",
        2 => "probably true",
        3 => "possibly true",
        4 => "doubtful",
        5 => "improbable",
        _ => "cannot be judged",
    }
}

fn sources(out: &mut String, sources: &[Source]) {
    out.push_str("<section id=\"sources\">\n<h2>Sources</h2>\n");
    if sources.is_empty() {
        out.push_str("<p class=\"note\">None.</p>\n</section>\n");
        return;
    }
    out.push_str("<ol class=\"sources\">\n");
    for s in sources {
        let title = escape(s.title.as_deref().unwrap_or(&s.id));
        let title = match s.url.as_deref().and_then(safe_url) {
            Some(url) => format!("<a href=\"{url}\" rel=\"noreferrer\">{title}</a>"),
            None => title,
        };
        let meta: Vec<String> = [s.outlet.as_deref(), s.published.as_deref()]
            .into_iter()
            .flatten()
            .map(escape)
            .chain([format!("document {}", escape(&s.id))])
            .collect();
        let _ = writeln!(
            out,
            "<li id=\"doc-{}\" value=\"{}\">{title} <span class=\"meta\">{}</span></li>",
            s.number,
            s.number,
            meta.join(" · ")
        );
    }
    out.push_str("</ol>\n</section>\n");
}
