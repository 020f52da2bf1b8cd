//! Word-level knowledge the tagger carries besides its weights: how often a word is written
//! with a capital letter in running news text, distributional word clusters learned from raw
//! text, and small hand-written lists of words that signal an entity type (organisation heads
//! such as "Ministry", person titles such as "Minister", place words such as "River").

use std::collections::HashMap;

use crate::features::token::{Case, normalise};
use crate::hash::{HashMap64, hash_str};

/// Bits of [`Lexicon::word_class`].
pub mod class {
    /// Heads of organisation names ("Ministry", "Bank", "Cartel", "Fiscalía").
    pub const ORGANISATION_WORD: u16 = 1;
    /// Titles before a person's name ("President", "Mr", "Secretario").
    pub const PERSON_TITLE: u16 = 2;
    /// Heads of place names ("River", "Island", "Avenida").
    pub const PLACE_WORD: u16 = 4;
    /// Months and weekdays, capitalised in English but not entities.
    pub const TIME_WORD: u16 = 8;
    /// A word of a longer place name in the gazetteer ("Janeiro" of "Rio de Janeiro").
    pub const PLACE_PART: u16 = 16;
    /// A whole one-word place name in the gazetteer ("Mérida").
    pub const PLACE_NAME: u16 = 32;
    /// A word of the name of a country, continent or world region ("Brasil", "Unidos").
    pub const COUNTRY_PART: u16 = 64;
    /// A whole one-word name of a large place: a city of at least [`super::LARGE_CITY`]
    /// people, a first-level division or a country ("Barcelona", "Extremadura", "Brasil").
    pub const LARGE_PLACE: u16 = 128;
    /// Words that mark sports reporting ("gol", "partido", "match"), counted per document.
    pub const SPORTS_WORD: u16 = 256;
    /// Number of class bits.
    pub const COUNT: usize = 9;
}

const ORGANISATION_WORDS: &str = "inc corp corporation co ltd plc llc ag sa nv gmbh group holdings \
    bank bancorp party ministry ministerio office oficina council consejo committee comité comision \
    comisión commission association asociación union unión university universidad institute \
    instituto agency agencia department departamento federation federación league liga club \
    company compañía cartel cártel army ejército secretaría secretariat fiscalía procuraduría court \
    tribunal congress congreso senate senado parliament parlamento police policía airlines \
    airways partido foundation fundación organization organisation organización navy marina \
    guard guardia times news post journal press radio television televisión fc exchange bolsa \
    service servicio board junta authority autoridad bureau administration administración \
    assembly asamblea front frente movement movimiento network red corporación empresa grupo \
    banco industries industrias systems motors petroleum energy telecom airline school escuela \
    hospital church iglesia coalition alliance alianza brigade brigada command comando force \
    fuerza fuerzas forces centre center centro institución institution cabinet gabinete";

const PERSON_TITLES: &str = "mr mrs ms dr mr. mrs. ms. dr. president presidente presidenta \
    minister ministro ministra secretary secretario secretaria director directora senator senador \
    senadora general gen gen. governor gobernador gobernadora king rey queen reina prince príncipe \
    pope papa judge juez jueza chairman chairwoman spokesman spokeswoman portavoz vocero coach \
    entrenador señor sr sr. sra sra. don doña leader líder chief jefe jefa ceo premier mayor alcalde \
    alcaldesa officer sheikh rev rev. father padre sir lord captain capitán colonel coronel \
    lieutenant sergeant sargento dictator dictador commander comandante ambassador embajador \
    embajadora deputy diputado diputada vice vicepresidente prime primer primera candidate \
    candidato candidata attorney fiscal prosecutor envoy enviado manager gerente striker \
    defender midfielder goalkeeper player jugador champion campeón ex former san santa saint st.";

