//! What a reader browsing the archive asks: recent meetings, what is due, a group with its
//! members, the meetings either side of one in its series, and the facets of a search.

use rusqlite::{OptionalExtension, params};

use crate::read::{Affiliation, MeetingRef};
use crate::write::{group_id, meeting_ref};
use crate::{Store, StoreError};

/// A date that matters later: a deadline, a next meeting, an expected event, an action item.
#[derive(Debug, Clone)]
pub struct Due {
    pub meeting: MeetingRef,
    /// `deadline`, `next-meeting`, `expected`, `mentioned` or `action-item`.
    pub kind: String,
    /// `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.
    pub value: String,
    /// The date as written, or for an action item what is to be done.
    pub text: String,
    pub owner: Option<String>,
    pub context: Option<String>,
    pub line: u32,
}

/// A member of a group: everyone who attended one of its meetings.
#[derive(Debug, Clone)]
pub struct Member {
    pub name: String,
    pub slug: String,
    pub meetings: u32,
    pub affiliations: Vec<Affiliation>,
}

#[derive(Debug, Clone)]
pub struct GroupView {
    pub summary: crate::GroupSummary,
    /// The chairs named by the group's most recent meeting that names any.
    pub chairs: Vec<String>,
    /// Members, those at the most meetings first.
    pub members: Vec<Member>,
}

/// How the matches of a search divide up, for refining it.
#[derive(Debug, Clone, Default)]
pub struct Facets {
    /// (name, slug, matches)
    pub speakers: Vec<(String, String, u64)>,
    /// (short name, matches)
    pub groups: Vec<(String, u64)>,
    /// (year, matches)
    pub years: Vec<(String, u64)>,
    /// (agenda item title, matches)
    pub items: Vec<(String, u64)>,
}

