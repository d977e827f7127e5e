//! Everything that changes the archive: importing a meeting, deriving its searchable rows,
//! settling an ambiguous speaker, aliases and merges of people, and rebuilding the index.
//!
//! Each public method is one transaction. A meeting is identified within its group by its
//! number, or by its date when the record has no number; importing it again replaces it.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::people;
use crate::prepare::{AgreementRow, Derived, GroupLabel, PreparedMeeting};
use crate::read::MeetingRef;
use crate::search::{IndexDoc, Written};
use crate::{Store, StoreError, key};
use model::{Code, Record, Speaker};

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A meeting the archive did not have.
    Created,
    /// A meeting the archive had, now replaced by the new record.
    Updated,
    /// A meeting the archive had with exactly this record and text: nothing was written.
    Unchanged,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Created => "imported",
            Outcome::Updated => "updated",
            Outcome::Unchanged => "unchanged",
        }
    }
}

/// One meeting imported.
#[derive(Debug, Clone)]
pub struct Imported {
    pub meeting: MeetingRef,
    pub outcome: Outcome,
}

/// Each meeting's outcome in a batch, in the order given.
type Results = Vec<Result<Imported, StoreError>>;

/// Where a resolution applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every meeting of every group; the alias is recorded for all groups.
    Everywhere,
    /// Every meeting of one group (short name); the alias is recorded for that group.
    Group(String),
    /// One meeting only (as [`Store::find_meeting`] reads it); no alias is recorded.
    Meeting(String),
}

/// What a resolution changed.
#[derive(Debug, Clone)]
pub struct Resolution {
    pub person: String,
    /// Each meeting changed, with the number of interventions whose speaker it settled and
    /// the number of other facts (agreements, mentions) it settled.
    pub meetings: Vec<(MeetingRef, usize, usize)>,
    /// Whether an alias was recorded for later imports.
    pub alias_recorded: bool,
}

impl Store {
    /// Stores one meeting's record and its source text, replacing the meeting if the archive
    /// has it already. `now` is the time stamp written as `imported_at`/`updated_at`.
    pub fn import(
        &mut self,
        record: &Record,
        source_text: Option<&str>,
        now: &str,
    ) -> Result<Imported, StoreError> {
        let meeting = PreparedMeeting::new(record, source_text.map(str::to_owned))?;
        let tx = self.conn.transaction()?;
        let imported = import_in(&tx, meeting, now, &mut Remembered::default(), None)?;
        if imported.outcome != Outcome::Unchanged {
            bump(&tx)?;
        }
        tx.commit()?;
        self.sync_search()?;
        Ok(imported)
    }

    /// Stores several meetings as [`Store::import`] would, in one transaction: a record that
    /// cannot be prepared (no group, no number or date) is refused alone and does not stop
    /// the others, and a crash or a failure of the archive loses the whole batch but never
    /// leaves a meeting half written.
    /// Sharing one commit makes an import of many files several times faster.
    ///
    /// The outer `Err` is a failure of the archive itself (locked, read-only, disk full), in
    /// which case nothing of the batch was stored; otherwise each meeting has its own result.
    pub fn import_batch(
        &mut self,
        meetings: &[(&Record, Option<&str>)],
        now: &str,
    ) -> Result<Vec<Result<Imported, StoreError>>, StoreError> {
        let prepared: Vec<Result<PreparedMeeting, StoreError>> = meetings
            .iter()
            .map(|(record, text)| PreparedMeeting::new(record, text.map(str::to_owned)))
            .collect();
        let results = self.import_prepared(prepared, now)?;
        self.sync_search()?;
        Ok(results)
    }

