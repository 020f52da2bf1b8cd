//! Extra tagger training text: CoNLL-2003-style files whose second column is a Penn Treebank
//! tag, mapped to universal tags. The treebanks are web text; newswire tagged this way teaches
//! the tagger the vocabulary of news ("migrants", "detained") without trees.

use std::io::BufRead;
use std::path::Path;

use crate::ParseError;
use crate::words::upos_index;

/// One tagged sentence: the words and their UPOS indices.
pub type TaggedSentence = (Vec<String>, Vec<u8>);

const BE: &[&str] = &[
    "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m",
];
const HAVE_DO: &[&str] = &["have", "has", "had", "'ve", "'d", "do", "does", "did"];
/// Words tagged IN that UD calls subordinating conjunctions.
const SUBORDINATORS: &[&str] = &[
    "that", "if", "because", "although", "though", "whether", "while", "unless", "whereas", "once",
    "since", "until", "till", "as",
];

/// The UPOS name for word `index` of a sentence tagged with Penn Treebank tags.
fn universal(words: &[String], tags: &[String], index: usize) -> &'static str {
    let lower = words[index].to_lowercase();
    let tag = tags[index].as_str();
    let next_is_verb = || {
        tags[index + 1..]
            .iter()
            .take(3)
            .find(|t| !matches!(t.as_str(), "RB" | "RBR" | "RBS"))
            .is_some_and(|t| t.starts_with("VB"))
    };
    match tag {
        "CC" => "CCONJ",
        "CD" => "NUM",
        "DT" | "PDT" => "DET",
        "EX" | "PRP" | "PRP$" | "WP" | "WP$" | "WDT" => "PRON",
        "FW" | "LS" | "-X-" => "X",
        "IN" if SUBORDINATORS.contains(&lower.as_str()) && next_clause(tags, index) => "SCONJ",
        "IN" | "RP" => "ADP",
        "JJ" | "JJR" | "JJS" => "ADJ",
        "MD" => "AUX",
        "NN" | "NNS" => "NOUN",
        "NNP" | "NNPS" => "PROPN",
        "POS" => "PART",
        // UD splits Penn's TO: the infinitive marker is a particle, the preposition is not.
        "TO" if tags.get(index + 1).is_some_and(|t| t == "VB" || t == "RB") => "PART",
        "TO" => "ADP",
        "RB" | "RBR" | "RBS" | "WRB" => "ADV",
        "UH" => "INTJ",
        "SYM" | "$" | "#" => "SYM",
        t if t.starts_with("VB") => {
            if BE.contains(&lower.as_str()) || (HAVE_DO.contains(&lower.as_str()) && next_is_verb())
            {
                "AUX"
            } else {
                "VERB"
            }
        }
        _ => "PUNCT",
    }
}

/// Whether a clause (a subject then a verb) seems to follow token `index`.
fn next_clause(tags: &[String], index: usize) -> bool {
    tags[index + 1..]
        .iter()
        .take(5)
        .any(|t| matches!(t.as_str(), "VBD" | "VBZ" | "VBP" | "MD"))
}

/// Reads a CoNLL-2003-style file (word, Penn tag, chunk, entity; blank lines between
/// sentences; `-DOCSTART-` lines ignored).
pub fn read_ptb_tagged(path: &Path) -> Result<Vec<TaggedSentence>, ParseError> {
    let io_error = |source| ParseError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let mut sentences = Vec::new();
    let (mut words, mut tags): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let mut flush = |words: &mut Vec<String>, tags: &mut Vec<String>| {
        if !words.is_empty() {
            let upos = (0..words.len())
                .map(|i| upos_index(universal(words, tags, i)))
                .collect();
            sentences.push((std::mem::take(words), upos));
            tags.clear();
        }
    };
    for (number, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io_error)?;
        let mut fields = line.split_whitespace();
        let (Some(word), tag) = (fields.next(), fields.next()) else {
            flush(&mut words, &mut tags);
            continue;
        };
        if word == "-DOCSTART-" {
            continue;
        }
        let Some(tag) = tag else {
            return Err(ParseError::Treebank {
                path: path.to_path_buf(),
                line: number + 1,
                message: "expected a word and a part-of-speech tag".into(),
            });
        };
        words.push(word.to_string());
        tags.push(tag.to_string());
    }
    flush(&mut words, &mut tags);
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::UPOS;
    use std::io::Write;

    #[test]
    fn maps_penn_tags_to_universal_ones() {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        write!(
            file,
            "-DOCSTART- -X- O O\n\nTroops NNS I-NP O\nhave VBP I-VP O\ndetained VBN I-VP O\n\
             migrants NNS I-NP O\nbecause IN I-SBAR O\nthey PRP I-NP O\nwere VBD I-VP O\n\
             armed VBN I-VP O\n. . O O\n\nThey PRP I-NP O\nhave VBP I-VP O\nguns NNS I-NP O\n\
             \nAid NN I-NP O\nwent VBD I-VP O\nto TO I-PP O\nfamilies NNS I-NP O\n\
             \nThey PRP I-NP O\nwant VBP I-VP O\nto TO I-VP O\nleave VB I-VP O\n"
        )
        .unwrap();
        let sentences = read_ptb_tagged(file.path()).unwrap();
        let names = |i: usize| -> Vec<&str> {
            sentences[i]
                .1
                .iter()
                .map(|t| UPOS[usize::from(*t)])
                .collect()
        };
        assert_eq!(
            names(0),
            [
                "NOUN", "AUX", "VERB", "NOUN", "SCONJ", "PRON", "AUX", "VERB", "PUNCT"
            ]
        );
        assert_eq!(names(1), ["PRON", "VERB", "NOUN"]);
        assert_eq!(names(2), ["NOUN", "VERB", "ADP", "NOUN"]);
        assert_eq!(names(3), ["PRON", "VERB", "PART", "VERB"]);
    }
}
