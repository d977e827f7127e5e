//! One person record per human: finding a person by name or alias, and creating one the
//! first time a name is seen.
//!
//! A name as a record writes it finds its person in this order: an alias given for the
//! meeting's group, an alias given everywhere, a person of exactly that name (compared by
//! [`key`](crate::key): case and spacing do not matter, accents do). A name that finds no one
//! becomes a new person, but only for a participant or a resolved speaker; an unknown speaker
//! links to a person only by an exact full name or an alias, never by creating one.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use crate::prepare::{Name, Who};
use crate::{StoreError, key, slug};

/// The person a name denotes in a group, if the archive knows one.
pub(crate) fn lookup(
    conn: &Connection,
    name: &str,
    group_id: Option<i64>,
) -> rusqlite::Result<Option<i64>> {
    lookup_key(conn, &key(name), group_id)
}

/// [`lookup`] by a name's key.
fn lookup_key(
    conn: &Connection,
    key: &str,
    group_id: Option<i64>,
) -> rusqlite::Result<Option<i64>> {
    // At most two rows (the unique index allows one alias per key and group, and one for
    // every group); the group's own comes first. The choice is made here rather than with
    // `ORDER BY group_id IS NULL`: that clause makes SQLite plan for the bound group, so a
    // cached statement was compiled again at every call (a third of an import's time).
    let mut by_alias = None;
    let mut stmt = conn.prepare_cached(
        "SELECT person_id, group_id IS NULL FROM aliases
         WHERE key = ?1 AND (group_id = ?2 OR group_id IS NULL)",
    )?;
    let mut rows = stmt.query(params![key, group_id])?;
    while let Some(row) = rows.next()? {
        let (person, everywhere): (i64, bool) = (row.get(0)?, row.get(1)?);
        if !everywhere {
            return Ok(Some(person));
        }
        by_alias = Some(person);
    }
    if by_alias.is_some() {
        return Ok(by_alias);
    }
    conn.prepare_cached("SELECT id FROM people WHERE key = ?1")?
        .query_row([key], |row| row.get(0))
        .optional()
}

/// What names found while writing, by name key and group, including the names that found
/// no one: an import names the same members, and the same unknown speakers, meeting after
/// meeting. Only people are created while it is in use (never aliases), and a new person
/// can only turn "no one" into that person, so each answer stays what [`lookup`] would
/// say. Whoever changes aliases or people otherwise, or rolls back a change, must clear it.
#[derive(Debug, Default)]
pub(crate) struct Known(HashMap<String, Vec<(i64, Option<i64>)>>);

impl Known {
    pub(crate) fn clear(&mut self) {
        self.0.clear();
    }

    fn get(&self, key: &str, group_id: i64) -> Option<Option<i64>> {
        self.0
            .get(key)?
            .iter()
            .find(|(group, _)| *group == group_id)
            .map(|(_, person)| *person)
    }

    fn set(&mut self, key: &str, group_id: i64, person: Option<i64>) {
        let groups = match self.0.get_mut(key) {
            Some(groups) => groups,
            None => self.0.entry(key.to_owned()).or_default(),
        };
        match groups.iter_mut().find(|(group, _)| *group == group_id) {
            Some(entry) => entry.1 = person,
            None => groups.push((group_id, person)),
        }
    }

    /// A person of this key now exists: every group where the key found no one (no alias
    /// there or everywhere) finds them by name from now on.
    fn created(&mut self, key: &str, person: i64) {
        if let Some(groups) = self.0.get_mut(key) {
            for entry in groups.iter_mut().filter(|(_, found)| found.is_none()) {
                entry.1 = Some(person);
            }
        }
    }
}

/// The person a row links to in a group: a participant or a resolved speaker is created if
/// the archive has no one of that name; an unknown speaker links only to someone known.
pub(crate) fn person_of(
    conn: &Connection,
    who: &Who,
    group_id: i64,
    known: &mut Known,
) -> rusqlite::Result<Option<i64>> {
    match who {
        Who::FindOrCreate(name) => find_or_create(conn, name, group_id, known).map(Some),
        Who::Lookup(name) => lookup_known(conn, name, group_id, known),
        Who::Nobody => Ok(None),
    }
}