const PLACE_WORDS: &str = "city ciudad river río mountain mountains montaña island islands isla \
    islas lake lago street calle avenue avenida province provincia state estado county region \
    región valley valle bay bahía gulf golfo port puerto sea mar ocean océano coast costa desert \
    desierto district distrito republic república kingdom reino strait estrecho peninsula \
    península canal cape cabo municipality municipio airport aeropuerto plaza square park parque \
    hills sierra beach playa county condado";

const SPORTS_WORDS: &str = "gol goles partido partidos liga equipo equipos jugador jugadores \
    entrenador temporada campeonato jornada minuto minutos delantero portero encuentro empate \
    copa torneo selección club fútbol futbolista baloncesto balonmano tenis ciclismo estadio \
    árbitro penalti marcador clasificación puntos victoria derrota goal goals match matches \
    league team teams player players coach season championship striker goalkeeper draw cup \
    tournament soccer football basketball tennis cycling stadium referee penalty scored beat \
    champions olympic olímpico mundial final semifinal cuartos eliminatoria visitante local";

const TIME_WORDS: &str = "january february march april may june july august september october \
    november december monday tuesday wednesday thursday friday saturday sunday enero febrero \
    marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre lunes \
    martes miércoles jueves viernes sábado domingo";

/// Population from which a city counts as a large place ([`class::LARGE_PLACE`]).
pub const LARGE_CITY: u64 = 300_000;

/// What a gazetteer name names, as [`Lexicon::add_place_name`] distinguishes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A country, continent or world region.
    Country,
    /// A city, town or administrative division.
    Place,
}

/// Case-ratio bins a word can fall into.
pub const CASE_BINS: u8 = 6;

/// Word-level resources looked up by the normalised (lower-cased, digits as `0`) form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    /// Case-ratio bin of each word seen often enough in raw text (see [`LexiconBuilder`]).
    pub(crate) case_bins: HashMap64<u8>,
    /// Distributional cluster of each frequent word, as a bit path (leading 1 bit marks length).
    pub(crate) clusters: HashMap64<u32>,
    /// Hand-written word classes (bits from [`class`]).
    pub(crate) word_classes: HashMap64<u16>,
}

impl Lexicon {
    /// A lexicon with only the built-in word lists.
    pub fn with_word_lists() -> Lexicon {
        let mut word_classes: HashMap64<u16> = HashMap64::default();
        for (list, bit) in [
            (ORGANISATION_WORDS, class::ORGANISATION_WORD),
            (PERSON_TITLES, class::PERSON_TITLE),
            (PLACE_WORDS, class::PLACE_WORD),
            (TIME_WORDS, class::TIME_WORD),
            (SPORTS_WORDS, class::SPORTS_WORD),
        ] {
            for word in list.split_whitespace() {
                *word_classes.entry(hash_str(&normalise(word))).or_default() |= bit;
            }
        }
        Lexicon {
            word_classes,
            ..Lexicon::default()
        }
    }

    /// Marks the words of a place name with the place classes of [`class`]: every word of a
    /// multi-word name as [`class::PLACE_PART`], a one-word name as [`class::PLACE_NAME`] (and
    /// [`class::LARGE_PLACE`] when `large`), and every word of a country or region name as
    /// [`class::COUNTRY_PART`].
    pub fn add_place_name(&mut self, name: &str, kind: PlaceKind, large: bool) {
        let words: Vec<&str> = simple_tokens(name)
            .into_iter()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        let single = words.len() == 1;
        for word in words {
            let mut bits = if kind == PlaceKind::Country {
                class::COUNTRY_PART
            } else if single {
                class::PLACE_NAME
            } else {
                class::PLACE_PART
            };
            if single && large {
                bits |= class::LARGE_PLACE;
            }
            *self
                .word_classes
                .entry(hash_str(&normalise(word)))
                .or_default() |= bits;
        }
    }

    /// The case-ratio bin of a normalised word, if it was seen often enough.
    pub fn case_bin(&self, lower: u64) -> Option<u8> {
        self.case_bins.get(&lower).copied()
    }

