//! Tagging speed of the embedded models (or of model files) on the CoNLL dev files, in tokens per second of wall
//! time and of this process's CPU time (the latter is steadier on a busy machine).
//!
//! ```text
//! cargo run --release -p tessera-ner --example speed -- [--data ../shared/data] [--rounds 5]
//!     [--model-dir DIR]   (DIR/en.model.gz and DIR/es.model.gz instead of the embedded ones)
//! ```

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;
use std::time::Instant;

use tessera_ner::{ConllDocument, Model, read_conll};

/// User plus system CPU seconds of this process, from /proc/self/stat (Linux only).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let user: f64 = fields.get(11)?.parse().ok()?;
    let system: f64 = fields.get(12)?.parse().ok()?;
    Some((user + system) / 100.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut data = PathBuf::from("../shared/data");
    let mut rounds = 5;
    let mut model_dir: Option<PathBuf> = None;
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--data" => data = PathBuf::from(args.next().ok_or("--data needs a value")?),
            "--model-dir" => {
                model_dir = Some(PathBuf::from(
                    args.next().ok_or("--model-dir needs a value")?,
                ))
            }
            "--rounds" => rounds = args.next().ok_or("--rounds needs a value")?.parse()?,
            other => return Err(format!("unknown option {other}").into()),
        }
    }
    for (lang, file) in [("en", "conll2003-en.dev"), ("es", "conll2002-es.dev")] {
        let path = data.join("ner").join(file);
        let documents: Vec<ConllDocument> = read_conll(
            BufReader::new(File::open(&path)?),
            &path.display().to_string(),
        )?;
        let model = match &model_dir {
            Some(dir) => Model::load(&dir.join(format!("{lang}.model.gz")))?,
            None => Model::embedded(tessera_doc::Lang::parse(lang).ok_or("bad language")?)
                .ok_or("no embedded model")??,
        };
        let documents: Vec<Vec<Vec<&str>>> =
            documents.iter().map(ConllDocument::token_slices).collect();
        let tokens: usize = documents.iter().flatten().map(Vec::len).sum();
        let cpu_before = cpu_seconds();
        let started = Instant::now();
        let mut tagged = 0;
        for _ in 0..rounds {
            for sentences in &documents {
                tagged += model.tag_document(sentences).len();
            }
        }
        let wall = started.elapsed().as_secs_f64();
        let total = (tokens * rounds) as f64;
        let cpu = cpu_before.zip(cpu_seconds()).map(|(a, b)| b - a);
        println!(
            "{lang}: {tokens} tokens x {rounds} ({tagged} sentences): {:.0} tokens/s wall, {} tokens/s CPU",
            total / wall,
            cpu.map_or("?".to_string(), |c| format!("{:.0}", total / c.max(0.01)))
        );
    }
    Ok(())
}
