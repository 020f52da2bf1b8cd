//! The compiled gazetteer: places from GeoNames and an index from folded names to them.
//!
//! The file (written by `tools/gazetteer/build_gazetteer.py`) is gzip-compressed UTF-8 text, one
//! place a line: `kind, geonames_id, country, admin1, lat, lon, population, flags, name, names,
//! codes`, tab-separated, lists `|`-separated. Lines starting with `#` are comments; the first
//! must be the format header.

use crate::fold::fold_into;
use crate::{GeoError, fold_name};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Read;

const FORMAT_HEADER: &str = "#tessera-gazetteer\t1";
/// Marks a posting whose key is the place's own (primary) name, not an alternate.
const PRIMARY_FLAG: u32 = 1 << 31;

/// The compiled gazetteer shipped with Tessera (see `assets/geo/`).
static EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/geo/gazetteer.tsv.gz"
));

/// What kind of feature a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FeatureKind {
    /// A populated place: city, town, village.
    City,
    /// A second-level administrative division (county, municipality).
    Admin2,
    /// A first-level administrative division (state, province).
    Admin1,
    Country,
    /// A group of countries ("Middle East", "Central America").
    Region,
    Continent,
}

impl FeatureKind {
    fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "C" => FeatureKind::City,
            "D" => FeatureKind::Admin2,
            "A" => FeatureKind::Admin1,
            "N" => FeatureKind::Country,
            "R" => FeatureKind::Region,
            "K" => FeatureKind::Continent,
            _ => return None,
        })
    }
}

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

/// One (folded name, place) pair of the name index.
#[derive(Debug, Clone, Copy)]
struct Posting {
    hash: u64,
    key_start: u32,
    key_len: u32,
    /// Place index, with [`PRIMARY_FLAG`] set when the name is the place's own.
    place: u32,
}

/// Folded names to places: postings sorted by the name's hash, names kept in one arena so a
/// hash match is confirmed against the name itself.
#[derive(Debug, Default)]
struct NameIndex {
    postings: Vec<Posting>,
    keys: String,
}

