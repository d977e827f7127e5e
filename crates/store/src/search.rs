//! Full-text search: a tantivy index of the archive's passages, derived from the database
//! and kept beside it, with BM25 ranking, filters, facets and highlighted snippets.
//!
//! Why not SQLite's own FTS5: FTS5 computes the BM25 score of every match before it can say
//! which ten are best, so a common word took up to a second and a half over a million
//! interventions. tantivy keeps, for each block of postings, the best score the block can
//! give, and skips blocks that cannot reach the page (block-max WAND, for one word and for
//! words that must all occur), so the first page costs about the same for any word.
//!
//! The index holds, per passage: its words (`text`), its pairs and triples of neighbouring
//! words (`pairs`, `triples`: a phrase of two or three words is one term, found as fast as
//! a word, and a longer phrase is a phrase of triples), the words of its agenda item's
//! title, its agenda item's title as written, and the passage, meeting, person, group and
//! meeting day as numbers. The words are cut and folded here ([`tokens`]: letters and
//! digits, lower case, accents dropped), the same way for the index, the query and the
//! snippet; a passage is cut once for its three fields.
//!
//! Guarantees:
//! - The database is the source of truth; the index is derived. Every change to a
//!   meeting's passages writes the meeting into the `search_pending` table in the same
//!   transaction; [`Store::sync_search`] then reindexes those meetings and, only after
//!   tantivy has committed, removes exactly the rows it read. A crash at any point leaves
//!   the meeting pending, and the next write or writable open finishes the work, so the
//!   index never stays behind the database for good. An index that does not agree with the
//!   database in size is rebuilt on a writable open.
//! - A file archive keeps its index in the folder `ARCHIVE.search-v1` beside it; an
//!   archive in memory, or a read-only archive with no index beside it, builds one in memory.
//! - A search can never be a syntax error: the user's text is cut into words and quoted
//!   phrases, and every word must occur.

use std::collections::HashMap;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use rusqlite::Connection;
use tantivy::collector::{Collector, Count, FilterCollector, SegmentCollector, TopDocs};
use tantivy::columnar::{Column, StrColumn};
use tantivy::directory::MmapDirectory;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, InvertedIndexRangeQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};
use tantivy::{
    DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Score, Searcher, SegmentReader,
    TantivyDocument, Term,
};

use crate::browse::Facets;
use crate::read::{Hit, MeetingRef, SearchQuery, SearchResults, Segment};
use crate::write::group_id;
use crate::{Store, StoreError, people};

/// The index folder's suffix; a new layout of the index gets a new suffix, and the old
/// folder is simply no longer read.
const FOLDER_SUFFIX: &str = ".search-v1";

/// The memory tantivy may use for documents not yet written to a segment. Each segment
/// writes its own dictionary of every word, pair and triple in it, and merges write them
/// again: 48 MB makes segments about three times as large as 16 MB did, and an import of
/// 10,000 meetings about 15 % cheaper, for 15 to 20 MB more at its peak (docs/benchmarks.md).
const WRITER_MEMORY: usize = 48 * 1024 * 1024;

/// How many passages a bulk import hands to the index before it commits them
/// ([`Store::feed_search`]): a commit waits for tantivy to index everything handed so far,
/// which the import's writer need not do after every batch.
const COMMIT_EVERY: u64 = 100_000;

/// What reading one passage of a date range from the index costs, counted in matches of
/// the words looked at while collecting: a date range is read from the index (the
/// postings of its days) only when it holds at most half as many passages as the words
/// have matches, and is otherwise applied by looking at each match's day. On the archive of 1,000,000 interventions
/// the two ways cost about the same at a sixth (`noted` since December 2027: 31,342
/// passages in range, 181,576 matches); at twice as many passages as matches (`noted`
/// since 2027) looking at the matches took a third of the time (docs/benchmarks.md).
const MATCHES_PER_DAY_PASSAGE: u64 = 2;

/// How many tokens a snippet shows around the best-matching part of a passage.
const SNIPPET_TOKENS: usize = 24;

/// The fields of the index.
#[derive(Clone, Copy)]
struct Fields {
    passage: Field,
    meeting: Field,
    person: Field,
    group: Field,
    day: Field,
    text: Field,
    pairs: Field,
    triples: Field,
    item_words: Field,
    item: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let words = |tokenizer: &str, record: IndexRecordOption| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(record),
        )
    };
    let fields = Fields {
        passage: builder.add_u64_field("passage", FAST),
        meeting: builder.add_u64_field("meeting", INDEXED),
        person: builder.add_u64_field("person", INDEXED | FAST),
        group: builder.add_u64_field("group", INDEXED | FAST),
        day: builder.add_i64_field("day", INDEXED | FAST),
        // Words need no positions: phrases are terms of `pairs` and `triples`.
        text: builder.add_text_field("text", words(TOKENIZERS[0], IndexRecordOption::WithFreqs)),
        pairs: builder.add_text_field("pairs", words(TOKENIZERS[1], IndexRecordOption::WithFreqs)),
        triples: builder.add_text_field(
            "triples",
            words(TOKENIZERS[2], IndexRecordOption::WithFreqsAndPositions),
        ),
        item_words: builder
            .add_text_field("item_words", words(TOKENIZERS[0], IndexRecordOption::Basic)),
        item: builder.add_text_field("item", STRING | FAST),
    };
    (builder.build(), fields)
}

/// The search index of one open archive.
pub(crate) struct SearchIndex {
    index: Index,
    reader: IndexReader,
    /// The writer, unless a feeder has it.
    writer: Option<IndexWriter>,
    /// The thread that hands an import's batches to the writer and commits them, while an
    /// import feeds the index.
    feeder: Option<Feeder>,
    fields: Fields,
    /// Whether this index was created empty on opening (so every meeting is to be indexed).
    created: bool,
    /// Whether this store may write the index (not so for a read-only archive).
    writable: bool,
    /// The last row of `search_pending` whose meeting was handed to the writer, when what
    /// was handed is not committed yet ([`Store::feed_search`]).
    fed: Option<i64>,
    /// How many passages were handed to the writer since its last commit.
    uncommitted: u64,
    /// How many handed passages make a commit during an import ([`COMMIT_EVERY`]).
    commit_every: u64,
    /// How a date range is applied ([`MATCHES_PER_DAY_PASSAGE`]); tests force either way.
    matches_per_day_passage: u64,
}

/// The folder of a file archive's index.
pub(crate) fn folder(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(FOLDER_SUFFIX);
    PathBuf::from(name)
}

fn tantivy_error(error: impl std::fmt::Display) -> StoreError {
    StoreError::Database(format!("search index: {error}"))
}

impl SearchIndex {
    /// The index beside the archive at `database`, created (empty) if there is none.
    pub(crate) fn open(database: &Path) -> Result<SearchIndex, StoreError> {
        let path = folder(database);
        // The one file-system call of this crate: tantivy keeps its index in a folder of its
        // own, which it does not create.
        std::fs::create_dir_all(&path).map_err(|e| {
            StoreError::Database(format!(
                "cannot create the search index {}: {e}",
                path.display()
            ))
        })?;
        let directory = MmapDirectory::open(&path).map_err(tantivy_error)?;
        let created = !Index::exists(&directory).map_err(tantivy_error)?;
        let index = Index::open_or_create(directory, schema().0).map_err(|e| {
            StoreError::Database(format!(
                "the search index {} cannot be read ({e}); delete that folder and run `rapporteur reindex`",
                path.display()
            ))
        })?;
        SearchIndex::with(index, created, true)
    }

