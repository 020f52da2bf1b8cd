//! Reads a document's fact layers back, in the order they were stored.

use crate::StoreError;
use crate::error::QueryContext;
use rusqlite::{Connection, Row, params};
use tessera_doc::{
    Alias, Attribution, Certainty, Claim, Context, DatePrecision, Document, Entity, Event,
    EventDate, EventPlace, EventType, FeatureKind, Geocoded, MentionKind, Mode, Participant, Place,
    PlacePrecision, PlaceReference, PlaceReferenceKind, Predicate, Relation, RelationObject, Role,
    Span,
};

/// Fills `doc.places`, `doc.place_references`, `doc.entities`, `doc.relations` and `doc.events` from the rows of the
/// document stored as `documents.rowid = doc_row`.
pub(super) fn read_layers(
    conn: &Connection,
    doc_row: i64,
    doc: &mut Document,
) -> Result<(), StoreError> {
    let reader = LayerReader {
        conn,
        doc_row,
        id: doc.id.to_string(),
    };
    doc.places = reader.places()?;
    doc.place_references = reader.place_references()?;
    doc.entities = reader.entities()?;
    doc.relations = reader.relations()?;
    doc.events = reader.events()?;
    Ok(())
}

struct LayerReader<'c> {
    conn: &'c Connection,
    doc_row: i64,
    id: String,
}