    /// The word-class bits of a normalised word (0 for none).
    pub fn word_class(&self, lower: u64) -> u16 {
        self.word_classes.get(&lower).copied().unwrap_or(0)
    }

    /// The cluster bit path of a word, if it has one.
    pub fn cluster(&self, lower: u64) -> Option<u32> {
        self.clusters.get(&lower).copied()
    }

    /// Number of words with a case bin and with a cluster.
    pub fn sizes(&self) -> (usize, usize) {
        (self.case_bins.len(), self.clusters.len())
    }
}

/// Gathers case statistics from raw text: for each word, how often it is written capitalised
/// and how often in lower case, counting only positions where case is informative (not the
/// first word of a sentence, not in an all-capitals line).
#[derive(Debug, Default)]
pub struct LexiconBuilder {
    counts: HashMap<String, (u32, u32)>,
}

impl LexiconBuilder {
    /// An empty builder.
    pub fn new() -> LexiconBuilder {
        LexiconBuilder::default()
    }

    /// Adds one sentence of tokens.
    pub fn add_sentence<S: AsRef<str>>(&mut self, tokens: &[S]) {
        let letter_tokens = tokens
            .iter()
            .filter(|t| t.as_ref().chars().any(char::is_alphabetic));
        let mut lower_seen = false;
        for token in letter_tokens {
            lower_seen |= token.as_ref().chars().any(char::is_lowercase);
        }
        if !lower_seen {
            return;
        }
        for token in tokens.iter().skip(1) {
            let token = token.as_ref();
            let case = Case::of(token);
            if case == Case::NoLetters {
                continue;
            }
            let entry = self.counts.entry(normalise(token)).or_default();
            if case.is_capitalised() {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
    }

    /// Adds raw text: split into sentences at `.`, `!`, `?` and line breaks, then into tokens
    /// with [`simple_tokens`].
    pub fn add_text(&mut self, text: &str) {
        for sentence in simple_sentences(text) {
            self.add_sentence(&simple_tokens(sentence));
        }
    }

    /// Builds the case bins into `lexicon`, keeping words seen at least `min_count` times.
    /// Bins: 0 never capitalised, 1..=4 increasingly often, 5 always capitalised.
    pub fn build_into(&self, lexicon: &mut Lexicon, min_count: u32) {
        let mut words: Vec<(&String, &(u32, u32))> = self.counts.iter().collect();
        words.sort();
        for (word, &(capitalised, lower)) in words {
            let total = capitalised + lower;
            if total < min_count {
                continue;
            }
            let bin = if capitalised == 0 {
                0
            } else if lower == 0 {
                CASE_BINS - 1
            } else {
                1 + ((f64::from(capitalised) / f64::from(total)) * 3.999) as u8
            };
            lexicon.case_bins.insert(hash_str(word), bin);
        }
    }
}

/// Splits raw text into rough sentences: at line breaks and after `.`, `!` or `?` followed by
/// white space.
pub fn simple_sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').flat_map(|line| {
        let mut pieces = Vec::new();
        let mut start = 0;
        let bytes = line.as_bytes();
        for (index, &byte) in bytes.iter().enumerate() {
            let ends = matches!(byte, b'.' | b'!' | b'?')
                && bytes.get(index + 1).is_some_and(|next| *next == b' ');
            if ends {
                pieces.push(&line[start..=index]);
                start = index + 1;
            }
        }
        pieces.push(&line[start..]);
        pieces.into_iter().filter(|piece| !piece.trim().is_empty())
    })
}

