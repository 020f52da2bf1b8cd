//! Query parameters, checked: an unknown name, a bad date or number, or an out-of-range value
//! is a 400 that says which parameter and what was expected, never a silent default.

use crate::error::ApiError;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use tessera_engine::SqliteStore;
use tessera_engine::graph::query::EventFilter;

/// The results one list request may ask for, at most.
pub const MAX_LIMIT: usize = 1000;
pub const DEFAULT_LIMIT: usize = 100;
/// Deep offsets cost a scan of everything before them.
pub const MAX_OFFSET: usize = 10_000;

/// The parameters of `tessera events`, shared by every endpoint that selects clusters.
pub const EVENT_FILTERS: &[&str] = &[
    "type",
    "mode",
    "country",
    "admin1",
    "near",
    "km",
    "since",
    "until",
    "actor",
    "min_certainty",
    "min_corroboration",
    "q",
];

const CERTAINTIES: &[&str] = &["confirmed", "reported", "alleged", "denied"];

#[derive(Debug, Default)]
pub struct Params(BTreeMap<String, String>);

impl Params {
    /// Keeps the pairs, refusing a name not in `allowed` (a typo would otherwise filter
    /// nothing) or given twice. Empty values count as absent, as an empty form field.
    pub fn new(pairs: Vec<(String, String)>, allowed: &[&[&str]]) -> Result<Self, ApiError> {
        let mut map = BTreeMap::new();
        for (key, value) in pairs {
            if key == "token" {
                continue; // the access token, checked before any handler
            }
            if !allowed.iter().any(|list| list.contains(&key.as_str())) {
                let names: Vec<&str> = allowed.iter().flat_map(|l| l.iter().copied()).collect();
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {key:?}; this endpoint takes: {}",
                    names.join(", ")
                )));
            }
            if value.trim().is_empty() {
                continue;
            }
            if map.insert(key.clone(), value.trim().to_string()).is_some() {
                return Err(ApiError::bad_request(format!(
                    "parameter {key:?} given twice"
                )));
            }
        }
        Ok(Params(map))
    }

    pub fn text(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    pub fn date(&self, key: &str) -> Result<Option<NaiveDate>, ApiError> {
        self.0
            .get(key)
            .map(|v| {
                NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
                    ApiError::bad_request(format!("{key}: expected a date YYYY-MM-DD, got {v:?}"))
                })
            })
            .transpose()
    }

    pub fn number<T: std::str::FromStr>(&self, key: &str) -> Result<Option<T>, ApiError> {
        self.0
            .get(key)
            .map(|v| {
                v.parse::<T>().map_err(|_| {
                    ApiError::bad_request(format!("{key}: expected a number, got {v:?}"))
                })
            })
            .transpose()
    }

    pub fn flag(&self, key: &str) -> Result<bool, ApiError> {
        match self.0.get(key).map(String::as_str) {
            None | Some("false") | Some("0") => Ok(false),
            Some("true") | Some("1") => Ok(true),
            Some(other) => Err(ApiError::bad_request(format!(
                "{key}: expected true or false, got {other:?}"
            ))),
        }
    }

    /// `limit` (1..=MAX_LIMIT, default `default`) and `offset` (0..=MAX_OFFSET).
    pub fn page(&self, default: usize) -> Result<Page, ApiError> {
        let limit = self.number::<usize>("limit")?.unwrap_or(default);
        if limit == 0 || limit > MAX_LIMIT {
            return Err(ApiError::bad_request(format!(
                "limit: expected 1 to {MAX_LIMIT}, got {limit}"
            )));
        }
        let offset = self.number::<usize>("offset")?.unwrap_or(0);
        if offset > MAX_OFFSET {
            return Err(ApiError::bad_request(format!(
                "offset: at most {MAX_OFFSET}, got {offset}; narrow the filters instead"
            )));
        }
        Ok(Page { limit, offset })
    }

    /// The event filters, checked; `actor` stays a name or id, resolved against the store
    /// later (see [`FilterSpec::resolve`]).
    pub fn event_filter(&self) -> Result<FilterSpec, ApiError> {
        let since = self.date("since")?;
        let until = self.date("until")?;
        if let (Some(s), Some(u)) = (since, until)
            && s > u
        {
            return Err(ApiError::bad_request(format!(
                "since ({s}) is after until ({u})"
            )));
        }
        let near = self.0.get("near").map(|v| parse_point(v)).transpose()?;
        let km = self.number::<f64>("km")?.unwrap_or(25.0);
        if !(km.is_finite() && km > 0.0 && km <= 20_000.0) {
            return Err(ApiError::bad_request(format!(
                "km: expected a distance above 0 and at most 20000, got {km}"
            )));
        }
        let min_certainty = self.text("min_certainty").map(|c| c.to_lowercase());
        if let Some(c) = &min_certainty
            && !CERTAINTIES.contains(&c.as_str())
        {
            return Err(ApiError::bad_request(format!(
                "min_certainty: expected one of {}, got {c:?}",
                CERTAINTIES.join(", ")
            )));
        }
        let country = self.text("country").map(|c| c.to_uppercase());
        if let Some(c) = &country
            && !(c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()))
        {
            return Err(ApiError::bad_request(format!(
                "country: expected a two-letter ISO code such as MX, got {c:?}"
            )));
        }
        Ok(FilterSpec {
            filter: EventFilter {
                kind: self.text("type").map(|t| t.to_uppercase()),
                mode: self.text("mode"),
                country,
                admin1: self.text("admin1"),
                near,
                km,
                since: since.map(|d| d.to_string()),
                until: until.map(|d| d.to_string()),
                actor: None,
                min_certainty,
                min_corroboration: self.number("min_corroboration")?,
                query: self.text("q"),
                limit: usize::MAX,
            },
            actor: self.text("actor"),
        })
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub limit: usize,
    pub offset: usize,
}

