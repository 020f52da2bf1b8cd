//! Language detection: whatlang over the start of the text, reported as an ISO 639-1 code,
//! helped by a vote of common words where whatlang is slow or unsure.
//!
//! whatlang's trigram model is good on running prose but weak on all-capitals wire headlines
//! and earnings tables ("U.S. HOUSE VOTES TO EXTEND FARM CREDIT PROGRAM", "Shr 37 cts vs 29 cts"),
//! which it often calls French, Catalan or Latin; it is also the slowest step of ingest. So,
//! cheapest first:
//! 1. the sample's words are counted in the common-word lists of a few Latin-script languages
//!    ([`crate::common_words`]); a decisive count settles running prose on its own;
//! 2. otherwise whatlang's guess stands if it is reliable, unless the count overwhelmingly
//!    names another of the voting languages;
//! 3. otherwise (short or telegraphic text) a clear winner of the count, else whatlang limited
//!    to the voting languages for Latin-script text, else whatlang's unsure guess.
//!
//! `cargo run --release -p tessera-segment --example language_accuracy` measures it on the
//! news corpora.

use tessera_doc::Language;
use whatlang::Lang;

use crate::chars::LowerBuf;
use crate::common_words::{COMMON_WORDS, languages_using};

/// Only this many leading bytes are looked at: enough for a stable guess, cheap on long texts.
const SAMPLE_BYTES: usize = 2_000;
/// Texts with fewer words than this get no guess: the detector is noise on them.
const MIN_WORDS: usize = 3;

/// A common-word vote decides a text on its own, without the slower trigram detector, when
/// its winner has at least this many words no other language lists...
const DECISIVE_DISTINCTIVE: usize = 5;
/// ...four times as many as any other language has, and listed words make up at least a
/// quarter of the text's words (so that a language outside the vote, such as Catalan, does
/// not pass for a neighbour).
const DECISIVE_DENSITY_PERCENT: usize = 25;
/// Otherwise the vote settles an unsure trigram guess when its winner has at least this many
/// listed words and more than twice the runner-up's...
const CLEAR_VOTES: usize = 1;
/// ...and overrides even a "reliable" trigram guess (for another voting language) with at
/// least this many and three times the runner-up's (wire earnings tables, which whatlang
/// reliably calls French).
const OVERWHELMING_VOTES: usize = 4;

/// The language of `text`, or `None` for a text too short (fewer than three words) or with no
/// recognisable script. Case does not matter, so all-capitals headlines detect too.
pub(crate) fn detect(text: &str) -> Option<Language> {
    let sample = leading_sample(text, SAMPLE_BYTES);
    if word_count(sample) < MIN_WORDS {
        return None;
    }
    let vote = common_word_vote(sample);
    if let Some(vote) = vote.filter(Vote::is_decisive) {
        return Some(vote.language());
    }
    let trigram_guess = whatlang::detect(sample);
    match (&trigram_guess, &vote) {
        (Some(info), Some(vote)) if info.is_reliable() => {
            let trigram_code = iso_code(info.lang());
            let trigram_votes = COMMON_WORDS.iter().any(|&(code, _)| code == trigram_code);
            if trigram_votes && vote.code != trigram_code && vote.is_overwhelming() {
                Some(vote.language())
            } else {
                Some(from_whatlang(info))
            }
        }
        (Some(info), None) if info.is_reliable() => Some(from_whatlang(info)),
        _ => vote
            .filter(Vote::is_clear)
            .map(|vote| vote.language())
            .or_else(|| latin_fallback(sample, trigram_guess.as_ref()))
            .or_else(|| trigram_guess.as_ref().map(from_whatlang)),
    }
}

/// whatlang again, limited to the languages of the common-word vote, for Latin-script text
/// that neither whatlang nor the vote could settle (short telegraphic headlines).
fn latin_fallback(sample: &str, guess: Option<&whatlang::Info>) -> Option<Language> {
    if guess?.script() != whatlang::Script::Latin {
        return None;
    }
    let detector = whatlang::Detector::with_allowlist(vec![
        Lang::Eng,
        Lang::Spa,
        Lang::Fra,
        Lang::Deu,
        Lang::Por,
        Lang::Ita,
        Lang::Nld,
    ]);
    detector.detect(sample).as_ref().map(from_whatlang)
}

/// A detector's code as the document model's language (`und` if it were ever malformed).
fn doc_lang(code: &str) -> tessera_doc::Lang {
    tessera_doc::Lang::parse(code).unwrap_or(tessera_doc::Lang::UND)
}

