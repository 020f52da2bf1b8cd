//! Reading CoNLL-U treebanks: the syntactic words of each sentence with their tag, head and
//! relation. Multiword-token lines ("1-2 del") and empty nodes ("8.1") are passed over: the
//! parser works on syntactic words, as the treebanks are scored.

use std::io::BufRead;
use std::path::Path;

use crate::ParseError;

/// One syntactic word of a treebank sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeWord {
    pub form: String,
    pub upos: String,
    /// The head's index in the sentence counted from 1; 0 is the root.
    pub head: u32,
    pub deprel: String,
}

/// One sentence of a treebank.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TreeSentence {
    pub words: Vec<TreeWord>,
}

/// Reads a CoNLL-U file; a malformed line is an error naming the file and line.
pub fn read_conllu(path: &Path) -> Result<Vec<TreeSentence>, ParseError> {
    let io_error = |source| ParseError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let mut sentences = Vec::new();
    let mut current = TreeSentence::default();
    for (number, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io_error)?;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !current.words.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let bad = |message: String| ParseError::Treebank {
            path: path.to_path_buf(),
            line: number + 1,
            message,
        };
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 10 {
            return Err(bad(format!(
                "expected 10 tab-separated fields, found {}",
                fields.len()
            )));
        }
        if fields[0].contains(['-', '.']) {
            continue;
        }
        let id: usize = fields[0]
            .parse()
            .map_err(|_| bad(format!("word id {:?} is not a number", fields[0])))?;
        if id != current.words.len() + 1 {
            return Err(bad(format!("word id {id} out of order")));
        }
        let head: u32 = fields[6]
            .parse()
            .map_err(|_| bad(format!("head {:?} is not a number", fields[6])))?;
        current.words.push(TreeWord {
            form: fields[1].to_string(),
            upos: fields[3].to_string(),
            head,
            deprel: fields[7].to_string(),
        });
    }
    if !current.words.is_empty() {
        sentences.push(current);
    }
    for (index, sentence) in sentences.iter().enumerate() {
        let count = sentence.words.len() as u32;
        if let Some(word) = sentence.words.iter().find(|w| w.head > count) {
            return Err(ParseError::Treebank {
                path: path.to_path_buf(),
                line: 0,
                message: format!(
                    "sentence {}: head {} of {:?} is past the sentence end",
                    index + 1,
                    word.head,
                    word.form
                ),
            });
        }
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn reads_words_and_skips_multiword_lines() {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        write!(
            file,
            "# text = Va al mar.\n1\tVa\tir\tVERB\t_\t_\t0\troot\t_\t_\n2-3\tal\t_\t_\t_\t_\t_\t_\t_\t_\n2\ta\ta\tADP\t_\t_\t4\tcase\t_\t_\n3\tel\tel\tDET\t_\t_\t4\tdet\t_\t_\n4\tmar\tmar\tNOUN\t_\t_\t1\tobl\t_\t_\n5\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n\n"
        )
        .unwrap();
        let sentences = read_conllu(file.path()).unwrap();
        assert_eq!(sentences.len(), 1);
        let forms: Vec<&str> = sentences[0].words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["Va", "a", "el", "mar", "."]);
        assert_eq!(sentences[0].words[3].head, 1);
    }

    #[test]
    fn a_bad_line_names_the_file_and_line() {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        writeln!(file, "1\tVa\tir\tVERB\t_\t_\tx\troot\t_\t_").unwrap();
        let error = read_conllu(file.path()).unwrap_err().to_string();
        assert!(error.contains(":1:"), "{error}");
        assert!(error.contains("head"), "{error}");
    }
}