    /// The index beside a read-only archive if there is one; `None` otherwise.
    pub(crate) fn open_existing(database: &Path) -> Result<Option<SearchIndex>, StoreError> {
        let path = folder(database);
        let Ok(directory) = MmapDirectory::open(&path) else {
            return Ok(None);
        };
        if !Index::exists(&directory).map_err(tantivy_error)? {
            return Ok(None);
        }
        let index = Index::open(directory).map_err(tantivy_error)?;
        SearchIndex::with(index, false, false).map(Some)
    }

    /// A new, empty index in memory.
    pub(crate) fn in_memory() -> Result<SearchIndex, StoreError> {
        SearchIndex::with(Index::create_in_ram(schema().0), true, true)
    }

    fn with(index: Index, created: bool, writable: bool) -> Result<SearchIndex, StoreError> {
        for (n, name) in TOKENIZERS.iter().enumerate() {
            index
                .tokenizers()
                .register(name, TextAnalyzer::from(Shingles { n: n + 1 }));
        }
        let fields = schema().1;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(tantivy_error)?;
        Ok(SearchIndex {
            index,
            reader,
            writer: None,
            feeder: None,
            fields,
            created,
            writable,
            fed: None,
            uncommitted: 0,
            commit_every: COMMIT_EVERY,
            matches_per_day_passage: MATCHES_PER_DAY_PASSAGE,
        })
    }

    /// The writer, back from the feeder if there is one (once it has done all it was
    /// handed), so that what is done with it next follows that. Returns the rows of
    /// `search_pending` up to which the feeder committed, if it did.
    fn writer(&mut self) -> Result<(&mut IndexWriter, Option<i64>), StoreError> {
        let committed = self.stop_feeder()?;
        if self.writer.is_none() {
            let writer = self
                .index
                .writer_with_num_threads(1, WRITER_MEMORY)
                .map_err(|e| match e {
                    tantivy::TantivyError::LockFailure(..) => StoreError::Locked,
                    other => tantivy_error(other),
                })?;
            self.writer = Some(writer);
        }
        Ok((self.writer.as_mut().expect("just set"), committed))
    }

    /// Hands a message to the feeder, started with the writer on first use: the caller
    /// goes on at once unless the feeder still holds an earlier message, which bounds what
    /// waits to two batches and tantivy's own queue.
    fn feed(&mut self, message: ToFeeder) -> Result<(), StoreError> {
        if self.feeder.is_none() {
            // Made (or taken back) here, and handed over whole.
            self.writer()?;
            let writer = self.writer.take().expect("just made");
            self.feeder = Some(Feeder::start(writer, self.fields)?);
        }
        let feeder = self.feeder.as_ref().expect("just set");
        if feeder.send.send(message).is_err() {
            // The feeder stopped on an error, which stopping it returns.
            self.stop_feeder()?;
            return Err(StoreError::Database(
                "search index: the feeder stopped".into(),
            ));
        }
        Ok(())
    }

    /// The rows of `search_pending` up to which the feeder has committed since last asked.
    fn committed(&self) -> Option<i64> {
        self.feeder
            .as_ref()
            .and_then(|feeder| feeder.committed.try_iter().max())
    }

    /// Waits for the feeder to do all it was handed, ends it and takes the writer back;
    /// returns the rows of `search_pending` up to which it committed, if it did.
    fn stop_feeder(&mut self) -> Result<Option<i64>, StoreError> {
        let Some(feeder) = self.feeder.take() else {
            return Ok(None);
        };
        let (writer, committed) = feeder.stop()?;
        self.writer = Some(writer);
        Ok(committed)
    }

    /// Lets go of the writer, and so of the index's lock, once the merges of segments it
    /// started are done. A store keeps its writer from one catch-up to the next (one
    /// indexing thread and one memory arena for a whole import) and lets it go when dropped;
    /// another process that writes meanwhile leaves its meetings on the to-do list, which
    /// the holder's next catch-up, or the next writable open, takes in.
    fn release(&mut self) -> Result<(), StoreError> {
        // What was handed and not committed is rolled back with the writer.
        self.fed = None;
        self.uncommitted = 0;
        // What the feeder committed stays marked too, and is reindexed by the next writer.
        let fed = self.stop_feeder();
        if let Some(writer) = self.writer.take() {
            writer.wait_merging_threads().map_err(tantivy_error)?;
        }
        fed.map(|_| ())
    }

    /// Sees what other processes (or this one) committed since the last search.
    fn refresh(&self) -> Result<(), StoreError> {
        self.reader.reload().map_err(tantivy_error)
    }

    fn documents(&self) -> u64 {
        self.reader.searcher().num_docs()
    }
}

/// One batch of an import for the index: the meetings whose documents go first, and the
/// documents of their passages.
struct Fed {
    meetings: Vec<i64>,
    docs: Vec<IndexDoc>,
}

/// What the feeder is asked to do.
enum ToFeeder {
    Batch(Fed),
    /// Commit everything handed so far, which covers `search_pending` up to this row.
    Commit(i64),
}

/// A thread that owns the index's writer during an import: it hands each batch to
/// tantivy and commits, so that the archive's writer goes on with its next batch while
/// tantivy's queue (10,000 documents, a quarter of a batch) is full or a commit waits for
/// tantivy to catch up, instead of waiting there with every reader waiting behind it.
struct Feeder {
    send: mpsc::SyncSender<ToFeeder>,
    /// The rows of `search_pending` up to which each commit went, for the store to unmark.
    committed: mpsc::Receiver<i64>,
    thread: std::thread::JoinHandle<(IndexWriter, Result<(), StoreError>)>,
}

impl Feeder {
    fn start(writer: IndexWriter, fields: Fields) -> Result<Feeder, StoreError> {
        let (send, receive) = mpsc::sync_channel::<ToFeeder>(1);
        let (report, committed) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("search-feeder".into())
            .spawn(move || {
                let mut writer = writer;
                let result = feed_all(&mut writer, fields, receive, report);
                (writer, result)
            })
            .map_err(|e| {
                StoreError::Database(format!("search index: cannot start a thread: {e}"))
            })?;
        Ok(Feeder {
            send,
            committed,
            thread,
        })
    }

    /// The writer back, once everything sent is done, and the last row committed.
    fn stop(self) -> Result<(IndexWriter, Option<i64>), StoreError> {
        drop(self.send);
        let (writer, result) = self
            .thread
            .join()
            .map_err(|_| StoreError::Database("search index: the feeder failed".into()))?;
        result?;
        Ok((writer, self.committed.try_iter().max()))
    }
}

/// The feeder's work, until the store stops sending or tantivy fails.
fn feed_all(
    writer: &mut IndexWriter,
    fields: Fields,
    receive: mpsc::Receiver<ToFeeder>,
    report: mpsc::Sender<i64>,
) -> Result<(), StoreError> {
    for message in receive {
        match message {
            ToFeeder::Batch(batch) => {
                for meeting in batch.meetings {
                    writer.delete_term(Term::from_field_u64(fields.meeting, meeting as u64));
                }
                for doc in batch.docs {
                    doc.add_to(writer, fields)?;
                }
            }
            ToFeeder::Commit(last) => {
                writer.commit().map_err(tantivy_error)?;
                // The store may be gone already; the meetings then stay marked.
                let _ = report.send(last);
            }
        }
    }
    Ok(())
}

