//! A language's syntax model (tagger, parser and labeller together), its file format, the
//! models that ship inside the library, and [`Analysis`], what it says of one sentence.

use std::io::{Read, Write};
use std::path::Path;

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use tessera_doc::Lang;
use tessera_learn::FormatError;
use tessera_learn::codec::{Reader, Writer};

use crate::ParseError;
use crate::labeller::{Labeller, Tree};
use crate::parser::Parser;
use crate::perceptron::Weights;
use crate::tagger::Tagger;
use crate::words::{UPOS, WordClusters, WordKeys};

const MAGIC: &[u8; 14] = b"TESSERA-PARSE\0";
/// Version 2 added the word clusters; version 1 files still load, without clusters.
const FORMAT_VERSION: u32 = 2;

static EMBEDDED_EN: &[u8] = include_bytes!("../../../assets/parse/en.model.gz");
static EMBEDDED_ES: &[u8] = include_bytes!("../../../assets/parse/es.model.gz");

/// Tagger, parser and labeller for one language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyntaxModel {
    pub(crate) tagger: Tagger,
    pub(crate) parser: Parser,
    pub(crate) labeller: Labeller,
    /// Word clusters the tagger was trained with (empty: none).
    pub(crate) clusters: WordClusters,
}

/// The syntax of one sentence: per word, its tag, head and relation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    /// UPOS indices (see [`UPOS`]).
    pub tags: Vec<u8>,
    /// Head indices; `None` for the root's dependents.
    pub heads: Vec<Option<u32>>,
    /// Relation indices into [`SyntaxModel::relations`].
    pub relation_ids: Vec<u16>,
}

impl SyntaxModel {
    /// The model shipped for `lang`.
    pub fn embedded(lang: Lang) -> Result<SyntaxModel, ParseError> {
        let bytes = match lang {
            Lang::EN => EMBEDDED_EN,
            Lang::ES => EMBEDDED_ES,
            other => return Err(ParseError::NoModel(other.to_string())),
        };
        if bytes.is_empty() {
            return Err(ParseError::NoModel(lang.to_string()));
        }
        SyntaxModel::from_gzip(bytes)
    }

    /// Tags, parses and labels one sentence's words.
    pub fn analyse<S: AsRef<str>>(&self, forms: &[S]) -> Analysis {
        let words: Vec<WordKeys> = forms
            .iter()
            .map(|f| WordKeys::of(f.as_ref(), &self.clusters))
            .collect();
        self.analyse_keys(&words)
    }

    pub(crate) fn analyse_keys(&self, words: &[WordKeys]) -> Analysis {
        let tags = self.tagger.tag(words);
        let heads = self.parser.parse(words, &tags);
        let labels = self.labeller.label(&Tree {
            words,
            tags: &tags,
            heads: &heads,
        });
        let root = words.len() as u32;
        Analysis {
            heads: heads.iter().map(|&h| (h < root).then_some(h)).collect(),
            relation_ids: labels,
            tags,
        }
    }

    /// The name of relation `id` (from [`Analysis::relation_ids`]).
    pub fn relation_name(&self, id: u16) -> &str {
        self.labeller.label_name(id)
    }

    /// The relation names the labeller gives, in index order.
    pub fn relations(&self) -> &[String] {
        &self.labeller.labels
    }

    /// Features kept by the tagger, parser and labeller.
    pub fn sizes(&self) -> [usize; 3] {
        [
            self.tagger.weights.len(),
            self.parser.weights.len(),
            self.labeller.weights.len(),
        ]
    }

    /// Writes the model, gzip-compressed.
    pub fn save(&self, path: &Path) -> Result<(), ParseError> {
        let io = |source| ParseError::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut writer = Writer::default();
        writer.bytes.extend_from_slice(MAGIC);
        writer.u32(FORMAT_VERSION);
        self.tagger.weights.write(&mut writer);
        self.parser.weights.write(&mut writer);
        writer.length(self.labeller.labels.len());
        for label in &self.labeller.labels {
            writer.length(label.len());
            writer.bytes.extend_from_slice(label.as_bytes());
        }
        self.labeller.weights.write(&mut writer);
        let mut clusters: Vec<(u64, u32)> = self.clusters.iter().map(|(k, v)| (*k, *v)).collect();
        clusters.sort_unstable();
        writer.length(clusters.len());
        for (key, path) in clusters {
            writer.u64(key);
            writer.u32(path);
        }
        let file = std::fs::File::create(path).map_err(io)?;
        let mut encoder = GzEncoder::new(file, Compression::best());
        encoder.write_all(&writer.bytes).map_err(io)?;
        encoder.finish().map_err(io)?;
        Ok(())
    }

    /// Reads a model written by [`SyntaxModel::save`].
    pub fn load(path: &Path) -> Result<SyntaxModel, ParseError> {
        let bytes = std::fs::read(path).map_err(|source| ParseError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        SyntaxModel::from_gzip(&bytes)
    }

    fn from_gzip(compressed: &[u8]) -> Result<SyntaxModel, ParseError> {
        let mut bytes = Vec::new();
        GzDecoder::new(compressed)
            .read_to_end(&mut bytes)
            .map_err(|e| FormatError(format!("not gzip data: {e}")))?;
        let mut reader = Reader::new(&bytes);
        if reader.take(MAGIC.len())? != MAGIC {
            return Err(FormatError("not a Tessera parsing model".into()).into());
        }
        let version = reader.u32()?;
        if version != FORMAT_VERSION && version != 1 {
            return Err(FormatError(format!(
                "format version {version}, expected {FORMAT_VERSION}"
            ))
            .into());
        }
        let tagger = Weights::read(&mut reader)?;
        let parser = Weights::read(&mut reader)?;
        let count = reader.length(4)?;
        let mut labels = Vec::with_capacity(count);
        for _ in 0..count {
            let length = reader.length(1)?;
            let text = std::str::from_utf8(reader.take(length)?)
                .map_err(|_| FormatError("a relation name is not UTF-8".into()))?;
            labels.push(text.to_string());
        }
        let labeller = Weights::read(&mut reader)?;
        let mut clusters = WordClusters::default();
        if version >= 2 {
            for _ in 0..reader.length(12)? {
                let key = reader.u64()?;
                clusters.insert(key, reader.u32()?);
            }
        }
        if !reader.is_at_end() {
            return Err(FormatError("trailing bytes after the model".into()).into());
        }
        if tagger.classes() != UPOS.len() || labeller.classes() != labels.len().max(1) {
            return Err(
                FormatError("class counts do not match the tag and relation sets".into()).into(),
            );
        }
        Ok(SyntaxModel {
            tagger: Tagger { weights: tagger },
            parser: Parser { weights: parser },
            labeller: Labeller {
                weights: labeller,
                labels,
            },
            clusters,
        })
    }
}
