//! Reading the gazetteer's text form: one place a line, parsed in parallel parts.

use super::names::{NameIndex, PRIMARY_FLAG};
use super::{Place, ShortCode};
use crate::FeatureKind;
use tessera_doc::fold::fold_key_into as fold_into;

/// Bytes per part below which splitting the work across threads does not pay.
const MIN_PART_BYTES: usize = 1 << 20;
/// Fields of a place line.
const FIELDS: usize = 11;

/// One part's places, with its name index over them (place indices local to the part).
pub(super) struct Part {
    pub(super) places: Vec<Place>,
    pub(super) names: NameIndex,
}

/// A bad line: its number within the text, counting from 1, and why.
pub(super) struct BadLine {
    pub(super) line: usize,
    pub(super) reason: String,
}

/// Parses the place lines of `body` (the text after the header line), splitting it into one
/// part per available core. `first_line` is the line number of `body`'s first line.
pub(super) fn parse_body(body: &str, first_line: usize) -> Result<Vec<Part>, BadLine> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let parts = split_at_lines(body, threads.min(body.len() / MIN_PART_BYTES).max(1));
    if parts.len() == 1 {
        return parse_part(body)
            .map(|p| vec![p])
            .map_err(|(line, reason)| BadLine {
                line: first_line + line,
                reason,
            });
    }
    let results: Vec<Result<Part, (usize, String)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .iter()
            .map(|&part| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || parse_part(part))
                    .map_err(|_| part)
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| match handle {
                Ok(running) => running
                    .join()
                    .unwrap_or_else(|_| Err((0, "parser thread panicked".to_string()))),
                // No thread to be had: parse this part here.
                Err(part) => parse_part(part),
            })
            .collect()
    });
    let mut lines_before = first_line;
    let mut parsed = Vec::with_capacity(results.len());
    for (result, part) in results.into_iter().zip(&parts) {
        match result {
            Ok(p) => parsed.push(p),
            Err((line, reason)) => {
                return Err(BadLine {
                    line: lines_before + line,
                    reason,
                });
            }
        }
        lines_before += part.bytes().filter(|&b| b == b'\n').count();
    }
    Ok(parsed)
}

/// `text` cut into about `count` parts of similar size, each ending at a line end.
fn split_at_lines(text: &str, count: usize) -> Vec<&str> {
    let mut parts = Vec::with_capacity(count);
    let mut rest = text;
    for remaining in (1..=count).rev() {
        if remaining == 1 || rest.is_empty() {
            break;
        }
        let mut cut = rest.len() / remaining;
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let end = rest[cut..].find('\n').map_or(rest.len(), |i| cut + i + 1);
        let (part, after) = rest.split_at(end);
        parts.push(part);
        rest = after;
    }
    if !rest.is_empty() || parts.is_empty() {
        parts.push(rest);
    }
    parts
}

/// Parses one part; an error carries the line number within the part (from 0).
fn parse_part(text: &str) -> Result<Part, (usize, String)> {
    let mut places = Vec::with_capacity(text.len() / 100);
    let mut names = NameIndex::with_capacity(text.len() / 30, text.len() / 3);
    let mut folded = String::new();
    for (number, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let (place, alternates) = parse_place(line).map_err(|reason| (number, reason))?;
        let index = u32::try_from(places.len()).unwrap_or(u32::MAX) & !PRIMARY_FLAG;
        index_names(&mut names, index, &place.name, alternates, &mut folded);
        places.push(place);
    }
    names.sort();
    Ok(Part { places, names })
}

/// Puts a place's own name and its alternates (folded) into `names`.
fn index_names(
    names: &mut NameIndex,
    index: u32,
    primary: &str,
    alternates: &str,
    folded: &mut String,
) {
    folded.clear();
    fold_into(primary, folded);
    if !folded.is_empty() {
        names.push(folded, index | PRIMARY_FLAG);
    }
    let primary_len = folded.len();
    for name in alternates.split('|').filter(|n| !n.is_empty()) {
        folded.truncate(primary_len);
        fold_into(name, folded);
        let (primary, key) = folded.split_at(primary_len);
        if !key.is_empty() && key != primary {
            names.push(key, index);
        }
    }
}

/// The kind of a place from its one-letter code in the file.
fn feature_kind(code: &str) -> Option<FeatureKind> {
    Some(match code {
        "C" => FeatureKind::City,
        "D" => FeatureKind::Admin2,
        "A" => FeatureKind::Admin1,
        "N" => FeatureKind::Country,
        "R" => FeatureKind::Region,
        "K" => FeatureKind::Continent,
        _ => return None,
    })
}

/// One place line: the place and its `|`-separated alternate names.
pub(super) fn parse_place(line: &str) -> Result<(Place, &str), String> {
    let mut fields = [""; FIELDS];
    let mut count = 0;
    for field in line.splitn(FIELDS, '\t') {
        fields[count] = field;
        count += 1;
    }
    if count < 10 {
        return Err(format!("expected at least 10 fields, found {count}"));
    }
    let kind =
        feature_kind(fields[0]).ok_or_else(|| format!("unknown feature kind `{}`", fields[0]))?;
    let number = |i: usize, what: &str| -> Result<f64, String> {
        fields[i]
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| format!("{what} `{}` is not a number", fields[i]))
    };
    let lat = number(4, "latitude")?;
    let lon = number(5, "longitude")?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("point ({lat}, {lon}) is off the globe"));
    }
    let geonames_id = fields[1]
        .parse()
        .map_err(|_| format!("geonames id `{}` is not a number", fields[1]))?;
    let population = fields[6]
        .parse()
        .map_err(|_| format!("population `{}` is not a number", fields[6]))?;
    if fields[8].is_empty() {
        return Err("place has no name".to_string());
    }
    let code = |i: usize, what: &str| {
        ShortCode::new(fields[i]).ok_or_else(|| format!("{what} `{}` is too long", fields[i]))
    };
    let codes = fields[10]
        .split('|')
        .filter(|c| !c.is_empty())
        .map(Into::into)
        .collect();
    let place = Place {
        geonames_id,
        kind,
        lat,
        lon,
        population,
        capital: fields[7].contains('c'),
        division_seat: fields[7].contains('a'),
        name: fields[8].into(),
        codes,
        country: code(2, "country code")?,
        admin1_code: code(3, "division code")?,
    };
    Ok((place, fields[9]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_end_at_line_ends_and_cover_the_text() {
        let text = "aa\nbbbb\nc\nddddd\ne\n";
        for count in 1..=6 {
            let parts = split_at_lines(text, count);
            assert_eq!(parts.concat(), text, "{count} parts");
            assert!(parts.iter().all(|p| p.ends_with('\n')), "{parts:?}");
        }
        assert_eq!(split_at_lines("", 3), [""]);
    }

    #[test]
    fn flags_mark_capitals_and_division_seats() {
        let (place, names) =
            parse_place("C\t1\tMX\t14\t20.6\t-103.3\t10\tca\tGuadalajara\tGDL\t").expect("parses");
        assert!(place.capital && place.division_seat);
        assert_eq!(names, "GDL");
        let (place, _) =
            parse_place("C\t2\tMX\t14\t20.6\t-103.3\t10\t\tTapalpa\t\t").expect("parses");
        assert!(!place.capital && !place.division_seat);
    }
}