impl Drop for SearchIndex {
    fn drop(&mut self) {
        // Nothing to report to: a merge that fails leaves the segments it would have merged.
        let _ = self.release();
    }
}

/// Marks every meeting for reindexing (for a rebuild).
pub(crate) fn mark_all(tx: &Connection) -> rusqlite::Result<()> {
    tx.execute_batch("INSERT OR REPLACE INTO search_pending (meeting_id) SELECT id FROM meetings")
}

/// Marks one meeting for reindexing, in the transaction that changed its passages.
pub(crate) fn mark(tx: &Connection, meeting_id: i64) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT OR REPLACE INTO search_pending (meeting_id) VALUES (?1)")?
        .execute([meeting_id])?;
    Ok(())
}

/// A meeting's day as a number that orders like the text (`2025-03-04` is 20250304; a
/// month alone, `2025-03`, is 20250300), or `None` when the text is not a date.
pub(crate) fn day_number(date: &str) -> Option<i64> {
    let digits: String = date.chars().filter(char::is_ascii_digit).take(8).collect();
    if digits.len() < 4 {
        return None;
    }
    let padded = format!("{digits:0<8}");
    padded.parse().ok()
}

/// The columns every query that feeds the index selects, in this order.
const PASSAGE_COLUMNS: &str =
    "p.id, p.meeting_id, p.person_id, m.group_id, m.date, p.agenda_title, p.text";

/// A passage as the index takes it.
pub(crate) struct IndexDoc {
    pub(crate) passage: i64,
    pub(crate) meeting: i64,
    pub(crate) person: Option<i64>,
    pub(crate) group: i64,
    /// The meeting's day, as [`day_number`] gives it.
    pub(crate) day: Option<i64>,
    pub(crate) agenda_title: Option<String>,
    pub(crate) text: String,
}

impl IndexDoc {
    fn add_to(self, writer: &IndexWriter, fields: Fields) -> Result<(), StoreError> {
        let mut doc = TantivyDocument::new();
        doc.add_u64(fields.passage, self.passage as u64);
        doc.add_u64(fields.meeting, self.meeting as u64);
        if let Some(person) = self.person {
            doc.add_u64(fields.person, person as u64);
        }
        doc.add_u64(fields.group, self.group as u64);
        if let Some(day) = self.day {
            doc.add_i64(fields.day, day);
        }
        if let Some(title) = self.agenda_title {
            doc.add_text(fields.item_words, &title);
            doc.add_text(fields.item, title);
        }
        doc.add_text(fields.pairs, &self.text);
        doc.add_text(fields.triples, &self.text);
        doc.add_text(fields.text, self.text);
        writer.add_document(doc).map_err(tantivy_error)?;
        Ok(())
    }
}

/// What a batch of an import wrote for the index, kept so the index can be fed without
/// reading it back: the meetings it put on `search_pending` (in its own transaction, so
/// between the two numbers below), and their passages.
#[derive(Default)]
pub(crate) struct Written {
    /// `max(id)` of `search_pending` before and after the batch.
    pub(crate) pending_before: Option<i64>,
    pub(crate) pending_after: Option<i64>,
    pub(crate) meetings: Vec<i64>,
    pub(crate) docs: Vec<IndexDoc>,
}

impl Written {
    /// Notes a meeting the batch (re)writes; a meeting written twice keeps the later rows.
    pub(crate) fn meeting(&mut self, meeting: i64, replaced: bool) {
        if replaced {
            self.docs.retain(|doc| doc.meeting != meeting);
        }
        self.meetings.push(meeting);
    }
}

/// The last row of `search_pending`, if any.
pub(crate) fn last_pending(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT max(id) FROM search_pending")?
        .query_row([], |row| row.get(0))
}

/// Takes the meetings the index has committed (up to row `last`) off `search_pending`.
/// The table's ids are never reused (`AUTOINCREMENT`), and a meeting marked again gets a
/// new row, so no meeting marked after that commit is taken off.
fn unmark(conn: &Connection, last: i64) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM search_pending WHERE id <= ?1")?
        .execute([last])?;
    Ok(())
}

/// Adds one document per row (of [`PASSAGE_COLUMNS`]) to the index.
fn add_rows(
    writer: &mut IndexWriter,
    fields: Fields,
    rows: &mut rusqlite::Rows<'_>,
) -> Result<u64, StoreError> {
    let mut added = 0;
    while let Some(row) = rows.next()? {
        IndexDoc {
            passage: row.get(0)?,
            meeting: row.get(1)?,
            person: row.get(2)?,
            group: row.get(3)?,
            day: row
                .get::<_, Option<String>>(4)?
                .as_deref()
                .and_then(day_number),
            agenda_title: row.get(5)?,
            text: row.get(6)?,
        }
        .add_to(writer, fields)?;
        added += 1;
    }
    Ok(added)
}

impl Store {
    /// Brings the search index up to date with the database: reindexes every meeting
    /// marked since the last time, then unmarks exactly those. Every write of the store
    /// calls it after its commit; a store opened read-only leaves it to the next writer.
    pub fn sync_search(&mut self) -> Result<(), StoreError> {
        self.feed_search(true)
    }

    /// Hands every meeting marked since the last time to the index, and commits the index
    /// (then unmarks exactly the meetings committed) when `commit` is set or enough
    /// passages wait. A bulk import feeds after each batch without committing, so that
    /// tantivy indexes one batch while the database takes the next, and calls
    /// [`Store::sync_search`] at its end. Until a commit the meetings stay marked: a crash,
    /// or a store dropped before it, leaves them for the next writer to reindex.
    pub(crate) fn feed_search(&mut self, commit: bool) -> Result<(), StoreError> {
        let Some(index) = self.search.get_mut() else {
            return Ok(());
        };
        if !index.writable {
            return Ok(());
        }
        let last: Option<i64> = self
            .conn
            .prepare_cached("SELECT max(id) FROM search_pending")?
            .query_row([], |row| row.get(0))?;
        let Some(last) = last else {
            return Ok(());
        };
        let fields = index.fields;
        let fed = index.fed.unwrap_or(0);
        let (writer, committed) = match index.writer() {
            Ok(writer) => writer,
            // Another process is writing the index: the meetings stay on the list, and that
            // process (which reads the whole list at each catch-up) or the next takes them.
            Err(StoreError::Locked) => return Ok(()),
            Err(error) => return Err(error),
        };
        if let Some(committed) = committed {
            unmark(&self.conn, committed)?;
        }
        let mut added = 0;
        if last > fed {
            // Whatever the index has of these meetings goes first (a delete applies to
            // every document added before it, committed or not); a meeting it does not
            // have costs nothing.
            let mut marked = self.conn.prepare_cached(
                "SELECT meeting_id FROM search_pending WHERE id > ?1 AND id <= ?2",
            )?;
            for meeting in marked.query_map([fed, last], |row| row.get::<_, i64>(0))? {
                writer.delete_term(Term::from_field_u64(fields.meeting, meeting? as u64));
            }
            let mut select = self.conn.prepare_cached(&format!(
                "SELECT {PASSAGE_COLUMNS} FROM search_pending s
                 JOIN passages p ON p.meeting_id = s.meeting_id
                 JOIN meetings m ON m.id = p.meeting_id WHERE s.id > ?1 AND s.id <= ?2"
            ))?;
            added = add_rows(writer, fields, &mut select.query([fed, last])?)?;
        }
        index.fed = Some(last);
        index.uncommitted += added;
        self.commit_search(commit, last)
    }

