//! Reading and writing CoNLL-2002/2003 column files.
//!
//! One token per line, whitespace-separated columns, the entity tag in the last column; a blank
//! line ends a sentence and a `-DOCSTART-` line starts a new document. Tags may be IOB1
//! (CoNLL-2003) or IOB2 (CoNLL-2002); both are normalised to IOB2 on reading.

use std::io::{self, BufRead, Write};

use crate::error::NerError;
use crate::tag::{Tag, normalise_to_iob2};

/// One document: the sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllDocument {
    /// The sentences, in order.
    pub sentences: Vec<ConllSentence>,
}

/// One sentence with its gold tags.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllSentence {
    /// The tokens (first column).
    pub tokens: Vec<String>,
    /// Every original column of each token, the tag column included.
    pub columns: Vec<Vec<String>>,
    /// The gold tags, normalised to IOB2.
    pub gold: Vec<Tag>,
}

impl ConllDocument {
    /// The tokens of each sentence, borrowed, as [`crate::Model::tag_document`] takes them.
    pub fn token_slices(&self) -> Vec<Vec<&str>> {
        self.sentences
            .iter()
            .map(|sentence| sentence.tokens.iter().map(String::as_str).collect())
            .collect()
    }

    /// Number of tokens in the document.
    pub fn token_count(&self) -> usize {
        self.sentences.iter().map(|s| s.tokens.len()).sum()
    }
}

/// Reads a CoNLL file into documents. `origin` names the data in error messages.
///
/// A file without `-DOCSTART-` lines is one document (see [`split_at_datelines`]).
pub fn read_conll(reader: impl BufRead, origin: &str) -> Result<Vec<ConllDocument>, NerError> {
    let mut documents = Vec::new();
    let mut document = ConllDocument::default();
    let mut sentence = ConllSentence::default();
    for (index, line) in reader.lines().enumerate() {
        let line = line.map_err(|source| NerError::ConllIo {
            origin: origin.to_string(),
            source,
        })?;
        let columns: Vec<&str> = line.split_whitespace().collect();
        let Some(first) = columns.first() else {
            finish_sentence(&mut document, &mut sentence);
            continue;
        };
        if *first == "-DOCSTART-" {
            finish_sentence(&mut document, &mut sentence);
            if !document.sentences.is_empty() {
                documents.push(std::mem::take(&mut document));
            }
            continue;
        }
        let error = |message: String| NerError::Conll {
            origin: origin.to_string(),
            line: index + 1,
            message,
        };
        if columns.len() < 2 {
            return Err(error(format!(
                "expected a token and a tag, found one column {line:?}"
            )));
        }
        if let Some(expected) = sentence.columns.first().map(Vec::len)
            && expected != columns.len()
        {
            return Err(error(format!(
                "expected {expected} columns like the line before, found {}",
                columns.len()
            )));
        }
        let tag_text = columns[columns.len() - 1];
        let tag = tag_text
            .parse::<Tag>()
            .map_err(|message| error(format!("bad tag column: {message}")))?;
        sentence.tokens.push((*first).to_string());
        sentence
            .columns
            .push(columns.iter().map(|c| (*c).to_string()).collect());
        sentence.gold.push(tag);
    }
    finish_sentence(&mut document, &mut sentence);
    if !document.sentences.is_empty() {
        documents.push(document);
    }
    Ok(documents)
}

fn finish_sentence(document: &mut ConllDocument, sentence: &mut ConllSentence) {
    if !sentence.tokens.is_empty() {
        normalise_to_iob2(&mut sentence.gold);
        document.sentences.push(std::mem::take(sentence));
    }
}

/// Splits documents of a corpus that has no document markers (CoNLL-2002) into articles,
/// starting a new one at each dateline sentence such as `Madrid , 23 may ( EFE ) .`: a short
/// sentence holding `( AGENCY )` where AGENCY is an upper-case word.
pub fn split_at_datelines(documents: Vec<ConllDocument>) -> Vec<ConllDocument> {
    let mut split = Vec::new();
    for document in documents {
        let mut current = ConllDocument::default();
        for sentence in document.sentences {
            if is_dateline(&sentence.tokens) && !current.sentences.is_empty() {
                split.push(std::mem::take(&mut current));
            }
            current.sentences.push(sentence);
        }
        if !current.sentences.is_empty() {
            split.push(current);
        }
    }
    split
}

fn is_dateline(tokens: &[String]) -> bool {
    tokens.len() <= 16
        && tokens.windows(3).any(|window| {
            window[0] == "("
                && window[2] == ")"
                && window[1].chars().count() >= 2
                && window[1].chars().all(|c| c.is_uppercase())
        })
}

/// Writes each sentence's original lines with one more column: the predicted IOB2 tag.
/// Documents are separated by a `-DOCSTART- -X- O O`-style line with as many columns as the
/// output lines, sentences by blank lines.
pub fn write_conll(
    documents: &[ConllDocument],
    predictions: &[Vec<Vec<Tag>>],
    mut writer: impl Write,
) -> io::Result<()> {
    for (document, predicted) in documents.iter().zip(predictions) {
        let width = document
            .sentences
            .first()
            .and_then(|s| s.columns.first())
            .map_or(2, Vec::len);
        let mut header = vec!["-DOCSTART-"];
        header.extend(std::iter::repeat_n("O", width));
        writeln!(writer, "{}", header.join(" "))?;
        writeln!(writer)?;
        for (sentence, tags) in document.sentences.iter().zip(predicted) {
            for (columns, tag) in sentence.columns.iter().zip(tags) {
                writeln!(writer, "{} {tag}", columns.join(" "))?;
            }
            writeln!(writer)?;
        }
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_and_sentences() {
        let text = "-DOCSTART- O\n\nA B-PER\nb O\n\nc O\n-DOCSTART- O\nd B-LOC\n";
        let docs = read_conll(text.as_bytes(), "inline").unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[1].sentences[0].tokens, vec!["d"]);
    }

    #[test]
    fn dateline_sentences_start_documents() {
        let text =
            "Madrid B-LOC\n( O\nEFE B-ORG\n) O\n\nx O\n\nRoma B-LOC\n( O\nEFE B-ORG\n) O\n\ny O\n";
        let docs = split_at_datelines(read_conll(text.as_bytes(), "inline").unwrap());
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].sentences[0].tokens[0], "Roma");
    }
}
