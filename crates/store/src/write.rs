//! Everything that changes the archive: importing a meeting, deriving its searchable rows,
//! settling an ambiguous speaker, aliases and merges of people, and rebuilding the index.
//!
//! Each public method is one transaction. A meeting is identified within its group by its
//! number, or by its date when the record has no number; importing it again replaces it.

use rusqlite::{Connection, OptionalExtension, params};

use crate::people;
use crate::read::MeetingRef;
use crate::{Store, StoreError, key, slug};
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
        let tx = self.conn.transaction()?;
        let imported = import_in(&tx, record, source_text, now, &mut people::Found::default())?;
        if imported.outcome != Outcome::Unchanged {
            bump(&tx)?;
        }
        tx.commit()?;
        self.sync_search()?;
        Ok(imported)
    }

    /// Stores several meetings as [`Store::import`] would, in one transaction with one
    /// savepoint per meeting: a meeting that fails leaves nothing of itself and does not stop
    /// the others, and a crash loses the whole batch but never leaves a meeting half written.
    /// Sharing one commit makes an import of many files several times faster.
    ///
    /// The outer `Err` is a failure of the archive itself (locked, read-only, disk full), in
    /// which case nothing of the batch was stored; otherwise each meeting has its own result.
    pub fn import_batch(
        &mut self,
        meetings: &[(&Record, Option<&str>)],
        now: &str,
    ) -> Result<Vec<Result<Imported, StoreError>>, StoreError> {
        let mut tx = self.conn.transaction()?;
        let mut results = Vec::with_capacity(meetings.len());
        let mut changed = false;
        let mut found = people::Found::default();
        for (record, source_text) in meetings {
            let savepoint = tx.savepoint()?;
            match import_in(&savepoint, record, *source_text, now, &mut found) {
                Ok(imported) => {
                    savepoint.commit()?;
                    changed |= imported.outcome != Outcome::Unchanged;
                    results.push(Ok(imported));
                }
                Err(
                    error @ (StoreError::Locked | StoreError::ReadOnly | StoreError::Database(_)),
                ) => {
                    return Err(error);
                }
                // Dropping the savepoint rolls back what this meeting wrote, people it
                // created among it.
                Err(error) => {
                    found.clear();
                    results.push(Err(error));
                }
            }
        }
        if changed {
            bump(&tx)?;
        }
        tx.commit()?;
        self.sync_search()?;
        Ok(results)
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

pub(crate) fn import_in(
    tx: &Connection,
    record: &Record,
    source_text: Option<&str>,
    now: &str,
    found: &mut people::Found,
) -> Result<Imported, StoreError> {
    let group_label = record
        .group
        .short_name
        .as_deref()
        .or(record.group.name.as_deref())
        .filter(|g| !g.trim().is_empty())
        .ok_or(StoreError::NoGroup)?;
    let wire = render::json::Record::from(record);
    let date = wire.meeting.date.clone();
    let number = record.meeting.number;
    if number.is_none() && date.is_none() {
        return Err(StoreError::NoKey);
    }
    let group_id = upsert_group(tx, group_label, record)?;
    let json = serde_json::to_string(&wire).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let existing: Option<(i64, String, Option<String>)> = match number {
        Some(number) => tx
            .query_row(
                "SELECT id, record, source_text FROM meetings WHERE group_id = ?1 AND number = ?2",
                params![group_id, number],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?,
        None => tx
            .query_row(
                "SELECT id, record, source_text FROM meetings
                 WHERE group_id = ?1 AND number IS NULL AND date = ?2",
                params![group_id, date],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?,
    };
    let start = wire.meeting.start.clone();
    let title = record.meeting.title.as_deref();
    let (id, outcome) = match existing {
        Some((id, old, old_text)) if old == json && old_text.as_deref() == source_text => {
            (id, Outcome::Unchanged)
        }
        Some((id, _, _)) => {
            tx.execute(
                "UPDATE meetings SET date = ?2, start = ?3, title = ?4, source_path = ?5,
                 sha256 = ?6, source_text = ?7, record = ?8, updated_at = ?9 WHERE id = ?1",
                params![
                    id,
                    date,
                    start,
                    title,
                    record.source.path,
                    record.source.sha256,
                    source_text,
                    json,
                    now
                ],
            )?;
            (id, Outcome::Updated)
        }
        None => {
            tx.execute(
                "INSERT INTO meetings (group_id, number, date, start, title, source_path, sha256,
                 source_text, record, imported_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                params![
                    group_id,
                    number,
                    date,
                    start,
                    title,
                    record.source.path,
                    record.source.sha256,
                    source_text,
                    json,
                    now
                ],
            )?;
            (tx.last_insert_rowid(), Outcome::Created)
        }
    };
    if outcome != Outcome::Unchanged {
        derive_rows(tx, id, group_id, record, found)?;
    }
    Ok(Imported {
        meeting: meeting_ref(tx, id)?,
        outcome,
    })
}

fn upsert_group(tx: &Connection, label: &str, record: &Record) -> rusqlite::Result<i64> {
    let group_key = key(label);
    let found: Option<i64> = tx
        .prepare_cached("SELECT id FROM groups WHERE key = ?1")?
        .query_row([&group_key], |row| row.get(0))
        .optional()?;
    if let Some(id) = found {
        // A later record may name the group more fully; it never erases what is known.
        tx.prepare_cached(
            "UPDATE groups SET name = coalesce(?2, name), parent = coalesce(?3, parent)
             WHERE id = ?1",
        )?
        .execute(params![id, record.group.name, record.group.parent])?;
        return Ok(id);
    }
    let base = slug(label);
    let mut candidate = base.clone();
    let mut n = 1;
    while tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM groups WHERE slug = ?1)")?
        .query_row([&candidate], |row| row.get::<_, bool>(0))?
    {
        n += 1;
        candidate = format!("{base}-{n}");
    }
    tx.prepare_cached(
        "INSERT INTO groups (short_name, key, slug, name, parent) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        label.trim(),
        group_key,
        candidate,
        record.group.name,
        record.group.parent
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Rebuilds one meeting's derived rows from its record.
pub(crate) fn derive(
    tx: &Connection,
    meeting_id: i64,
    group_id: i64,
    record: &Record,
) -> rusqlite::Result<()> {
    derive_rows(
        tx,
        meeting_id,
        group_id,
        record,
        &mut people::Found::default(),
    )
}

/// Rebuilds one meeting's derived rows from its record, and puts the meeting on the search
/// index's to-do list (see `search.rs`).
pub(crate) fn derive_rows(
    tx: &Connection,
    meeting_id: i64,
    group_id: i64,
    record: &Record,
    found: &mut people::Found,
) -> rusqlite::Result<()> {
    crate::search::mark(tx, meeting_id)?;
    tx.prepare_cached("DELETE FROM passages WHERE meeting_id = ?1")?
        .execute([meeting_id])?;
    tx.prepare_cached("DELETE FROM attendance WHERE meeting_id = ?1")?
        .execute([meeting_id])?;
    tx.prepare_cached("DELETE FROM dates WHERE meeting_id = ?1")?
        .execute([meeting_id])?;

    // Dates as the record resolved them, and action items with their due dates.
    let mut date = tx.prepare_cached(
        "INSERT INTO dates (meeting_id, position, kind, value, text, owner, context, line)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut position = 0_i64;
    for fact in &record.dates {
        position += 1;
        date.execute(params![
            meeting_id,
            position,
            fact.kind.as_str(),
            fact.value.map(|v| v.iso()),
            fact.text,
            None::<&str>,
            fact.context,
            fact.span.start_line
        ])?;
    }
    for action in &record.action_items {
        position += 1;
        date.execute(params![
            meeting_id,
            position,
            "action-item",
            action.due.map(|v| v.iso()),
            action.what,
            action.owner,
            None::<&str>,
            action.span.start_line
        ])?;
    }

    let mut attend = tx.prepare_cached(
        "INSERT INTO attendance (meeting_id, position, person_id, name, affiliation, roles,
         stakeholder_group, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (position, participant) in record.participants.iter().enumerate() {
        let person = people::find_or_create(tx, &participant.name, group_id, found)?;
        let roles: Vec<&str> = participant.roles.iter().map(|r| r.as_str()).collect();
        attend.execute(params![
            meeting_id,
            position as i64,
            person,
            participant.name,
            participant.affiliation,
            roles.join(","),
            participant.stakeholder_group.map(|g| g.as_str()),
            participant.span.start_line
        ])?;
    }

    let mut passage = tx.prepare_cached(
        "INSERT INTO passages (meeting_id, kind, position, agenda_item, agenda_title,
         speaker_status, speaker_mention, speaker_candidates, person_id, act, text, line)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    let mut agree = tx.prepare_cached(
        "INSERT INTO agreements (passage_id, position, person_id, label, status, basis)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let title_of = |number: Option<&str>| {
        number
            .and_then(|n| record.agenda_item(n))
            .map(|item| item.title.clone())
    };
    for intervention in &record.interventions {
        let speaker = &intervention.speaker;
        let person = person_of(tx, speaker, group_id, found)?;
        let candidates = match speaker {
            Speaker::Ambiguous { candidates, .. } => Some(candidates.join("\n")),
            _ => None,
        };
        passage.execute(params![
            meeting_id,
            "intervention",
            intervention.order,
            intervention.agenda_item,
            title_of(intervention.agenda_item.as_deref()),
            speaker.status(),
            speaker.mention(),
            candidates,
            person,
            intervention.act,
            intervention.text,
            intervention.span.start_line
        ])?;
        let id = tx.last_insert_rowid();
        for (position, agreement) in intervention.agreements.iter().enumerate() {
            agree.execute(params![
                id,
                position as i64,
                person_of(tx, &agreement.with, group_id, found)?,
                agreement.with.label(),
                agreement.with.status(),
                agreement.basis.as_str()
            ])?;
        }
    }
    // Decisions and action items are searchable too; they are filed under the agenda item of
    // the intervention they were written in, when there is one.
    let item_at = |line: u32| {
        record
            .interventions
            .iter()
            .rfind(|i| i.span.start_line <= line && line <= i.span.end_line.max(i.span.start_line))
            .and_then(|i| i.agenda_item.clone())
    };
    let facts = record
        .decisions
        .iter()
        .map(|d| ("decision", d.text.as_str(), None, d.span.start_line))
        .chain(record.action_items.iter().map(|a| {
            (
                "action-item",
                a.what.as_str(),
                a.owner.as_deref(),
                a.span.start_line,
            )
        }));
    for (position, (kind, text, owner, line)) in facts.enumerate() {
        let item = item_at(line);
        passage.execute(params![
            meeting_id,
            kind,
            position as i64 + 1,
            item,
            title_of(item.as_deref()),
            None::<&str>,
            owner,
            None::<&str>,
            None::<i64>,
            None::<&str>,
            text,
            line
        ])?;
    }
    Ok(())
}

/// The person behind a speaker: a resolved name finds or creates its person; an unknown
/// name links only to a person the archive already knows by that exact name or alias.
fn person_of(
    tx: &Connection,
    speaker: &Speaker,
    group_id: i64,
    found: &mut people::Found,
) -> rusqlite::Result<Option<i64>> {
    match speaker {
        Speaker::Resolved { name, .. } => {
            people::find_or_create(tx, name, group_id, found).map(Some)
        }
        Speaker::Unknown { mention } => people::lookup(tx, mention, Some(group_id)),
        Speaker::Ambiguous { .. } | Speaker::Nobody => Ok(None),
    }
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
