//! Everything that reads the archive: groups and their series, one meeting's record, people
//! with their affiliations over time and everything they said, unsettled names, and search.

use rusqlite::{Connection, Row};

use crate::write::{find_meeting_in, group_id, load_record, meeting_ref};
use crate::{Store, StoreError, people};

/// A meeting as people name it: its group's short name and its number, else its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRef {
    pub id: i64,
    pub group: String,
    pub group_slug: String,
    pub number: Option<u32>,
    pub date: Option<String>,
    pub title: Option<String>,
}

impl MeetingRef {
    pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<MeetingRef> {
        Ok(MeetingRef {
            id: row.get(0)?,
            group: row.get(1)?,
            group_slug: row.get(2)?,
            number: row.get(3)?,
            date: row.get(4)?,
            title: row.get(5)?,
        })
    }
}

impl std::fmt::Display for MeetingRef {
    /// `WG-Strategy/106`, or `WG-Strategy/2025-12-04` for a meeting without a number.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.number, &self.date) {
            (Some(number), _) => write!(f, "{}/{number}", self.group),
            (None, Some(date)) => write!(f, "{}/{date}", self.group),
            (None, None) => write!(f, "{}", self.id),
        }
    }
}

#[derive(Debug, Clone)]
pub struct GroupSummary {
    pub short_name: String,
    pub slug: String,
    pub name: Option<String>,
    pub parent: Option<String>,
    pub meetings: u32,
    pub first: Option<String>,
    pub last: Option<String>,
}

#[derive(Debug, Clone)]
pub struct MeetingSummary {
    pub meeting: MeetingRef,
    pub interventions: u32,
    /// Interventions whose speaker is still ambiguous or unknown.
    pub unsettled: u32,
}

/// One stored meeting in full.
#[derive(Debug, Clone)]
pub struct StoredMeeting {
    pub meeting: MeetingRef,
    pub record: model::Record,
    pub source_text: Option<String>,
    pub imported_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone)]
pub struct PersonSummary {
    pub id: i64,
    pub name: String,
    pub slug: String,
    /// The stakeholder group their most recent participant-list entry states, if any.
    pub stakeholder_group: Option<String>,
    pub meetings: u32,
    pub interventions: u32,
}

/// One affiliation (with roles) a person held in one group, from the first to the last
/// meeting whose participant list gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Affiliation {
    pub group: String,
    pub affiliation: Option<String>,
    pub roles: Vec<String>,
    /// The stakeholder group, when the affiliation states one.
    pub stakeholder_group: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub meetings: u32,
}

/// One intervention of a person, where it was made, and whom it agreed with.
#[derive(Debug, Clone)]
pub struct Said {
    pub meeting: MeetingRef,
    pub order: u32,
    pub agenda_item: Option<String>,
    pub agenda_title: Option<String>,
    pub act: Option<String>,
    pub text: String,
    pub line: u32,
    /// Whom this intervention agreed with, as the record names them.
    pub agreed_with: Vec<String>,
}

/// Someone who agreed with the person, and where.
#[derive(Debug, Clone)]
pub struct Agreed {
    pub by: String,
    pub meeting: MeetingRef,
    pub order: u32,
    pub agenda_item: Option<String>,
}

#[derive(Debug, Clone)]
pub struct PersonView {
    pub person: PersonSummary,
    /// Aliases with the group they hold in (`None`: every group).
    pub aliases: Vec<(String, Option<String>)>,
    pub affiliations: Vec<Affiliation>,
    /// Every intervention, oldest meeting first, in the meeting's order.
    pub said: Vec<Said>,
    pub agreed_by: Vec<Agreed>,
}

/// A speaker name that the records leave ambiguous or unknown.
#[derive(Debug, Clone)]
pub struct Unresolved {
    pub mention: String,
    pub status: String,
    pub candidates: Vec<String>,
    pub interventions: u32,
    pub meetings: Vec<MeetingRef>,
}