/// Splits text into tokens roughly as CoNLL does: runs of letters, digits and inner `.`, `-`,
/// `'`, `&` stay together; other punctuation stands alone.
pub fn simple_tokens(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (position, &(index, c)) in chars.iter().enumerate() {
        let next_is_word = chars
            .get(position + 1)
            .is_some_and(|(_, next)| next.is_alphanumeric());
        // Inner punctuation joins a word; a comma only between digits ("1,500").
        let inner = match c {
            '.' | '-' | '\'' | '&' => true,
            ',' => position > 0 && chars[position - 1].1.is_numeric(),
            _ => false,
        };
        let joins = c.is_alphanumeric() || (start.is_some() && inner && next_is_word);
        if joins {
            start.get_or_insert(index);
            continue;
        }
        if let Some(begin) = start.take() {
            // Keep the full stop of an abbreviation such as "U.S." or "Mr.".
            let word = &text[begin..index];
            if c == '.' && (word.contains('.') || is_title_abbreviation(word)) {
                tokens.push(&text[begin..index + 1]);
                continue;
            }
            tokens.push(word);
        }
        if !c.is_whitespace() {
            tokens.push(&text[index..index + c.len_utf8()]);
        }
    }
    if let Some(begin) = start {
        tokens.push(&text[begin..]);
    }
    tokens
}

fn is_title_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Sr" | "Sra" | "Jr" | "Gen" | "Lt" | "Col"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_punctuation_but_keep_abbreviations() {
        assert_eq!(
            simple_tokens("Mr. Smith met the U.S. envoy, in Puerto-Vallarta (Jalisco)."),
            vec![
                "Mr.",
                "Smith",
                "met",
                "the",
                "U.S.",
                "envoy",
                ",",
                "in",
                "Puerto-Vallarta",
                "(",
                "Jalisco",
                ")",
                "."
            ]
        );
        assert_eq!(simple_tokens("1,500 “top”"), vec!["1,500", "“", "top", "”"]);
    }

    #[test]
    fn case_bins_reflect_capitalisation() {
        let mut builder = LexiconBuilder::new();
        for _ in 0..3 {
            builder.add_text("Yesterday the officials in Paris said the deal was done.");
        }
        builder.add_text("ALL CAPS HEADLINE ABOUT THE DEAL");
        let mut lexicon = Lexicon::default();
        builder.build_into(&mut lexicon, 2);
        assert_eq!(lexicon.case_bin(hash_str("paris")), Some(CASE_BINS - 1));
        assert_eq!(lexicon.case_bin(hash_str("deal")), Some(0));
        assert_eq!(
            lexicon.case_bin(hash_str("yesterday")),
            None,
            "sentence-initial only"
        );
    }

    #[test]
    fn word_lists_are_keyed_by_normalised_form() {
        let lexicon = Lexicon::with_word_lists();
        assert!(lexicon.word_class(hash_str("fiscalía")) & class::ORGANISATION_WORD != 0);
        assert!(lexicon.word_class(hash_str("president")) & class::PERSON_TITLE != 0);
        assert_eq!(lexicon.word_class(hash_str("table")), 0);
        assert!(lexicon.word_class(hash_str("gol")) & class::SPORTS_WORD != 0);
    }

    #[test]
    fn place_names_mark_their_words() {
        let mut lexicon = Lexicon::default();
        lexicon.add_place_name("Río de Janeiro", PlaceKind::Place, true);
        lexicon.add_place_name("Mérida", PlaceKind::Place, false);
        lexicon.add_place_name("Barcelona", PlaceKind::Place, true);
        lexicon.add_place_name("Estados Unidos", PlaceKind::Country, true);
        assert_eq!(lexicon.word_class(hash_str("janeiro")), class::PLACE_PART);
        assert_eq!(lexicon.word_class(hash_str("mérida")), class::PLACE_NAME);
        assert_eq!(
            lexicon.word_class(hash_str("barcelona")),
            class::PLACE_NAME | class::LARGE_PLACE
        );
        assert_eq!(lexicon.word_class(hash_str("unidos")), class::COUNTRY_PART);
        assert_eq!(lexicon.word_class(hash_str("dida")), 0);
    }
}