/// [`lookup`], answered from `known` when it can be.
fn lookup_known(
    conn: &Connection,
    name: &Name,
    group_id: i64,
    known: &mut Known,
) -> rusqlite::Result<Option<i64>> {
    if let Some(found) = known.get(&name.key, group_id) {
        return Ok(found);
    }
    let found = lookup_key(conn, &name.key, Some(group_id))?;
    known.set(&name.key, group_id, found);
    Ok(found)
}

/// The person a name denotes in a group, created if the archive has none.
pub(crate) fn find_or_create(
    conn: &Connection,
    name: &Name,
    group_id: i64,
    known: &mut Known,
) -> rusqlite::Result<i64> {
    if let Some(id) = lookup_known(conn, name, group_id, known)? {
        return Ok(id);
    }
    let id = create(conn, &name.name, None)?;
    known.created(&name.key, id);
    Ok(id)
}

/// A new person; the slug is the name's, with `-2`, `-3`… when another person has it.
pub(crate) fn create(conn: &Connection, name: &str, wanted: Option<&str>) -> rusqlite::Result<i64> {
    let base = wanted.map_or_else(|| slug(name), str::to_owned);
    let mut candidate = base.clone();
    let mut n = 1;
    loop {
        let taken: bool = conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM people WHERE slug = ?1)")?
            .query_row([&candidate], |row| row.get(0))?;
        if !taken {
            break;
        }
        n += 1;
        candidate = format!("{base}-{n}");
    }
    conn.prepare_cached("INSERT INTO people (name, key, slug) VALUES (?1, ?2, ?3)")?
        .execute(params![name.trim(), key(name), candidate])?;
    Ok(conn.last_insert_rowid())
}

/// The person a user means by a name: exact name, slug, or an alias; an alias that names
/// different people in different groups is ambiguous.
pub(crate) fn find(conn: &Connection, name: &str) -> Result<(i64, String), StoreError> {
    let key = key(name);
    let exact: Option<(i64, String)> = conn
        .query_row(
            "SELECT id, name FROM people WHERE key = ?1 OR slug = ?2",
            params![key, name.trim()],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    if let Some(found) = exact {
        return Ok(found);
    }
    if let Ok(id) = name.trim().parse::<i64>() {
        let by_id: Option<(i64, String)> = conn
            .query_row("SELECT id, name FROM people WHERE id = ?1", [id], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?;
        if let Some(found) = by_id {
            return Ok(found);
        }
    }
    let mut stmt = conn.prepare(
        "SELECT DISTINCT p.id, p.name FROM aliases a JOIN people p ON p.id = a.person_id
         WHERE a.key = ?1 ORDER BY p.name",
    )?;
    let found = stmt
        .query_map([key], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<Vec<(i64, String)>, _>>()?;
    match found.len() {
        0 => Err(StoreError::NoSuchPerson(name.to_owned())),
        1 => Ok(found.into_iter().next().expect("one")),
        _ => Err(StoreError::AmbiguousPerson {
            name: name.to_owned(),
            candidates: found.into_iter().map(|(_, name)| name).collect(),
        }),
    }
}

/// Records that `alias` names the person in a group (or everywhere); an alias already given
/// to someone else in the same place is refused.
pub(crate) fn add_alias(
    conn: &Connection,
    person_id: i64,
    alias: &str,
    group_id: Option<i64>,
) -> Result<bool, StoreError> {
    let key = key(alias);
    if key.is_empty() {
        return Err(StoreError::Invalid("an alias cannot be empty".into()));
    }
    let existing: Option<(i64, String)> = conn
        .query_row(
            "SELECT a.person_id, p.name FROM aliases a JOIN people p ON p.id = a.person_id
             WHERE a.key = ?1 AND ifnull(a.group_id, 0) = ifnull(?2, 0)",
            params![key, group_id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    match existing {
        Some((id, _)) if id == person_id => Ok(false),
        Some((_, person)) => Err(StoreError::AliasTaken {
            alias: alias.to_owned(),
            person,
        }),
        None => {
            conn.execute(
                "INSERT INTO aliases (alias, key, group_id, person_id) VALUES (?1, ?2, ?3, ?4)",
                params![alias.trim(), key, group_id, person_id],
            )?;
            Ok(true)
        }
    }
}
