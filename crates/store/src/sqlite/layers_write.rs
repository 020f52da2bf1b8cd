//! Writes a document's fact layers (places, entities with their mentions, aliases and roles,
//! relations, events with their participants) inside the caller's transaction, with statements
//! prepared once per batch.

use crate::StoreError;
use crate::error::QueryContext;
use rusqlite::{CachedStatement, ToSql, Transaction, params, params_from_iter};
use tessera_doc::{Attribution, Document, Entity, Event, Participant, Place, Relation, Span};

/// The columns a place row shares with a place reference's: doc, idx, start, end, then the
/// place.
struct PlaceRow<'p> {
    doc_row: i64,
    idx: i64,
    span: Span,
    place: &'p Place,
    feature: &'static str,
    precision: &'static str,
}

impl<'p> PlaceRow<'p> {
    fn new(doc_row: i64, idx: usize, span: Span, place: &'p Place) -> Self {
        PlaceRow {
            doc_row,
            idx: idx as i64,
            span,
            place,
            feature: place.feature.as_str(),
            precision: place.precision.as_str(),
        }
    }

    /// The values in column order, with `extra` after them.
    fn values<'a>(&'a self, extra: Option<&'a dyn ToSql>) -> Vec<&'a dyn ToSql> {
        let mut values: Vec<&dyn ToSql> = vec![
            &self.doc_row,
            &self.idx,
            &self.span.start,
            &self.span.end,
            &self.place.geonames_id,
            &self.place.name,
            &self.place.lat,
            &self.place.lon,
            &self.place.country,
            &self.place.admin1,
            &self.feature,
            &self.precision,
        ];
        values.extend(extra);
        values
    }
}

/// The prepared inserts for every fact layer, held for the length of one batch.
pub(super) struct LayerWriter<'tx> {
    place: CachedStatement<'tx>,
    place_reference: CachedStatement<'tx>,
    entity: CachedStatement<'tx>,
    entity_mention: CachedStatement<'tx>,
    alias: CachedStatement<'tx>,
    role: CachedStatement<'tx>,
    relation: CachedStatement<'tx>,
    event: CachedStatement<'tx>,
    participant: CachedStatement<'tx>,
}

