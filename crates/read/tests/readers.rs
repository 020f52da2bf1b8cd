//! Each reader on small fixture files, through the public `read_inputs`.

mod common;

use chrono::{DateTime, NaiveDate, Utc};
use common::{fixture, only_record, read, read_one_input};
use tessera_read::{Format, ReadOptions};

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn text_with_date_title_line_and_byline() {
    let path = fixture("dated.txt");
    let record = only_record(&path);
    assert_eq!(record.meta.published, date(2025, 11, 3));
    assert_eq!(
        record.meta.title.as_deref(),
        Some("Flooding Cuts Road Links Across Three Northern Provinces")
    );
    assert_eq!(
        record.meta.byline.as_deref(),
        Some("Maria Gonzalez, Tom Reed")
    );
    assert_eq!(record.origin.location, path);
    assert!(record.text.starts_with("Heavy rain cut road links"));
    assert!(record.text.ends_with("worst-hit districts."));
    // The text is an exact slice of the file.
    let file = std::fs::read_to_string(&path).unwrap();
    assert!(file.contains(&record.text));
}

#[test]
fn text_without_header_uses_stem_and_modification_date() {
    let path = fixture("undated.txt");
    let record = only_record(&path);
    assert_eq!(record.meta.title.as_deref(), Some("undated"));
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    assert_eq!(
        record.meta.published,
        Some(DateTime::<Utc>::from(modified).date_naive())
    );
    assert_eq!(
        record.text,
        "A council meeting was held on Tuesday to discuss the new bridge.\n  It ended without a vote."
    );
}

#[test]
fn markdown_front_matter() {
    let record = only_record(&fixture("front-matter.md"));
    let meta = &record.meta;
    assert_eq!(
        meta.title.as_deref(),
        Some("Port strike enters second week")
    );
    assert_eq!(meta.published, date(2025, 9, 14));
    assert_eq!(meta.source.as_deref(), Some("Harbour Gazette"));
    assert_eq!(meta.url.as_deref(), Some("https://harbour.example/strike"));
    assert_eq!(meta.byline.as_deref(), Some("Lena Ortiz"));
    // The title came from the front matter, so the heading stays in the body as written.
    assert!(record.text.starts_with("# Port strike"));
    assert!(record.text.ends_with("on **Sunday**."));
}

#[test]
fn markdown_heading_is_the_title() {
    let record = only_record(&fixture("heading.md"));
    assert_eq!(
        record.meta.title.as_deref(),
        Some("Election results delayed in coastal district")
    );
    assert_eq!(
        record.text,
        "Counting resumed after a power cut, the electoral board said."
    );
}

#[test]
fn jsonl_default_keys_null_dates_and_bad_lines() {
    let path = fixture("news.jsonl");
    let results = read_one_input(&path);
    assert_eq!(results.len(), 6, "{results:#?}");

    let wheat = results[0].as_ref().unwrap();
    assert_eq!(wheat.text, "Rain fell on the wheat belt all week.");
    assert_eq!(wheat.meta.title.as_deref(), Some("Wheat review"));
    assert_eq!(wheat.meta.published, date(1987, 3, 9));
    assert_eq!(wheat.origin.line, Some(1));

    let undated = results[1].as_ref().unwrap();
    assert_eq!(undated.meta.published, None);
    assert_eq!(
        undated.origin.line,
        Some(3),
        "the blank line is counted, not read"
    );

    let spanish = results[2].as_ref().unwrap();
    assert_eq!(spanish.meta.title.as_deref(), Some("Titular"));
    assert_eq!(spanish.meta.source.as_deref(), Some("Diario Ejemplo"));
    assert_eq!(
        spanish.meta.url.as_deref(),
        Some("https://diario.example/1")
    );
    assert_eq!(spanish.meta.byline.as_deref(), Some("Ana, Luis"));

    let empty = results[3].as_ref().unwrap_err();
    assert_eq!(
        empty.to_string(),
        format!("{path}:5: the text field \"body\" is empty")
    );

    let broken = results[4].as_ref().unwrap_err();
    assert!(
        broken
            .to_string()
            .starts_with(&format!("{path}:6: malformed JSON at column ")),
        "{broken}"
    );

    let rfc2822 = results[5].as_ref().unwrap();
    assert_eq!(rfc2822.meta.published, date(2025, 3, 4));
    assert_eq!(rfc2822.meta.source.as_deref(), Some("Wire"));
}

