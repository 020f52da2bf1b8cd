//! Training from files: reads the CoNLL splits and the raw text, builds the lexicon and trains,
//! with the settings the shipped models were trained with. Command-line front ends are thin
//! layers over [`train_from_files`].

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use tessera_doc::Lang;

use crate::clusters::Clusters;
use crate::conll::{ConllDocument, read_conll, split_at_datelines};
use crate::error::NerError;
use crate::lexicon::LexiconBuilder;
use crate::model::Model;
use crate::places::add_gazetteer;
use crate::train::{EpochReport, TrainConfig, train};

/// JSON fields read as text from raw news JSONL files (Reuters: `title`, `body`; the Mexican
/// Spanish news: `Text`).
const RAW_TEXT_FIELDS: [&str; 6] = ["title", "body", "text", "Text", "headline", "content"];

/// Everything needed to train a model from files.
#[derive(Debug, Clone)]
pub struct TrainRequest {
    /// Language code ("en", "es"); only used for messages and defaults.
    pub lang: Lang,
    /// CoNLL training file.
    pub train: PathBuf,
    /// CoNLL dev file, scored after every epoch.
    pub dev: Option<PathBuf>,
    /// Raw text in the same language for the lexicon's case statistics: JSONL news files
    /// (`.jsonl`, text fields `title`, `body`, `text`, `Text`, `headline`, `content`) or plain
    /// text files. Ignored unless the configuration uses case statistics
    /// ([`crate::FeatureSet::lexicon`]).
    pub raw_text: Vec<PathBuf>,
    /// Tessera's place gazetteer (`assets/geo/gazetteer.tsv.gz`): its names mark words of the
    /// lexicon as place words ([`crate::places::add_gazetteer`]).
    pub gazetteer: Option<PathBuf>,
    /// Smallest population of a gazetteer city whose names are used.
    pub min_city_population: u64,
    /// Word clusters ([`crate::Clusters`], from `tessera train clusters`) for the cluster
    /// features.
    pub clusters: Option<PathBuf>,
    /// Training settings; its lexicon is the starting point the file resources are added to.
    pub config: TrainConfig,
}

/// Reads a CoNLL file. A file without `-DOCSTART-` lines (CoNLL-2002) is cut into articles at
/// its datelines ([`split_at_datelines`]).
pub fn read_conll_file(path: &Path) -> Result<Vec<ConllDocument>, NerError> {
    let file = File::open(path).map_err(|source| NerError::ResourceIo {
        path: path.to_path_buf(),
        source,
    })?;
    let documents = read_conll(BufReader::new(file), &path.display().to_string())?;
    Ok(if documents.len() == 1 {
        split_at_datelines(documents)
    } else {
        documents
    })
}

/// Smallest population of a gazetteer city whose names the shipped models use.
pub const DEFAULT_MIN_CITY_POPULATION: u64 = 15_000;

impl TrainRequest {
    /// A request to train `lang` on the CoNLL file `train` with the shipped settings of the
    /// language ([`default_config`]), no dev file, no raw text and no gazetteer.
    pub fn new(lang: Lang, train: PathBuf) -> TrainRequest {
        TrainRequest {
            lang,
            train,
            dev: None,
            raw_text: Vec::new(),
            gazetteer: None,
            min_city_population: DEFAULT_MIN_CITY_POPULATION,
            clusters: None,
            config: default_config(lang),
        }
    }
}

/// The settings the shipped model of `lang` was trained with (with the gazetteer given in
/// [`TrainRequest::gazetteer`]); the general defaults for other languages.
pub fn default_config(lang: Lang) -> TrainConfig {
    let mut config = TrainConfig::default();
    match lang {
        Lang::EN => {
            config.epochs = 12;
            config.features.topic = true;
            config.features.place_context = true;
        }
        Lang::ES => {
            config.epochs = 25;
            // Raw-text case statistics cost Spanish 0.4–1.0 F1 on dev.
            config.features.lexicon = false;
            config.features.topic = true;
            config.features.place_context = true;
        }
        _ => {}
    }
    config
}