fn from_whatlang(info: &whatlang::Info) -> Language {
    Language {
        code: doc_lang(iso_code(info.lang())),
        confidence: info.confidence() as f32,
    }
}

/// The outcome of counting common words for the leading language.
#[derive(Debug, Clone, Copy)]
struct Vote {
    code: &'static str,
    /// Listed words of the leader, and of the runner-up.
    best: usize,
    second: usize,
    /// Words only the leader lists, and the most any other language has of its own.
    distinctive: usize,
    rival_distinctive: usize,
    /// Words in the sample.
    words: usize,
}

impl Vote {
    fn is_decisive(&self) -> bool {
        self.distinctive >= DECISIVE_DISTINCTIVE
            && self.distinctive >= 4 * self.rival_distinctive
            && self.best * 100 >= self.words * DECISIVE_DENSITY_PERCENT
    }

    fn is_clear(&self) -> bool {
        self.best >= CLEAR_VOTES && self.best > 2 * self.second
    }

    fn is_overwhelming(&self) -> bool {
        self.best >= OVERWHELMING_VOTES && self.best >= 3 * self.second
    }

    /// Confidence grows with the margin: 1 − (runner-up + 1) / (leader + 1).
    fn language(&self) -> Language {
        Language {
            code: doc_lang(self.code),
            confidence: 1.0 - (self.second + 1) as f32 / (self.best + 1) as f32,
        }
    }
}

/// Counts the sample's words in each language's common-word list; `None` if none matched.
/// The leader is the language with most listed words (ties: the earlier in the list).
fn common_word_vote(sample: &str) -> Option<Vote> {
    let mut listed = [0usize; COMMON_WORDS.len()];
    let mut distinctive = [0usize; COMMON_WORDS.len()];
    let mut words = 0usize;
    let mut buf = LowerBuf::new();
    for word in sample.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        words += 1;
        let Some(languages) = buf.lower(word).map(languages_using).filter(|&set| set != 0) else {
            continue;
        };
        for (bit, (listed, distinctive)) in listed.iter_mut().zip(&mut distinctive).enumerate() {
            if languages & (1 << bit) != 0 {
                *listed += 1;
                if languages.count_ones() == 1 {
                    *distinctive += 1;
                }
            }
        }
    }
    let mut leader = 0;
    for (index, &count) in listed.iter().enumerate() {
        if count > listed.get(leader).copied().unwrap_or(0) {
            leader = index;
        }
    }
    let best = listed.get(leader).copied().filter(|&best| best > 0)?;
    let others = |counts: &[usize]| {
        counts
            .iter()
            .enumerate()
            .filter(|&(index, _)| index != leader)
            .map(|(_, &count)| count)
            .max()
            .unwrap_or(0)
    };
    Some(Vote {
        code: COMMON_WORDS.get(leader).map_or("", |&(code, _)| code),
        best,
        second: others(&listed),
        distinctive: distinctive.get(leader).copied().unwrap_or(0),
        rival_distinctive: others(&distinctive),
        words,
    })
}

/// At most `max` leading bytes of `text`, cut at whitespace where possible so that no word is
/// cut in half, and always on a character boundary.
fn leading_sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let cut = text.floor_char_boundary(max);
    let head = text.get(..cut).unwrap_or_default();
    match head.rfind(char::is_whitespace) {
        Some(space) if space >= cut / 2 => head.get(..space).unwrap_or(head),
        _ => head,
    }
}

/// Words for the "long enough" test: runs of text between whitespace that hold a letter; in
/// scripts written without spaces (Han, kana, Thai, ...) every letter counts as a word.
fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .map(|chunk| {
            let spaceless = chunk.chars().filter(|&c| is_spaceless_script(c)).count();
            if spaceless > 0 {
                spaceless
            } else {
                usize::from(chunk.chars().any(char::is_alphabetic))
            }
        })
        .sum()
}

fn is_spaceless_script(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'      // Thai, Lao
        | '\u{1000}'..='\u{109F}'    // Myanmar
        | '\u{1780}'..='\u{17FF}'    // Khmer
        | '\u{3040}'..='\u{30FF}'    // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}'    // CJK Extension A
        | '\u{4E00}'..='\u{9FFF}'    // CJK Unified Ideographs
        | '\u{F900}'..='\u{FAFF}') // CJK Compatibility Ideographs
}

