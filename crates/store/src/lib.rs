//! The archive: the records of many meetings of many groups in one database, one person
//! record per human across all of them, and full-text search.
//!
//! [`Store`] is the whole storage API; callers see the model and the plain types of this
//! crate, never SQL. Today the one backend is an embedded SQLite file (WAL mode, migrations
//! applied on open); a PostgreSQL backend for deployments with several servers can be added
//! behind the same methods, which is why nothing here hands out a connection or a row.
//!
//! Guarantees:
//! - Every write is one transaction (an import writes a batch of meetings in one): a
//!   meeting is stored whole or not at all, and a crash (even `SIGKILL`) leaves the archive
//!   as it was before the transaction.
//! - A meeting's record (interface `rapporteur.record/1`) and its source text are the source
//!   of truth; attendance, passages, agreements and the search index are derived from them
//!   and can be rebuilt at any time with [`Store::reindex`].
//! - Nothing is guessed: a speaker the record leaves ambiguous or unknown stays so until
//!   someone settles it with [`Store::resolve`].
//! - Opening a file that is read-only, locked, damaged, not an archive, or written by a newer
//!   version fails with one [`OpenError`] that says which.

mod archive;
mod browse;
mod documents;
mod people;
mod prepare;
mod presence;
mod read;
mod schema;
mod search;
mod write;

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, ffi::ErrorCode};

pub use archive::{ARCHIVE_FORMAT, ArchiveImport};
pub use browse::{Due, Facets, GroupView, Member};
pub use documents::{
    Citation, Comment, Consultation, DocumentSet, DocumentSummary, Quote, RevisionSummary,
    StoredRevision, label_key,
};
pub use prepare::PreparedMeeting;
pub use presence::{Presence, PresenceRow};
pub use read::{
    Affiliation, Agreed, AliasEntry, GroupSummary, Hit, MeetingRef, MeetingSummary, PersonSummary,
    PersonView, Said, SearchQuery, SearchResults, Segment, StoredMeeting, Unresolved,
};
pub use write::{Imported, Outcome, Resolution, Scope};

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: usize = schema::MIGRATIONS.len();

/// How long a command waits for another process's write to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(2);

/// An open archive.
pub struct Store {
    conn: Connection,
    /// The search index: set on opening, except for a read-only archive with no index
    /// beside it, which builds one in memory at its first search.
    search: std::cell::OnceCell<search::SearchIndex>,
    /// What imports remember of the archive between batches (see `write::Remembered`).
    known: write::Remembered,
}

/// Why an archive could not be opened. Each says what to do about it in one line.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("the archive is read-only (check the file's and its folder's permissions)")]
    ReadOnly,
    #[error("the archive is locked by another process; try again when it has finished")]
    Locked,
    #[error(
        "the archive was written by a newer rapporteur (schema version {found}; this one knows up to {known})"
    )]
    Newer { found: i64, known: usize },
    #[error(
        "the archive has schema version {found} and this rapporteur writes {known}; open it once with a command that writes (such as `reindex`) to bring it up to date"
    )]
    Older { found: i64, known: usize },
    #[error("not a rapporteur archive (a SQLite database of another program)")]
    Foreign,
    #[error("not an archive: the file is not a SQLite database, or it is damaged")]
    Corrupt,
    #[error("cannot open the archive: {0}")]
    Other(String),
}

/// Why a command on an open archive failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the record names no group (no group name or short name in its header)")]
    NoGroup,
    #[error(
        "the record has neither a meeting number nor a date, so it cannot be told apart from the group's other meetings"
    )]
    NoKey,
    #[error("no meeting '{0}' (write GROUP/NUMBER, GROUP/YYYY-MM-DD or a meeting id)")]
    NoSuchMeeting(String),
    #[error("no group '{0}'")]
    NoSuchGroup(String),
    #[error("no person '{0}'")]
    NoSuchPerson(String),
    #[error("'{name}' is ambiguous: {}", candidates.join(", "))]
    AmbiguousPerson {
        name: String,
        candidates: Vec<String>,
    },
    #[error("'{alias}' already names {person}")]
    AliasTaken { alias: String, person: String },
    #[error("{0}")]
    Invalid(String),
    #[error("a stored record does not read back: {0}")]
    Record(#[from] render::json::ParseError),
    #[error("the archive is locked by another process; try again when it has finished")]
    Locked,
    #[error("the archive is read-only")]
    ReadOnly,
    #[error("database error: {0}")]
    Database(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            _ => StoreError::Database(error.to_string()),
        }
    }
}

fn open_error(error: rusqlite::Error) -> OpenError {
    match error.sqlite_error_code() {
        Some(ErrorCode::ReadOnly) => OpenError::ReadOnly,
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => OpenError::Locked,
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => OpenError::Corrupt,
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => OpenError::Other(format!(
            "{error} (does the folder exist and is it writable?)"
        )),
        _ => OpenError::Other(error.to_string()),
    }
}

