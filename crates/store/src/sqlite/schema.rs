//! Versioned schema migrations. Each migration runs once, in its own transaction, and is recorded
//! in `schema_migrations`; a store written by a newer Tessera is refused rather than damaged.

/// `(version, name, SQL)`, in order. Append; never edit a migration that has shipped.
pub(crate) const MIGRATIONS: &[(u32, &str, &str)] = &[(
    1,
    "documents, segmentation, full-text search and annotation layers",
    V1,
)];

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
