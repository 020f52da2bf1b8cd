//! Measures `detect_language` on the news corpora in `shared/data/news` (found in the
//! repository root or a folder above it): the share of Reuters-21578 titles and bodies
//! detected as English and of Spanish-news headlines and texts detected as Spanish.
//!
//! Run with `cargo run --release -p tessera-segment --example language_accuracy`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tessera_segment::detect_language;

fn news_dir() -> Option<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("shared/data/news"))
        .find(|dir| dir.is_dir())
}

/// The string values of `field` in each JSON line of `path`.
fn field_values(path: &Path, field: &str) -> Vec<String> {
    let Ok(contents) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {}", path.display());
        return Vec::new();
    };
    contents
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|record| record.get(field)?.as_str().map(str::to_owned))
        .collect()
}

fn main() {
    let Some(dir) = news_dir() else {
        eprintln!(
            "shared/data/news not found above {}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::process::exit(1);
    };
    let reuters = dir.join("reuters21578.jsonl");
    let spanish = dir.join("spanish-news-mx.dev.jsonl");
    let sets = [
        (
            "Reuters-21578 titles",
            "en",
            field_values(&reuters, "title"),
        ),
        ("Reuters-21578 bodies", "en", field_values(&reuters, "body")),
        (
            "spanish-news-mx dev headlines",
            "es",
            field_values(&spanish, "Headline"),
        ),
        (
            "spanish-news-mx dev texts",
            "es",
            field_values(&spanish, "Text"),
        ),
    ];
    for (name, expected, texts) in sets {
        let mut right = 0usize;
        let mut undecided = 0usize;
        let mut wrong: HashMap<String, usize> = HashMap::new();
        for text in &texts {
            match detect_language(text) {
                Some(language) if language.code.as_str() == expected => right += 1,
                Some(language) => *wrong.entry(language.code.to_string()).or_default() += 1,
                None => undecided += 1,
            }
        }
        let mut wrong: Vec<(String, usize)> = wrong.into_iter().collect();
        wrong.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        wrong.truncate(5);
        let share = right as f64 / texts.len().max(1) as f64 * 100.0;
        println!(
            "{name}: {share:.1}% {expected} of {} (no guess {undecided}; most common wrong {wrong:?})",
            texts.len()
        );
    }
}