    /// [`Store::import_batch`] of meetings prepared beforehand (on other threads: preparing
    /// needs no archive), where a meeting that could not be prepared keeps its place and its
    /// error in the results. Names found are remembered from one batch to the next while no
    /// one else changes the archive in between.
    ///
    /// The batch is handed to the search index but not committed there (tantivy indexes it
    /// while the caller goes on with the next batch): a bulk import calls
    /// [`Store::sync_search`] once at its end. Until then the meetings stay marked for the
    /// index, so a crash or a forgotten call costs a reindex of them, never a lost meeting.
    ///
    /// The meetings are taken one at a time, each written before the next is asked for, so
    /// a caller can hand them over as they are read.
    pub fn import_prepared(
        &mut self,
        meetings: impl IntoIterator<Item = Result<PreparedMeeting, StoreError>>,
        now: &str,
    ) -> Result<Vec<Result<Imported, StoreError>>, StoreError> {
        // Foreign keys are not checked while a batch is written: every key it writes is an
        // id it has just read or made, and checking them made SQLite keep a statement
        // journal (a copy of every page changed) for each insert of several rows. The
        // keys are checked again for whatever this connection does next.
        self.conn.pragma_update(None, "foreign_keys", false)?;
        let written = self.write_prepared(meetings, now);
        self.conn.pragma_update(None, "foreign_keys", true)?;
        let (results, written) = written?;
        // tantivy indexes this batch while the caller prepares and writes the next one; the
        // caller commits the index when it is done ([`Store::sync_search`]).
        self.feed_written(written)?;
        Ok(results)
    }

    /// The body of [`Store::import_prepared`]: the batch's transaction, and what it wrote for
    /// the search index.
    fn write_prepared(
        &mut self,
        meetings: impl IntoIterator<Item = Result<PreparedMeeting, StoreError>>,
        now: &str,
    ) -> Result<(Results, Written), StoreError> {
        // The write lock is taken at once, so what was remembered is checked against an
        // archive no one else can change until this batch commits.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut known = std::mem::take(&mut self.known);
        let generation = generation(&tx)?;
        if known.generation != Some(generation) {
            known = Remembered::default();
        }
        let mut results = Vec::new();
        let mut changed = false;
        let mut written = Written {
            pending_before: crate::search::last_pending(&tx)?,
            ..Written::default()
        };
        for meeting in meetings {
            let meeting = match meeting {
                Ok(meeting) => meeting,
                Err(error) => {
                    results.push(Err(error));
                    continue;
                }
            };
            // Writing a prepared meeting fails only when the archive does (locked, read-only,
            // disk full): everything a record could get wrong was caught while preparing it.
            // Such a failure ends the batch, and dropping the transaction rolls all of it
            // back, so no meeting needs a savepoint of its own (one cost a sub-journal copy
            // of every page it changed).
            let imported = import_in(&tx, meeting, now, &mut known, Some(&mut written))?;
            changed |= imported.outcome != Outcome::Unchanged;
            results.push(Ok(imported));
        }
        if changed {
            bump(&tx)?;
        }
        written.pending_after = crate::search::last_pending(&tx)?;
        tx.commit()?;
        known.generation = Some(generation + i64::from(changed));
        self.known = known;
        Ok((results, written))
    }