/// FNV-1a: small, fast and good enough to spread folded names.
fn name_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl NameIndex {
    fn push(&mut self, key: &str, place: u32) {
        let key_start = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        self.keys.push_str(key);
        self.postings.push(Posting {
            hash: name_hash(key),
            key_start,
            key_len: key.len() as u32,
            place,
        });
    }

    fn key_of(&self, posting: &Posting) -> &str {
        let start = posting.key_start as usize;
        self.keys
            .get(start..start + posting.key_len as usize)
            .unwrap_or("")
    }

    /// Sorts for lookup and drops a place listed twice under one name (keeping the primary).
    fn finish(&mut self) {
        self.postings
            .sort_unstable_by_key(|p| (p.hash, p.place & !PRIMARY_FLAG, !p.place));
        let keys = &self.keys;
        let key = |p: &Posting| &keys[p.key_start as usize..(p.key_start + p.key_len) as usize];
        self.postings.dedup_by(|later, kept| {
            later.hash == kept.hash
                && later.place & !PRIMARY_FLAG == kept.place & !PRIMARY_FLAG
                && key(later) == key(kept)
        });
    }

    fn find(&self, key: &str) -> impl Iterator<Item = &Posting> {
        let hash = name_hash(key);
        let from = self.postings.partition_point(|p| p.hash < hash);
        self.postings[from..]
            .iter()
            .take_while(move |p| p.hash == hash)
            .filter(move |p| self.key_of(p) == key)
    }

    fn distinct_names(&self) -> usize {
        let mut count = 0;
        let mut previous: Option<&str> = None;
        for posting in &self.postings {
            let key = self.key_of(posting);
            if previous != Some(key) {
                count += 1;
            }
            previous = Some(key);
        }
        count
    }
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
        let mut lines = text.lines();
        let header = lines.next().unwrap_or("");
        if header != FORMAT_HEADER {
            return Err(GeoError::Header {
                expected: FORMAT_HEADER,
                found: header.chars().take(40).collect(),
            });
        }
        let mut gazetteer = Gazetteer {
            places: Vec::with_capacity(text.len() / 80),
            names: NameIndex::default(),
            admin1: HashMap::new(),
            countries: HashMap::new(),
            countries_by_geonames_id: HashMap::new(),
            by_code: HashMap::new(),
        };
        gazetteer.names.postings.reserve(text.len() / 30);
        gazetteer.names.keys.reserve(text.len() / 3);
        let mut folded = String::new();
        for (number, line) in lines.enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let (place, names) = parse_place(line).map_err(|reason| GeoError::Record {
                line: number + 2,
                reason,
            })?;
            gazetteer.add(place, names, &mut folded);
        }
        gazetteer.names.finish();
        Ok(gazetteer)
    }

    fn add(&mut self, place: Place, alternates: &str, folded: &mut String) {
        let index = u32::try_from(self.places.len()).unwrap_or(u32::MAX) & !PRIMARY_FLAG;
        fold_into(&place.name, folded);
        if !folded.is_empty() {
            self.names.push(folded, index | PRIMARY_FLAG);
        }
        let primary_len = folded.len();
        for name in alternates.split('|').filter(|n| !n.is_empty()) {
            folded.truncate(primary_len);
            let before = folded.len();
            fold_into(name, folded);
            let (primary, key) = folded.split_at(before);
            if !key.is_empty() && key != primary {
                self.names.push(key, index);
            }
        }
        folded.clear();
        match place.kind {
            FeatureKind::Admin1 => {
                self.admin1.insert(place.division_key(), index);
            }
            FeatureKind::Country => {
                self.countries.insert(place.country, index);
                self.countries_by_geonames_id
                    .insert(place.geonames_id, index);
            }
            _ => {}
        }
        if matches!(place.kind, FeatureKind::Admin1 | FeatureKind::Country) {
            for code in &place.codes {
                self.by_code.entry(code.clone()).or_default().push(index);
            }
        }
        self.places.push(place);
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

fn parse_place(line: &str) -> Result<(Place, &str), String> {
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() < 10 {
        return Err(format!(
            "expected at least 10 fields, found {}",
            fields.len()
        ));
    }
    let kind = FeatureKind::from_code(fields[0])
        .ok_or_else(|| format!("unknown feature kind `{}`", fields[0]))?;
    let number = |i: usize, what: &str| -> Result<f64, String> {
        fields[i]
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| format!("{what} `{}` is not a number", fields[i]))
    };
    let lat = number(4, "latitude")?;
    let lon = number(5, "longitude")?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("point ({lat}, {lon}) is off the globe"));
    }
    let geonames_id = fields[1]
        .parse()
        .map_err(|_| format!("geonames id `{}` is not a number", fields[1]))?;
    let population = fields[6]
        .parse()
        .map_err(|_| format!("population `{}` is not a number", fields[6]))?;
    if fields[8].is_empty() {
        return Err("place has no name".to_string());
    }
    let code = |i: usize, what: &str| {
        ShortCode::new(fields[i]).ok_or_else(|| format!("{what} `{}` is too long", fields[i]))
    };
    let codes = fields
        .get(10)
        .map(|c| {
            c.split('|')
                .filter(|c| !c.is_empty())
                .map(Into::into)
                .collect()
        })
        .unwrap_or_default();
    let place = Place {
        geonames_id,
        kind,
        lat,
        lon,
        population,
        capital: fields[7].contains('c'),
        name: fields[8].into(),
        codes,
        country: code(2, "country code")?,
        admin1_code: code(3, "division code")?,
    };
    Ok((place, fields[9]))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small gazetteer in the file's format, for tests across the crate.
    pub(crate) const SAMPLE: &str = "#tessera-gazetteer\t1\n\
#columns\tkind\tgeonames_id\n\
C\t2988507\tFR\t11\t48.8534\t2.3488\t2138551\tc\tParis\tParís|Lutetia\t\n\
C\t4717560\tUS\tTX\t33.6609\t-95.5555\t24782\t\tParis\t\t\n\
C\t4013516\tMX\t08\t19.2447\t-103.7127\t146965\t\tColima\tKolima\t\n\
C\t3982461\tMX\t14\t19.9457\t-103.7593\t5782\t\tTapalpa\t\t\n\
C\t4005539\tMX\t14\t20.6767\t-103.3475\t1385629\t\tGuadalajara\t\t\n\
C\t3121070\tES\t54\t40.6329\t-3.1669\t84803\t\tGuadalajara\t\t\n\
A\t4013513\tMX\t08\t19.0027\t-104.0\t665900\t\tColima\tEstado de Colima\tCOL\n\
A\t4004156\tMX\t14\t21.2408\t-103.2575\t7250206\t\tJalisco\tEstado de Jalisco\tJAL\n\
A\t4736286\tUS\tTX\t31.25\t-99.37\t22266440\t\tTexas\tTejas\tTX\n\
A\t3012874\tFR\t11\t48.5\t2.5\t11000000\t\tÎle-de-France\t\tIDF\n\
N\t3996063\tMX\t\t23.5\t-102.1\t126190788\t\tMexico\tMéxico|Mexican|mexicano\tMX|MEX\n\
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
    fn bad_input_is_an_error_naming_the_line() {
        let err = Gazetteer::from_text("nonsense").unwrap_err();
        assert!(matches!(err, GeoError::Header { .. }));
        let bad = format!(
            "{}C\t1\tFR\t\tnorth\t2.0\t0\t\tX\t\t\n",
            "#tessera-gazetteer\t1\n"
        );
        let err = Gazetteer::from_text(&bad).unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        assert!(Gazetteer::from_bytes(b"not gzip").is_err());
    }

    #[test]
    fn embedded_gazetteer_loads_with_every_kind() {
        let g = Gazetteer::embedded().expect("embedded gazetteer loads");
        assert!(g.len() > 100_000);
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