    /// [`Store::feed_search`] after a batch of an import, from what the batch wrote rather
    /// than from the database, when the index had been handed every meeting marked before
    /// the batch (so the meetings the batch marked are all that is left); otherwise, or
    /// when unsure, by reading the database.
    pub(crate) fn feed_written(&mut self, written: Written) -> Result<(), StoreError> {
        let Some(index) = self.search.get_mut() else {
            return Ok(());
        };
        if !index.writable {
            return Ok(());
        }
        let fed = index.fed.unwrap_or(0);
        let Some(last) = written.pending_after.filter(|&last| last > fed) else {
            // Nothing marked since the index was last handed meetings.
            return Ok(());
        };
        if written.pending_before.unwrap_or(0) > fed {
            return self.feed_search(false);
        }
        let added = written.docs.len() as u64;
        // As `feed_search` does: whatever the index has of these meetings goes first.
        match index.feed(ToFeeder::Batch(Fed {
            meetings: written.meetings,
            docs: written.docs,
        })) {
            Ok(()) => {}
            Err(StoreError::Locked) => return Ok(()),
            Err(error) => return Err(error),
        }
        index.fed = Some(last);
        index.uncommitted += added;
        self.commit_search(false, last)
    }

    /// Commits what was handed to the index (up to row `last` of `search_pending`), when
    /// asked or when enough waits, and takes the meetings committed off `search_pending`.
    /// During an import the feeder commits while the import goes on, and the meetings it
    /// committed are taken off at a later call.
    fn commit_search(&mut self, commit: bool, last: i64) -> Result<(), StoreError> {
        let Some(index) = self.search.get_mut() else {
            return Ok(());
        };
        let mut done = index.committed();
        if commit {
            index.writer()?.0.commit().map_err(tantivy_error)?;
            index.fed = None;
            index.uncommitted = 0;
            done = Some(last);
        } else if index.uncommitted >= index.commit_every {
            if index.feeder.is_some() {
                index.feed(ToFeeder::Commit(last))?;
            } else {
                index.writer()?.0.commit().map_err(tantivy_error)?;
                index.fed = None;
                done = Some(last);
            }
            index.uncommitted = 0;
        }
        match done {
            Some(done) => unmark(&self.conn, done),
            None => Ok(()),
        }
    }

    /// Gives a writable archive its index and brings it up to date: an index created just
    /// now, or one whose size disagrees with the database, is rebuilt whole.
    pub(crate) fn attach_search(&mut self, mut index: SearchIndex) -> Result<(), StoreError> {
        let passages: i64 = self
            .conn
            .query_row("SELECT count(*) FROM passages", [], |row| row.get(0))?;
        let pending: i64 =
            self.conn
                .query_row("SELECT count(*) FROM search_pending", [], |row| row.get(0))?;
        let stale = index.created || (pending == 0 && index.documents() != passages as u64);
        if stale && passages > 0 {
            index
                .writer()?
                .0
                .delete_all_documents()
                .map_err(tantivy_error)?;
            mark_all(&self.conn)?;
        }
        self.search = std::cell::OnceCell::from(index);
        self.sync_search()
    }

    /// The index, built in memory from the database when a read-only archive has none.
    fn search_index(&self) -> Result<&SearchIndex, StoreError> {
        if let Some(index) = self.search.get() {
            index.refresh()?;
            return Ok(index);
        }
        let mut index = SearchIndex::in_memory()?;
        let fields = index.fields;
        let (writer, _) = index.writer()?;
        let mut select = self.conn.prepare(&format!(
            "SELECT {PASSAGE_COLUMNS} FROM passages p JOIN meetings m ON m.id = p.meeting_id"
        ))?;
        add_rows(writer, fields, &mut select.query([])?)?;
        writer.commit().map_err(tantivy_error)?;
        index.release()?;
        index.refresh()?;
        Ok(self.search.get_or_init(|| index))
    }