impl Store {
    /// The most recent meetings of all groups, newest first.
    pub fn recent(&self, limit: u32) -> Result<Vec<MeetingRef>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, g.short_name, g.slug, m.number, m.date, m.title FROM meetings m
             JOIN groups g ON g.id = m.group_id
             ORDER BY m.date DESC, m.number DESC, m.id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit], MeetingRef::from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Deadlines, next meetings, expected events and action items due on or after `from`
    /// (`YYYY-MM-DD`; a month counts while it lasts), soonest first, of one group or all.
    /// Dates merely mentioned are left out.
    pub fn due(&self, from: &str, group: Option<&str>, limit: u32) -> Result<Vec<Due>, StoreError> {
        let group_id = group.map(|g| group_id(&self.conn, g)).transpose()?;
        let month = from.get(..7).unwrap_or(from);
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, g.short_name, g.slug, m.number, m.date, m.title,
                    d.kind, d.value, d.text, d.owner, d.context, d.line
             FROM dates d JOIN meetings m ON m.id = d.meeting_id JOIN groups g ON g.id = m.group_id
             WHERE d.kind IN ('deadline', 'next-meeting', 'expected', 'action-item')
               AND d.value IS NOT NULL
               AND ((length(d.value) = 10 AND d.value >= ?1) OR (length(d.value) = 7 AND d.value >= ?2))
               AND (?3 IS NULL OR m.group_id = ?3)
             ORDER BY d.value, m.date, d.position LIMIT ?4",
        )?;
        let rows = stmt.query_map(params![from, month, group_id, limit], due_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every dated fact of one group (or all), in date order: what a calendar shows.
    pub fn calendar(&self, group: Option<&str>) -> Result<Vec<Due>, StoreError> {
        let group_id = group.map(|g| group_id(&self.conn, g)).transpose()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, g.short_name, g.slug, m.number, m.date, m.title,
                    d.kind, d.value, d.text, d.owner, d.context, d.line
             FROM dates d JOIN meetings m ON m.id = d.meeting_id JOIN groups g ON g.id = m.group_id
             WHERE d.kind IN ('deadline', 'next-meeting', 'action-item') AND d.value IS NOT NULL
               AND (?1 IS NULL OR m.group_id = ?1)
             ORDER BY d.value, m.date, d.position",
        )?;
        let rows = stmt.query_map(params![group_id], due_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A group (short name or slug) with its chairs and members.
    pub fn group(&self, group: &str) -> Result<GroupView, StoreError> {
        let id = group_id(&self.conn, group)?;
        let slug: String =
            self.conn
                .query_row("SELECT slug FROM groups WHERE id = ?1", [id], |r| r.get(0))?;
        let summary = self
            .groups()?
            .into_iter()
            .find(|g| g.slug == slug)
            .ok_or_else(|| StoreError::NoSuchGroup(group.to_owned()))?;
        let chairs = {
            let mut stmt = self.conn.prepare(
                "SELECT id FROM meetings WHERE group_id = ?1 ORDER BY date DESC, number DESC, id DESC",
            )?;
            let ids = stmt
                .query_map([id], |row| row.get::<_, i64>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            let mut chairs = Vec::new();
            for meeting in ids {
                let record = crate::write::load_record(&self.conn, meeting)?;
                if !record.meeting.chairs.is_empty() {
                    chairs = record.meeting.chairs;
                    break;
                }
            }
            chairs
        };
        let mut stmt = self.conn.prepare(
            "SELECT p.id, p.name, p.slug, count(DISTINCT a.meeting_id) AS n FROM attendance a
             JOIN people p ON p.id = a.person_id JOIN meetings m ON m.id = a.meeting_id
             WHERE m.group_id = ?1 GROUP BY p.id ORDER BY n DESC, p.name",
        )?;
        let rows = stmt
            .query_map([id], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, u32>(3)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut members = Vec::new();
        for (person, name, slug, meetings) in rows {
            let affiliations = crate::read::affiliations(&self.conn, person)?
                .into_iter()
                .filter(|a| a.group == summary.short_name)
                .collect();
            members.push(Member {
                name,
                slug,
                meetings,
                affiliations,
            });
        }
        Ok(GroupView {
            summary,
            chairs,
            members,
        })
    }

    /// The meetings before and after one in its group's series, by date and number.
    pub fn neighbours(
        &self,
        meeting: &MeetingRef,
    ) -> Result<(Option<MeetingRef>, Option<MeetingRef>), StoreError> {
        // Row values in the order of the index `meetings_in_series`; NULL sorts first in
        // SQLite, so a missing date or number is written as the smallest value.
        let step = |sql: &str| -> Result<Option<MeetingRef>, StoreError> {
            let id: Option<i64> = self
                .conn
                .prepare_cached(sql)?
                .query_row([meeting.id], |row| row.get(0))
                .optional()?;
            id.map(|id| meeting_ref(&self.conn, id))
                .transpose()
                .map_err(StoreError::from)
        };
        let previous = step(
            "SELECT m.id FROM meetings m, meetings here WHERE here.id = ?1
               AND m.group_id = here.group_id
               AND (ifnull(m.date, ''), ifnull(m.number, -1), m.id)
                 < (ifnull(here.date, ''), ifnull(here.number, -1), here.id)
             ORDER BY ifnull(m.date, '') DESC, ifnull(m.number, -1) DESC, m.id DESC LIMIT 1",
        )?;
        let next = step(
            "SELECT m.id FROM meetings m, meetings here WHERE here.id = ?1
               AND m.group_id = here.group_id
               AND (ifnull(m.date, ''), ifnull(m.number, -1), m.id)
                 > (ifnull(here.date, ''), ifnull(here.number, -1), here.id)
             ORDER BY ifnull(m.date, ''), ifnull(m.number, -1), m.id LIMIT 1",
        )?;
        Ok((previous, next))
    }

    /// The meetings most recently imported or changed, newest first, with the time stamp of
    /// that change (RFC 3339): what a feed of new records lists.
    pub fn changes(
        &self,
        group: Option<&str>,
        limit: u32,
    ) -> Result<Vec<(MeetingRef, String)>, StoreError> {
        let group_id = group.map(|g| group_id(&self.conn, g)).transpose()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, g.short_name, g.slug, m.number, m.date, m.title, m.updated_at
             FROM meetings m JOIN groups g ON g.id = m.group_id
             WHERE ?1 IS NULL OR m.group_id = ?1
             ORDER BY m.updated_at DESC, m.date DESC, m.id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![group_id, limit], |row| {
            Ok((MeetingRef::from_row(row)?, row.get(6)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The URL slug of every person a meeting names: participants under the name their list
    /// entry gives and under their person's name, and speakers and people agreed with.
    pub fn slugs(
        &self,
        meeting: &MeetingRef,
    ) -> Result<std::collections::HashMap<String, String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.name, pe.name, pe.slug FROM attendance a JOIN people pe ON pe.id = a.person_id
             WHERE a.meeting_id = ?1
             UNION ALL
             SELECT pe.name, pe.name, pe.slug FROM passages p JOIN people pe ON pe.id = p.person_id
             WHERE p.meeting_id = ?1
             UNION ALL
             SELECT pe.name, pe.name, pe.slug FROM agreements a JOIN passages p ON p.id = a.passage_id
             JOIN people pe ON pe.id = a.person_id WHERE p.meeting_id = ?1",
        )?;
        let mut out = std::collections::HashMap::new();
        let rows = stmt.query_map([meeting.id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (written, name, slug) = row?;
            out.insert(written, slug.clone());
            out.insert(name, slug);
        }
        Ok(out)
    }

    /// How many transactions have changed the archive: anything built from the archive
    /// while this number was the same is still current.
    pub fn generation(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT n FROM generation")?
            .query_row([], |row| row.get(0))?)
    }
}

fn due_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Due> {
    Ok(Due {
        meeting: MeetingRef::from_row(row)?,
        kind: row.get(6)?,
        value: row.get(7)?,
        text: row.get(8)?,
        owner: row.get(9)?,
        context: row.get(10)?,
        line: row.get(11)?,
    })
}
