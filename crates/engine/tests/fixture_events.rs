//! Event extraction against the project's fixture articles (`fixtures/articles/NN-*.txt`, with
//! the expected events in `NN-*.json`; see `fixtures/README.md`), scored strictly.
//!
//! Each article runs through the whole pipeline (`Pipeline::with_models()`). Predicted events
//! are matched one-to-one to expected ones, greedily in text order (one of the same mode first),
//! on type, place and date:
//! the place by name (case and accents aside, no partial names) or both none, the date by value
//! (a date taken from the publication alone counts as none, as the fixtures never assume it).
//! On the matched pairs every other field is scored: mode, contexts, actors and recipients (by
//! name, one-to-one), fatalities, certainty and attribution. Looser matchings (type and place,
//! type only) are printed beside it to show where events are lost. Figures print with
//! `--nocapture`; the assertions hold floors a little under what the coder reaches, so a
//! regression fails. `FIXTURE_EVENTS_VERBOSE=1` lists every coded and expected event.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tessera_engine::Pipeline;
use tessera_engine::doc::{DatePrecision, Document, Event, Metadata, Origin, SourceRecord, fold};

/// An event, predicted or expected, in the fixtures' terms.
#[derive(Debug, Clone, Default)]
struct Record {
    kind: String,
    mode: Option<String>,
    contexts: Vec<String>,
    actors: Vec<String>,
    recipients: Vec<String>,
    place: Option<String>,
    date: Option<String>,
    fatalities: Option<u64>,
    certainty: String,
    attribution: Vec<String>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    predicted: usize,
    expected: usize,
    matched: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }

    fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }

    fn add(&mut self, predicted: usize, expected: usize, matched: usize) {
        self.predicted += predicted;
        self.expected += expected;
        self.matched += matched;
    }
}

/// Right answers among the matched pairs, for one field.
#[derive(Debug, Default, Clone, Copy)]
struct Accuracy {
    right: usize,
    total: usize,
}

impl Accuracy {
    fn add(&mut self, right: bool) {
        self.total += 1;
        self.right += usize::from(right);
    }

