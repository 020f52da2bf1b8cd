use super::Outcome;
use crate::args::ShowArgs;
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
        "layers     {} sentences, {} tokens",
        doc.segmentation.sentences.len(),
        doc.segmentation.tokens.len()
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
    Ok(Outcome::Success)
}
