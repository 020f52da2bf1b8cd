//! The brief's timeline: events per day, week or month (whichever keeps the bars readable),
//! stacked by category, as an inline SVG bar chart.

use crate::brief::Item;
use crate::html::escape;
use crate::style::{CATEGORIES, category};
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::BTreeMap;
use std::fmt::Write;

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 180.0;
const LEFT: f64 = 34.0;
const BOTTOM: f64 = 22.0;
const TOP: f64 = 10.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bin {
    Day,
    Week,
    Month,
}

impl Bin {
    fn for_span(days: i64) -> Self {
        match days {
            ..=62 => Bin::Day,
            63..=730 => Bin::Week,
            _ => Bin::Month,
        }
    }

    fn start(self, day: NaiveDate) -> NaiveDate {
        match self {
            Bin::Day => day,
            Bin::Week => day - Duration::days(i64::from(day.weekday().num_days_from_monday())),
            Bin::Month => day.with_day(1).unwrap_or(day),
        }
    }

    fn next(self, start: NaiveDate) -> NaiveDate {
        match self {
            Bin::Day => start + Duration::days(1),
            Bin::Week => start + Duration::days(7),
            Bin::Month => start
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(start + Duration::days(31)),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Bin::Day => "day",
            Bin::Week => "week",
            Bin::Month => "month",
        }
    }
}

/// The first day a cluster's date names (a month's first day for a month).
fn day_of(item: &Item) -> Option<NaiveDate> {
    let value = &item.record.date.as_ref()?.value;
    let padded = match value.len() {
        4 => format!("{value}-01-01"),
        7 => format!("{value}-01"),
        _ => value.get(..10)?.to_string(),
    };
    NaiveDate::parse_from_str(&padded, "%Y-%m-%d").ok()
}

/// The chart, or a sentence saying why there is none.
pub fn render(items: &[Item]) -> String {
    let days: Vec<(NaiveDate, &'static str)> = items
        .iter()
        .filter_map(|i| Some((day_of(i)?, category(&i.record.kind).0)))
        .collect();
    let (Some(first), Some(last)) = (
        days.iter().map(|d| d.0).min(),
        days.iter().map(|d| d.0).max(),
    ) else {
        return r#"<p class="note">No event in this brief is dated, so there is no timeline.</p>"#
            .to_string();
    };
    let bin = Bin::for_span((last - first).num_days());
    let mut bins: BTreeMap<NaiveDate, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut start = bin.start(first);
    while start <= last {
        bins.insert(start, BTreeMap::new());
        start = bin.next(start);
    }
    for (day, group) in &days {
        *bins
            .entry(bin.start(*day))
            .or_default()
            .entry(group)
            .or_default() += 1;
    }
    let most = bins
        .values()
        .map(|b| b.values().sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    let plot_w = WIDTH - LEFT - 6.0;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = plot_w / bins.len() as f64;
    let bar_w = (slot * 0.8).max(1.0);
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title" class="chart"><title id="chart-title">Events per {} from {first} to {last}</title>"#,
        bin.name()
    );
    let _ = write!(
        svg,
        r##"<line x1="{LEFT}" y1="{y}" x2="{x2}" y2="{y}" stroke="#bfc9ca"/><text x="{lx}" y="{ty:.1}" text-anchor="end">{most}</text><text x="{lx}" y="{y}" text-anchor="end">0</text>"##,
        y = TOP + plot_h,
        x2 = WIDTH - 6.0,
        lx = LEFT - 4.0,
        ty = TOP + 8.0,
    );
    let label_every = (bins.len() / 8).max(1);
    for (i, (start, groups)) in bins.iter().enumerate() {
        let x = LEFT + i as f64 * slot + (slot - bar_w) / 2.0;
        let mut y = TOP + plot_h;
        for (group, colour) in CATEGORIES {
            let Some(&n) = groups.get(group) else {
                continue;
            };
            let h = plot_h * n as f64 / most as f64;
            y -= h;
            let _ = write!(
                svg,
                r#"<rect class="bar" x="{x:.1}" y="{y:.1}" width="{bar_w:.1}" height="{h:.1}" fill="{colour}"><title>{} {}: {n} {group}</title></rect>"#,
                bin.name(),
                escape(&start.to_string())
            );
        }
        if i % label_every == 0 {
            let _ = write!(
                svg,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                x + bar_w / 2.0,
                HEIGHT - 6.0,
                match bin {
                    Bin::Month => start.format("%Y-%m").to_string(),
                    _ => start.format("%m-%d").to_string(),
                }
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_widen_with_the_span() {
        assert_eq!(Bin::for_span(0), Bin::Day);
        assert_eq!(Bin::for_span(90), Bin::Week);
        assert_eq!(Bin::for_span(2000), Bin::Month);
        let day = NaiveDate::from_ymd_opt(2026, 2, 26).expect("date");
        assert_eq!(Bin::Week.start(day).to_string(), "2026-02-23");
        assert_eq!(Bin::Month.start(day).to_string(), "2026-02-01");
        assert_eq!(
            Bin::Month.next(Bin::Month.start(day)).to_string(),
            "2026-03-01"
        );
    }
}