impl LayerReader<'_> {
    fn corrupt(&self, message: String) -> StoreError {
        StoreError::Corrupt {
            id: self.id.clone(),
            message,
        }
    }

    /// Runs a per-document query and maps each row.
    fn rows<T>(
        &self,
        sql: &str,
        doing: &'static str,
        map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql).doing(doing)?;
        stmt.query_map(params![self.doc_row], map)
            .doing(doing)?
            .collect::<Result<Vec<_>, _>>()
            .doing(doing)
    }

    fn places(&self) -> Result<Vec<Geocoded>, StoreError> {
        self.rows(
            "SELECT start, end, geonames_id, name, lat, lon, country, admin1, feature, precision
             FROM places WHERE doc = ?1 ORDER BY idx",
            "reading places",
            |r| {
                let (span, place) = span_and_place(r)?;
                Ok(Geocoded { span, place })
            },
        )
    }

    fn place_references(&self) -> Result<Vec<PlaceReference>, StoreError> {
        self.rows(
            "SELECT start, end, geonames_id, name, lat, lon, country, admin1, feature, precision,
                    kind
             FROM place_references WHERE doc = ?1 ORDER BY idx",
            "reading place references",
            |r| {
                let (span, place) = span_and_place(r)?;
                let kind = vocab_at(r, 10, PlaceReferenceKind::parse)?;
                Ok(PlaceReference { span, kind, place })
            },
        )
    }

    fn entities(&self) -> Result<Vec<Entity>, StoreError> {
        let rows = self.rows(
            "SELECT idx, kind, name, unnamed, country, geonames_id, place_name, lat, lon,
                    place_country, admin1, feature, precision
             FROM entities WHERE doc = ?1 ORDER BY idx",
            "reading entities",
            |r| {
                let lat: Option<f64> = r.get(7)?;
                let place = match lat {
                    Some(lat) => Some(Place {
                        geonames_id: r.get(5)?,
                        name: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
                        lat,
                        lon: r.get::<_, Option<f64>>(8)?.unwrap_or_default(),
                        country: r.get(9)?,
                        admin1: r.get(10)?,
                        feature: vocab_at(r, 11, FeatureKind::parse)?,
                        precision: vocab_at(r, 12, PlacePrecision::parse)?,
                    }),
                    None => None,
                };
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, String>(1)?,
                    Entity {
                        name: r.get(2)?,
                        unnamed: r.get(3)?,
                        country: r.get(4)?,
                        place,
                        ..Entity::new(MentionKind::Misc, "")
                    },
                ))
            },
        )?;
        let mut entities = Vec::with_capacity(rows.len());
        for (idx, kind, mut entity) in rows {
            self.expect_position(idx, entities.len(), "entity")?;
            entity.kind = MentionKind::parse(&kind)
                .ok_or_else(|| self.corrupt(format!("entity kind {kind:?}")))?;
            entities.push(entity);
        }
        for (entity, start, end) in self.rows(
            "SELECT entity, start, end FROM entity_mentions WHERE doc = ?1 ORDER BY entity, idx",
            "reading entity mentions",
            |r| Ok((r.get::<_, u32>(0)?, r.get(1)?, r.get(2)?)),
        )? {
            self.entity_mut(&mut entities, entity)?
                .mentions
                .push(Span { start, end });
        }
        for (entity, alias) in self.rows(
            "SELECT entity, name, start, end, evidence_start, evidence_end
             FROM aliases WHERE doc = ?1 ORDER BY entity, idx",
            "reading aliases",
            |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    Alias {
                        name: r.get(1)?,
                        span: span_at(r, 2)?,
                        evidence: span_at(r, 4)?,
                    },
                ))
            },
        )? {
            self.entity_mut(&mut entities, entity)?.aliases.push(alias);
        }
        for (entity, role) in self.rows(
            "SELECT entity, title, org, country, evidence_start, evidence_end
             FROM roles WHERE doc = ?1 ORDER BY entity, idx",
            "reading roles",
            |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    Role {
                        title: r.get(1)?,
                        org: r.get(2)?,
                        country: r.get(3)?,
                        evidence: span_at(r, 4)?,
                    },
                ))
            },
        )? {
            self.entity_mut(&mut entities, entity)?.roles.push(role);
        }
        Ok(entities)
    }

    fn entity_mut<'e>(
        &self,
        entities: &'e mut [Entity],
        idx: u32,
    ) -> Result<&'e mut Entity, StoreError> {
        let count = entities.len();
        entities
            .get_mut(idx as usize)
            .ok_or_else(|| self.corrupt(format!("a row names entity {idx} of {count}")))
    }

    fn expect_position(&self, idx: u32, position: usize, what: &str) -> Result<(), StoreError> {
        if idx as usize == position {
            Ok(())
        } else {
            Err(self.corrupt(format!("{what} {idx} stored where {position} was expected")))
        }
    }

    fn relations(&self) -> Result<Vec<Relation>, StoreError> {
        let rows = self.rows(
            "SELECT subject, predicate, object_entity, object_value, role, evidence_start,
                    evidence_end, certainty, attribution
             FROM relations WHERE doc = ?1 ORDER BY idx",
            "reading relations",
            |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<u32>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    span_at(r, 5)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                ))
            },
        )?;
        rows.into_iter()
            .map(
                |(subject, predicate, object_entity, object_value, role, evidence, cert, attr)| {
                    let predicate = Predicate::parse(&predicate)
                        .ok_or_else(|| self.corrupt(format!("relation predicate {predicate:?}")))?;
                    let object = match (object_entity, object_value) {
                        (Some(id), _) => RelationObject::Entity(id),
                        (None, Some(value)) => RelationObject::Value(value),
                        (None, None) => {
                            return Err(self.corrupt("a relation without an object".into()));
                        }
                    };
                    Ok(Relation {
                        subject,
                        predicate,
                        object,
                        role,
                        evidence,
                        claim: self.claim(&cert, &attr)?,
                    })
                },
            )
            .collect()
    }

    fn claim(&self, certainty: &str, attribution: &str) -> Result<Claim, StoreError> {
        let certainty = parse_certainty(certainty)
            .ok_or_else(|| self.corrupt(format!("certainty {certainty:?}")))?;
        let attribution: Vec<Attribution> = serde_json::from_str(attribution)
            .map_err(|e| self.corrupt(format!("attribution {attribution:?}: {e}")))?;
        Ok(Claim {
            certainty,
            attribution,
        })
    }

    fn events(&self) -> Result<Vec<Event>, StoreError> {
        let rows = self.rows(
            "SELECT idx, type, mode, contexts, place_entity, place_name, place_start, place_end,
                    geonames_id, gazetteer_name, lat, lon, country, admin1, feature,
                    place_precision, date, date_precision, date_text, date_start, date_end,
                    fatalities, injured, arrested, certainty, attribution, trigger_start,
                    trigger_end, evidence_start, evidence_end
             FROM events WHERE doc = ?1 ORDER BY idx",
            "reading events",
            event_row,
        )?;
        let mut events = Vec::with_capacity(rows.len());
        for row in rows {
            self.expect_position(row.idx, events.len(), "event")?;
            let kind = EventType::parse(&row.kind)
                .ok_or_else(|| self.corrupt(format!("event type {:?}", row.kind)))?;
            let contexts: Vec<Context> = serde_json::from_str(&row.contexts)
                .map_err(|e| self.corrupt(format!("event contexts {:?}: {e}", row.contexts)))?;
            events.push(Event {
                kind,
                contexts,
                claim: self.claim(&row.certainty, &row.attribution)?,
                ..row.event
            });
        }
        for (event, role, participant) in self.rows(
            "SELECT event, role, entity, name, start, end FROM event_participants
             WHERE doc = ?1 ORDER BY event, role, idx",
            "reading event participants",
            |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, String>(1)?,
                    Participant {
                        entity: r.get(2)?,
                        name: r.get(3)?,
                        span: optional_span_at(r, 4)?,
                    },
                ))
            },
        )? {
            let count = events.len();
            let event = events.get_mut(event as usize).ok_or_else(|| {
                self.corrupt(format!("a participant of event {event} of {count}"))
            })?;
            match role.as_str() {
                "actor" => event.actors.push(participant),
                "recipient" => event.recipients.push(participant),
                other => return Err(self.corrupt(format!("participant role {other:?}"))),
            }
        }
        Ok(events)
    }
}