    /// Rebuilds every derived row (attendance, passages, agreements, the search index) from
    /// the stored records; returns the number of meetings read.
    pub fn reindex(&mut self) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        let n = reindex_in(&tx)?;
        bump(&tx)?;
        tx.commit()?;
        self.sync_search()?;
        Ok(n)
    }

    /// Settles a speaker name the records leave ambiguous or unknown ("Jorge" is Jorge
    /// Cancio): every stored intervention, agreement and mention with that name as written,
    /// within the scope, is changed to the person, and (unless the scope is one meeting) the
    /// name is recorded as an alias so later imports resolve it too.
    pub fn resolve(
        &mut self,
        mention: &str,
        person: &str,
        scope: &Scope,
        now: &str,
    ) -> Result<Resolution, StoreError> {
        let tx = self.conn.transaction()?;
        let (person_id, person_name) = people::find(&tx, person)?;
        let (group_id, only_meeting) = match scope {
            Scope::Everywhere => (None, None),
            Scope::Group(group) => (Some(group_id(&tx, group)?), None),
            Scope::Meeting(meeting) => (None, Some(find_meeting_in(&tx, meeting)?)),
        };
        let mut changed = Vec::new();
        let wanted = key(mention);
        for (meeting_id, meeting_group) in candidates_for(&tx, &wanted, group_id, only_meeting)? {
            let mut record = load_record(&tx, meeting_id)?;
            let (speakers, others) = settle(&mut record, &wanted, &person_name);
            if speakers + others == 0 {
                continue;
            }
            store_record(&tx, meeting_id, &record, now)?;
            derive(&tx, meeting_id, meeting_group, &record)?;
            changed.push((meeting_ref(&tx, meeting_id)?, speakers, others));
        }
        let alias_recorded = match scope {
            Scope::Meeting(_) => false,
            _ => people::add_alias(&tx, person_id, mention, group_id)?,
        };
        bump(&tx)?;
        tx.commit()?;
        self.sync_search()?;
        Ok(Resolution {
            person: person_name,
            meetings: changed,
            alias_recorded,
        })
    }

    /// Records that `alias` names a person, in one group or everywhere, and relinks the
    /// meetings it concerns; returns whether the alias is new.
    pub fn add_alias(
        &mut self,
        person: &str,
        alias: &str,
        group: Option<&str>,
    ) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        let (person_id, _) = people::find(&tx, person)?;
        let group_id = group.map(|g| group_id(&tx, g)).transpose()?;
        let added = people::add_alias(&tx, person_id, alias, group_id)?;
        if added {
            rederive(&tx, group_id)?;
            bump(&tx)?;
        }
        tx.commit()?;
        self.sync_search()?;
        Ok(added)
    }

    /// Makes two person records one: everything of `absorbed` (attendance, interventions,
    /// agreements, aliases) moves to `kept`, and `absorbed`'s name becomes an alias of
    /// `kept` everywhere. Returns the two names.
    pub fn merge(&mut self, kept: &str, absorbed: &str) -> Result<(String, String), StoreError> {
        let tx = self.conn.transaction()?;
        let (kept_id, kept_name) = people::find(&tx, kept)?;
        let (gone_id, gone_name) = people::find(&tx, absorbed)?;
        if kept_id == gone_id {
            return Err(StoreError::Invalid(format!(
                "'{kept}' and '{absorbed}' are already the same person, {kept_name}"
            )));
        }
        // The absorbed person's aliases move over unless the kept person has the same one.
        tx.execute(
            "UPDATE OR IGNORE aliases SET person_id = ?1 WHERE person_id = ?2",
            params![kept_id, gone_id],
        )?;
        tx.execute("DELETE FROM aliases WHERE person_id = ?1", [gone_id])?;
        for table in ["attendance", "passages", "agreements"] {
            tx.execute(
                &format!("UPDATE {table} SET person_id = ?1 WHERE person_id = ?2"),
                params![kept_id, gone_id],
            )?;
        }
        tx.execute("DELETE FROM people WHERE id = ?1", [gone_id])?;
        people::add_alias(&tx, kept_id, &gone_name, None)?;
        bump(&tx)?;
        tx.commit()?;
        self.sync_search()?;
        Ok((kept_name, gone_name))
    }
}

/// Counts one more change to the archive (see the `generation` table).
pub(crate) fn bump(tx: &Connection) -> rusqlite::Result<()> {
    tx.prepare_cached("UPDATE generation SET n = n + 1")?
        .execute([])?;
    Ok(())
}

pub(crate) fn reindex_in(tx: &Connection) -> Result<usize, StoreError> {
    tx.execute_batch(
        "DELETE FROM agreements; DELETE FROM passages;
         DELETE FROM attendance; DELETE FROM dates;",
    )?;
    let meetings = all_meetings(tx, None)?;
    for (id, group_id) in &meetings {
        let record = load_record(tx, *id)?;
        derive(tx, *id, *group_id, &record)?;
    }
    Ok(meetings.len())
}

/// What an import remembers of the archive from one meeting to the next: the groups and
/// the people names found. `generation` is the archive's generation it is valid for, once
/// a batch has committed; a different generation means someone changed the archive since.
#[derive(Debug, Default)]
pub(crate) struct Remembered {
    generation: Option<i64>,
    groups: HashMap<String, GroupRow>,
    pub(crate) people: people::Known,
}

/// A group as the archive has it.
#[derive(Debug, Clone)]
struct GroupRow {
    id: i64,
    short_name: String,
    slug: String,
    name: Option<String>,
    parent: Option<String>,
}

impl Remembered {
    pub(crate) fn forget_people(&mut self) {
        self.people.clear();
    }
}

fn generation(tx: &Connection) -> rusqlite::Result<i64> {
    tx.prepare_cached("SELECT n FROM generation")?
        .query_row([], |row| row.get(0))
}

