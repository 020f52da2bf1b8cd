//! Language-selected look-ups into the word lists of [`crate::lists`].

use crate::chars::LowerBuf;
use crate::lists::{
    ENGLISH_ABBREVIATIONS, ENGLISH_SENTENCE_STARTERS, SPANISH_ABBREVIATIONS,
    SPANISH_SENTENCE_STARTERS,
};
use tessera_doc::Lang;

/// What an abbreviation does to the sentence around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbreviationKind {
    /// Comes before a name (`Gen.`, `Dr.`, `Sra.`, an initial): never ends a sentence.
    Title,
    /// Comes before a number (`No. 5`, `pág. 3`): only an abbreviation when a number follows,
    /// and then never ends a sentence.
    BeforeNumber,
    /// Sits inside a sentence (`Jan. 5`, `vs.`, `e.g.`): never ends a sentence.
    Inline,
    /// Often closes a sentence too (`U.S.`, `Inc.`, `etc.`): ends one when the next word is a
    /// clear sentence start.
    MayEndSentence,
}

/// How an abbreviation must be written to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// With an upper-case first letter (`Gen.`, `GEN.`; not `gen.`).
    Capitalised,
    /// In any case (`etc.`, `Inc.`, `núm.`).
    Any,
}

/// One entry of an abbreviation table; `key` is lower case, without the final dot.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Abbreviation {
    pub(crate) key: &'static str,
    pub(crate) kind: AbbreviationKind,
    pub(crate) case: Case,
}

/// Which language's lists apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lexicon {
    English,
    Spanish,
    /// Unknown or other language: both lists, English first.
    Both,
}

impl Lexicon {
    /// The lists for a detected language.
    pub(crate) fn for_language(lang: Option<Lang>) -> Self {
        match lang {
            Some(Lang::EN) => Lexicon::English,
            Some(Lang::ES) => Lexicon::Spanish,
            _ => Lexicon::Both,
        }
    }

    fn abbreviation_tables(self) -> &'static [&'static [Abbreviation]] {
        match self {
            Lexicon::English => &[ENGLISH_ABBREVIATIONS],
            Lexicon::Spanish => &[SPANISH_ABBREVIATIONS],
            Lexicon::Both => &[ENGLISH_ABBREVIATIONS, SPANISH_ABBREVIATIONS],
        }
    }

    fn starter_tables(self) -> &'static [&'static [&'static str]] {
        match self {
            Lexicon::English => &[ENGLISH_SENTENCE_STARTERS],
            Lexicon::Spanish => &[SPANISH_SENTENCE_STARTERS],
            Lexicon::Both => &[ENGLISH_SENTENCE_STARTERS, SPANISH_SENTENCE_STARTERS],
        }
    }

    /// The kind of the listed abbreviation written as `word` (without its dot), if any.
    pub(crate) fn abbreviation(self, word: &str) -> Option<AbbreviationKind> {
        let first = word.chars().next()?;
        let mut buf = LowerBuf::new();
        let key = buf.lower(word)?;
        self.abbreviation_tables().iter().find_map(|table| {
            let entry = table
                .binary_search_by(|entry| entry.key.cmp(key))
                .ok()
                .and_then(|index| table.get(index))?;
            match entry.case {
                Case::Capitalised if !first.is_uppercase() => None,
                _ => Some(entry.kind),
            }
        })
    }

    /// Whether `word` (capitalised) is one of the words that clearly begin a sentence.
    pub(crate) fn is_sentence_starter(self, word: &str) -> bool {
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        let mut buf = LowerBuf::new();
        let Some(key) = buf.lower(word) else {
            return false;
        };
        self.starter_tables()
            .iter()
            .any(|table| table.binary_search(&key).is_ok())
    }

    /// How `core.` behaves when `core` is followed by a dot: as an initial (one capital
    /// letter), a listed abbreviation, or an unlisted dotted one (`N.Y.`, `D.C.`); `None` when
    /// the dot is ordinary punctuation.
    pub(crate) fn dotted_word(self, core: &str) -> Option<AbbreviationKind> {
        if is_initial(core) {
            return Some(AbbreviationKind::Title);
        }
        if let Some(kind) = self.abbreviation(core) {
            return Some(kind);
        }
        is_dotted_abbreviation(core).then_some(AbbreviationKind::MayEndSentence)
    }
}