#[test]
fn jsonl_field_map() {
    let options = ReadOptions {
        map: "title=headline,text=story,date=when,source=paper,url=permalink,byline=writer"
            .parse()
            .unwrap(),
        ..ReadOptions::default()
    };
    let mut results = read(&[fixture("mapped.jsonl")], options);
    let record = results.remove(0).unwrap();
    assert_eq!(record.text, "Mapped story text.");
    assert_eq!(record.meta.title.as_deref(), Some("Mapped title"));
    assert_eq!(record.meta.published, date(2024, 1, 15));
    assert_eq!(record.meta.source.as_deref(), Some("The Mapper"));
    assert_eq!(record.meta.url.as_deref(), Some("https://m.example/1"));
    assert_eq!(record.meta.byline.as_deref(), Some("K. Lee"));
}

#[test]
fn html_article_without_boilerplate_and_with_meta_tags() {
    let record = only_record(&fixture("page.html"));
    assert_eq!(
        record.text,
        "Bridge reopens after repairs\n\n\
         The river bridge reopened on Tuesday after six months of repairs.\n\n\
         Traffic returns\n\n\
         Traffic returned to normal within hours, the council said."
    );
    let meta = &record.meta;
    assert_eq!(meta.title.as_deref(), Some("Bridge reopens after repairs"));
    assert_eq!(meta.published, date(2025, 5, 20));
    assert_eq!(meta.byline.as_deref(), Some("Sam Patel"));
    assert_eq!(meta.source.as_deref(), Some("City Herald"));
    assert_eq!(
        meta.url.as_deref(),
        Some("https://herald.example/news/bridge-reopens")
    );
}

#[test]
fn rss_items_with_an_item_lacking_text() {
    let path = fixture("feed.rss");
    let results = read_one_input(&path);
    assert_eq!(results.len(), 3);
    let fire = results[0].as_ref().unwrap();
    assert_eq!(
        fire.text,
        "A fire destroyed forty stalls.\n\nNo one was hurt."
    );
    assert_eq!(
        fire.meta.title.as_deref(),
        Some("Market fire destroys stalls")
    );
    assert_eq!(fire.meta.published, date(2025, 6, 2));
    assert_eq!(fire.meta.url.as_deref(), Some("https://wire.example/fire"));
    assert_eq!(fire.meta.source.as_deref(), Some("Regional Wire"));
    assert_eq!(fire.meta.byline.as_deref(), Some("R. Iqbal"));
    assert_eq!(fire.origin.item, Some(1));
    let missing = results[1].as_ref().unwrap_err();
    assert_eq!(
        missing.to_string(),
        format!(
            "{path} (item 2): feed item \"Item with no text\" has neither content nor a summary"
        )
    );
    assert_eq!(results[2].as_ref().unwrap().origin.item, Some(3));
}

#[test]
fn atom_entries_content_then_summary() {
    let results = read_one_input(&fixture("feed.atom"));
    assert_eq!(results.len(), 2);
    let talks = results[0].as_ref().unwrap();
    assert_eq!(talks.text, "Negotiators met in the capital.");
    assert_eq!(talks.meta.published, date(2025, 6, 30));
    assert_eq!(
        talks.meta.url.as_deref(),
        Some("https://atom.example/talks")
    );
    assert_eq!(talks.meta.byline.as_deref(), Some("Noor Haddad"));
    assert_eq!(talks.meta.source.as_deref(), Some("Atom Desk"));
    let updated = results[1].as_ref().unwrap();
    assert_eq!(updated.text, "Summary is the text here.");
    assert_eq!(
        updated.meta.published,
        date(2025, 7, 2),
        "updated stands in for published"
    );
}

