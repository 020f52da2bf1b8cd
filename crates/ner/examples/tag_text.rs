//! Tags a plain-text file with an embedded model and lists the entities found, one per line.
//! Paragraphs are split into sentences and tokens with the crate's simple splitters; the whole
//! file is one document.
//!
//! ```text
//! cargo run --release -p tessera-ner --example tag_text -- en ../shared/seed/seed-article.txt
//! ```

use tessera_ner::{Model, entity_spans, simple_sentences, simple_tokens};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let lang = args.next().ok_or("usage: tag_text en|es FILE")?;
    let path = args.next().ok_or("usage: tag_text en|es FILE")?;
    let model = Model::embedded(tessera_doc::Lang::parse(&lang).ok_or("bad language")?)
        .ok_or("no embedded model for that language")??;
    let text = std::fs::read_to_string(&path)?;
    let sentences: Vec<Vec<&str>> = simple_sentences(&text)
        .map(simple_tokens)
        .filter(|tokens| !tokens.is_empty())
        .collect();
    let tags = model.tag_document(&sentences);
    for (tokens, tags) in sentences.iter().zip(&tags) {
        for span in entity_spans(tags) {
            println!("{}\t{}", span.kind, tokens[span.start..span.end].join(" "));
        }
    }
    Ok(())
}