/// An event row before its enumerations and JSON columns are checked.
struct EventRow {
    idx: u32,
    kind: String,
    contexts: String,
    certainty: String,
    attribution: String,
    /// Every other field, read as stored.
    event: Event,
}

fn event_row(r: &Row<'_>) -> rusqlite::Result<EventRow> {
    let place_name: Option<String> = r.get(5)?;
    let lat: Option<f64> = r.get(10)?;
    let gazetteer = match lat {
        Some(lat) => Some(Place {
            geonames_id: r.get(8)?,
            name: r.get::<_, Option<String>>(9)?.unwrap_or_default(),
            lat,
            lon: r.get::<_, Option<f64>>(11)?.unwrap_or_default(),
            country: r.get(12)?,
            admin1: r.get(13)?,
            feature: vocab_at(r, 14, FeatureKind::parse)?,
            precision: vocab_at(r, 15, PlacePrecision::parse)?,
        }),
        None => None,
    };
    let place = match place_name {
        Some(name) => Some(EventPlace {
            entity: r.get(4)?,
            name,
            span: optional_span_at(r, 6)?,
            place: gazetteer,
        }),
        None => None,
    };
    let date_value: Option<String> = r.get(16)?;
    let date = match date_value {
        Some(value) => Some(EventDate {
            value,
            precision: vocab_at(r, 17, DatePrecision::parse)?,
            text: r.get::<_, Option<String>>(18)?.unwrap_or_default(),
            span: optional_span_at(r, 19)?,
        }),
        None => None,
    };
    Ok(EventRow {
        idx: r.get(0)?,
        kind: r.get(1)?,
        contexts: r.get(3)?,
        certainty: r.get(24)?,
        attribution: r.get(25)?,
        event: Event {
            kind: EventType::Assault,
            // Stores written before the modes took PLOVER's names read under the new names;
            // a name with no PLOVER mode reads as none.
            mode: r
                .get::<_, Option<String>>(2)?
                .and_then(|text| Mode::parse_legacy(&text)),
            contexts: Vec::new(),
            actors: Vec::new(),
            recipients: Vec::new(),
            place,
            date,
            fatalities: r.get(21)?,
            injured: r.get(22)?,
            arrested: r.get(23)?,
            trigger: span_at(r, 26)?,
            evidence: span_at(r, 28)?,
            claim: Claim::default(),
        },
    })
}

/// The span whose start is in column `first` and end in the next.
fn span_at(r: &Row<'_>, first: usize) -> rusqlite::Result<Span> {
    Ok(Span {
        start: r.get(first)?,
        end: r.get(first + 1)?,
    })
}

fn optional_span_at(r: &Row<'_>, first: usize) -> rusqlite::Result<Option<Span>> {
    let start: Option<u32> = r.get(first)?;
    let end: Option<u32> = r.get(first + 1)?;
    Ok(start.zip(end).map(|(start, end)| Span { start, end }))
}

fn parse_certainty(s: &str) -> Option<Certainty> {
    [
        Certainty::Confirmed,
        Certainty::Reported,
        Certainty::Alleged,
        Certainty::Denied,
    ]
    .into_iter()
    .find(|c| c.as_str() == s)
}

/// A closed-vocabulary column (feature, precision, mode) read back through its one spelling.
/// Columns 0-9 of a place row: start, end, geonames_id, name, lat, lon, country, admin1,
/// feature, precision.
fn span_and_place(r: &Row<'_>) -> rusqlite::Result<(Span, Place)> {
    let span = Span {
        start: r.get(0)?,
        end: r.get(1)?,
    };
    let place = Place {
        geonames_id: r.get(2)?,
        name: r.get(3)?,
        lat: r.get(4)?,
        lon: r.get(5)?,
        country: r.get(6)?,
        admin1: r.get(7)?,
        feature: vocab_at(r, 8, FeatureKind::parse)?,
        precision: vocab_at(r, 9, PlacePrecision::parse)?,
    };
    Ok((span, place))
}

fn vocab_at<T>(r: &Row<'_>, column: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = r.get(column)?;
    parse_vocab(column, &text, parse)
}

fn parse_vocab<T>(column: usize, text: &str, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    parse(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            rusqlite::types::Type::Text,
            format!("unknown value {text:?}").into(),
        )
    })
}
