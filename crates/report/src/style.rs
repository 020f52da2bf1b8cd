//! The brief's look: event categories and their colours, and the page's stylesheet.

/// PLOVER types in five groups an analyst scans for, each with its colour.
pub fn category(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "ASSAULT" => ("violence", "#c0392b"),
        "COERCE" | "THREATEN" | "SANCTION" | "MOBILIZE" => ("coercion", "#d68910"),
        "PROTEST" => ("protest", "#7d3c98"),
        "REQUEST" | "ACCUSE" | "REJECT" => ("statements", "#2e86c1"),
        _ => ("cooperation", "#229954"),
    }
}

/// Every group, in the order the legends list them.
pub const CATEGORIES: &[(&str, &str)] = &[
    ("violence", "#c0392b"),
    ("coercion", "#d68910"),
    ("protest", "#7d3c98"),
    ("statements", "#2e86c1"),
    ("cooperation", "#229954"),
];

pub const CSS: &str = r#"
:root { --ink: #1c2833; --muted: #5d6d7e; --rule: #d5d8dc; --paper: #fff; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 980px; padding: 24px 28px 48px; color: var(--ink);
  background: var(--paper); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--rule); }
h3 { font-size: 15px; margin: 0 0 4px; }
a { color: #1a5276; }
.scope, .note, .meta { color: var(--muted); }
.note { font-size: 13px; }
.counts { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 10px; margin: 16px 0; }
.count { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 12px; }
.count b { display: block; font-size: 24px; }
.count span { color: var(--muted); font-size: 13px; }
svg.map, svg.chart { width: 100%; height: auto; border: 1px solid var(--rule); border-radius: 6px; }
.sea { fill: #eaf2f8; }
.countries path { fill: #fbfcfc; stroke: #909497; stroke-width: 0.8; }
.divisions path { fill: none; stroke: #bfc9ca; stroke-width: 0.5; }
.divisions path.hit { fill: #e67e22; stroke: #935116; stroke-width: 0.9; }
.markers circle.exact { stroke: #fff; stroke-width: 1.2; fill-opacity: 0.9; }
.markers circle.area { fill: none; stroke-width: 2.2; stroke-dasharray: 4 3; }
.labels text { font-size: 12px; fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.credit { font-size: 10px; fill: var(--muted); text-anchor: end; }
.legend { display: flex; flex-wrap: wrap; gap: 14px; font-size: 13px; color: var(--muted); margin: 6px 0; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 4px; vertical-align: -1px; }
.swatch.area { background: none !important; border: 2px dashed var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
article.event { border-left: 4px solid var(--rule); padding: 6px 12px; margin: 14px 0; }
article.event.linked { border-left-style: dashed; }
.badge { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 9px; background: #eaeded; margin-right: 4px; }
.badge.confirmed { background: #d4efdf; } .badge.reported { background: #d6eaf8; }
.badge.alleged { background: #fdebd0; } .badge.denied { background: #fadbd8; }
blockquote { margin: 6px 0; padding: 2px 10px; border-left: 2px solid var(--rule); }
blockquote cite { display: block; font-style: normal; font-size: 13px; color: var(--muted); }
.contradiction { color: #922b21; font-size: 14px; }
ol.sources li { margin: 4px 0; }
.chart .bar:hover { opacity: 0.8; }
.chart text { font-size: 11px; fill: var(--muted); }
@media print { body { max-width: none; padding: 0; } article.event { break-inside: avoid; } a { color: inherit; } }
"#;