#[test]
fn unknown_extensions_are_sniffed_for_explicit_files() {
    let texts: Vec<String> = ["json.data", "page.data", "feed.data", "plain.data"]
        .iter()
        .map(|name| only_record(&fixture(&format!("sniff/{name}"))).text)
        .collect();
    assert_eq!(
        texts,
        [
            "Sniffed as JSON Lines.",
            "Sniffed as HTML.",
            "Sniffed as a feed.",
            "Sniffed as plain text."
        ]
    );
}

#[test]
fn forced_format_overrides_the_extension() {
    let options = ReadOptions {
        format: Some(Format::Text),
        ..ReadOptions::default()
    };
    let mut results = read(&[fixture("page.html")], options);
    assert!(
        results
            .remove(0)
            .unwrap()
            .text
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn default_source_fills_only_missing_sources() {
    let options = ReadOptions {
        source: Some("Archive".into()),
        ..ReadOptions::default()
    };
    let results = read(&[fixture("dated.txt"), fixture("front-matter.md")], options);
    let sources: Vec<_> = results
        .iter()
        .map(|r| r.as_ref().unwrap().meta.source.clone())
        .collect();
    assert_eq!(
        sources,
        [
            Some("Archive".to_string()),
            Some("Harbour Gazette".to_string())
        ]
    );
}

fn walked(options: ReadOptions) -> Vec<String> {
    let root = fixture("walk");
    read(std::slice::from_ref(&root), options)
        .into_iter()
        .map(|result| {
            let record = result.unwrap();
            let relative = record
                .origin
                .location
                .strip_prefix(&root)
                .unwrap()
                .to_string();
            match record.origin.line {
                Some(line) => format!("{relative}:{line}"),
                None => relative,
            }
        })
        .collect()
}

#[test]
fn directory_walk_is_sorted_recursive_and_skips_hidden_and_unknown() {
    assert_eq!(
        walked(ReadOptions::default()),
        [
            "/2023/d.txt",
            "/2023/e.jsonl:1",
            "/2024/c.txt",
            "/2024/march/b.md",
            "/a.txt"
        ]
    );
}

#[test]
fn directory_walk_include_and_exclude() {
    let only_2024 = ReadOptions {
        include: vec!["2024/**".into()],
        exclude: vec!["march".into()],
        ..ReadOptions::default()
    };
    assert_eq!(walked(only_2024), ["/2024/c.txt"]);
    let text_files = ReadOptions {
        include: vec!["*.txt".into()],
        exclude: vec!["**/2023/*".into()],
        ..ReadOptions::default()
    };
    assert_eq!(walked(text_files), ["/2024/c.txt", "/a.txt"]);
}

#[test]
fn inputs_are_read_in_the_order_given() {
    let results = read(
        &[
            fixture("heading.md"),
            fixture("walk/a.txt"),
            fixture("dated.txt"),
        ],
        ReadOptions::default(),
    );
    let titles: Vec<_> = results
        .iter()
        .map(|r| r.as_ref().unwrap().meta.title.clone().unwrap())
        .collect();
    assert_eq!(titles[1], "a");
    assert!(titles[0].starts_with("Election"));
    assert!(titles[2].starts_with("Flooding"));
}

#[test]
fn files_are_opened_only_when_the_iteration_reaches_them() {
    let dir = tempfile::TempDir::new().unwrap();
    let first = dir.path().join("first.txt");
    let second = dir.path().join("second.txt");
    std::fs::write(&first, "First.").unwrap();
    let inputs = vec![first.display().to_string(), second.display().to_string()];
    let mut records = tessera_read::read_inputs(inputs, ReadOptions::default());
    assert_eq!(records.next().unwrap().unwrap().text, "First.");
    // Created only now, after the iterator was made: it is read all the same.
    std::fs::write(&second, "Second.").unwrap();
    assert_eq!(records.next().unwrap().unwrap().text, "Second.");
    assert!(records.next().is_none());
}