/// A single capital letter (`J` of `J. R. Smith`).
fn is_initial(core: &str) -> bool {
    let mut chars = core.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Letters with inner dots, each part at most three letters (`U.S`, `EE.UU`, `a.m`, `Ph.D`),
/// as opposed to a domain name (`reuters.com`) or a number.
fn is_dotted_abbreviation(core: &str) -> bool {
    core.contains('.')
        && core.split('.').all(|part| {
            let letters = part.chars().count();
            (1..=3).contains(&letters) && part.chars().all(char::is_alphabetic)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use AbbreviationKind::*;

    #[test]
    fn language_codes_select_lists() {
        assert_eq!(Lexicon::for_language(Some(Lang::EN)), Lexicon::English);
        assert_eq!(Lexicon::for_language(Some(Lang::ES)), Lexicon::Spanish);
        assert_eq!(Lexicon::for_language(Lang::parse("fr")), Lexicon::Both);
        assert_eq!(Lexicon::for_language(None), Lexicon::Both);
    }

    #[test]
    fn titles_need_a_capital_where_the_list_says_so() {
        let english = Lexicon::English;
        assert_eq!(english.abbreviation("Gen"), Some(Title));
        assert_eq!(english.abbreviation("GEN"), Some(Title));
        assert_eq!(english.abbreviation("gen"), None);
        assert_eq!(english.abbreviation("etc"), Some(MayEndSentence));
        assert_eq!(english.abbreviation("Jan"), Some(Inline));
        assert_eq!(english.abbreviation("No"), Some(BeforeNumber));
        assert_eq!(
            english.abbreviation("Sra"),
            None,
            "Spanish title, English list"
        );
    }

    #[test]
    fn spanish_list_handles_accents_and_any_case() {
        let spanish = Lexicon::Spanish;
        assert_eq!(spanish.abbreviation("núm"), Some(BeforeNumber));
        assert_eq!(spanish.abbreviation("Núm"), Some(BeforeNumber));
        assert_eq!(spanish.abbreviation("lic"), Some(Title));
        assert_eq!(spanish.abbreviation("EE.UU"), Some(MayEndSentence));
        assert_eq!(spanish.abbreviation("Sra"), Some(Title));
        assert_eq!(
            spanish.abbreviation("no"),
            None,
            "lower-case 'no' is the word"
        );
    }

    #[test]
    fn both_lists_serve_unknown_languages() {
        assert_eq!(Lexicon::Both.abbreviation("Dr"), Some(Title));
        assert_eq!(Lexicon::Both.abbreviation("Sra"), Some(Title));
        assert_eq!(Lexicon::Both.abbreviation("Inc"), Some(MayEndSentence));
    }

    #[test]
    fn dotted_words_are_initials_listed_or_short_dotted_letters() {
        let lexicon = Lexicon::English;
        assert_eq!(lexicon.dotted_word("J"), Some(Title));
        assert_eq!(lexicon.dotted_word("N.Y"), Some(MayEndSentence));
        assert_eq!(lexicon.dotted_word("reuters.com"), None);
        assert_eq!(lexicon.dotted_word("5.93"), None);
        assert_eq!(lexicon.dotted_word("said"), None);
        assert_eq!(
            lexicon.dotted_word("e"),
            None,
            "lower-case letter is not an initial"
        );
    }

    #[test]
    fn sentence_starters_must_be_capitalised() {
        assert!(Lexicon::English.is_sentence_starter("The"));
        assert!(Lexicon::English.is_sentence_starter("THE"));
        assert!(!Lexicon::English.is_sentence_starter("the"));
        assert!(!Lexicon::English.is_sentence_starter("Army"));
        assert!(Lexicon::Spanish.is_sentence_starter("Según"));
        assert!(!Lexicon::Spanish.is_sentence_starter("The"));
        assert!(Lexicon::Both.is_sentence_starter("La"));
    }
}