impl Store {
    /// Opens the archive at `path`, creating it if there is no file, and brings its schema up
    /// to date.
    pub fn open(path: &Path) -> Result<Store, OpenError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(open_error)?;
        let mut store = Store::prepare(conn)?;
        let index = search::SearchIndex::open(path).map_err(|e| OpenError::Other(e.to_string()))?;
        store
            .attach_search(index)
            .map_err(|e| OpenError::Other(e.to_string()))?;
        Ok(store)
    }

    /// Opens an existing archive for reading only: nothing is migrated or written, so a
    /// published archive on a read-only disk can be searched. An archive of an older schema
    /// must be opened once with [`Store::open`] to be brought up to date.
    pub fn open_read_only(path: &Path) -> Result<Store, OpenError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(open_error)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_error)?;
        let version = check_header(&conn)?;
        if version < SCHEMA_VERSION as i64 {
            return Err(OpenError::Older {
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        let search = std::cell::OnceCell::new();
        if let Some(index) =
            search::SearchIndex::open_existing(path).map_err(|e| OpenError::Other(e.to_string()))?
        {
            let _ = search.set(index);
        }
        Ok(Store {
            conn,
            search,
            known: write::Remembered::default(),
        })
    }

    /// A fresh archive in memory, gone when dropped; for tests and one-off commands.
    pub fn in_memory() -> Result<Store, OpenError> {
        let conn = Connection::open_in_memory().map_err(open_error)?;
        let mut store = Store::prepare(conn)?;
        let index =
            search::SearchIndex::in_memory().map_err(|e| OpenError::Other(e.to_string()))?;
        store
            .attach_search(index)
            .map_err(|e| OpenError::Other(e.to_string()))?;
        Ok(store)
    }

    fn prepare(conn: Connection) -> Result<Store, OpenError> {
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_error)?;
        let version = check_header(&conn)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -32768;
             PRAGMA foreign_keys = ON;",
        )
        .map_err(open_error)?;
        // An import's statements (several shapes of multi-row insert among them) stay
        // prepared from one meeting to the next.
        conn.set_prepared_statement_cache_capacity(64);
        let mut store = Store {
            conn,
            search: std::cell::OnceCell::new(),
            known: write::Remembered::default(),
        };
        store.migrate(version as usize).map_err(open_error)?;
        Ok(store)
    }

    fn migrate(&mut self, applied: usize) -> rusqlite::Result<()> {
        if applied == SCHEMA_VERSION {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        for migration in &schema::MIGRATIONS[applied..] {
            tx.execute_batch(migration)?;
        }
        // A new derived table starts empty; an archive that had meetings fills it now, in
        // the same transaction, so no command ever sees it half built.
        if applied > 0
            && schema::REINDEX_AFTER
                .iter()
                .any(|&version| version > applied)
        {
            write::reindex_in(&tx)
                .map_err(|e| rusqlite::Error::InvalidParameterName(e.to_string()))?;
        }
        tx.execute_batch(&format!(
            "PRAGMA application_id = {}; PRAGMA user_version = {SCHEMA_VERSION};",
            schema::APPLICATION_ID
        ))?;
        tx.commit()
    }

    /// Writes a consistent copy of the archive to `target`, even while other processes use
    /// it; the copy is a complete archive that [`Store::open`] accepts.
    pub fn backup(&self, target: &Path) -> Result<(), StoreError> {
        let target = target
            .to_str()
            .ok_or_else(|| StoreError::Invalid("the backup path is not valid UTF-8".into()))?;
        self.conn.execute("VACUUM INTO ?1", [target])?;
        Ok(())
    }

    /// Checks the database file's internal consistency and that every row's foreign keys
    /// name a row that exists; `Ok` lists nothing when all is well.
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let mut problems: Vec<String> = stmt
            .query_map([], |row| row.get::<_, String>(0))?
            .filter(|row| !matches!(row.as_deref(), Ok("ok")))
            .collect::<Result<_, _>>()?;
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let dangling = stmt.query_map([], |row| {
            Ok(format!(
                "row {} of {} names a missing row of {}",
                row.get::<_, Option<i64>>(1)?
                    .map_or_else(|| "?".to_owned(), |id| id.to_string()),
                row.get::<_, String>(0)?,
                row.get::<_, String>(2)?
            ))
        })?;
        for problem in dangling {
            problems.push(problem?);
        }
        Ok(problems)
    }
}

/// Checks that the file is a rapporteur archive this build can read; returns its schema
/// version (0 for an empty file). Reading the header is the first real access, so a damaged
/// or foreign file fails here.
fn check_header(conn: &Connection) -> Result<i64, OpenError> {
    let application_id: i32 = conn
        .query_row("PRAGMA application_id", [], |row| row.get(0))
        .map_err(open_error)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(open_error)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
        .map_err(open_error)?;
    if application_id != schema::APPLICATION_ID && (tables > 0 || version > 0) {
        return Err(OpenError::Foreign);
    }
    if version > SCHEMA_VERSION as i64 {
        return Err(OpenError::Newer {
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    Ok(version)
}

/// The key under which names are compared: lower case, single spaces.
pub(crate) fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A name for a URL: ASCII letters and digits, accents dropped, words joined by `-`.
pub(crate) fn slug(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in name.nfd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if unicode_normalization::char::is_combining_mark(c) {
            continue;
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}
