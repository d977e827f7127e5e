//! Attendance exports attached to meetings: who was connected, for how long, and which
//! participant of the record each connected name is.
//!
//! An export is source material, like a record: it is kept whole (every session), in the
//! archive document too, and replaced whole when a meeting's export is attached again.
//! Which participant a name is was decided when it was attached (never guessed: a name
//! that fits nobody or several people has none); the person behind that participant is
//! found when read, so merges and aliases apply.

use model::{AttendanceReport, AttendanceTool, Attendee, Session};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

use crate::write::bump;
use crate::{MeetingRef, Store, StoreError};

/// One connected name of a stored export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresenceRow {
    pub attendee: Attendee,
    /// The participant of the meeting's record the name was matched to.
    pub participant: Option<String>,
    /// That participant's person in the archive: name and URL slug.
    pub person: Option<(String, String)>,
}

/// A meeting's stored attendance export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presence {
    pub tool: AttendanceTool,
    pub title: Option<String>,
    pub source_path: String,
    pub sha256: String,
    pub rows: Vec<PresenceRow>,
}

impl Store {
    /// Attaches an attendance export to a meeting, replacing any earlier one; `participants`
    /// gives, for each attendee in order, the record's participant the name was matched to.
    pub fn set_attendance(
        &mut self,
        meeting: &MeetingRef,
        report: &AttendanceReport,
        participants: &[Option<String>],
        source_path: &str,
        sha256: &str,
    ) -> Result<(), StoreError> {
        if participants.len() != report.attendees.len() {
            return Err(StoreError::Invalid(
                "one participant (or none) is needed per attendee".into(),
            ));
        }
        let tx = self.conn.transaction()?;
        write(&tx, meeting.id, report, participants, source_path, sha256)?;
        bump(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// The attendance export attached to a meeting, if any.
    pub fn attendance(&self, meeting: &MeetingRef) -> Result<Option<Presence>, StoreError> {
        read(&self.conn, meeting.id)
    }
}

pub(crate) fn write(
    tx: &Connection,
    meeting_id: i64,
    report: &AttendanceReport,
    participants: &[Option<String>],
    source_path: &str,
    sha256: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "DELETE FROM presence_sources WHERE meeting_id = ?1",
        [meeting_id],
    )?;
    tx.execute(
        "INSERT INTO presence_sources (meeting_id, tool, title, source_path, sha256)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            meeting_id,
            report.tool.as_str(),
            report.title,
            source_path,
            sha256
        ],
    )?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO presence (meeting_id, position, name, email, role, participant, seconds,
         line, sessions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (position, (attendee, participant)) in report.attendees.iter().zip(participants).enumerate()
    {
        let sessions = Value::Array(attendee.sessions.iter().map(session_json).collect());
        insert.execute(params![
            meeting_id,
            position as i64,
            attendee.name,
            attendee.email,
            attendee.role,
            participant,
            attendee.seconds as i64,
            attendee.line,
            sessions.to_string(),
        ])?;
    }
    Ok(())
}

pub(crate) fn read(conn: &Connection, meeting_id: i64) -> Result<Option<Presence>, StoreError> {
    let source = conn
        .query_row(
            "SELECT tool, title, source_path, sha256 FROM presence_sources WHERE meeting_id = ?1",
            [meeting_id],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, Option<String>>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                ))
            },
        )
        .optional()?;
    let Some((tool, title, source_path, sha256)) = source else {
        return Ok(None);
    };
    let tool = AttendanceTool::parse(&tool)
        .ok_or_else(|| StoreError::Invalid(format!("unknown attendance tool '{tool}'")))?;
    let mut stmt = conn.prepare_cached(
        "SELECT p.name, p.email, p.role, p.participant, p.seconds, p.line, p.sessions,
                pe.name, pe.slug
         FROM presence p
         LEFT JOIN attendance a ON a.meeting_id = p.meeting_id AND a.name = p.participant
         LEFT JOIN people pe ON pe.id = a.person_id
         WHERE p.meeting_id = ?1 ORDER BY p.position",
    )?;
    let rows = stmt
        .query_map([meeting_id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Option<String>>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, Option<String>>(3)?,
                row.get::<_, i64>(4)?,
                row.get::<_, u32>(5)?,
                row.get::<_, String>(6)?,
                row.get::<_, Option<String>>(7)?
                    .zip(row.get::<_, Option<String>>(8)?),
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = Vec::with_capacity(rows.len());
    for (name, email, role, participant, seconds, line, sessions, person) in rows {
        let sessions: Value = serde_json::from_str(&sessions)
            .map_err(|e| StoreError::Invalid(format!("stored sessions: {e}")))?;
        out.push(PresenceRow {
            attendee: Attendee {
                name,
                email,
                role,
                sessions: sessions_from_json(&sessions)?,
                seconds: seconds.max(0) as u64,
                line,
            },
            participant,
            person,
        });
    }
    Ok(Some(Presence {
        tool,
        title,
        source_path,
        sha256,
        rows: out,
    }))
}

fn session_json(session: &Session) -> Value {
    json!({
        "join": session.join,
        "leave": session.leave,
        "seconds": session.seconds,
        "line": session.line,
    })
}

fn sessions_from_json(value: &Value) -> Result<Vec<Session>, StoreError> {
    let bad = || StoreError::Invalid("an attendance session is malformed".into());
    value
        .as_array()
        .ok_or_else(bad)?
        .iter()
        .map(|s| {
            Ok(Session {
                join: s.get("join").and_then(Value::as_str).map(str::to_owned),
                leave: s.get("leave").and_then(Value::as_str).map(str::to_owned),
                seconds: s.get("seconds").and_then(Value::as_u64).ok_or_else(bad)?,
                line: s
                    .get("line")
                    .and_then(Value::as_u64)
                    .and_then(|l| u32::try_from(l).ok())
                    .ok_or_else(bad)?,
            })
        })
        .collect()
}

/// A meeting's attendance in the archive document (`rapporteur.archive/1`), or null.
pub(crate) fn to_archive_json(presence: &Presence) -> Value {
    json!({
        "tool": presence.tool.as_str(),
        "title": presence.title,
        "source_path": presence.source_path,
        "sha256": presence.sha256,
        "attendees": presence.rows.iter().map(|row| json!({
            "name": row.attendee.name,
            "email": row.attendee.email,
            "role": row.attendee.role,
            "participant": row.participant,
            "seconds": row.attendee.seconds,
            "line": row.attendee.line,
            "sessions": row.attendee.sessions.iter().map(session_json).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// Writes a meeting's attendance from the archive document.
pub(crate) fn from_archive_json(
    tx: &Connection,
    meeting_id: i64,
    value: &Value,
) -> Result<(), StoreError> {
    let bad = |what: &str| StoreError::Invalid(format!("the attendance of a meeting: {what}"));
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
    let tool = text(value, "tool")
        .as_deref()
        .and_then(AttendanceTool::parse)
        .ok_or_else(|| bad("no known tool"))?;
    let mut attendees = Vec::new();
    let mut participants = Vec::new();
    for entry in value
        .get("attendees")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("no attendees"))?
    {
        attendees.push(Attendee {
            name: text(entry, "name").ok_or_else(|| bad("an attendee without a name"))?,
            email: text(entry, "email"),
            role: text(entry, "role"),
            sessions: sessions_from_json(entry.get("sessions").unwrap_or(&Value::Null))?,
            seconds: entry
                .get("seconds")
                .and_then(Value::as_u64)
                .ok_or_else(|| bad("an attendee without seconds"))?,
            line: entry
                .get("line")
                .and_then(Value::as_u64)
                .and_then(|l| u32::try_from(l).ok())
                .unwrap_or(0),
        });
        participants.push(text(entry, "participant"));
    }
    let report = AttendanceReport {
        tool,
        title: text(value, "title"),
        attendees,
    };
    write(
        tx,
        meeting_id,
        &report,
        &participants,
        &text(value, "source_path").unwrap_or_default(),
        &text(value, "sha256").unwrap_or_default(),
    )
}