impl<'tx> LayerWriter<'tx> {
    pub(super) fn prepare(tx: &'tx Transaction<'_>) -> Result<Self, StoreError> {
        let prepare = |sql: &str| tx.prepare_cached(sql).doing("preparing a layer insert");
        Ok(LayerWriter {
            place: prepare(
                "INSERT INTO places (doc, idx, start, end, geonames_id, name, lat, lon, country,
                    admin1, feature, precision)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?,
            place_reference: prepare(
                "INSERT INTO place_references (doc, idx, start, end, geonames_id, name, lat, lon,
                    country, admin1, feature, precision, kind)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?,
            entity: prepare(
                "INSERT INTO entities (doc, idx, kind, name, unnamed, country, geonames_id,
                    place_name, lat, lon, place_country, admin1, feature, precision)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?,
            entity_mention: prepare(
                "INSERT INTO entity_mentions (doc, entity, idx, start, end)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
            alias: prepare(
                "INSERT INTO aliases (doc, entity, idx, name, start, end, evidence_start,
                    evidence_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
            role: prepare(
                "INSERT INTO roles (doc, entity, idx, title, org, country, evidence_start,
                    evidence_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
            relation: prepare(
                "INSERT INTO relations (doc, idx, subject, predicate, object_entity,
                    object_value, role, evidence_start, evidence_end, certainty, attribution)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?,
            event: prepare(
                "INSERT INTO events (doc, idx, type, mode, contexts, place_entity, place_name,
                    place_start, place_end, geonames_id, gazetteer_name, lat, lon, country,
                    admin1, feature, place_precision, date, date_precision, date_text,
                    date_start, date_end, fatalities, injured, arrested, certainty,
                    attribution, trigger_start, trigger_end, evidence_start, evidence_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                    ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31)",
            )?,
            participant: prepare(
                "INSERT INTO event_participants (doc, event, role, idx, entity, name, start, end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
        })
    }

    /// Writes every fact layer of `doc`, stored as `documents.rowid = doc_row`.
    pub(super) fn write(&mut self, doc_row: i64, doc: &Document) -> Result<(), StoreError> {
        for (idx, geocoded) in doc.places.iter().enumerate() {
            let row = PlaceRow::new(doc_row, idx, geocoded.span, &geocoded.place);
            self.place
                .execute(params_from_iter(row.values(None)))
                .doing("inserting a place")?;
        }
        for (idx, reference) in doc.place_references.iter().enumerate() {
            let row = PlaceRow::new(doc_row, idx, reference.span, &reference.place);
            let kind = reference.kind.as_str();
            self.place_reference
                .execute(params_from_iter(row.values(Some(&kind))))
                .doing("inserting a place reference")?;
        }
        for (idx, entity) in doc.entities.iter().enumerate() {
            self.write_entity(doc_row, idx as i64, entity)?;
        }
        for (idx, relation) in doc.relations.iter().enumerate() {
            self.write_relation(doc_row, idx as i64, relation, doc)?;
        }
        for (idx, event) in doc.events.iter().enumerate() {
            self.write_event(doc_row, idx as i64, event, doc)?;
        }
        Ok(())
    }

    fn write_entity(&mut self, doc_row: i64, idx: i64, entity: &Entity) -> Result<(), StoreError> {
        let place: Option<&Place> = entity.place.as_ref();
        self.entity
            .execute(params![
                doc_row,
                idx,
                entity.kind.as_str(),
                entity.name,
                entity.unnamed,
                entity.country,
                place.and_then(|p| p.geonames_id),
                place.map(|p| &p.name),
                place.map(|p| p.lat),
                place.map(|p| p.lon),
                place.and_then(|p| p.country.as_ref()),
                place.and_then(|p| p.admin1.as_ref()),
                place.map(|p| p.feature.as_str()),
                place.map(|p| p.precision.as_str()),
            ])
            .doing("inserting an entity")?;
        for (n, span) in entity.mentions.iter().enumerate() {
            self.entity_mention
                .execute(params![doc_row, idx, n as i64, span.start, span.end])
                .doing("inserting an entity mention")?;
        }
        for (n, alias) in entity.aliases.iter().enumerate() {
            self.alias
                .execute(params![
                    doc_row,
                    idx,
                    n as i64,
                    alias.name,
                    alias.span.start,
                    alias.span.end,
                    alias.evidence.start,
                    alias.evidence.end,
                ])
                .doing("inserting an alias")?;
        }
        for (n, role) in entity.roles.iter().enumerate() {
            self.role
                .execute(params![
                    doc_row,
                    idx,
                    n as i64,
                    role.title,
                    role.org,
                    role.country,
                    role.evidence.start,
                    role.evidence.end,
                ])
                .doing("inserting a role")?;
        }
        Ok(())
    }

    fn write_relation(
        &mut self,
        doc_row: i64,
        idx: i64,
        relation: &Relation,
        doc: &Document,
    ) -> Result<(), StoreError> {
        let (object_entity, object_value) = match &relation.object {
            tessera_doc::RelationObject::Entity(id) => (Some(*id), None),
            tessera_doc::RelationObject::Value(value) => (None, Some(value.as_str())),
        };
        self.relation
            .execute(params![
                doc_row,
                idx,
                relation.subject,
                relation.predicate.as_str(),
                object_entity,
                object_value,
                relation.role,
                relation.evidence.start,
                relation.evidence.end,
                relation.claim.certainty.as_str(),
                attribution_json(&relation.claim.attribution, doc)?,
            ])
            .doing("inserting a relation")?;
        Ok(())
    }

    fn write_event(
        &mut self,
        doc_row: i64,
        idx: i64,
        event: &Event,
        doc: &Document,
    ) -> Result<(), StoreError> {
        let place = event.place.as_ref();
        let gazetteer = place.and_then(|p| p.place.as_ref());
        let place_span = place.and_then(|p| p.span);
        let date = event.date.as_ref();
        let date_span = date.and_then(|d| d.span);
        let contexts =
            serde_json::to_string(&event.contexts).map_err(|source| StoreError::Encode {
                id: doc.id.to_string(),
                what: "event contexts",
                source,
            })?;
        self.event
            .execute(params![
                doc_row,
                idx,
                event.kind.as_str(),
                event.mode.map(|m| m.as_str()),
                contexts,
                place.and_then(|p| p.entity),
                place.map(|p| &p.name),
                place_span.map(|s| s.start),
                place_span.map(|s| s.end),
                gazetteer.and_then(|g| g.geonames_id),
                gazetteer.map(|g| &g.name),
                gazetteer.map(|g| g.lat),
                gazetteer.map(|g| g.lon),
                gazetteer.and_then(|g| g.country.as_ref()),
                gazetteer.and_then(|g| g.admin1.as_ref()),
                gazetteer.map(|g| g.feature.as_str()),
                gazetteer.map(|g| g.precision.as_str()),
                date.map(|d| &d.value),
                date.map(|d| d.precision.as_str()),
                date.map(|d| &d.text),
                date_span.map(|s| s.start),
                date_span.map(|s| s.end),
                event.fatalities,
                event.injured,
                event.arrested,
                event.claim.certainty.as_str(),
                attribution_json(&event.claim.attribution, doc)?,
                event.trigger.start,
                event.trigger.end,
                event.evidence.start,
                event.evidence.end,
            ])
            .doing("inserting an event")?;
        for (role, participants) in [("actor", &event.actors), ("recipient", &event.recipients)] {
            for (n, participant) in participants.iter().enumerate() {
                self.write_participant(doc_row, idx, role, n as i64, participant)?;
            }
        }
        Ok(())
    }

    fn write_participant(
        &mut self,
        doc_row: i64,
        event: i64,
        role: &str,
        idx: i64,
        participant: &Participant,
    ) -> Result<(), StoreError> {
        let span: Option<Span> = participant.span;
        self.participant
            .execute(params![
                doc_row,
                event,
                role,
                idx,
                participant.entity,
                participant.name,
                span.map(|s| s.start),
                span.map(|s| s.end),
            ])
            .doing("inserting an event participant")?;
        Ok(())
    }
}

/// An attribution chain as stored: a JSON array, innermost source first.
fn attribution_json(chain: &[Attribution], doc: &Document) -> Result<String, StoreError> {
    serde_json::to_string(chain).map_err(|source| StoreError::Encode {
        id: doc.id.to_string(),
        what: "an attribution chain",
        source,
    })
}
