//! The events stage on realistic documents: fixture articles (English and Spanish), segmented
//! for real, with names marked by a capitalisation rule standing in for the recogniser, and
//! one entity per distinct name. Throughput is in tokens, to compare with NER's ~250k tokens/s.
//!
//! Run: `cargo bench -p tessera-events --bench events`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use tessera_doc::{
    Document, Entity, Language, Mention, MentionKind, Metadata, Origin, SourceRecord, Span,
};

const ARTICLES: &[(&str, &str)] = &[
    (
        "en",
        include_str!("../../../fixtures/articles/01-mali-checkpoints.txt"),
    ),
    (
        "en",
        include_str!("../../../fixtures/articles/15-indonesia-fuel-protests.txt"),
    ),
    (
        "en",
        include_str!("../../../fixtures/articles/18-port-au-prince-clashes.txt"),
    ),
    (
        "en",
        include_str!("../../../fixtures/articles/07-eu-tanker-sanctions.txt"),
    ),
    (
        "es",
        include_str!("../../../fixtures/articles/21-michoacan-enfrentamientos.txt"),
    ),
    (
        "es",
        include_str!("../../../fixtures/articles/23-paro-general-argentina.txt"),
    ),
    (
        "es",
        include_str!("../../../fixtures/articles/36-argelia-bombardeo-negado.txt"),
    ),
    (
        "es",
        include_str!("../../../fixtures/articles/29-sanciones-tesoro-jalisco.txt"),
    ),
];

/// A document of the article body, with runs of capitalised words inside sentences as names.
fn document(lang: &str, article: &str) -> Document {
    let (dateline, body) = article.split_once('\n').unwrap_or(("", article));
    let published = dateline
        .split_whitespace()
        .nth(1)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let mut doc = Document::from_record(SourceRecord {
        origin: Origin::file("bench"),
        meta: Metadata {
            published,
            ..Metadata::default()
        },
        text: body.trim_start().to_string(),
    });
    let lang = tessera_doc::Lang::parse(lang);
    doc.lang = lang.map(|code| Language {
        code,
        confidence: 1.0,
    });
    doc.set_segmentation(tessera_segment::segment(&doc.text, lang));
    doc.values =
        tessera_time::find_values(&tessera_doc::DocView::new(&doc), lang, doc.meta.published);
    let mut names: Vec<(Span, String)> = Vec::new();
    for sentence in &doc.segmentation.sentences {
        let tokens = doc.segmentation.sentence_tokens(sentence);
        let mut run: Option<(u32, u32)> = None;
        for (i, token) in tokens.iter().enumerate() {
            let text = token.span.text(&doc.text).unwrap_or("");
            let capitalised = i > 0 && text.chars().next().is_some_and(char::is_uppercase);
            match (capitalised, run) {
                (true, Some((start, _))) => run = Some((start, token.span.end)),
                (true, None) => run = Some((token.span.start, token.span.end)),
                (false, Some((start, end))) => {
                    names.push((
                        Span { start, end },
                        doc.text[start as usize..end as usize].to_string(),
                    ));
                    run = None;
                }
                (false, None) => {}
            }
        }
    }
    for (span, name) in names {
        let id = match doc.entities.iter().position(|e| e.name == name) {
            Some(id) => id,
            None => {
                doc.entities.push(Entity::new(MentionKind::Org, name));
                doc.entities.len() - 1
            }
        };
        doc.entities[id].mentions.push(span);
        doc.mentions.push(Mention {
            entity: Some(id as u32),
            ..Mention::new(span, MentionKind::Org)
        });
    }
    doc
}

fn events(c: &mut Criterion) {
    let docs: Vec<Document> = ARTICLES
        .iter()
        .map(|(lang, text)| document(lang, text))
        .collect();
    let tokens: usize = docs.iter().map(|d| d.segmentation.tokens.len()).sum();
    let mut group = c.benchmark_group("events");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("extract_events (8 fixture articles)", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(tessera_events::code_events(black_box(doc)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, events);
criterion_main!(benches);