pub(crate) fn import_in(
    tx: &Connection,
    meeting: PreparedMeeting,
    now: &str,
    known: &mut Remembered,
    written: Option<&mut Written>,
) -> Result<Imported, StoreError> {
    let group = upsert_group(tx, &meeting.group, &mut known.groups)?;
    let number = meeting.number;
    let existing: Option<(i64, String, Option<String>)> = match number {
        Some(number) => tx
            .prepare_cached(
                "SELECT id, record, source_text FROM meetings WHERE group_id = ?1 AND number = ?2",
            )?
            .query_row(params![group.id, number], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })
            .optional()?,
        None => tx
            .prepare_cached(
                "SELECT id, record, source_text FROM meetings
                 WHERE group_id = ?1 AND number IS NULL AND date = ?2",
            )?
            .query_row(params![group.id, meeting.date], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })
            .optional()?,
    };
    let (id, outcome) = match existing {
        Some((id, old, old_text))
            if old == meeting.json && old_text.as_deref() == meeting.source_text.as_deref() =>
        {
            (id, Outcome::Unchanged)
        }
        Some((id, _, _)) => {
            tx.prepare_cached(
                "UPDATE meetings SET date = ?2, start = ?3, title = ?4, source_path = ?5,
                 sha256 = ?6, source_text = ?7, record = ?8, updated_at = ?9 WHERE id = ?1",
            )?
            .execute(params![
                id,
                meeting.date,
                meeting.start,
                meeting.title,
                meeting.source_path,
                meeting.sha256,
                meeting.source_text,
                meeting.json,
                now
            ])?;
            (id, Outcome::Updated)
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO meetings (group_id, number, date, start, title, source_path, sha256,
                 source_text, record, imported_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
            )?
            .execute(params![
                group.id,
                number,
                meeting.date,
                meeting.start,
                meeting.title,
                meeting.source_path,
                meeting.sha256,
                meeting.source_text,
                meeting.json,
                now
            ])?;
            (tx.last_insert_rowid(), Outcome::Created)
        }
    };
    // The meeting as the archive now has it, without reading it back: an unchanged record
    // has the stored number, date and title, a written one has these.
    let imported = Imported {
        meeting: MeetingRef {
            id,
            group: group.short_name,
            group_slug: group.slug,
            number,
            date: meeting.date,
            title: meeting.title,
        },
        outcome,
    };
    if outcome != Outcome::Unchanged {
        let day = imported
            .meeting
            .date
            .as_deref()
            .and_then(crate::search::day_number);
        write_rows(
            tx,
            id,
            group.id,
            meeting.rows,
            outcome == Outcome::Created,
            &mut known.people,
            written.map(|written| (written, day)),
        )?;
    }
    Ok(imported)
}

/// The group a record names, created the first time; a later record may name it more
/// fully, and never erases what is known.
fn upsert_group(
    tx: &Connection,
    label: &GroupLabel,
    groups: &mut HashMap<String, GroupRow>,
) -> rusqlite::Result<GroupRow> {
    let known = match groups.get(&label.key) {
        Some(row) => Some(row.clone()),
        None => tx
            .prepare_cached("SELECT id, short_name, slug, name, parent FROM groups WHERE key = ?1")?
            .query_row([&label.key], |row| {
                Ok(GroupRow {
                    id: row.get(0)?,
                    short_name: row.get(1)?,
                    slug: row.get(2)?,
                    name: row.get(3)?,
                    parent: row.get(4)?,
                })
            })
            .optional()?,
    };
    if let Some(mut row) = known {
        let name = label.name.clone().or_else(|| row.name.clone());
        let parent = label.parent.clone().or_else(|| row.parent.clone());
        // Writing the same values again would change nothing but the page it is on.
        if name != row.name || parent != row.parent {
            tx.prepare_cached("UPDATE groups SET name = ?2, parent = ?3 WHERE id = ?1")?
                .execute(params![row.id, name, parent])?;
            row.name = name;
            row.parent = parent;
        }
        groups.insert(label.key.clone(), row.clone());
        return Ok(row);
    }
    let mut candidate = label.slug.clone();
    let mut n = 1;
    while tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM groups WHERE slug = ?1)")?
        .query_row([&candidate], |row| row.get::<_, bool>(0))?
    {
        n += 1;
        candidate = format!("{}-{n}", label.slug);
    }
    tx.prepare_cached(
        "INSERT INTO groups (short_name, key, slug, name, parent) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        label.label,
        label.key,
        candidate,
        label.name,
        label.parent
    ])?;
    let row = GroupRow {
        id: tx.last_insert_rowid(),
        short_name: label.label.clone(),
        slug: candidate,
        name: label.name.clone(),
        parent: label.parent.clone(),
    };
    groups.insert(label.key.clone(), row.clone());
    Ok(row)
}

