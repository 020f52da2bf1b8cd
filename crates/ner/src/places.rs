//! Reading place names from Tessera's gazetteer (`assets/geo/gazetteer.tsv.gz`, see the
//! `tessera-geo` crate) into the lexicon's place classes.
//!
//! The file has one place a line, tab-separated: `kind, geonames_id, country, admin1, lat, lon,
//! population, flags, name, names, codes`, alternative names `|`-separated; lines starting
//! with `#` are comments. Kinds: `N` country, `K` continent, `R` world region, `A` first-level
//! division, `D` second-level division, `C` city.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use flate2::read::GzDecoder;

use crate::error::NerError;
use crate::lexicon::{LARGE_CITY, Lexicon, PlaceKind};

/// Column positions in the gazetteer file.
const KIND: usize = 0;
const POPULATION: usize = 6;
const NAME: usize = 8;
const NAMES: usize = 9;

/// Adds the names of the gazetteer at `path` (gzip-compressed when it ends in `.gz`) to
/// `lexicon`: countries, continents, regions and first-level divisions always, cities of at
/// least `min_city_population` people; second-level divisions never (their names are mostly
/// those of their main town). Alternative names count only when they start with a capital
/// letter (the others are transliterations). Returns the number of places read.
pub fn add_gazetteer(
    path: &Path,
    lexicon: &mut Lexicon,
    min_city_population: u64,
) -> Result<usize, NerError> {
    let io_error = |source| NerError::ResourceIo {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io_error)?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut places = 0;
    for (index, line) in BufReader::new(reader).lines().enumerate() {
        let line = line.map_err(io_error)?;
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let bad_line = |message: String| NerError::Resource {
            path: path.to_path_buf(),
            line: index + 1,
            message,
        };
        if columns.len() <= NAMES {
            return Err(bad_line(format!(
                "expected at least {} tab-separated columns, found {}",
                NAMES + 1,
                columns.len()
            )));
        }
        let population: u64 = if columns[POPULATION].is_empty() {
            0
        } else {
            columns[POPULATION]
                .parse()
                .map_err(|_| bad_line(format!("bad population {:?}", columns[POPULATION])))?
        };
        let (kind, large) = match columns[KIND] {
            "N" | "K" | "R" => (PlaceKind::Country, true),
            "A" => (PlaceKind::Place, true),
            "C" if population >= min_city_population => {
                (PlaceKind::Place, population >= LARGE_CITY)
            }
            _ => continue,
        };
        places += 1;
        lexicon.add_place_name(columns[NAME], kind, large);
        let alternatives = columns[NAMES].split('|').filter(|name| {
            name.chars()
                .next()
                .is_some_and(|first| first.is_uppercase())
        });
        for name in alternatives {
            lexicon.add_place_name(name, kind, large);
        }
    }
    Ok(places)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::hash_str;
    use crate::lexicon::class;

    const HEADER: &str = "#tessera-gazetteer\t1\n#columns\tkind\tgeonames_id\n";

    fn write(dir: &Path, body: &str) -> std::path::PathBuf {
        let path = dir.join("gazetteer.tsv");
        std::fs::write(&path, format!("{HEADER}{body}")).unwrap();
        path
    }

    #[test]
    fn reads_countries_divisions_and_large_enough_cities() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "N\t1\tBR\t\t0\t0\t200000000\t\tBrazil\tBrasil|brazil\tBR\n\
             A\t2\tES\t57\t0\t0\t1000000\t\tExtremadura\t\t\n\
             C\t3\tES\t57\t0\t0\t60000\t\tMérida\tMerida\t\n\
             C\t4\tXX\t01\t0\t0\t900\t\tDida\t\t\n\
             D\t5\tES\t57\t0\t0\t0\t\tBadajoz\t\t\n",
        );
        let mut lexicon = Lexicon::default();
        assert_eq!(add_gazetteer(&path, &mut lexicon, 15_000).unwrap(), 3);
        let word = |w: &str| lexicon.word_class(hash_str(w));
        assert_eq!(word("brasil"), class::COUNTRY_PART | class::LARGE_PLACE);
        assert_ne!(word("extremadura") & class::LARGE_PLACE, 0);
        assert_eq!(word("mérida"), class::PLACE_NAME);
        assert_eq!(word("dida"), 0, "too small");
        assert_eq!(word("badajoz"), 0, "second-level divisions are skipped");
    }

    #[test]
    fn bad_lines_name_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "C\t3\tES\n");
        let error = add_gazetteer(&path, &mut Lexicon::default(), 1)
            .unwrap_err()
            .to_string();
        assert!(error.contains("gazetteer.tsv:3"), "{error}");
    }
}