/// Reads the files of `request`, completes the lexicon (place names from the gazetteer; case
/// statistics of the training tokens and the raw text, when lexicon features are on) and
/// trains, passing each epoch's report to
/// `on_epoch`.
pub fn train_from_files(
    request: &TrainRequest,
    on_epoch: impl FnMut(&EpochReport),
) -> Result<Model, NerError> {
    let train_documents = read_conll_file(&request.train)?;
    let dev_documents = match &request.dev {
        Some(path) => read_conll_file(path)?,
        None => Vec::new(),
    };
    let mut config = request.config.clone();
    if let Some(path) = &request.gazetteer {
        add_gazetteer(path, &mut config.lexicon, request.min_city_population)?;
    }
    if config.features.lexicon {
        let mut builder = LexiconBuilder::new();
        for sentence in train_documents.iter().flat_map(|d| &d.sentences) {
            builder.add_sentence(&sentence.tokens);
        }
        for path in &request.raw_text {
            read_raw_text(path, |text| builder.add_text(text))?;
        }
        builder.build_into(&mut config.lexicon, 3);
    }
    if let Some(path) = &request.clusters {
        Clusters::load(path)?.add_to(&mut config.lexicon);
    }
    Ok(train(&train_documents, &dev_documents, &config, on_epoch))
}

/// Passes every text of a raw-text file to `sink`: the text fields of each JSON object of a
/// `.jsonl` file, or each line of any other file.
pub fn read_raw_text(path: &Path, mut sink: impl FnMut(&str)) -> Result<(), NerError> {
    let io_error = |source| NerError::ResourceIo {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io_error)?;
    let is_jsonl = path.extension().is_some_and(|e| e == "jsonl");
    for (index, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io_error)?;
        if !is_jsonl {
            sink(&line);
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| NerError::Resource {
                path: path.to_path_buf(),
                line: index + 1,
                message: format!("not a JSON object: {e}"),
            })?;
        for field in RAW_TEXT_FIELDS {
            if let Some(text) = record.get(field).and_then(|v| v.as_str()) {
                sink(text);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_text_reads_json_fields_and_reports_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("news.jsonl");
        std::fs::write(
            &path,
            "{\"title\": \"A\", \"body\": \"B\", \"id\": \"7\"}\n\n{\"Text\": \"C\"}\n",
        )
        .unwrap();
        let mut texts = Vec::new();
        read_raw_text(&path, |t| texts.push(t.to_string())).unwrap();
        assert_eq!(texts, ["A", "B", "C"]);

        std::fs::write(&path, "{\"title\": \"A\"}\nnot json\n").unwrap();
        let error = read_raw_text(&path, |_| {}).unwrap_err().to_string();
        assert!(error.contains("news.jsonl:2"), "{error}");
    }

    #[test]
    fn plain_text_is_read_by_line_and_missing_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("news.txt");
        std::fs::write(&path, "one\ntwo\n").unwrap();
        let mut texts = Vec::new();
        read_raw_text(&path, |t| texts.push(t.to_string())).unwrap();
        assert_eq!(texts, ["one", "two"]);
        let missing = read_conll_file(&dir.path().join("absent.conll")).unwrap_err();
        assert!(missing.to_string().contains("absent.conll"), "{missing}");
    }

    #[test]
    fn files_without_document_markers_are_split_at_datelines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("es.conll");
        std::fs::write(
            &path,
            "Madrid B-LOC\n( O\nEFE B-ORG\n) O\n\nx O\n\nRoma B-LOC\n( O\nEFE B-ORG\n) O\n",
        )
        .unwrap();
        assert_eq!(read_conll_file(&path).unwrap().len(), 2);
    }

    #[test]
    fn spanish_defaults_differ_from_english() {
        assert_eq!(default_config(Lang::EN).epochs, 12);
        assert!(default_config(Lang::EN).features.lexicon);
        assert!(!default_config(Lang::ES).features.lexicon);
        assert_eq!(
            TrainRequest::new(Lang::ES, PathBuf::from("x"))
                .config
                .epochs,
            25
        );
    }
}