    fn value(&self) -> f64 {
        ratio(self.right, self.total)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles")
}

/// The article's record: the `date YYYY-MM-DD Title` line gives the metadata, the body the text.
fn record(path: &Path) -> SourceRecord {
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (first, body) = raw.split_once('\n').unwrap_or((raw.as_str(), ""));
    let mut parts = first.splitn(3, ' ');
    let (_, date, title) = (parts.next(), parts.next(), parts.next());
    SourceRecord {
        origin: Origin::file(path.display().to_string()),
        meta: Metadata {
            title: title.map(str::to_string),
            published: date.and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            ..Metadata::default()
        },
        text: body.trim_start().to_string(),
    }
}

fn strings(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn expected(path: &Path) -> Vec<Record> {
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: serde_json::Value =
        serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    value["events"]
        .as_array()
        .map(|events| {
            events
                .iter()
                .map(|e| Record {
                    kind: e["type"].as_str().unwrap_or("").to_string(),
                    mode: e["mode"].as_str().map(str::to_string),
                    contexts: strings(&e["contexts"]),
                    actors: strings(&e["actors"]),
                    recipients: strings(&e["recipients"]),
                    place: e["place"].as_str().map(str::to_string),
                    date: e["date"].as_str().map(str::to_string),
                    fatalities: e["fatalities"].as_u64(),
                    certainty: e["certainty"].as_str().unwrap_or("").to_string(),
                    attribution: strings(&e["attribution"]),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn predicted(doc: &Document, event: &Event) -> Record {
    let name_of = |p: &tessera_engine::doc::Participant| {
        p.entity
            .and_then(|id| doc.entities.get(id as usize))
            .map_or_else(|| p.name.clone(), |e| e.name.clone())
    };
    Record {
        kind: event.kind.to_string(),
        mode: event.mode.map(|m| m.to_string()),
        contexts: event.contexts.iter().map(|c| c.to_string()).collect(),
        actors: event.actors.iter().map(name_of).collect(),
        recipients: event.recipients.iter().map(name_of).collect(),
        place: event.place.as_ref().map(|p| {
            p.entity
                .and_then(|id| doc.entities.get(id as usize))
                .map_or_else(|| p.name.clone(), |e| e.name.clone())
        }),
        date: event
            .date
            .as_ref()
            .filter(|d| d.precision != DatePrecision::Publication)
            .map(|d| d.value.clone()),
        fatalities: event.fatalities.map(u64::from),
        certainty: event.claim.certainty.as_str().to_string(),
        attribution: event
            .claim
            .attribution
            .iter()
            .map(|a| a.name.clone())
            .collect(),
    }
}

fn same_name(a: &str, b: &str) -> bool {
    fold(a.trim()) == fold(b.trim())
}

fn same_place(a: &Record, b: &Record) -> bool {
    match (&a.place, &b.place) {
        (None, None) => true,
        (Some(x), Some(y)) => same_name(x, y),
        _ => false,
    }
}

/// How strictly two events must agree to be the same one.
#[derive(Clone, Copy)]
enum Key {
    Type,
    TypePlace,
    TypePlaceDate,
}

fn agrees(p: &Record, e: &Record, key: Key) -> bool {
    p.kind == e.kind
        && match key {
            Key::Type => true,
            Key::TypePlace => same_place(p, e),
            Key::TypePlaceDate => same_place(p, e) && p.date == e.date,
        }
}

/// Greedy one-to-one matching in text order, an expected event of the same mode before another:
/// (predicted, expected) index pairs.
fn matching(predicted: &[Record], expected: &[Record], key: Key) -> Vec<(usize, usize)> {
    let mut used = vec![false; expected.len()];
    let mut pairs = Vec::new();
    for (i, p) in predicted.iter().enumerate() {
        // Of the expected events that agree, one of the same mode first: a seizure and an
        // arrest told in one sentence pair with their own.
        let free = |j: &usize| !used[*j] && agrees(p, &expected[*j], key);
        if let Some(j) = (0..expected.len())
            .filter(free)
            .find(|&j| expected[j].mode == p.mode)
            .or_else(|| (0..expected.len()).find(free))
        {
            used[j] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

/// Names matched one-to-one, case and accents aside: (matched, predicted, expected).
fn names_matched(predicted: &[String], expected: &[String]) -> (usize, usize, usize) {
    let mut used = vec![false; expected.len()];
    let mut matched = 0;
    for p in predicted {
        if let Some(j) = (0..expected.len()).find(|&j| !used[j] && same_name(p, &expected[j])) {
            used[j] = true;
            matched += 1;
        }
    }
    (matched, predicted.len(), expected.len())
}

fn same_set(a: &[String], b: &[String]) -> bool {
    let mut a: Vec<String> = a.iter().map(|s| fold(s)).collect();
    let mut b: Vec<String> = b.iter().map(|s| fold(s)).collect();
    a.sort();
    b.sort();
    a == b
}

fn describe(r: &Record) -> String {
    format!(
        "{} {} {:?} a={:?} r={:?} @{} {} f={:?} {} src={:?}",
        r.kind,
        r.mode.as_deref().unwrap_or("-"),
        r.contexts,
        r.actors,
        r.recipients,
        r.place.as_deref().unwrap_or("-"),
        r.date.as_deref().unwrap_or("-"),
        r.fatalities,
        r.certainty,
        r.attribution
    )
}

#[test]
fn fixture_events_reach_their_thresholds() {
    let pipeline = Pipeline::with_models().expect("the shipped models load");
    let mut articles: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures/articles is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    articles.sort();
    assert!(
        articles.len() >= 36,
        "the fixture set has at least 36 articles"
    );
    let verbose = std::env::var_os("FIXTURE_EVENTS_VERBOSE").is_some();
    let mut by_type: BTreeMap<String, Tally> = BTreeMap::new();
    let (mut strict, mut placed, mut typed) =
        (Tally::default(), Tally::default(), Tally::default());
    let (mut actors, mut recipients) = (Tally::default(), Tally::default());
    let mut fields: BTreeMap<&str, Accuracy> = BTreeMap::new();
    for article in &articles {
        let doc = pipeline
            .analyse(record(article))
            .expect("the article analyses");
        let gold = expected(&article.with_extension("json"));
        let coded: Vec<Record> = doc.events.iter().map(|e| predicted(&doc, e)).collect();
        let pairs = matching(&coded, &gold, Key::TypePlaceDate);
        strict.add(coded.len(), gold.len(), pairs.len());
        placed.add(
            coded.len(),
            gold.len(),
            matching(&coded, &gold, Key::TypePlace).len(),
        );
        typed.add(
            coded.len(),
            gold.len(),
            matching(&coded, &gold, Key::Type).len(),
        );
        for r in &coded {
            by_type.entry(r.kind.clone()).or_default().predicted += 1;
        }
        for e in &gold {
            by_type.entry(e.kind.clone()).or_default().expected += 1;
        }
        for &(i, j) in &pairs {
            let (p, e) = (&coded[i], &gold[j]);
            by_type.entry(e.kind.clone()).or_default().matched += 1;
            let (m, np, ne) = names_matched(&p.actors, &e.actors);
            actors.add(np, ne, m);
            let (m, np, ne) = names_matched(&p.recipients, &e.recipients);
            recipients.add(np, ne, m);
            fields.entry("mode").or_default().add(p.mode == e.mode);
            fields
                .entry("contexts")
                .or_default()
                .add(same_set(&p.contexts, &e.contexts));
            fields
                .entry("fatalities")
                .or_default()
                .add(p.fatalities == e.fatalities);
            fields
                .entry("certainty")
                .or_default()
                .add(p.certainty == e.certainty);
            fields.entry("attribution").or_default().add(
                p.attribution.len() == e.attribution.len()
                    && p.attribution
                        .iter()
                        .zip(&e.attribution)
                        .all(|(a, b)| same_name(a, b)),
            );
        }
        if verbose {
            println!("== {}", article.display());
            for (r, event) in coded.iter().zip(&doc.events) {
                let trigger = doc.text.get(event.trigger.range()).unwrap_or("");
                println!("  coded    {} <{trigger}>", describe(r));
            }
            for e in &gold {
                println!("  expected {}", describe(e));
            }
        }
    }
    let line = |what: &str, t: &Tally| {
        println!(
            "{what:<18} precision {:.3} recall {:.3} ({} matched, {} coded, {} expected)",
            t.precision(),
            t.recall(),
            t.matched,
            t.predicted,
            t.expected
        )
    };
    println!("{} articles", articles.len());
    line("type+place+date", &strict);
    line("type+place", &placed);
    line("type only", &typed);
    line("actors", &actors);
    line("recipients", &recipients);
    for (field, accuracy) in &fields {
        println!(
            "{field:<18} accuracy {:.3} ({} of {} matched events)",
            accuracy.value(),
            accuracy.right,
            accuracy.total
        );
    }
    for (kind, tally) in &by_type {
        line(&format!("  {kind}"), tally);
    }
    let field = |name: &str| fields.get(name).map_or(0.0, Accuracy::value);
    // Floors a little under the measured figures (see the README's quality table).
    let floor = [
        ("type+place+date precision", strict.precision(), FLOORS[0]),
        ("type+place+date recall", strict.recall(), FLOORS[1]),
        ("type-only precision", typed.precision(), FLOORS[2]),
        ("type-only recall", typed.recall(), FLOORS[3]),
        ("actor precision", actors.precision(), FLOORS[4]),
        ("actor recall", actors.recall(), FLOORS[5]),
        ("recipient precision", recipients.precision(), FLOORS[6]),
        ("recipient recall", recipients.recall(), FLOORS[7]),
        ("mode accuracy", field("mode"), FLOORS[8]),
        ("contexts accuracy", field("contexts"), FLOORS[9]),
        ("fatalities accuracy", field("fatalities"), FLOORS[10]),
        ("certainty accuracy", field("certainty"), FLOORS[11]),
        ("attribution accuracy", field("attribution"), FLOORS[12]),
    ];
    let failed: Vec<String> = floor
        .iter()
        .filter(|(_, value, minimum)| value < minimum)
        .map(|(what, value, minimum)| format!("{what} {value:.3} is under {minimum}"))
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
}

/// The floors, in the order of the assertions above. Measured over 134 articles (89-114, the
/// relations batch, and 115-134, the names-and-places batch, were written after the first
/// event rules), with the dependency parse giving actors and recipients: type+place+date
/// P 0.629 R 0.686; type only P 0.788 R 0.860; actors P 0.646 R 0.544; recipients P 0.518
/// R 0.356; mode 0.702, contexts 0.766, fatalities 0.956, certainty 0.906, attribution 0.711
/// (before the scene round: P 0.546 R 0.629, P 0.724 R 0.835, P 0.603 R 0.472, P 0.459 R 0.307).
const FLOORS: [f64; 13] = [
    0.61, 0.67, 0.77, 0.84, 0.63, 0.53, 0.50, 0.34, 0.69, 0.75, 0.94, 0.89, 0.70,
];