/// ISO 639-1 for every language whatlang knows (all of them have one).
fn iso_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Option<String> {
        detect(text).map(|language| language.code.to_string())
    }

    #[test]
    fn detects_english_and_spanish_news() {
        assert_eq!(
            code(
                "Heavy rain fell across the northern wheat belt for a third day, easing fears \
                  of a poor harvest after a dry spell in March."
            ),
            Some("en".into())
        );
        assert_eq!(
            code(
                "El secretario de la Defensa dijo que el operativo en Tapalpa, Jalisco, se \
                  realizó con apoyo de inteligencia."
            ),
            Some("es".into())
        );
    }

    #[test]
    fn detects_other_common_languages_by_iso_639_1() {
        let samples = [
            (
                "fr",
                "Le gouvernement a annoncé mardi une nouvelle série de mesures pour la ville.",
            ),
            (
                "de",
                "Die Regierung hat am Dienstag neue Maßnahmen für die Wirtschaft angekündigt.",
            ),
            (
                "pt",
                "O governo anunciou nesta terça-feira novas medidas para a economia do país.",
            ),
            (
                "ru",
                "Правительство во вторник объявило о новых мерах поддержки экономики страны.",
            ),
            (
                "ar",
                "أعلنت الحكومة يوم الثلاثاء عن إجراءات جديدة لدعم الاقتصاد في البلاد.",
            ),
        ];
        for (expected, text) in samples {
            assert_eq!(code(text).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn languages_outside_the_vote_are_not_taken_for_their_neighbours() {
        // Catalan and Romanian share many short words with Spanish, French and Italian; the
        // common-word vote must leave them to the trigram detector.
        let samples = [
            (
                "ca",
                "El govern va anunciar dimarts noves mesures per donar suport a l'economia \
                    del país i als treballadors de les empreses més petites de Catalunya.",
            ),
            (
                "ro",
                "Guvernul a anunțat marți noi măsuri pentru sprijinirea economiei țării și a \
                    lucrătorilor din întreprinderile mici din toate regiunile.",
            ),
        ];
        for (expected, text) in samples {
            assert_eq!(code(text).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn wire_earnings_tables_detect_english() {
        let table = "Shr 37 cts vs 29 cts\n    Net 2.4 mln vs 2.1 mln\n    Sales 14.6 mln vs 12.8 \
                     mln\n    Year\n    Shr 1.08 dlrs vs 94 cts\n    Net 8.3 mln vs 7.2 mln";
        assert_eq!(code(table).as_deref(), Some("en"));
    }

    #[test]
    fn common_word_vote_decides_prose_and_abstains_on_mixtures() {
        let english = "The minister said on Tuesday that the government would not raise the tax \
                       this year, and that the bank had been told of the plan.";
        let vote = common_word_vote(english);
        assert!(
            vote.is_some_and(|v| v.code == "en" && v.is_decisive()),
            "{vote:?}"
        );
        let spanish = "El secretario de la Defensa dijo que los elementos del Ejército y de la \
                       Guardia Nacional fueron atacados durante el operativo en el municipio.";
        let vote = common_word_vote(spanish);
        assert!(
            vote.is_some_and(|v| v.code == "es" && v.is_decisive()),
            "{vote:?}"
        );
        let mixed = "the de la";
        assert!(!common_word_vote(mixed).is_some_and(|v| v.is_decisive()));
    }

    #[test]
    fn all_capitals_headlines_detect_english() {
        for headline in [
            "U.S. HOUSE VOTES TO EXTEND FARM CREDIT PROGRAM",
            "HARTWELL STEEL DEBT RATING CUT BY AGENCY",
            "WORLD BANK TO LEND MORE TO BRAZIL FOR ENERGY PROJECTS",
        ] {
            assert_eq!(code(headline).as_deref(), Some("en"), "{headline}");
        }
    }

    #[test]
    fn too_short_texts_get_no_guess() {
        assert_eq!(code(""), None);
        assert_eq!(code("Reuter"), None);
        assert_eq!(code("12 34 56 78"), None);
        assert_eq!(code("Hola amigo"), None);
    }

    #[test]
    fn confidence_is_a_probability() {
        let language = detect("The army said on Sunday that the operation had ended.");
        assert!(language.is_some_and(|l| (0.0..=1.0).contains(&l.confidence)));
    }

    #[test]
    fn long_texts_are_sampled_on_a_boundary() {
        let text = "Michoacán ".repeat(1_000);
        let sample = leading_sample(&text, SAMPLE_BYTES);
        assert!(sample.len() <= SAMPLE_BYTES);
        assert!(sample.ends_with("Michoacán"));
        let unspaced = "é".repeat(2_000);
        assert!(leading_sample(&unspaced, 1_001).len() == 1_000);
    }

    #[test]
    fn spaceless_scripts_count_characters_as_words() {
        assert!(word_count("我们走了") >= MIN_WORDS);
        assert_eq!(word_count("one two, three 42"), 3);
    }
}
