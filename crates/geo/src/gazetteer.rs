//! The compiled gazetteer: places from GeoNames and an index from folded names to them.
//!
//! The file (written by `tools/gazetteer/build_gazetteer.py`) is gzip-compressed UTF-8 text, one
//! place a line: `kind, geonames_id, country, admin1, lat, lon, population, flags, name, names,
//! codes`, tab-separated, lists `|`-separated. Lines starting with `#` are comments; the first
//! must be the format header.

mod names;
mod parse;

pub(crate) use crate::FeatureKind;
use crate::{GeoError, fold_name};
use names::{NameIndex, PRIMARY_FLAG};
use std::collections::HashMap;
use std::io::Read;

const FORMAT_HEADER: &str = "#tessera-gazetteer\t1";

/// The compiled gazetteer shipped with Tessera (see `assets/geo/`).
static EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/geo/gazetteer.tsv.gz"
));

/// A short ASCII code stored inline: ISO country codes and GeoNames division codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ShortCode {
    bytes: [u8; ShortCode::CAPACITY],
    len: u8,
}

impl ShortCode {
    const CAPACITY: usize = 12;

    fn new(code: &str) -> Option<ShortCode> {
        if code.len() > Self::CAPACITY || !code.is_ascii() {
            return None;
        }
        let mut bytes = [0; Self::CAPACITY];
        bytes[..code.len()].copy_from_slice(code.as_bytes());
        Some(ShortCode {
            bytes,
            len: code.len() as u8,
        })
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id; 0 for the regions the generator builds from groups of countries, which
    /// have no GeoNames entry in its sources.
    pub geonames_id: u64,
    pub kind: FeatureKind,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// The national capital.
    pub capital: bool,
    /// The seat of its first-level division (a state or provincial capital).
    pub division_seat: bool,
    pub name: Box<str>,
    /// Short codes: ISO alpha-2/alpha-3 for countries, the ISO 3166-2 suffix for first-level
    /// divisions ("TX"), member countries for regions.
    pub codes: Vec<Box<str>>,
    country: ShortCode,
    admin1_code: ShortCode,
}

impl Place {
    /// ISO 3166-1 alpha-2; empty for regions and continents.
    pub fn country(&self) -> &str {
        self.country.as_str()
    }

    /// GeoNames first-level division code within the country (`"14"` for Jalisco); empty when
    /// unknown or not applicable.
    pub fn admin1_code(&self) -> &str {
        self.admin1_code.as_str()
    }

    /// The (country, division) pair identifying the first-level division the place is in.
    pub(crate) fn division_key(&self) -> (ShortCode, ShortCode) {
        (self.country, self.admin1_code)
    }

    pub(crate) fn country_code(&self) -> ShortCode {
        self.country
    }
}

/// A place found under a looked-up name, and whether the name was its primary one.
#[derive(Debug, Clone, Copy)]
pub struct CandidateRef<'g> {
    pub index: u32,
    pub place: &'g Place,
    pub primary_name: bool,
}

/// Places and the folded-name index over them. Read-only once built; share it by reference.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    names: NameIndex,
    admin1: HashMap<(ShortCode, ShortCode), u32>,
    countries: HashMap<ShortCode, u32>,
    countries_by_geonames_id: HashMap<u64, u32>,
    by_code: HashMap<Box<str>, Vec<u32>>,
    national_capitals: HashMap<ShortCode, u32>,
    division_seats: HashMap<(ShortCode, ShortCode), u32>,
}

/// Reads a gazetteer file's text: gzip-compressed when its name ends in `.gz`.
pub fn read_gazetteer_file(path: &std::path::Path) -> Result<String, GeoError> {
    let io_error = |source| GeoError::Io {
        path: path.display().to_string(),
        source,
    };
    let bytes = std::fs::read(path).map_err(io_error)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut text = String::with_capacity(bytes.len() * 4);
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_string(&mut text)
            .map_err(GeoError::Decompress)?;
        Ok(text)
    } else {
        String::from_utf8(bytes)
            .map_err(|e| io_error(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
    }
}

/// Calls `each` with every place of a gazetteer's text and its `|`-separated alternate names,
/// in file order, parsing each line as the gazetteer itself does; returns how many places.
/// For tools that want the places without the index (the NER lexicon builder).
pub fn for_each_place(text: &str, mut each: impl FnMut(&Place, &str)) -> Result<usize, GeoError> {
    let body = split_header(text)?;
    let mut count = 0;
    for (number, line) in body.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (place, alternates) = parse::parse_place(line).map_err(|reason| GeoError::Record {
            line: number + 2,
            reason,
        })?;
        each(&place, alternates);
        count += 1;
    }
    Ok(count)
}