/// Rebuilds one meeting's derived rows from its record.
pub(crate) fn derive(
    tx: &Connection,
    meeting_id: i64,
    group_id: i64,
    record: &Record,
) -> rusqlite::Result<()> {
    write_rows(
        tx,
        meeting_id,
        group_id,
        Derived::of(record),
        false,
        &mut people::Known::default(),
        None,
    )
}

/// Removes one meeting's derived rows.
fn clear_rows(tx: &Connection, meeting_id: i64) -> rusqlite::Result<()> {
    // Not left to the foreign key's cascade: a bulk import writes with the keys unchecked.
    tx.prepare_cached(
        "DELETE FROM agreements WHERE passage_id IN
         (SELECT id FROM passages WHERE meeting_id = ?1)",
    )?
    .execute([meeting_id])?;
    tx.prepare_cached("DELETE FROM passages WHERE meeting_id = ?1")?
        .execute([meeting_id])?;
    tx.prepare_cached("DELETE FROM attendance WHERE meeting_id = ?1")?
        .execute([meeting_id])?;
    tx.prepare_cached("DELETE FROM dates WHERE meeting_id = ?1")?
        .execute([meeting_id])?;
    Ok(())
}

/// Replaces one meeting's derived rows with `rows`, and puts the meeting on the search
/// index's to-do list (see `search.rs`). A meeting just created has no rows to replace:
/// every derived row names its meeting through a foreign key, so none can name a new id.
fn write_rows(
    tx: &Connection,
    meeting_id: i64,
    group_id: i64,
    rows: Derived,
    created: bool,
    known: &mut people::Known,
    written: Option<(&mut Written, Option<i64>)>,
) -> rusqlite::Result<()> {
    crate::search::mark(tx, meeting_id)?;
    if !created {
        clear_rows(tx, meeting_id)?;
    }
    insert_rows(
        tx,
        "dates (meeting_id, position, kind, value, text, owner, context, line)",
        8,
        rows.dates.len(),
        |stmt, i, at| {
            let row = &rows.dates[i];
            stmt.raw_bind_parameter(at, meeting_id)?;
            stmt.raw_bind_parameter(at + 1, i as i64 + 1)?;
            stmt.raw_bind_parameter(at + 2, row.kind)?;
            stmt.raw_bind_parameter(at + 3, &row.value)?;
            stmt.raw_bind_parameter(at + 4, &row.text)?;
            stmt.raw_bind_parameter(at + 5, &row.owner)?;
            stmt.raw_bind_parameter(at + 6, &row.context)?;
            stmt.raw_bind_parameter(at + 7, row.line)
        },
    )?;

    // People are found (and created) in the order the rows name them, as one row at a time
    // would: participants first, then each passage's speaker and the people it agrees with.
    let attending = rows
        .attendance
        .iter()
        .map(|row| people::find_or_create(tx, &row.person, group_id, known))
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    insert_rows(
        tx,
        "attendance (meeting_id, position, person_id, name, affiliation, roles,
         stakeholder_group, line)",
        8,
        rows.attendance.len(),
        |stmt, i, at| {
            let row = &rows.attendance[i];
            stmt.raw_bind_parameter(at, meeting_id)?;
            stmt.raw_bind_parameter(at + 1, i as i64)?;
            stmt.raw_bind_parameter(at + 2, attending[i])?;
            stmt.raw_bind_parameter(at + 3, &row.person.name)?;
            stmt.raw_bind_parameter(at + 4, &row.affiliation)?;
            stmt.raw_bind_parameter(at + 5, &row.roles)?;
            stmt.raw_bind_parameter(at + 6, row.stakeholder_group)?;
            stmt.raw_bind_parameter(at + 7, row.line)
        },
    )?;

    let mut speakers = Vec::with_capacity(rows.passages.len());
    let mut agreeing = Vec::new();
    for row in &rows.passages {
        speakers.push(people::person_of(tx, &row.person, group_id, known)?);
        for agreement in &row.agreements {
            agreeing.push(people::person_of(tx, &agreement.person, group_id, known)?);
        }
    }
    // The ids SQLite gives the passages, one more than the largest each time, so that their
    // agreements can name them. `insert_rows` cannot be given them (see there); the last id
    // SQLite gave is checked against the expected one instead.
    let first: i64 = tx
        .prepare_cached("SELECT ifnull(max(id), 0) + 1 FROM passages")?
        .query_row([], |row| row.get(0))?;
    insert_rows(
        tx,
        "passages (meeting_id, kind, position, agenda_item, agenda_title, speaker_status,
         speaker_mention, speaker_candidates, person_id, act, text, line)",
        12,
        rows.passages.len(),
        |stmt, i, at| {
            let row = &rows.passages[i];
            stmt.raw_bind_parameter(at, meeting_id)?;
            stmt.raw_bind_parameter(at + 1, row.kind)?;
            stmt.raw_bind_parameter(at + 2, row.position)?;
            stmt.raw_bind_parameter(at + 3, &row.agenda_item)?;
            stmt.raw_bind_parameter(at + 4, &row.agenda_title)?;
            stmt.raw_bind_parameter(at + 5, row.speaker_status)?;
            stmt.raw_bind_parameter(at + 6, &row.speaker_mention)?;
            stmt.raw_bind_parameter(at + 7, &row.speaker_candidates)?;
            stmt.raw_bind_parameter(at + 8, speakers[i])?;
            stmt.raw_bind_parameter(at + 9, &row.act)?;
            stmt.raw_bind_parameter(at + 10, &row.text)?;
            stmt.raw_bind_parameter(at + 11, row.line)
        },
    )?;
    if !rows.passages.is_empty() {
        let last = first + rows.passages.len() as i64 - 1;
        if tx.last_insert_rowid() != last {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_INTERNAL),
                Some(format!(
                    "passages of meeting {meeting_id} were given ids up to {} instead of {last}",
                    tx.last_insert_rowid()
                )),
            ));
        }
    }
    let agreements: Vec<(i64, usize, &AgreementRow)> = rows
        .passages
        .iter()
        .enumerate()
        .flat_map(|(i, row)| {
            row.agreements
                .iter()
                .enumerate()
                .map(move |(position, agreement)| (first + i as i64, position, agreement))
        })
        .collect();
    insert_rows(
        tx,
        "agreements (passage_id, position, person_id, label, status, basis)",
        6,
        agreements.len(),
        |stmt, i, at| {
            let (passage, position, row) = agreements[i];
            stmt.raw_bind_parameter(at, passage)?;
            stmt.raw_bind_parameter(at + 1, position as i64)?;
            stmt.raw_bind_parameter(at + 2, agreeing[i])?;
            stmt.raw_bind_parameter(at + 3, &row.label)?;
            stmt.raw_bind_parameter(at + 4, row.status)?;
            stmt.raw_bind_parameter(at + 5, row.basis)
        },
    )?;
    if let Some((written, day)) = written {
        written.meeting(meeting_id, !created);
        written
            .docs
            .extend(rows.passages.into_iter().zip(speakers).enumerate().map(
                |(i, (row, person))| IndexDoc {
                    passage: first + i as i64,
                    meeting: meeting_id,
                    person,
                    group: group_id,
                    day,
                    agenda_title: row.agenda_title,
                    text: row.text,
                },
            ));
    }
    Ok(())
}

