//! Reading place names from Tessera's gazetteer (`assets/geo/gazetteer.tsv.gz`) into the
//! lexicon's place classes. The file is parsed by `tessera-geo` alone.

use std::path::Path;

use tessera_geo::{FeatureKind, GeoError};

use crate::error::NerError;
use crate::lexicon::{LARGE_CITY, Lexicon, PlaceKind};

/// Adds the names of the gazetteer at `path` (gzip-compressed when it ends in `.gz`; read by
/// `tessera-geo`, the one parser of the file) to `lexicon`: countries, continents, regions and
/// first-level divisions always, cities of at least `min_city_population` people;
/// second-level divisions never (their names are mostly those of their main town).
/// Alternative names count only when they start with a capital letter (the others are
/// transliterations). Returns the number of places read.
pub fn add_gazetteer(
    path: &Path,
    lexicon: &mut Lexicon,
    min_city_population: u64,
) -> Result<usize, NerError> {
    let resource_error = |error: GeoError| match error {
        GeoError::Record { line, reason } => NerError::Resource {
            path: path.to_path_buf(),
            line,
            message: reason,
        },
        GeoError::Io { source, .. } => NerError::ResourceIo {
            path: path.to_path_buf(),
            source,
        },
        other => NerError::Resource {
            path: path.to_path_buf(),
            line: 1,
            message: other.to_string(),
        },
    };
    let text = tessera_geo::read_gazetteer_file(path).map_err(resource_error)?;
    let mut places = 0;
    tessera_geo::for_each_place(&text, |place, alternates| {
        let (kind, large) = match place.kind {
            FeatureKind::Country | FeatureKind::Continent | FeatureKind::Region => {
                (PlaceKind::Country, true)
            }
            FeatureKind::Admin1 => (PlaceKind::Place, true),
            FeatureKind::City if place.population >= min_city_population => {
                (PlaceKind::Place, place.population >= LARGE_CITY)
            }
            _ => return,
        };
        places += 1;
        lexicon.add_place_name(&place.name, kind, large);
        let capitalised = alternates
            .split('|')
            .filter(|name| name.chars().next().is_some_and(char::is_uppercase));
        for name in capitalised {
            lexicon.add_place_name(name, kind, large);
        }
    })
    .map_err(resource_error)?;
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