/// The text after the format header line, or an error when the header is not ours.
fn split_header(text: &str) -> Result<&str, GeoError> {
    let (header, body) = text.split_once('\n').unwrap_or((text, ""));
    if header.trim_end_matches('\r') != FORMAT_HEADER {
        return Err(GeoError::Header {
            expected: FORMAT_HEADER,
            found: header.chars().take(40).collect(),
        });
    }
    Ok(body)
}

impl Gazetteer {
    /// The gazetteer compiled into this binary.
    pub fn embedded() -> Result<Gazetteer, GeoError> {
        Gazetteer::from_bytes(EMBEDDED)
    }

    /// Reads a gazetteer file's bytes (gzip-compressed, as the generator writes it).
    pub fn from_bytes(bytes: &[u8]) -> Result<Gazetteer, GeoError> {
        let mut text = String::with_capacity(bytes.len() * 4);
        flate2::read::GzDecoder::new(bytes)
            .read_to_string(&mut text)
            .map_err(GeoError::Decompress)?;
        Gazetteer::from_text(&text)
    }

    /// Parses the uncompressed text form.
    pub fn from_text(text: &str) -> Result<Gazetteer, GeoError> {
        let body = split_header(text)?;
        let parts = parse::parse_body(body, 2).map_err(|bad| GeoError::Record {
            line: bad.line,
            reason: bad.reason,
        })?;
        let place_count = parts.iter().map(|p| p.places.len()).sum();
        let mut gazetteer = Gazetteer {
            places: Vec::with_capacity(place_count),
            names: NameIndex::default(),
            admin1: HashMap::new(),
            countries: HashMap::new(),
            countries_by_geonames_id: HashMap::new(),
            by_code: HashMap::new(),
            national_capitals: HashMap::new(),
            division_seats: HashMap::new(),
        };
        for part in parts {
            let offset = u32::try_from(gazetteer.places.len()).unwrap_or(u32::MAX);
            if offset.saturating_add(part.places.len() as u32) >= PRIMARY_FLAG {
                return Err(GeoError::Record {
                    line: 0,
                    reason: "more places than the index can hold".to_string(),
                });
            }
            gazetteer.names.append(part.names, offset);
            gazetteer.places.extend(part.places);
        }
        gazetteer.names.finish();
        gazetteer.index_kinds();
        Ok(gazetteer)
    }

    /// Builds the lookups by country, division, code, capital and seat.
    fn index_kinds(&mut self) {
        for (index, place) in self.places.iter().enumerate() {
            let index = index as u32;
            match place.kind {
                FeatureKind::Admin1 => {
                    self.admin1.insert(place.division_key(), index);
                }
                FeatureKind::Country => {
                    self.countries.insert(place.country, index);
                    self.countries_by_geonames_id
                        .insert(place.geonames_id, index);
                }
                FeatureKind::City => {
                    let larger = |held: Option<&u32>| {
                        held.and_then(|&i| self.places.get(i as usize))
                            .is_none_or(|p| p.population < place.population)
                    };
                    if place.capital && larger(self.national_capitals.get(&place.country)) {
                        self.national_capitals.insert(place.country, index);
                    }
                    let division = place.division_key();
                    if place.division_seat
                        && !place.admin1_code.is_empty()
                        && larger(self.division_seats.get(&division))
                    {
                        self.division_seats.insert(division, index);
                    }
                }
                _ => {}
            }
            if matches!(place.kind, FeatureKind::Admin1 | FeatureKind::Country) {
                for code in &place.codes {
                    self.by_code.entry(code.clone()).or_default().push(index);
                }
            }
        }
    }