/// Rows a statement inserts at most: a meeting's few dozen rows of a table take a few
/// statements rather than one each, which spares SQLite most of its work per statement.
const ROWS_PER_INSERT: usize = 16;

/// Inserts `count` rows into `table` (its name and columns, as SQL) with as few statements
/// as the cached shapes allow (16, 4 and 1 rows); `bind(statement, row, first)` binds the
/// values of one row from parameter `first` on. The columns leave out any `INTEGER PRIMARY
/// KEY`: a statement that writes one may abort (SQLite checks the value is an integer), and
/// a statement of several rows that may abort keeps a statement journal despite `OR FAIL`.
fn insert_rows(
    tx: &Connection,
    table: &str,
    width: usize,
    count: usize,
    mut bind: impl FnMut(&mut rusqlite::Statement<'_>, usize, usize) -> rusqlite::Result<()>,
) -> rusqlite::Result<()> {
    let mut done = 0;
    while done < count {
        let left = count - done;
        let n = [ROWS_PER_INSERT, 4, 1]
            .into_iter()
            .find(|&n| n <= left)
            .unwrap_or(1);
        let one = format!("({})", vec!["?"; width].join(", "));
        // `OR FAIL`: a failing row ends the statement without undoing the rows before it,
        // which spares SQLite a statement journal (a copy of every page the statement
        // changes); every caller gives up its whole transaction on any error anyway.
        let sql = format!(
            "INSERT OR FAIL INTO {table} VALUES {}",
            vec![one; n].join(", ")
        );
        let mut stmt = tx.prepare_cached(&sql)?;
        for row in 0..n {
            bind(&mut stmt, done + row, row * width + 1)?;
        }
        stmt.raw_execute()?;
        done += n;
    }
    Ok(())
}

/// Replaces every ambiguous or unknown person written as `wanted` (a key) with `person`;
/// returns the speakers settled and the other facts settled. The diagnostics about that name
/// go, since the doubt they reported is settled.
fn settle(record: &mut Record, wanted: &str, person: &str) -> (usize, usize) {
    let settle_one = |speaker: &mut Speaker| -> bool {
        let mention = match speaker {
            Speaker::Ambiguous { mention, .. } | Speaker::Unknown { mention } => mention,
            _ => return false,
        };
        if key(mention) != wanted {
            return false;
        }
        *speaker = Speaker::Resolved {
            name: person.to_owned(),
            mention: mention.clone(),
        };
        true
    };
    let mut speakers = 0;
    let mut others = 0;
    let mut written = Vec::new();
    for intervention in &mut record.interventions {
        if let Some(mention) = intervention.speaker.mention().map(str::to_owned)
            && settle_one(&mut intervention.speaker)
        {
            speakers += 1;
            written.push(mention);
        }
        for agreement in &mut intervention.agreements {
            if settle_one(&mut agreement.with) {
                others += 1;
            }
        }
    }
    for mention in &mut record.mentions {
        if let Some(name) = mention.person.mention().map(str::to_owned)
            && settle_one(&mut mention.person)
        {
            others += 1;
            written.push(name);
        }
    }
    record.diagnostics.retain(|d| {
        !(matches!(
            d.code,
            Code::AmbiguousSpeaker | Code::UnknownSpeaker | Code::UnknownMention
        ) && written
            .iter()
            .any(|name| d.message.contains(&format!("'{name}'"))))
    });
    (speakers, others)
}

/// Meetings (with their group) that may hold `wanted` as an unsettled name.
fn candidates_for(
    tx: &Connection,
    wanted: &str,
    group_id: Option<i64>,
    only: Option<i64>,
) -> rusqlite::Result<Vec<(i64, i64)>> {
    // SQLite's lower() folds ASCII only, so the comparison is done here, on the few rows
    // whose status says they are unsettled.
    let mut stmt = tx.prepare(
        "SELECT DISTINCT m.id, m.group_id, p.speaker_mention FROM passages p
         JOIN meetings m ON m.id = p.meeting_id
         WHERE p.speaker_status IN ('ambiguous', 'unknown')
           AND (?1 IS NULL OR m.group_id = ?1) AND (?2 IS NULL OR m.id = ?2)
         UNION
         SELECT DISTINCT m.id, m.group_id, a.label FROM agreements a
         JOIN passages p ON p.id = a.passage_id JOIN meetings m ON m.id = p.meeting_id
         WHERE a.status IN ('ambiguous', 'unknown')
           AND (?1 IS NULL OR m.group_id = ?1) AND (?2 IS NULL OR m.id = ?2)
         ORDER BY 1",
    )?;
    let rows = stmt
        .query_map(params![group_id, only], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get::<_, Option<String>>(2)?))
        })?
        .collect::<Result<Vec<(i64, i64, Option<String>)>, _>>()?;
    let mut out: Vec<(i64, i64)> = rows
        .into_iter()
        .filter(|(_, _, name)| name.as_deref().is_some_and(|n| key(n) == wanted))
        .map(|(id, group, _)| (id, group))
        .collect();
    // A name only mentioned (never speaking) lives in the record alone.
    if let Some(id) = only
        && out.is_empty()
    {
        let group: i64 =
            tx.query_row("SELECT group_id FROM meetings WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        out.push((id, group));
    }
    out.dedup();
    Ok(out)
}