/// What to search for and where.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// Words (all must occur, in any form the tokenizer folds to the same), and
    /// `"quoted phrases"`.
    pub text: String,
    pub speaker: Option<String>,
    pub group: Option<String>,
    /// Words of the agenda item's title.
    pub item: Option<String>,
    /// Meeting dates, `YYYY-MM-DD`, inclusive.
    pub since: Option<String>,
    pub until: Option<String>,
    pub limit: u32,
    pub offset: u32,
}

/// A piece of a snippet; `hit` is true for the words that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub meeting: MeetingRef,
    /// `intervention`, `decision` or `action-item`.
    pub kind: String,
    pub order: u32,
    pub speaker: Option<String>,
    pub speaker_status: Option<String>,
    pub agenda_item: Option<String>,
    pub agenda_title: Option<String>,
    pub line: u32,
    pub snippet: Vec<Segment>,
    pub score: f64,
}

/// An alias as later imports use it: the name as written, the group it holds in (`None`:
/// every group), and the person it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasEntry {
    pub alias: String,
    pub group: Option<String>,
    pub person: String,
}

#[derive(Debug, Clone)]
pub struct SearchResults {
    /// All matches, of which `hits` is the requested page.
    pub total: u64,
    pub hits: Vec<Hit>,
}

impl Store {
    pub fn groups(&self) -> Result<Vec<GroupSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT g.short_name, g.slug, g.name, g.parent, count(m.id), min(m.date), max(m.date)
             FROM groups g LEFT JOIN meetings m ON m.group_id = g.id
             GROUP BY g.id ORDER BY g.short_name",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(GroupSummary {
                short_name: row.get(0)?,
                slug: row.get(1)?,
                name: row.get(2)?,
                parent: row.get(3)?,
                meetings: row.get(4)?,
                first: row.get(5)?,
                last: row.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Meetings, of one group or all, by group and then date and number.
    pub fn meetings(&self, group: Option<&str>) -> Result<Vec<MeetingSummary>, StoreError> {
        let group_id = group.map(|g| group_id(&self.conn, g)).transpose()?;
        let mut stmt = self.conn.prepare(
            "SELECT m.id, g.short_name, g.slug, m.number, m.date, m.title,
                    (SELECT count(*) FROM passages p WHERE p.meeting_id = m.id AND p.kind = 'intervention'),
                    (SELECT count(*) FROM passages p WHERE p.meeting_id = m.id
                        AND p.speaker_status IN ('ambiguous', 'unknown'))
             FROM meetings m JOIN groups g ON g.id = m.group_id
             WHERE ?1 IS NULL OR m.group_id = ?1
             ORDER BY g.short_name, m.date, m.number, m.id",
        )?;
        let rows = stmt.query_map([group_id], |row| {
            Ok(MeetingSummary {
                meeting: MeetingRef::from_row(row)?,
                interventions: row.get(6)?,
                unsettled: row.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The meeting a user names: `WG-Strategy/106`, `WG-Strategy/2025-12-04`, or an id.
    pub fn find_meeting(&self, text: &str) -> Result<MeetingRef, StoreError> {
        let id = find_meeting_in(&self.conn, text)?;
        Ok(meeting_ref(&self.conn, id)?)
    }

    pub fn meeting(&self, meeting: &MeetingRef) -> Result<StoredMeeting, StoreError> {
        let (source_text, imported_at, updated_at) = self.conn.query_row(
            "SELECT source_text, imported_at, updated_at FROM meetings WHERE id = ?1",
            [meeting.id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )?;
        Ok(StoredMeeting {
            meeting: meeting.clone(),
            record: load_record(&self.conn, meeting.id)?,
            source_text,
            imported_at,
            updated_at,
        })
    }

    /// Every meeting in full, in the order of [`Store::meetings`].
    pub fn all_meetings(&self) -> Result<Vec<StoredMeeting>, StoreError> {
        self.meetings(None)?
            .into_iter()
            .map(|summary| self.meeting(&summary.meeting))
            .collect()
    }

    /// People, by name, with how many meetings they attended and interventions they made.
    pub fn people(&self) -> Result<Vec<PersonSummary>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!("{PERSON_SUMMARY} ORDER BY p.name, p.id"))?;
        let rows = stmt.query_map([], person_summary)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A person (by name, alias, slug or id) with everything the archive knows of them.
    pub fn person(&self, name: &str) -> Result<PersonView, StoreError> {
        let (id, _) = people::find(&self.conn, name)?;
        let person = self.conn.query_row(
            &format!("{PERSON_SUMMARY} WHERE p.id = ?1"),
            [id],
            person_summary,
        )?;
        let mut stmt = self.conn.prepare(
            "SELECT a.alias, g.short_name FROM aliases a LEFT JOIN groups g ON g.id = a.group_id
             WHERE a.person_id = ?1 ORDER BY a.alias, g.short_name",
        )?;
        let aliases = stmt
            .query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(PersonView {
            person,
            aliases,
            affiliations: affiliations(&self.conn, id)?,
            said: said(&self.conn, id)?,
            agreed_by: agreed_by(&self.conn, id)?,
        })
    }

    /// Every alias, for readers to resolve names with before a record reaches the store.
    pub fn alias_table(&self) -> Result<Vec<AliasEntry>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT a.alias, g.short_name, p.name FROM aliases a
             JOIN people p ON p.id = a.person_id LEFT JOIN groups g ON g.id = a.group_id
             ORDER BY p.name, a.alias",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(AliasEntry {
                alias: row.get(0)?,
                group: row.get(1)?,
                person: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Speaker names still ambiguous or unknown, most frequent first.
    pub fn unresolved(&self) -> Result<Vec<Unresolved>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT p.speaker_mention, p.speaker_status, ifnull(p.speaker_candidates, ''),
                    m.id, g.short_name, g.slug, m.number, m.date, m.title
             FROM passages p JOIN meetings m ON m.id = p.meeting_id
             JOIN groups g ON g.id = m.group_id
             WHERE p.speaker_status IN ('ambiguous', 'unknown')
             ORDER BY p.speaker_mention, m.date, m.id",
        )?;
        let mut out: Vec<Unresolved> = Vec::new();
        let rows = stmt.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                MeetingRef {
                    id: row.get(3)?,
                    group: row.get(4)?,
                    group_slug: row.get(5)?,
                    number: row.get(6)?,
                    date: row.get(7)?,
                    title: row.get(8)?,
                },
            ))
        })?;
        for row in rows {
            let (mention, status, candidates, meeting) = row?;
            let candidates: Vec<String> = candidates
                .split('\n')
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect();
            let entry = match out
                .iter_mut()
                .find(|u| u.mention == mention && u.status == status)
            {
                Some(entry) => entry,
                None => {
                    out.push(Unresolved {
                        mention,
                        status,
                        candidates: Vec::new(),
                        interventions: 0,
                        meetings: Vec::new(),
                    });
                    out.last_mut().expect("just pushed")
                }
            };
            entry.interventions += 1;
            for candidate in candidates {
                if !entry.candidates.contains(&candidate) {
                    entry.candidates.push(candidate);
                }
            }
            if !entry.meetings.contains(&meeting) {
                entry.meetings.push(meeting);
            }
        }
        out.sort_by(|a, b| {
            b.interventions
                .cmp(&a.interventions)
                .then(a.mention.cmp(&b.mention))
        });
        Ok(out)
    }
}