impl Page {
    /// A page of `items` (which holds up to `offset + limit + 1` results from the start, so that
    /// one more than the page says whether there is a next one) as the list envelope.
    pub fn envelope<T: serde::Serialize>(self, mut items: Vec<T>) -> serde_json::Value {
        let more = items.len() > self.offset + self.limit;
        items.truncate(self.offset + self.limit);
        let page: Vec<T> = items.into_iter().skip(self.offset).collect();
        serde_json::json!({
            "items": page,
            "limit": self.limit,
            "offset": self.offset,
            "next_offset": more.then_some(self.offset + self.limit),
        })
    }

    /// Results to ask the engine for: everything up to the end of this page, and one more.
    pub fn fetch(self) -> usize {
        self.offset + self.limit + 1
    }
}

/// An event filter whose actor is still a name.
#[derive(Debug, Clone)]
pub struct FilterSpec {
    pub filter: EventFilter,
    pub actor: Option<String>,
}

impl FilterSpec {
    pub fn resolve(mut self, store: &SqliteStore, limit: usize) -> Result<EventFilter, ApiError> {
        if let Some(actor) = &self.actor {
            self.filter.actor = Some(tessera_engine::graph::query::resolve_name(
                store.connection(),
                actor,
            )?);
        }
        self.filter.limit = limit;
        Ok(self.filter)
    }
}

/// `lat,lon`, each in range.
fn parse_point(value: &str) -> Result<(f64, f64), ApiError> {
    let bad = || ApiError::bad_request(format!("near: expected LAT,LON in degrees, got {value:?}"));
    let (lat, lon) = value.split_once(',').ok_or_else(bad)?;
    let lat: f64 = lat.trim().parse().map_err(|_| bad())?;
    let lon: f64 = lon.trim().parse().map_err(|_| bad())?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(bad());
    }
    Ok((lat, lon))
}