pub(crate) fn rederive_group(tx: &Connection, group_id: i64) -> Result<(), StoreError> {
    rederive(tx, Some(group_id))
}

fn rederive(tx: &Connection, group_id: Option<i64>) -> Result<(), StoreError> {
    for (id, group) in all_meetings(tx, group_id)? {
        let record = load_record(tx, id)?;
        derive(tx, id, group, &record)?;
    }
    Ok(())
}

fn all_meetings(tx: &Connection, group_id: Option<i64>) -> rusqlite::Result<Vec<(i64, i64)>> {
    let mut stmt = tx.prepare(
        "SELECT id, group_id FROM meetings WHERE ?1 IS NULL OR group_id = ?1 ORDER BY id",
    )?;
    stmt.query_map([group_id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect()
}

pub(crate) fn load_record(tx: &Connection, meeting_id: i64) -> Result<Record, StoreError> {
    let json: String = tx.query_row(
        "SELECT record FROM meetings WHERE id = ?1",
        [meeting_id],
        |row| row.get(0),
    )?;
    Ok(render::json::from_json_str(&json)?)
}

fn store_record(
    tx: &Connection,
    meeting_id: i64,
    record: &Record,
    now: &str,
) -> Result<(), StoreError> {
    let json = serde_json::to_string(&render::json::Record::from(record))
        .map_err(|e| StoreError::Invalid(e.to_string()))?;
    tx.execute(
        "UPDATE meetings SET record = ?2, updated_at = ?3 WHERE id = ?1",
        params![meeting_id, json, now],
    )?;
    Ok(())
}

pub(crate) fn group_id(tx: &Connection, group: &str) -> Result<i64, StoreError> {
    tx.query_row(
        "SELECT id FROM groups WHERE key = ?1 OR slug = ?2",
        params![key(group), group.trim().to_lowercase()],
        |row| row.get(0),
    )
    .optional()?
    .ok_or_else(|| StoreError::NoSuchGroup(group.to_owned()))
}

/// A meeting as a user writes it: `WG-Strategy/106`, `WG-Strategy/2025-12-04`, or an id.
pub(crate) fn find_meeting_in(tx: &Connection, text: &str) -> Result<i64, StoreError> {
    let missing = || StoreError::NoSuchMeeting(text.to_owned());
    let text = text.trim();
    if let Ok(id) = text.parse::<i64>() {
        return tx
            .query_row("SELECT id FROM meetings WHERE id = ?1", [id], |row| {
                row.get(0)
            })
            .optional()?
            .ok_or_else(missing);
    }
    let (group, which) = text.rsplit_once('/').ok_or_else(missing)?;
    let group_id = group_id(tx, group).map_err(|_| missing())?;
    if let Ok(number) = which.parse::<u32>() {
        return tx
            .query_row(
                "SELECT id FROM meetings WHERE group_id = ?1 AND number = ?2",
                params![group_id, number],
                |row| row.get(0),
            )
            .optional()?
            .ok_or_else(missing);
    }
    let mut stmt =
        tx.prepare("SELECT id FROM meetings WHERE group_id = ?1 AND date = ?2 ORDER BY id")?;
    let ids = stmt
        .query_map(params![group_id, which], |row| row.get(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    match ids.as_slice() {
        [] => Err(missing()),
        [id] => Ok(*id),
        _ => Err(StoreError::Invalid(format!(
            "{} meetings of that group were held on {which}; name one by its number or id",
            ids.len()
        ))),
    }
}

pub(crate) fn meeting_ref(tx: &Connection, id: i64) -> rusqlite::Result<MeetingRef> {
    tx.prepare_cached(
        "SELECT m.id, g.short_name, g.slug, m.number, m.date, m.title FROM meetings m
         JOIN groups g ON g.id = m.group_id WHERE m.id = ?1",
    )?
    .query_row([id], MeetingRef::from_row)
}