const PERSON_SUMMARY: &str = "SELECT p.id, p.name, p.slug,
        (SELECT a.stakeholder_group FROM attendance a JOIN meetings m ON m.id = a.meeting_id
         WHERE a.person_id = p.id ORDER BY m.date DESC, m.id DESC LIMIT 1),
        (SELECT count(DISTINCT meeting_id) FROM (
            SELECT meeting_id FROM attendance a WHERE a.person_id = p.id
            UNION SELECT meeting_id FROM passages s WHERE s.person_id = p.id)),
        (SELECT count(*) FROM passages s WHERE s.person_id = p.id AND s.kind = 'intervention')
     FROM people p";

fn person_summary(row: &Row<'_>) -> rusqlite::Result<PersonSummary> {
    Ok(PersonSummary {
        id: row.get(0)?,
        name: row.get(1)?,
        slug: row.get(2)?,
        stakeholder_group: row.get(3)?,
        meetings: row.get(4)?,
        interventions: row.get(5)?,
    })
}

/// Affiliations over time: consecutive meetings of a group with the same affiliation and
/// roles make one stint.
pub(crate) fn affiliations(conn: &Connection, person: i64) -> rusqlite::Result<Vec<Affiliation>> {
    let mut stmt = conn.prepare(
        "SELECT g.short_name, a.affiliation, a.roles, m.date, a.stakeholder_group FROM attendance a
         JOIN meetings m ON m.id = a.meeting_id JOIN groups g ON g.id = m.group_id
         WHERE a.person_id = ?1 ORDER BY g.short_name, m.date, m.number, m.id",
    )?;
    let rows = stmt.query_map([person], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, Option<String>>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, Option<String>>(3)?,
            row.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut out: Vec<Affiliation> = Vec::new();
    for row in rows {
        let (group, affiliation, roles, date, stakeholder_group) = row?;
        let roles: Vec<String> = roles
            .split(',')
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect();
        match out.last_mut() {
            Some(last)
                if last.group == group
                    && last.affiliation == affiliation
                    && last.roles == roles =>
            {
                last.to = date.or(last.to.take());
                last.meetings += 1;
            }
            _ => out.push(Affiliation {
                group,
                affiliation,
                roles,
                stakeholder_group,
                from: date.clone(),
                to: date,
                meetings: 1,
            }),
        }
    }
    Ok(out)
}

fn said(conn: &Connection, person: i64) -> rusqlite::Result<Vec<Said>> {
    let mut stmt = conn.prepare(
        "SELECT m.id, g.short_name, g.slug, m.number, m.date, m.title,
                p.position, p.agenda_item, p.agenda_title, p.act, p.text, p.line,
                (SELECT group_concat(ifnull(a.label, ''), char(10)) FROM
                    (SELECT label FROM agreements a WHERE a.passage_id = p.id ORDER BY a.position) a)
         FROM passages p JOIN meetings m ON m.id = p.meeting_id JOIN groups g ON g.id = m.group_id
         WHERE p.person_id = ?1 AND p.kind = 'intervention'
         ORDER BY m.date, m.number, m.id, p.position",
    )?;
    let rows = stmt.query_map([person], |row| {
        Ok(Said {
            meeting: MeetingRef::from_row(row)?,
            order: row.get(6)?,
            agenda_item: row.get(7)?,
            agenda_title: row.get(8)?,
            act: row.get(9)?,
            text: row.get(10)?,
            line: row.get(11)?,
            agreed_with: row
                .get::<_, Option<String>>(12)?
                .map(|all| {
                    all.split('\n')
                        .filter(|l| !l.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default(),
        })
    })?;
    rows.collect()
}

fn agreed_by(conn: &Connection, person: i64) -> rusqlite::Result<Vec<Agreed>> {
    let mut stmt = conn.prepare(
        "SELECT m.id, g.short_name, g.slug, m.number, m.date, m.title,
                coalesce(pe.name, p.speaker_mention, 'someone'), p.position, p.agenda_item
         FROM agreements a JOIN passages p ON p.id = a.passage_id
         JOIN meetings m ON m.id = p.meeting_id JOIN groups g ON g.id = m.group_id
         LEFT JOIN people pe ON pe.id = p.person_id
         WHERE a.person_id = ?1
         ORDER BY m.date, m.number, m.id, p.position",
    )?;
    let rows = stmt.query_map([person], |row| {
        Ok(Agreed {
            meeting: MeetingRef::from_row(row)?,
            by: row.get(6)?,
            order: row.get(7)?,
            agenda_item: row.get(8)?,
        })
    })?;
    rows.collect()
}