    /// Every place known under `name` (accent- and case-insensitive, alternate names included).
    pub fn lookup(&self, name: &str) -> Vec<CandidateRef<'_>> {
        self.lookup_folded(&fold_name(name))
    }

    /// Like [`Gazetteer::lookup`] for a key already folded with [`fold_name`].
    pub fn lookup_folded(&self, key: &str) -> Vec<CandidateRef<'_>> {
        self.names
            .find(key)
            .filter_map(|posting| {
                let index = posting.place & !PRIMARY_FLAG;
                self.places.get(index as usize).map(|place| CandidateRef {
                    index,
                    place,
                    primary_name: posting.place & PRIMARY_FLAG != 0,
                })
            })
            .collect()
    }

    /// Whether any place is known under this folded key.
    pub fn contains_folded(&self, key: &str) -> bool {
        self.names.find(key).next().is_some()
    }

    /// First-level divisions and countries whose short code is exactly `code` ("TX", "MEX").
    pub fn lookup_code(&self, code: &str) -> impl Iterator<Item = (u32, &Place)> {
        self.by_code
            .get(code)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.places.get(i as usize).map(|p| (i, p)))
    }

    pub fn place(&self, index: u32) -> Option<&Place> {
        self.places.get(index as usize)
    }

    /// The first-level division with this GeoNames code in this country.
    pub fn admin1(&self, country: &str, admin1_code: &str) -> Option<(u32, &Place)> {
        let key = (ShortCode::new(country)?, ShortCode::new(admin1_code)?);
        let index = *self.admin1.get(&key)?;
        Some((index, self.place(index)?))
    }

    /// The country with this ISO 3166-1 alpha-2 code.
    pub fn country(&self, iso2: &str) -> Option<(u32, &Place)> {
        let index = *self.countries.get(&ShortCode::new(iso2)?)?;
        Some((index, self.place(index)?))
    }

    /// The national capital of the country with this ISO 3166-1 alpha-2 code.
    pub fn national_capital(&self, iso2: &str) -> Option<(u32, &Place)> {
        let index = *self.national_capitals.get(&ShortCode::new(iso2)?)?;
        Some((index, self.place(index)?))
    }

    /// The seat of a first-level division (its capital): GeoNames' seat where the data has one,
    /// else the national capital when it lies in the division.
    pub fn division_seat(&self, country: &str, admin1_code: &str) -> Option<(u32, &Place)> {
        let key = (ShortCode::new(country)?, ShortCode::new(admin1_code)?);
        if let Some(&index) = self.division_seats.get(&key) {
            return Some((index, self.place(index)?));
        }
        self.national_capital(country)
            .filter(|(_, capital)| capital.division_key() == key)
    }

    /// The country with this GeoNames id.
    pub fn country_by_geonames_id(&self, geonames_id: u64) -> Option<&Place> {
        self.place(*self.countries_by_geonames_id.get(&geonames_id)?)
    }

    /// All places, in file order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Distinct folded names indexed.
    pub fn name_count(&self) -> usize {
        self.names.distinct_names()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small gazetteer in the file's format, for tests across the crate.
    pub(crate) const SAMPLE: &str = "#tessera-gazetteer\t1\n\
#columns\tkind\tgeonames_id\n\
C\t2988507\tFR\t11\t48.8534\t2.3488\t2138551\tc\tParis\tParís|Lutetia\t\n\
C\t4717560\tUS\tTX\t33.6609\t-95.5555\t24782\t\tParis\t\t\n\
C\t4013516\tMX\t08\t19.2447\t-103.7127\t146965\ta\tColima\tKolima\t\n\
C\t3982461\tMX\t14\t19.9457\t-103.7593\t5782\t\tTapalpa\t\t\n\
C\t4005539\tMX\t14\t20.6767\t-103.3475\t1385629\ta\tGuadalajara\t\t\n\
C\t3530597\tMX\t09\t19.4285\t-99.1277\t12294193\tc\tMexico City\tCiudad de México\t\n\
C\t3121070\tES\t54\t40.6329\t-3.1669\t84803\t\tGuadalajara\t\t\n\
A\t4013513\tMX\t08\t19.0027\t-104.0\t665900\t\tColima\tEstado de Colima\tCOL\n\
A\t4004156\tMX\t14\t21.2408\t-103.2575\t7250206\t\tJalisco\tEstado de Jalisco\tJAL\n\
A\t4736286\tUS\tTX\t31.25\t-99.37\t22266440\t\tTexas\tTejas\tTX\n\
A\t3012874\tFR\t11\t48.5\t2.5\t11000000\t\tÎle-de-France\t\tIDF\n\
N\t3996063\tMX\t\t23.5\t-102.1\t126190788\t\tMexico\tMéxico|Mexican|mexicano|mexicana\tMX|MEX\n\
N\t6252001\tUS\t\t39.8\t-98.0\t327167434\t\tUnited States\tUS|U.S.|EE.UU.|American\tUS|USA\n\
N\t3017382\tFR\t\t46.5\t2.5\t66987244\t\tFrance\tFrancia|French\tFR|FRA\n\
N\t2510769\tES\t\t40.2\t-3.7\t46723749\t\tSpain\tEspaña|Spanish\tES|ESP\n\
R\t0\t\t\t29.4\t44.4\t434478060\t\tMiddle East\tOriente Medio\tIQ|SY\n";

    pub(crate) fn sample() -> Gazetteer {
        Gazetteer::from_text(SAMPLE).expect("sample gazetteer parses")
    }

    #[test]
    fn lookup_folds_accents_and_finds_alternates() {
        let g = sample();
        let ids = |name: &str| {
            let mut ids: Vec<u64> = g.lookup(name).iter().map(|c| c.place.geonames_id).collect();
            ids.sort_unstable();
            ids
        };
        assert_eq!(ids("Paris"), vec![2988507, 4717560]);
        assert_eq!(ids("PARÍS"), vec![2988507, 4717560]);
        assert_eq!(ids("méxico"), vec![3996063]);
        assert_eq!(ids("EEUU"), vec![6252001]);
        assert_eq!(ids("Ile de France"), vec![3012874]);
        assert!(g.lookup("Atlantis").is_empty());
        let paris = g.lookup("Paris");
        assert!(paris.iter().all(|c| c.primary_name));
        assert!(!g.lookup("Lutetia")[0].primary_name);
    }

    #[test]
    fn indexes_countries_divisions_and_codes() {
        let g = sample();
        assert_eq!(g.country("MX").map(|(_, p)| &*p.name), Some("Mexico"));
        assert_eq!(g.admin1("MX", "14").map(|(_, p)| &*p.name), Some("Jalisco"));
        let tx: Vec<_> = g.lookup_code("TX").map(|(_, p)| p.geonames_id).collect();
        assert_eq!(tx, vec![4736286]);
    }

    #[test]
    fn knows_capitals_and_division_seats() {
        let g = sample();
        let name = |found: Option<(u32, &Place)>| found.map(|(_, p)| p.name.to_string());
        assert_eq!(
            name(g.national_capital("MX")).as_deref(),
            Some("Mexico City")
        );
        assert_eq!(name(g.national_capital("FR")).as_deref(), Some("Paris"));
        assert_eq!(
            name(g.division_seat("MX", "14")).as_deref(),
            Some("Guadalajara")
        );
        // No seat flagged: the national capital when it lies in the division.
        assert_eq!(name(g.division_seat("FR", "11")).as_deref(), Some("Paris"));
        assert_eq!(name(g.division_seat("US", "TX")), None);
        assert_eq!(name(g.national_capital("ES")), None);
    }

    #[test]
    fn bad_input_is_an_error_naming_the_line() {
        let err = Gazetteer::from_text("nonsense").unwrap_err();
        assert!(matches!(err, GeoError::Header { .. }));
        let bad = format!(
            "{}C\t1\tFR\t\tnorth\t2.0\t0\t\tX\t\t\n",
            "#tessera-gazetteer\t1\n"
        );
        let err = Gazetteer::from_text(&bad).unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        let later = format!(
            "{}C\t1\tFR\t\t1.0\t2.0\t0\t\tX\t\t\nC\t2\n",
            "#tessera-gazetteer\t1\n#c\n"
        );
        let err = Gazetteer::from_text(&later).unwrap_err();
        assert!(err.to_string().contains("line 4"), "{err}");
        assert!(Gazetteer::from_bytes(b"not gzip").is_err());
    }

    #[test]
    fn embedded_gazetteer_loads_with_every_kind() {
        let g = Gazetteer::embedded().expect("embedded gazetteer loads");
        assert!(g.len() > 100_000);
        let seat = g.division_seat("MX", "14").map(|(_, p)| p.name.to_string());
        assert_eq!(seat.as_deref(), Some("Guadalajara"));
        for kind in [
            FeatureKind::City,
            FeatureKind::Admin1,
            FeatureKind::Country,
            FeatureKind::Region,
            FeatureKind::Continent,
        ] {
            assert!(g.places().iter().any(|p| p.kind == kind), "{kind:?}");
        }
    }
}