    /// Full-text search, best match first (BM25), with a snippet around the matched words.
    /// Which of several matches of equal score reach a page is the index's order; within
    /// the page they come latest meeting first.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults, StoreError> {
        let index = self.search_index()?;
        let parsed = Parsed::of(&query.text)?;
        let searcher = index.reader.searcher();
        let plan = self.plan(index, &searcher, &parsed, query)?;
        let top_docs = TopDocs::with_limit(query.limit.max(1) as usize)
            .and_offset(query.offset as usize)
            .order_by_score();
        let (total, top) = match plan.days {
            None => (
                searcher
                    .search(&plan.query, &Count)
                    .map_err(tantivy_error)?,
                searcher
                    .search(&plan.query, &top_docs)
                    .map_err(tantivy_error)?,
            ),
            // Every match is read anyway, so counting and ranking share that pass.
            Some((from, to)) => searcher
                .search(
                    &plan.query,
                    &FilterCollector::new(
                        "day".into(),
                        move |day: i64| from <= day && day <= to,
                        (Count, top_docs),
                    ),
                )
                .map_err(tantivy_error)?,
        };
        let total = total as u64;
        let mut page = self.conn.prepare_cached(
            "SELECT m.id, g.short_name, g.slug, m.number, m.date, m.title,
                    p.kind, p.position, coalesce(pe.name, p.speaker_mention), p.speaker_status,
                    p.agenda_item, p.agenda_title, p.line, p.text
             FROM passages p JOIN meetings m ON m.id = p.meeting_id
             JOIN groups g ON g.id = m.group_id LEFT JOIN people pe ON pe.id = p.person_id
             WHERE p.id = ?1",
        )?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let column = searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .u64("passage")
                .map_err(tantivy_error)?;
            let Some(passage) = column.first(address.doc_id) else {
                continue;
            };
            // A passage the index still has but the database no longer does (another
            // process changed the meeting a moment ago) is left out of the page.
            let row = page.query_row([passage as i64], |row| {
                Ok(Hit {
                    meeting: MeetingRef::from_row(row)?,
                    kind: row.get(6)?,
                    order: row.get(7)?,
                    speaker: row.get(8)?,
                    speaker_status: row.get(9)?,
                    agenda_item: row.get(10)?,
                    agenda_title: row.get(11)?,
                    line: row.get(12)?,
                    snippet: snippet(&row.get::<_, String>(13)?, &parsed),
                    score: f64::from(score),
                })
            });
            match row {
                Ok(hit) => hits.push(hit),
                Err(rusqlite::Error::QueryReturnedNoRows) => continue,
                Err(error) => return Err(error.into()),
            }
        }
        // Within the page, equal scores put the latest meeting first.
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| b.meeting.date.cmp(&a.meeting.date))
        });
        Ok(SearchResults { total, hits })
    }

    /// How the matches of a search divide by speaker, group, year and agenda item (each
    /// list by count, then by name; the largest twenty).
    pub fn facets(&self, query: &SearchQuery) -> Result<Facets, StoreError> {
        let index = self.search_index()?;
        let parsed = Parsed::of(&query.text)?;
        let searcher = index.reader.searcher();
        let plan = self.plan(index, &searcher, &parsed, query)?;
        let counts = match plan.days {
            None => searcher.search(&plan.query, &FacetCounter),
            Some((from, to)) => searcher.search(
                &plan.query,
                &FilterCollector::new(
                    "day".into(),
                    move |day: i64| from <= day && day <= to,
                    FacetCounter,
                ),
            ),
        }
        .map_err(tantivy_error)?;
        let mut person = self
            .conn
            .prepare_cached("SELECT name, slug FROM people WHERE id = ?1")?;
        let mut speakers = Vec::new();
        for (id, n) in counts.people {
            let (name, slug) =
                person.query_row([id as i64], |row| Ok((row.get(0)?, row.get(1)?)))?;
            speakers.push((name, slug, n));
        }
        let mut group = self
            .conn
            .prepare_cached("SELECT short_name FROM groups WHERE id = ?1")?;
        let mut groups = Vec::new();
        for (id, n) in counts.groups {
            groups.push((group.query_row([id as i64], |row| row.get(0))?, n));
        }
        let years = counts
            .years
            .into_iter()
            .map(|(year, n)| (format!("{year:04}"), n))
            .collect();
        let items = counts.items.into_iter().collect();
        Ok(Facets {
            speakers: largest(speakers, |s| (s.2, s.0.clone())),
            groups: largest(groups, |g| (g.1, g.0.clone())),
            years: largest(years, |y: &(String, u64)| (y.1, y.0.clone())),
            items: largest(items, |i: &(String, u64)| (i.1, i.0.clone())),
        })
    }

    /// The search's words and its filters as one tantivy query (the filters do not change
    /// the score), and the days to keep while collecting when the date filter is better
    /// applied to the matches than to the index.
    fn plan(
        &self,
        index: &SearchIndex,
        searcher: &Searcher,
        parsed: &Parsed,
        query: &SearchQuery,
    ) -> Result<Plan, StoreError> {
        let fields = index.fields;
        let mut days = None;
        let mut clauses = parsed.clauses(fields);
        let mut filter = |q: Box<dyn Query>| {
            clauses.push((
                Occur::Must,
                Box::new(ConstScoreQuery::new(q, 0.0)) as Box<dyn Query>,
            ));
        };
        let number = |field: Field, value: i64| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_u64(field, value as u64),
                IndexRecordOption::Basic,
            ))
        };
        if let Some(name) = query.speaker.as_deref() {
            let (id, _) = people::find(&self.conn, name)?;
            filter(number(fields.person, id));
        }
        if let Some(label) = query.group.as_deref() {
            filter(number(fields.group, group_id(&self.conn, label)?));
        }
        if let Some(item) = query.item.as_deref() {
            let words = tokens(item);
            if words.is_empty() {
                return Err(StoreError::Invalid(
                    "the agenda item filter has no words".into(),
                ));
            }
            for word in words {
                filter(Box::new(TermQuery::new(
                    Term::from_field_text(fields.item_words, &word.text),
                    IndexRecordOption::Basic,
                )));
            }
        }
        // `--until 2025-03` reaches to the end of March.
        let day = |date: Option<&str>, name: &str| {
            date.map(|date| {
                day_number(date).ok_or_else(|| {
                    StoreError::Invalid(format!("{name} '{date}' is not a date (YYYY-MM-DD)"))
                })
            })
            .transpose()
        };
        let since = day(query.since.as_deref(), "since")?;
        let until = day(query.until.as_deref(), "until")?.map(ceiling);
        if since.is_some() || until.is_some() {
            let (from, to) = (since.unwrap_or(i64::MIN), until.unwrap_or(i64::MAX));
            // Two ways to keep only those days, chosen by which reads less: the postings of
            // the days in the range (few passages on few days), or a look at each match's day
            // while collecting (a range that covers most of the archive).
            let words = parsed
                .terms(fields)
                .iter()
                .flatten()
                .map(|term| searcher.doc_freq(term))
                .collect::<Result<Vec<u64>, _>>()
                .map_err(tantivy_error)?;
            let matches = words.into_iter().min().unwrap_or(0);
            if passages_on_days(searcher, fields.day, from, to)?
                .saturating_mul(index.matches_per_day_passage)
                <= matches
            {
                filter(Box::new(InvertedIndexRangeQuery::new(
                    Bound::Included(Term::from_field_i64(fields.day, from)),
                    Bound::Included(Term::from_field_i64(fields.day, to)),
                )));
            } else {
                days = Some((from, to));
            }
        }
        let query = if clauses.len() == 1 {
            clauses.pop().expect("one clause").1
        } else {
            Box::new(BooleanQuery::new(clauses))
        };
        Ok(Plan { query, days })
    }
}

/// A search as tantivy runs it.
struct Plan {
    query: Box<dyn Query>,
    /// The first and last day to keep while collecting, if the days are filtered there.
    days: Option<(i64, i64)>,
}

/// How many passages the index has on the days `from` to `to` (from the term dictionary
/// of days: no posting is read).
fn passages_on_days(
    searcher: &Searcher,
    day: Field,
    from: i64,
    to: i64,
) -> Result<u64, StoreError> {
    let low = Term::from_field_i64(day, from);
    let high = Term::from_field_i64(day, to);
    let mut n = 0;
    for segment in searcher.segment_readers() {
        let index = segment.inverted_index(day).map_err(tantivy_error)?;
        let mut days = index
            .terms()
            .range()
            .ge(low.serialized_value_bytes())
            .le(high.serialized_value_bytes())
            .into_stream()
            .map_err(tantivy_error)?;
        while days.advance() {
            n += u64::from(days.value().doc_freq);
        }
    }
    Ok(n)
}

/// The last day number a bound written as a month or a year still includes.
fn ceiling(day: i64) -> i64 {
    match (day / 100 % 100, day % 100) {
        (0, _) => day + 1299,
        (_, 0) => day + 99,
        _ => day,
    }
}

/// The largest twenty of a facet, by count and then by name.
fn largest<T, K: Ord>(mut rows: Vec<T>, key: impl Fn(&T) -> (u64, K)) -> Vec<T> {
    rows.sort_by(|a, b| {
        let (na, ka) = key(a);
        let (nb, kb) = key(b);
        nb.cmp(&na).then(ka.cmp(&kb))
    });
    rows.truncate(20);
    rows
}

/// A search's words: each word or quoted phrase the user wrote, as its folded tokens.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Parsed {
    parts: Vec<Vec<String>>,
}

impl Parsed {
    /// Cuts the text into words and `"quoted phrases"`; an unclosed quote runs to the end.
    /// A word the tokens cut in several (`co-chair`, `d'Ivoire`) is a phrase of them.
    pub(crate) fn of(text: &str) -> Result<Parsed, StoreError> {
        let mut parts = Vec::new();
        for (i, part) in text.split('"').enumerate() {
            if i % 2 == 1 {
                parts.push(tokens(part).into_iter().map(|t| t.text).collect::<Vec<_>>());
            } else {
                for word in part.split_whitespace() {
                    parts.push(tokens(word).into_iter().map(|t| t.text).collect());
                }
            }
        }
        parts.retain(|p: &Vec<String>| !p.is_empty());
        parts.dedup();
        if parts.is_empty() {
            return Err(StoreError::Invalid("the search has no words".into()));
        }
        Ok(Parsed { parts })
    }

    /// The terms of each word or phrase: a word is a term of `text`, two words a term of
    /// `pairs`, three a term of `triples`, more words the triples of a phrase.
    fn terms(&self, fields: Fields) -> Vec<Vec<Term>> {
        self.parts
            .iter()
            .map(|part| match part.len() {
                1 => vec![Term::from_field_text(fields.text, &part[0])],
                2 => vec![Term::from_field_text(fields.pairs, &joined(part))],
                _ => part
                    .windows(3)
                    .map(|w| Term::from_field_text(fields.triples, &joined(w)))
                    .collect(),
            })
            .collect()
    }

