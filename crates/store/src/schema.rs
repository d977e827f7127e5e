//! The database's shape: versioned migrations, applied in order when a store is opened.
//!
//! `PRAGMA user_version` holds the number of migrations applied; `PRAGMA application_id`
//! marks the file as a rapporteur archive, so another program's SQLite file is refused rather
//! than written into. A migration is never edited once released: a change is a new migration.
//!
//! Two kinds of tables live here. The **source of truth** is `groups`, `meetings` (each
//! meeting's record, as interface `rapporteur.record/1` JSON, and its source text), `people`
//! and `aliases`. Everything else (`attendance`, `passages`, `agreements` and the full-text
//! index `search`, and `dates`) is **derived** from those by `Store::reindex`, and rebuilt for a meeting
//! whenever its record changes.

/// "RAPP" in ASCII: the `application_id` of every rapporteur archive.
pub const APPLICATION_ID: i32 = 0x5241_5050;

/// The migrations, oldest first; the schema version is the number applied.
pub const MIGRATIONS: &[&str] = &[
    // 1: the first archive.
    "
    CREATE TABLE groups (
        id          INTEGER PRIMARY KEY,
        short_name  TEXT NOT NULL,
        key         TEXT NOT NULL UNIQUE,
        slug        TEXT NOT NULL UNIQUE,
        name        TEXT,
        parent      TEXT
    );

    CREATE TABLE meetings (
        id           INTEGER PRIMARY KEY,
        group_id     INTEGER NOT NULL REFERENCES groups(id),
        number       INTEGER,
        date         TEXT,
        start        TEXT,
        title        TEXT,
        source_path  TEXT NOT NULL,
        sha256       TEXT NOT NULL,
        source_text  TEXT,
        record       TEXT NOT NULL,
        imported_at  TEXT NOT NULL,
        updated_at   TEXT NOT NULL
    );
    CREATE UNIQUE INDEX meetings_by_number ON meetings(group_id, number) WHERE number IS NOT NULL;
    CREATE UNIQUE INDEX meetings_by_date ON meetings(group_id, date) WHERE number IS NULL;
    CREATE INDEX meetings_by_day ON meetings(date);

    CREATE TABLE people (
        id                 INTEGER PRIMARY KEY,
        name               TEXT NOT NULL,
        key                TEXT NOT NULL UNIQUE,
        slug               TEXT NOT NULL UNIQUE
    );

    -- group_id NULL: the alias holds in every group.
    CREATE TABLE aliases (
        alias      TEXT NOT NULL,
        key        TEXT NOT NULL,
        group_id   INTEGER REFERENCES groups(id),
        person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE
    );
    CREATE UNIQUE INDEX aliases_by_key ON aliases(key, ifnull(group_id, 0));

    -- Derived: who attended, with the affiliation and roles the list gave that day.
    CREATE TABLE attendance (
        meeting_id   INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,
        person_id    INTEGER NOT NULL REFERENCES people(id),
        name         TEXT NOT NULL,
        affiliation  TEXT,
        roles        TEXT NOT NULL,
        stakeholder_group TEXT,
        line         INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, position)
    );
    CREATE INDEX attendance_by_person ON attendance(person_id);

    -- Derived: the searchable text of a meeting, one row per intervention, decision or
    -- action item.
    CREATE TABLE passages (
        id                  INTEGER PRIMARY KEY,
        meeting_id          INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        kind                TEXT NOT NULL,
        position            INTEGER NOT NULL,
        agenda_item         TEXT,
        agenda_title        TEXT,
        speaker_status      TEXT,
        speaker_mention     TEXT,
        speaker_candidates  TEXT,
        person_id           INTEGER REFERENCES people(id),
        act                 TEXT,
        text                TEXT NOT NULL,
        line                INTEGER NOT NULL
    );
    CREATE INDEX passages_by_meeting ON passages(meeting_id);
    CREATE INDEX passages_by_person ON passages(person_id);

    -- Derived: explicit agreements, from the intervention that agrees to the person agreed with.
    CREATE TABLE agreements (
        passage_id  INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        person_id   INTEGER REFERENCES people(id),
        label       TEXT,
        status      TEXT NOT NULL,
        basis       TEXT NOT NULL,
        PRIMARY KEY (passage_id, position)
    );
    CREATE INDEX agreements_by_person ON agreements(person_id);

    -- Derived: the full-text index of passages; rowid = passages.id.
    CREATE VIRTUAL TABLE search USING fts5(
        text,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    ",
    // 2: dates, deadlines and action items with their due dates, for "what is due" and
    // calendars. Derived, so an archive of version 1 is reindexed after this migration.
    "
    CREATE TABLE dates (
        meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        kind        TEXT NOT NULL,
        value       TEXT,
        text        TEXT NOT NULL,
        owner       TEXT,
        context     TEXT,
        line        INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, position)
    );
    CREATE INDEX dates_by_value ON dates(value);
    ",
    // 3: the order of a group's series, and a count of the archive's changes.
    "
    -- A meeting's place in its group's series, for the previous and next meeting.
    CREATE INDEX meetings_in_series ON meetings(group_id, ifnull(date, ''), ifnull(number, -1), id);

    -- Counts the transactions that changed the archive, so readers can tell that what they
    -- built from it (a rendered page) is still current.
    CREATE TABLE generation (n INTEGER NOT NULL);
    INSERT INTO generation (n) VALUES (0);
    ",
    // 4: attendance exports of videoconference tools (source of truth, like the records):
    // who was connected and for how long, with the participant each name was matched to.
    "
    CREATE TABLE presence_sources (
        meeting_id   INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        tool         TEXT NOT NULL,
        title        TEXT,
        source_path  TEXT NOT NULL,
        sha256       TEXT NOT NULL
    );
    CREATE TABLE presence (
        meeting_id   INTEGER NOT NULL REFERENCES presence_sources(meeting_id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,
        name         TEXT NOT NULL,
        email        TEXT,
        role         TEXT,
        participant  TEXT,
        seconds      INTEGER NOT NULL,
        line         INTEGER NOT NULL,
        sessions     TEXT NOT NULL,
        PRIMARY KEY (meeting_id, position)
    );
    ",
    // 5: negotiated documents (source of truth): revisions as received, consultations on a
    // revision, and comments on a revision's paragraphs.
    "
    CREATE TABLE documents (
        id      INTEGER PRIMARY KEY,
        slug    TEXT NOT NULL UNIQUE,
        key     TEXT NOT NULL UNIQUE,
        title   TEXT NOT NULL,
        owner   TEXT
    );
    CREATE TABLE revisions (
        id           INTEGER PRIMARY KEY,
        document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,
        label        TEXT NOT NULL,
        key          TEXT NOT NULL,
        date         TEXT,
        source_path  TEXT NOT NULL,
        sha256       TEXT NOT NULL,
        source       BLOB NOT NULL,
        UNIQUE (document_id, key),
        UNIQUE (document_id, position)
    );
    CREATE TABLE consultations (
        id           INTEGER PRIMARY KEY,
        revision_id  INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
        opens        TEXT,
        deadline     TEXT NOT NULL
    );
    CREATE TABLE comments (
        id           INTEGER PRIMARY KEY,
        revision_id  INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
        paragraph    INTEGER NOT NULL,
        number       TEXT,
        author       TEXT NOT NULL,
        text         TEXT NOT NULL,
        exact        TEXT,
        prefix       TEXT,
        suffix       TEXT,
        created_at   TEXT NOT NULL
    );
    CREATE INDEX comments_by_revision ON comments(revision_id, paragraph);
    ",
    // 6: the search index moves out of SQLite (FTS5 scored every match before it could
    // rank them) into a tantivy index beside the database (see `search.rs`). What is left
    // here is its to-do list: the meetings whose passages changed since the index last
    // caught up, written in the same transaction as the change. Every meeting starts on it.
    "
    DROP TABLE search;
    CREATE TABLE search_pending (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id  INTEGER NOT NULL UNIQUE
    );
    CREATE TRIGGER search_pending_on_delete AFTER DELETE ON meetings BEGIN
        INSERT OR REPLACE INTO search_pending (meeting_id) VALUES (OLD.id);
    END;
    INSERT INTO search_pending (meeting_id) SELECT id FROM meetings;
    ",
];

/// Migrations after which the derived tables must be rebuilt: the schema version they bring.
pub const REINDEX_AFTER: &[usize] = &[2];
