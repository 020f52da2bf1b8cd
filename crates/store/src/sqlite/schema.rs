//! Versioned schema migrations. Each migration runs once, in its own transaction, and is recorded
//! in `schema_migrations`; a store written by a newer Tessera is refused rather than damaged.

/// `(version, name, SQL)`, in order. Append; never edit a migration that has shipped.
pub(crate) const MIGRATIONS: &[(u32, &str, &str)] = &[
    (
        1,
        "documents, segmentation, full-text search and annotation layers",
        V1,
    ),
    (
        2,
        "every annotation layer stored per document: places, entities, relations, events",
        V2,
    ),
    (
        3,
        "across documents: resolved entities, event clusters, outlets and hand-made overrides",
        V3,
    ),
    (
        4,
        "event clusters found by participant, type and date in one index range",
        V4,
    ),
    (
        5,
        "place references: nationality adjectives and places named inside other names",
        V5,
    ),
];

const V1: &str = r#"
CREATE TABLE documents (
    rowid           INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    title           TEXT,
    published       TEXT,
    source          TEXT,
    url             TEXT,
    byline          TEXT,
    lang            TEXT,
    lang_confidence REAL,
    origin          TEXT NOT NULL,
    text            TEXT NOT NULL,
    unsupported     TEXT,  -- why the recogniser did not run (e.g. no model for the language)
    ingested_at     TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_source ON documents(source COLLATE NOCASE);
CREATE INDEX documents_lang ON documents(lang);

-- The segmentation layer, compactly encoded (see tessera_doc::Segmentation::encode).
CREATE TABLE segmentations (
    doc            INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
    sentence_count INTEGER NOT NULL,
    token_count    INTEGER NOT NULL,
    layer          BLOB NOT NULL
);

-- Full-text index over title and text; the text itself lives only in `documents`. New rows are
-- indexed by the store in one INSERT ... SELECT per batch, inside the batch's transaction: a
-- per-row trigger costs three times as much on bulk ingest.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text,
    content = 'documents', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

-- Annotation layers of DESIGN.md. Spans are byte offsets into documents.text, end-exclusive.
CREATE TABLE entities (
    rowid     INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    kind      TEXT NOT NULL CHECK (kind IN ('PER', 'ORG', 'LOC', 'MISC')),
    name      TEXT NOT NULL,
    unnamed   INTEGER NOT NULL DEFAULT 0,
    country   TEXT,
    place     TEXT  -- JSON: geonames_id, lat, lon, country, admin1, feature, precision
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE mentions (
    doc    INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    kind   TEXT NOT NULL,  -- PER ORG LOC MISC DATE NUM
    entity INTEGER REFERENCES entities(rowid),
    PRIMARY KEY (doc, start, end, kind)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity);

CREATE TABLE aliases (
    entity INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
    alias  TEXT NOT NULL,
    doc    INTEGER REFERENCES documents(rowid) ON DELETE CASCADE,
    start  INTEGER,
    end    INTEGER
);
CREATE INDEX aliases_alias ON aliases(alias COLLATE NOCASE);

CREATE TABLE roles (
    entity  INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
    title   TEXT NOT NULL,
    org     INTEGER REFERENCES entities(rowid),
    country TEXT,
    doc     INTEGER REFERENCES documents(rowid) ON DELETE CASCADE,
    start   INTEGER,
    end     INTEGER
);

CREATE TABLE relations (
    rowid          INTEGER PRIMARY KEY,
    doc            INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    subject        INTEGER NOT NULL REFERENCES entities(rowid),
    predicate      TEXT NOT NULL,
    object_entity  INTEGER REFERENCES entities(rowid),
    object_value   TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    certainty      TEXT NOT NULL,
    attribution    TEXT NOT NULL DEFAULT '[]'  -- JSON chain, innermost first
);

CREATE TABLE events (
    rowid          INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    doc            INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    type           TEXT NOT NULL,
    mode           TEXT,
    contexts       TEXT NOT NULL DEFAULT '[]',
    place          TEXT,  -- JSON
    date_value     TEXT,
    date_precision TEXT,
    date_text      TEXT,
    fatalities     INTEGER,
    certainty      TEXT NOT NULL,
    attribution    TEXT NOT NULL DEFAULT '[]',
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL
);
CREATE INDEX events_type_date ON events(type, date_value);

CREATE TABLE event_participants (
    event  INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
    role   TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    entity INTEGER REFERENCES entities(rowid),
    name   TEXT NOT NULL
);

-- Admiralty reliability grade per source.
CREATE TABLE sources (
    name        TEXT PRIMARY KEY COLLATE NOCASE,
    reliability TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F'))
);
"#;

/// V1's fact tables were never written (no Tessera build stored entities, relations or events
/// before V2), and their global ids did not fit facts that belong to one document, so V2 replaces
/// them. Every fact is keyed by its document and its position in that document's layer, so a
/// document reads back exactly as it was stored.
///
/// Conventions, for SQL users: `doc` is `documents.rowid`; `idx` is the position within the
/// layer (0-based); a column named `entity`, `subject`, `object_entity`, `org` or
/// `place_entity` holds an entity's `idx` within the same document (join on `doc` and `idx`);
/// `*_start`/`*_end` are byte offsets into `documents.text`, end-exclusive; certainty is
/// `confirmed|reported|alleged|denied`; `attribution` is a JSON array, innermost source first,
/// of `{"entity": idx|null, "name": "...", "span": {"start", "end"}|null}`.
const V2: &str = r#"
DROP TABLE event_participants;
DROP TABLE events;
DROP TABLE relations;
DROP TABLE roles;
DROP TABLE aliases;
DROP TABLE entities;

-- Place mentions resolved against the gazetteer.
CREATE TABLE places (
    doc         INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    geonames_id INTEGER,
    name        TEXT NOT NULL,
    lat         REAL NOT NULL,
    lon         REAL NOT NULL,
    country     TEXT,   -- ISO 3166-1 alpha-2
    admin1      TEXT,
    feature     TEXT NOT NULL,  -- city, admin2, admin1, country, region, continent
    precision   TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX places_geonames ON places(geonames_id);

-- People, organisations and places of one document. `rowid` is a stable handle for the
-- entity across the store, for merging entities across documents later.
CREATE TABLE entities (
    rowid         INTEGER PRIMARY KEY,
    doc           INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    kind          TEXT NOT NULL,  -- PER ORG LOC MISC
    name          TEXT NOT NULL,
    unnamed       INTEGER NOT NULL DEFAULT 0,  -- 1 for a described person ("his partner")
    country       TEXT,  -- the country the entity belongs to
    -- For places, the gazetteer entry (all NULL when unresolved; lat is set when resolved).
    geonames_id   INTEGER,
    place_name    TEXT,
    lat           REAL,
    lon           REAL,
    place_country TEXT,
    admin1        TEXT,
    feature       TEXT,
    precision     TEXT,
    UNIQUE (doc, idx)
);
-- No index on names: maintaining one (random keys) doubled the cost of storing every layer on
-- bulk ingest. Merging entities across documents will keep its own name table.

-- The spans that refer to each entity, in text order. (V1's mentions.entity column stays NULL:
-- an entity's spans need not all be recogniser mentions, so they live here.)
CREATE TABLE entity_mentions (
    doc    INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    entity INTEGER NOT NULL,
    idx    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    PRIMARY KEY (doc, entity, idx)
) WITHOUT ROWID;

CREATE TABLE aliases (
    doc            INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    entity         INTEGER NOT NULL,
    idx            INTEGER NOT NULL,
    name           TEXT NOT NULL,
    start          INTEGER NOT NULL,  -- the alias itself
    end            INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,  -- the words that introduced it ("also known as ...")
    evidence_end   INTEGER NOT NULL,
    PRIMARY KEY (doc, entity, idx)
) WITHOUT ROWID;

CREATE TABLE roles (
    doc            INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    entity         INTEGER NOT NULL,
    idx            INTEGER NOT NULL,
    title          TEXT NOT NULL,
    org            INTEGER,  -- entity idx of the organisation
    country        TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    PRIMARY KEY (doc, entity, idx)
) WITHOUT ROWID;

CREATE TABLE relations (
    doc            INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    subject        INTEGER NOT NULL,
    predicate      TEXT NOT NULL,  -- leader_of, member_of, holds_role, ...
    object_entity  INTEGER,        -- set when the object is an entity
    object_value   TEXT,           -- set when the object is a value (a year, a title)
    role           TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    certainty      TEXT NOT NULL,
    attribution    TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX relations_predicate ON relations(predicate);

CREATE TABLE events (
    doc             INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    type            TEXT NOT NULL,  -- PLOVER: ASSAULT, COERCE, PROTEST, ...
    mode            TEXT,
    contexts        TEXT NOT NULL DEFAULT '[]',  -- JSON array: crime, negation, disruption, ...
    -- Where: the place as named (place_name set when there is a place) and, when resolved,
    -- its gazetteer entry (lat set).
    place_entity    INTEGER,
    place_name      TEXT,
    place_start     INTEGER,
    place_end       INTEGER,
    geonames_id     INTEGER,
    gazetteer_name  TEXT,
    lat             REAL,
    lon             REAL,
    country         TEXT,
    admin1          TEXT,
    feature         TEXT,
    place_precision TEXT,
    -- When: YYYY-MM-DD, YYYY-MM or YYYY, its precision and the words it came from.
    date            TEXT,
    date_precision  TEXT,
    date_text       TEXT,
    date_start      INTEGER,
    date_end        INTEGER,
    fatalities      INTEGER,
    injured         INTEGER,
    arrested        INTEGER,
    certainty       TEXT NOT NULL,
    attribution     TEXT NOT NULL DEFAULT '[]',
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX events_type_date ON events(type, date);
CREATE INDEX events_country_date ON events(country, date);

-- Who did it (actor) and to whom (recipient): an entity idx where known, and always the words.
CREATE TABLE event_participants (
    doc    INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    event  INTEGER NOT NULL,  -- events.idx
    role   TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    idx    INTEGER NOT NULL,
    entity INTEGER,
    name   TEXT NOT NULL,
    start  INTEGER,
    end    INTEGER,
    PRIMARY KEY (doc, event, role, idx)
) WITHOUT ROWID;
"#;

/// Across documents (the `tessera-graph` crate writes these). A document is resolved when it has
/// a `graph_documents` row; that row is written in the same transaction as its links, so a kill
/// leaves every document either wholly resolved or pending. Everything here except
/// `graph_overrides` and `sources` can be rebuilt from the per-document layers.
const V3: &str = r#"
-- One row per real-world person, organisation, place or named thing.
CREATE TABLE graph_entities (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,   -- the fullest name seen
    country     TEXT,
    geonames_id INTEGER,
    lat         REAL,
    lon         REAL,
    documents   INTEGER NOT NULL DEFAULT 0,
    first_seen  TEXT,            -- publication dates (YYYY-MM-DD) of the first and last document
    last_seen   TEXT
);
CREATE INDEX graph_entities_name ON graph_entities(name COLLATE NOCASE);

-- Folded names, aliases and acronyms under which an entity is found.
CREATE TABLE graph_names (
    key    TEXT NOT NULL,
    entity INTEGER NOT NULL REFERENCES graph_entities(id) ON DELETE CASCADE,
    PRIMARY KEY (key, entity)
) WITHOUT ROWID;
CREATE INDEX graph_names_entity ON graph_names(entity);

-- Which document entity (doc, entities.idx) is which graph entity, and why.
CREATE TABLE entity_links (
    doc    INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    entity INTEGER NOT NULL,
    graph  INTEGER NOT NULL REFERENCES graph_entities(id),
    reason TEXT NOT NULL,
    PRIMARY KEY (doc, entity)
) WITHOUT ROWID;
CREATE INDEX entity_links_graph ON entity_links(graph, doc);

-- Merges and splits made by hand, by document id and entity position so that they outlive
-- re-resolution: merge = the two must be one; split = b must not be with a.
CREATE TABLE graph_overrides (
    id       INTEGER PRIMARY KEY,
    op       TEXT NOT NULL CHECK (op IN ('merge', 'split')),
    a_doc    TEXT NOT NULL,
    a_entity INTEGER NOT NULL,
    b_doc    TEXT NOT NULL,
    b_entity INTEGER NOT NULL,
    made_at  TEXT NOT NULL
);

-- One row per real-world event; `record` is the cluster as `tessera events` prints it.
CREATE TABLE clusters (
    id             INTEGER PRIMARY KEY,
    type           TEXT NOT NULL,
    mode           TEXT,
    date           TEXT,
    date_precision TEXT,
    lat            REAL,
    lon            REAL,
    country        TEXT,
    admin1         TEXT,
    geonames_id    INTEGER,
    precision      TEXT,
    place_from_scene INTEGER NOT NULL DEFAULT 0,  -- the place columns are a document's scene
    cell           INTEGER,  -- a 1-degree grid cell of lat/lon: floor(lat + 90) * 360 + floor(lon + 180)
    fatalities     INTEGER,
    reports        INTEGER NOT NULL,
    corroboration  INTEGER NOT NULL,
    credibility    INTEGER NOT NULL,
    certainty      TEXT NOT NULL,
    record         TEXT NOT NULL
);
CREATE INDEX clusters_type_date ON clusters(type, date);
CREATE INDEX clusters_cell ON clusters(type, cell, date);
CREATE INDEX clusters_cell_date ON clusters(cell, date);
CREATE INDEX clusters_type_country ON clusters(type, country, date);
CREATE INDEX clusters_date ON clusters(date);
CREATE INDEX clusters_place ON clusters(country, admin1, date);

CREATE TABLE cluster_reports (
    doc     INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    event   INTEGER NOT NULL,
    cluster INTEGER NOT NULL REFERENCES clusters(id),
    reason  TEXT NOT NULL,
    PRIMARY KEY (doc, event)
) WITHOUT ROWID;
CREATE INDEX cluster_reports_cluster ON cluster_reports(cluster);

-- The graph entities taking part in each cluster, for --actor and entity profiles.
CREATE TABLE cluster_participants (
    entity  INTEGER NOT NULL,
    cluster INTEGER NOT NULL,
    role    TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    PRIMARY KEY (entity, cluster, role)
) WITHOUT ROWID;
CREATE INDEX cluster_participants_cluster ON cluster_participants(cluster);

-- Per document: its outlet (source, URL host or byline), the wire it carries, if any, and its
-- scene (the dateline's place, else the place it names most), which places the events that name
-- none.
CREATE TABLE graph_documents (
    doc               INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
    outlet            TEXT,
    agency            TEXT,
    resolved_at       TEXT NOT NULL,
    scene_geonames_id INTEGER,
    scene_lat         REAL,
    scene_lon         REAL,
    scene_country     TEXT,
    scene_admin1      TEXT,
    scene_precision   TEXT
);
"#;

// A participant's clusters of one type around one date are what clustering looks up for each
// event; with the cluster's type and date beside the participant that is one index range,
// however many clusters a much-reported party (a government, a president) takes part in.
// The date follows the cluster's, as each rebuild writes its participants again.
const V4: &str = r#"
ALTER TABLE cluster_participants ADD COLUMN type TEXT;
ALTER TABLE cluster_participants ADD COLUMN date TEXT;
UPDATE cluster_participants
   SET type = (SELECT c.type FROM clusters c WHERE c.id = cluster),
       date = (SELECT c.date FROM clusters c WHERE c.id = cluster);
CREATE INDEX cluster_participants_lookup ON cluster_participants(entity, type, date);
"#;

const V5: &str = r#"
-- Words that point at a place without being a place's name ("the Russian ambassador",
-- "Ohio State Highway Patrol"), each with the place it points at. Documents stored before this
-- migration have none until they are ingested again.
CREATE TABLE place_references (
    doc         INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    kind        TEXT NOT NULL,  -- adjective, within_name
    geonames_id INTEGER,
    name        TEXT NOT NULL,
    lat         REAL NOT NULL,
    lon         REAL NOT NULL,
    country     TEXT,
    admin1      TEXT,
    feature     TEXT NOT NULL,
    precision   TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
"#;

#[cfg(test)]
mod tests {
    use super::{MIGRATIONS, V1};
    use crate::{SqliteStore, Store};
    use rusqlite::{Connection, params};

    /// A store as a V1 build left it: one document with its segmentation and mentions.
    fn write_v1_store(path: &std::path::Path) -> String {
        let conn = Connection::open(path).expect("raw open");
        conn.execute_batch(
            "CREATE TABLE schema_migrations (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
        )
        .expect("migrations table");
        conn.execute_batch(V1).expect("V1 schema");
        conn.execute(
            "INSERT INTO schema_migrations VALUES (1, ?1, '2026-01-01T00:00:00Z')",
            [MIGRATIONS[0].1],
        )
        .expect("V1 recorded");
        let text = "Rain fell on Jalisco.";
        let id = tessera_doc::DocId::compute(None, Some("Rain"), text).to_string();
        conn.execute(
            "INSERT INTO documents (id, title, origin, text, ingested_at)
             VALUES (?1, 'Rain', '{\"location\":\"rain.txt\"}', ?2, '2026-01-01T00:00:00Z')",
            params![id, text],
        )
        .expect("V1 document");
        conn.execute_batch(
            "INSERT INTO documents_fts(rowid, title, text) SELECT rowid, title, text FROM documents;
             INSERT INTO segmentations VALUES (1, 0, 0, x'0000');
             INSERT INTO mentions (doc, start, end, kind) VALUES (1, 13, 20, 'LOC');",
        )
        .expect("V1 layers");
        id
    }

    #[test]
    fn a_v1_store_upgrades_in_place_and_keeps_its_documents() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("v1.db");
        let id = write_v1_store(&path);

        let mut store = SqliteStore::open(&path).expect("upgrade");
        assert_eq!(store.schema_version().expect("version"), 5);
        let stored = store.get(&id).expect("get").expect("the V1 document");
        let doc = stored.document;
        assert_eq!(doc.text, "Rain fell on Jalisco.");
        assert_eq!(doc.mentions.len(), 1);
        assert!(doc.entities.is_empty() && doc.events.is_empty() && doc.places.is_empty());
        assert!(doc.place_references.is_empty());

        // The upgraded store takes documents with every layer.
        let mut new = tessera_doc::Document::from_record(tessera_doc::SourceRecord {
            origin: tessera_doc::Origin::file("new.txt"),
            meta: tessera_doc::Metadata::default(),
            text: "Police arrested Ana Ruiz.".into(),
        });
        let mut entity = tessera_doc::Entity::new(tessera_doc::MentionKind::Per, "Ana Ruiz");
        entity.mentions.push(tessera_doc::Span::new(16, 24));
        new.entities.push(entity);
        store
            .put_batch(std::slice::from_ref(&new))
            .expect("put after upgrade");
        let back = store.get(new.id.as_str()).expect("get").expect("found");
        assert_eq!(back.document, new);
        let stats = store.stats().expect("stats");
        assert_eq!((stats.documents, stats.entities), (2, 1));
        assert_eq!(
            store
                .search(&crate::SearchQuery {
                    text: "jalisco".into(),
                    limit: 5,
                    ..crate::SearchQuery::default()
                })
                .expect("search")
                .len(),
            1
        );
        drop(store);
        // Opening again applies nothing twice.
        let store = SqliteStore::open(&path).expect("reopen");
        assert_eq!(store.schema_version().expect("version"), 5);
    }
}