    /// One required clause per word or phrase.
    fn clauses(&self, fields: Fields) -> Vec<(Occur, Box<dyn Query>)> {
        self.terms(fields)
            .into_iter()
            .map(|mut terms| {
                let query: Box<dyn Query> = if terms.len() == 1 {
                    Box::new(TermQuery::new(
                        terms.pop().expect("one term"),
                        IndexRecordOption::WithFreqs,
                    ))
                } else {
                    Box::new(PhraseQuery::new(terms))
                };
                (Occur::Must, query)
            })
            .collect()
    }
}

/// A word of a passage: where it is, and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub from: usize,
    pub to: usize,
    pub text: String,
}

/// A text cut into words and folded once (letters and digits, lower case, accents dropped):
/// the folded words joined by single spaces, so that a run of neighbouring words (a pair,
/// a triple) is one slice of it, with no copy.
struct Folded {
    /// The folded words, a space between each two.
    folded: String,
    /// Per word: its place in the source, and its place in `folded`.
    words: Vec<Place>,
}

#[derive(Clone, Copy)]
struct Place {
    from: usize,
    to: usize,
    start: usize,
    end: usize,
}

impl Folded {
    fn of(text: &str) -> Folded {
        let mut folded = Folded {
            folded: String::with_capacity(text.len()),
            words: Vec::with_capacity(text.len() / 5),
        };
        if text.is_ascii() {
            // Most passages: a word is a run of ASCII letters and digits.
            let bytes = text.as_bytes();
            let mut at = 0;
            while at < bytes.len() {
                if !bytes[at].is_ascii_alphanumeric() {
                    at += 1;
                    continue;
                }
                let from = at;
                while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
                    at += 1;
                }
                folded.push_ascii(text, from, at);
            }
        } else {
            let mut start = None;
            for (at, c) in text.char_indices() {
                let inside =
                    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
                match (inside, start) {
                    (true, None) => start = Some(at),
                    (false, Some(from)) => {
                        folded.push(text, from, at);
                        start = None;
                    }
                    _ => {}
                }
            }
            if let Some(from) = start {
                folded.push(text, from, text.len());
            }
        }
        folded
    }

    /// Adds the word at `from..to` of `text`, all of it ASCII: lowering it is all its folding.
    fn push_ascii(&mut self, text: &str, from: usize, to: usize) {
        if !self.words.is_empty() {
            self.folded.push(' ');
        }
        let start = self.folded.len();
        self.folded.push_str(&text[from..to]);
        self.folded[start..].make_ascii_lowercase();
        self.words.push(Place {
            from,
            to,
            start,
            end: self.folded.len(),
        });
    }

    /// Adds the word at `from..to` of `text`.
    fn push(&mut self, text: &str, from: usize, to: usize) {
        use unicode_normalization::UnicodeNormalization;
        let raw = &text[from..to];
        if raw.is_ascii() {
            return self.push_ascii(text, from, to);
        }
        if !self.words.is_empty() {
            self.folded.push(' ');
        }
        let start = self.folded.len();
        self.folded.extend(
            raw.nfd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .flat_map(char::to_lowercase),
        );
        self.words.push(Place {
            from,
            to,
            start,
            end: self.folded.len(),
        });
    }

    /// How many runs of `n` neighbouring words the text has.
    fn runs(&self, n: usize) -> usize {
        (self.words.len() + 1).saturating_sub(n)
    }

    /// The run of `n` words from word `i`: where it is in the source, and its folded words
    /// joined by spaces (the term of a pair or a triple).
    fn run(&self, i: usize, n: usize) -> (usize, usize, &str) {
        let (first, last) = (self.words[i], self.words[i + n - 1]);
        (first.from, last.to, &self.folded[first.start..last.end])
    }
}

/// The words of a text: runs of letters and digits, lower case, accents dropped.
pub(crate) fn tokens(text: &str) -> Vec<Word> {
    let folded = Folded::of(text);
    (0..folded.runs(1))
        .map(|i| {
            let (from, to, text) = folded.run(i, 1);
            Word {
                from,
                to,
                text: text.to_owned(),
            }
        })
        .collect()
}

/// Words joined by spaces: the term of a pair or a triple.
fn joined(words: &[String]) -> String {
    words.join(" ")
}

/// The names under which the index knows [`Shingles`] of one, two and three words.
const TOKENIZERS: [&str; 3] = ["rapporteur-words", "rapporteur-pairs", "rapporteur-triples"];

/// The tokenizer of the index: the words of a text ([`tokens`]), or each run of `n` of them
/// as one term, at the position of its first word.
#[derive(Clone)]
struct Shingles {
    n: usize,
}

thread_local! {
    /// The text tokenized last on this thread. tantivy asks for the tokens of each field
    /// apart, and a passage's three fields (words, pairs, triples) hold the same text: it
    /// is cut and folded once, for the three.
    static LAST: std::cell::RefCell<Option<(String, std::rc::Rc<Folded>)>> =
        const { std::cell::RefCell::new(None) };
}

/// The terms of one text, handed to tantivy one at a time.
struct ShingleStream {
    folded: std::rc::Rc<Folded>,
    n: usize,
    next: usize,
    token: Token,
}

impl Tokenizer for Shingles {
    type TokenStream<'a> = ShingleStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ShingleStream {
        let folded = LAST.with_borrow_mut(|last| match last {
            Some((source, folded)) if source == text => folded.clone(),
            _ => {
                let folded = std::rc::Rc::new(Folded::of(text));
                *last = Some((text.to_owned(), folded.clone()));
                folded
            }
        });
        ShingleStream {
            folded,
            n: self.n,
            next: 0,
            // Room for most terms from the start: the buffer is reused for every term of
            // the stream, and growing it term by term was a tenth of the tokenizer's cost.
            token: Token {
                text: String::with_capacity(64),
                ..Token::default()
            },
        }
    }
}

impl TokenStream for ShingleStream {
    fn advance(&mut self) -> bool {
        if self.next >= self.folded.runs(self.n) {
            return false;
        }
        let (from, to, text) = self.folded.run(self.next, self.n);
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.position = self.next;
        self.token.position_length = 1;
        self.token.text.clear();
        self.token.text.push_str(text);
        self.next += 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The part of a passage around its best match, `SNIPPET_TOKENS` words long, with the
/// matched words marked: the window with the most different matched parts of the query,
/// the earliest of those.
fn snippet(text: &str, parsed: &Parsed) -> Vec<Segment> {
    let words = tokens(text);
    // Every occurrence of a part of the query: (part, first word, end).
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (p, part) in parsed.parts.iter().enumerate() {
        for start in 0..words.len() {
            let end = start + part.len();
            if end <= words.len()
                && words[start..end]
                    .iter()
                    .zip(part)
                    .all(|(w, t)| &w.text == t)
            {
                found.push((p, start, end));
            }
        }
    }
    let window = SNIPPET_TOKENS.min(words.len());
    let inside = |start: usize| {
        found
            .iter()
            .filter(move |&&(_, from, to)| from >= start && to <= start + window)
    };
    let mut best = (0, 0);
    for start in 0..=(words.len() - window) {
        let mut seen: Vec<usize> = inside(start).map(|&(part, _, _)| part).collect();
        seen.sort_unstable();
        seen.dedup();
        if seen.len() > best.1 {
            best = (start, seen.len());
        }
    }
    // The words marked, each with the occurrence it belongs to (a phrase is marked as one).
    let mut part_at: Vec<Option<usize>> = vec![None; words.len()];
    for &(_, from, to) in inside(best.0) {
        for slot in &mut part_at[from..to] {
            slot.get_or_insert(from);
        }
    }
    let (first, last) = (best.0, best.0 + window);
    let mut out = Vec::new();
    let mut push = |text: &str, hit: bool| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(Segment { text: t, hit: h }) if *h == hit => t.push_str(text),
            _ => out.push(Segment {
                text: text.to_owned(),
                hit,
            }),
        }
    };
    if words.is_empty() {
        push(text, false);
        return out;
    }
    let begin = if first == 0 { 0 } else { words[first].from };
    let end = if last == words.len() {
        text.len()
    } else {
        words[last - 1].to
    };
    if first > 0 {
        push("…", false);
    }
    let mut at = begin;
    for (i, word) in words.iter().enumerate().take(last).skip(first) {
        let hit = part_at[i].is_some();
        // The space inside a phrase is part of its mark.
        let inside = i > first && hit && part_at[i - 1] == part_at[i];
        push(&text[at..word.from], inside);
        push(&text[word.from..word.to], hit);
        at = word.to;
    }
    push(&text[at..end], false);
    if last < words.len() {
        push("…", false);
    }
    out
}

/// What [`FacetCounter`] counts: matches by person, group, year and agenda-item title.
#[derive(Default)]
struct FacetCounts {
    people: HashMap<u64, u64>,
    groups: HashMap<u64, u64>,
    years: HashMap<i64, u64>,
    items: HashMap<String, u64>,
}

/// Counts every match of a query by the fast fields of its passage.
struct FacetCounter;

struct SegmentFacets {
    person: Column<u64>,
    group: Column<u64>,
    day: Column<i64>,
    item: Option<StrColumn>,
    counts: FacetCounts,
    item_ords: HashMap<u64, u64>,
}

impl Collector for FacetCounter {
    type Fruit = FacetCounts;
    type Child = SegmentFacets;

    fn for_segment(&self, _segment: u32, reader: &SegmentReader) -> tantivy::Result<SegmentFacets> {
        let fast = reader.fast_fields();
        Ok(SegmentFacets {
            person: fast.u64("person")?,
            group: fast.u64("group")?,
            day: fast.i64("day")?,
            item: fast.str("item")?,
            counts: FacetCounts::default(),
            item_ords: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FacetCounts>) -> tantivy::Result<FacetCounts> {
        let mut all = FacetCounts::default();
        for fruit in fruits {
            for (k, n) in fruit.people {
                *all.people.entry(k).or_default() += n;
            }
            for (k, n) in fruit.groups {
                *all.groups.entry(k).or_default() += n;
            }
            for (k, n) in fruit.years {
                *all.years.entry(k).or_default() += n;
            }
            for (k, n) in fruit.items {
                *all.items.entry(k).or_default() += n;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = FacetCounts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(person) = self.person.first(doc) {
            *self.counts.people.entry(person).or_default() += 1;
        }
        if let Some(group) = self.group.first(doc) {
            *self.counts.groups.entry(group).or_default() += 1;
        }
        if let Some(day) = self.day.first(doc) {
            *self.counts.years.entry(day / 10_000).or_default() += 1;
        }
        if let Some(ord) = self.item.as_ref().and_then(|item| item.ords().first(doc)) {
            *self.item_ords.entry(ord).or_default() += 1;
        }
    }

    fn harvest(mut self) -> FacetCounts {
        if let Some(item) = &self.item {
            for (ord, n) in self.item_ords {
                let mut title = String::new();
                if item.ord_to_str(ord, &mut title).unwrap_or(false) {
                    *self.counts.items.entry(title).or_default() += n;
                }
            }
        }
        self.counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three reports of `examples/archive`, built into the test (this crate reads no files).
    const EXAMPLES: [(&str, &[u8]); 3] = [
        (
            "wg-data-021.txt",
            include_bytes!("../../../examples/archive/wg-data-021.txt"),
        ),
        (
            "wg-data-022.txt",
            include_bytes!("../../../examples/archive/wg-data-022.txt"),
        ),
        (
            "wg-data-023.txt",
            include_bytes!("../../../examples/archive/wg-data-023.txt"),
        ),
    ];

    fn prepared_example(name: &str, bytes: &[u8]) -> crate::PreparedMeeting {
        let record = ingest::read_summary_report(name, bytes, &ingest::PeopleHints::default())
            .expect("a report");
        crate::PreparedMeeting::new(&record, None).expect("prepared")
    }

    fn pending(store: &Store) -> (i64, Option<i64>) {
        store
            .conn
            .query_row("SELECT count(*), max(id) FROM search_pending", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .expect("counted")
    }

    /// The feeder commits while an import goes on; what it committed is unmarked only
    /// once its commit is reported, and a store that ends before that (as in a crash)
    /// leaves those meetings marked, to be indexed again, not twice.
    #[test]
    fn the_feeder_commits_during_an_import_and_a_lost_report_costs_a_reindex_only() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("a.db");
        let now = "2026-11-26T00:00:00Z";
        let query = SearchQuery {
            text: "data".into(),
            limit: 500,
            ..SearchQuery::default()
        };
        let mut fresh = Store::in_memory().expect("an archive in memory");
        for (name, bytes) in EXAMPLES {
            fresh.import_batch_prepared_for_test(name, bytes, now);
        }
        fresh.sync_search().expect("committed");
        let expected = fresh.search(&query).expect("search").total;
        assert!(expected > 0);

        let mut store = Store::open(&path).expect("a new archive");
        store.search.get_mut().expect("an index").commit_every = 1;
        for (name, bytes) in EXAMPLES {
            store.import_batch_prepared_for_test(name, bytes, now);
        }
        // Every batch was followed by a commit; once the feeder has done them all, it
        // reports the last row of `search_pending` it committed.
        let (count, last) = pending(&store);
        assert!(count > 0, "the reports are not taken in yet");
        let committed = store
            .search
            .get_mut()
            .expect("an index")
            .stop_feeder()
            .expect("the feeder ends");
        assert_eq!(committed, last);
        // The store ends without unmarking: the meetings stay on the list.
        drop(store);

        let mut store = Store::open(&path).expect("opened again");
        assert_eq!(pending(&store).0, 0, "opening catches the index up");
        assert_eq!(store.search(&query).expect("search").total, expected);
        // And an import that ends normally leaves nothing marked.
        store.search.get_mut().expect("an index").commit_every = 1;
        for (name, bytes) in EXAMPLES {
            store.import_batch_prepared_for_test(name, bytes, now);
        }
        store.sync_search().expect("committed");
        assert_eq!(pending(&store).0, 0);
        assert_eq!(store.search(&query).expect("search").total, expected);
    }

    /// A date range read from the index (the postings of its days) and a date range
    /// applied while collecting give the same answers, page and count.
    #[test]
    fn both_ways_of_applying_a_date_range_agree() {
        let now = "2026-11-26T00:00:00Z";
        let mut store = Store::in_memory().expect("an archive in memory");
        for (name, bytes) in EXAMPLES {
            store.import_batch_prepared_for_test(name, bytes, now);
        }
        store.sync_search().expect("committed");
        let dates: Vec<String> = store
            .conn
            .prepare("SELECT date FROM meetings ORDER BY date")
            .and_then(|mut stmt| {
                stmt.query_map([], |row| row.get(0))?
                    .collect::<rusqlite::Result<_>>()
            })
            .expect("the meetings' dates");
        assert_eq!(dates.len(), EXAMPLES.len());
        let answers = |store: &mut Store, ratio: u64, query: &SearchQuery| {
            store
                .search
                .get_mut()
                .expect("an index")
                .matches_per_day_passage = ratio;
            let results = store.search(query).expect("search");
            let hits: Vec<(String, String, u32, String)> = results
                .hits
                .iter()
                .map(|h| {
                    (
                        h.meeting.to_string(),
                        h.kind.clone(),
                        h.order,
                        format!("{:.4}", h.score),
                    )
                })
                .collect();
            (results.total, hits)
        };
        let mut filtered = 0;
        for text in ["data", "the", "\"data governance\"", "secretariat noted"] {
            for (since, until) in [
                (Some(&dates[1]), None),
                (None, Some(&dates[1])),
                (Some(&dates[0]), Some(&dates[0])),
                (Some(&dates[2]), Some(&dates[2])),
            ] {
                let query = SearchQuery {
                    text: text.into(),
                    since: since.cloned(),
                    until: until.cloned(),
                    limit: 500,
                    ..SearchQuery::default()
                };
                // 0: always the days' postings; the largest: always a look at each match.
                let by_postings = answers(&mut store, 0, &query);
                let by_matches = answers(&mut store, u64::MAX, &query);
                assert_eq!(by_postings, by_matches, "{query:?}");
                let unfiltered = answers(
                    &mut store,
                    0,
                    &SearchQuery {
                        since: None,
                        until: None,
                        ..query.clone()
                    },
                );
                assert!(by_postings.0 <= unfiltered.0);
                if by_postings.0 < unfiltered.0 && by_postings.0 > 0 {
                    filtered += 1;
                }
            }
        }
        assert!(filtered >= 4, "the ranges filter some matches out, not all");
    }

    impl Store {
        fn import_batch_prepared_for_test(&mut self, name: &str, bytes: &[u8], now: &str) {
            let results = self
                .import_prepared(vec![Ok(prepared_example(name, bytes))], now)
                .expect("imported");
            assert!(results.iter().all(Result::is_ok));
        }
    }

    fn texts(words: &[Word]) -> Vec<&str> {
        words.iter().map(|w| w.text.as_str()).collect()
    }

    #[test]
    fn words_are_folded_and_keep_their_place() {
        let text = "Côte d'Ivoire's co-chair: 54tre, ÉTÉ";
        let words = tokens(text);
        assert_eq!(
            texts(&words),
            ["cote", "d", "ivoire", "s", "co", "chair", "54tre", "ete"]
        );
        for w in &words {
            assert!(text.is_char_boundary(w.from) && text.is_char_boundary(w.to));
        }
        assert_eq!(&text[words[0].from..words[0].to], "Côte");
        let folded = Folded::of(text);
        let runs =
            |n: usize| -> Vec<&str> { (0..folded.runs(n)).map(|i| folded.run(i, n).2).collect() };
        assert_eq!(runs(2)[..2], ["cote d", "d ivoire"]);
        assert_eq!(runs(3)[..2], ["cote d ivoire", "d ivoire s"]);
        assert_eq!(runs(3).len(), words.len() - 2);
        let (from, to, _) = folded.run(0, 3);
        assert_eq!(&text[from..to], "Côte d'Ivoire");
    }

    /// The terms tantivy gets for each field of a passage, in order.
    fn terms(n: usize, text: &str) -> Vec<(usize, String)> {
        let mut tokenizer = Shingles { n };
        let mut stream = tokenizer.token_stream(text);
        let mut terms = Vec::new();
        while stream.advance() {
            terms.push((stream.token().position, stream.token().text.clone()));
        }
        terms
    }

    #[test]
    fn each_field_gets_the_terms_of_its_own_text() {
        // The same text for the three fields, then another: nothing of the first is reused.
        assert_eq!(
            terms(1, "Rev 2, para 54"),
            [
                (0, "rev".into()),
                (1, "2".into()),
                (2, "para".into()),
                (3, "54".into())
            ]
        );
        assert_eq!(
            terms(2, "Rev 2, para 54"),
            [
                (0, "rev 2".into()),
                (1, "2 para".into()),
                (2, "para 54".into())
            ]
        );
        assert_eq!(
            terms(3, "Rev 2, para 54"),
            [(0, "rev 2 para".into()), (1, "2 para 54".into())]
        );
        assert_eq!(terms(2, "Élan vital"), [(0, "elan vital".into())]);
        assert_eq!(terms(3, "Élan vital"), []);
        assert_eq!(terms(1, "--"), []);
    }

    #[test]
    fn a_search_is_never_a_syntax_error() {
        let parts = |text: &str| Parsed::of(text).map(|p| p.parts);
        assert_eq!(
            parts("financing mechanisms").expect("words"),
            [vec!["financing"], vec!["mechanisms"]]
        );
        assert_eq!(
            parts("\"para 54tre\" rev2").expect("words"),
            [vec!["para", "54tre"], vec!["rev2"]]
        );
        assert_eq!(
            parts("NEAR(a b) OR c*").expect("words"),
            [vec!["near", "a"], vec!["b"], vec!["or"], vec!["c"]]
        );
        assert_eq!(
            parts("\"unclosed phrase").expect("words"),
            [vec!["unclosed", "phrase"]]
        );
        assert!(parts("  \"\" ( ) * ").is_err());
        assert!(parts("").is_err());
    }

    #[test]
    fn days_order_like_their_text() {
        assert_eq!(day_number("2025-03-04"), Some(20250304));
        assert_eq!(day_number("2025-03"), Some(20250300));
        assert_eq!(day_number("2025"), Some(20250000));
        assert_eq!(day_number("soon"), None);
        assert_eq!(ceiling(20250300), 20250399);
        assert_eq!(ceiling(20250000), 20251299);
        assert_eq!(ceiling(20250304), 20250304);
    }

    #[test]
    fn a_snippet_marks_the_matched_words_of_its_best_window() {
        let parsed = Parsed::of("\"revised draft\" Ghana").expect("words");
        let text = "Ghana asked for time. ".repeat(10)
            + "The revised draft was welcome, said Ghana, and the draft is long.";
        let segments = snippet(&text, &parsed);
        let hits: Vec<&str> = segments
            .iter()
            .filter(|s| s.hit)
            .map(|s| s.text.as_str())
            .collect();
        assert!(hits.contains(&"revised draft"), "{hits:?}");
        assert!(hits.contains(&"Ghana"), "{hits:?}");
        assert!(segments.first().is_some_and(|s| s.text.starts_with('…')));
        let shown: String = segments.iter().map(|s| s.text.as_str()).collect();
        assert!(shown.ends_with("The revised draft…"), "{shown}");
        // A lone "draft" is not the phrase.
        assert!(!hits.contains(&"draft"));
    }

    #[test]
    fn a_short_passage_is_shown_whole() {
        let parsed = Parsed::of("noted").expect("words");
        let segments = snippet("Brazil noted it.", &parsed);
        assert_eq!(
            segments,
            [
                Segment {
                    text: "Brazil ".into(),
                    hit: false
                },
                Segment {
                    text: "noted".into(),
                    hit: true
                },
                Segment {
                    text: " it.".into(),
                    hit: false
                },
            ]
        );
    }
}
