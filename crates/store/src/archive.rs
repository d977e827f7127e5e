//! The whole archive as one JSON document, `rapporteur.archive/1`, and back.
//!
//! The document holds the people (name, URL slug, stakeholder group, aliases with their
//! group) and every meeting: its record in interface `rapporteur.record/1` and its source
//! text, and the attendance export attached to it, if any. It holds nothing that depends on when or where it was made (no ids, no time stamps),
//! so exporting an archive, importing the document into an empty store and exporting again
//! gives the same bytes.

use serde_json::{Value, json};

use crate::prepare::PreparedMeeting;
use crate::write::import_in;
use crate::{Store, StoreError, people};

/// The format identifier of the archive document.
pub const ARCHIVE_FORMAT: &str = "rapporteur.archive/1";

/// What importing an archive document did.
#[derive(Debug, Clone, Default)]
pub struct ArchiveImport {
    pub people: usize,
    pub aliases: usize,
    pub meetings: Vec<crate::Imported>,
    pub documents: usize,
}

impl Store {
    /// The whole archive as a `rapporteur.archive/1` document, pretty-printed.
    pub fn export_all(&self) -> Result<String, StoreError> {
        let mut people = Vec::new();
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, slug FROM people ORDER BY name, slug")?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut alias_stmt = self.conn.prepare(
            "SELECT a.alias, g.short_name FROM aliases a LEFT JOIN groups g ON g.id = a.group_id
             WHERE a.person_id = ?1 ORDER BY a.alias, g.short_name",
        )?;
        for (id, name, slug) in rows {
            let aliases = alias_stmt
                .query_map([id], |row| {
                    Ok(json!({
                        "alias": row.get::<_, String>(0)?,
                        "group": row.get::<_, Option<String>>(1)?,
                    }))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            people.push(json!({
                "name": name,
                "slug": slug,
                "aliases": aliases,
            }));
        }
        let meetings = self
            .all_meetings()?
            .into_iter()
            .map(|stored| {
                let mut meeting = json!({
                    "record": render::json::to_json(&stored.record),
                    "source_text": stored.source_text,
                });
                if let Some(presence) = crate::presence::read(&self.conn, stored.meeting.id)? {
                    meeting["attendance"] = crate::presence::to_archive_json(&presence);
                }
                Ok(meeting)
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let mut document = json!({
            "format": ARCHIVE_FORMAT,
            "people": people,
            "meetings": meetings,
        });
        let documents = crate::documents::to_archive_json(self)?;
        if !documents.is_empty() {
            document["documents"] = Value::Array(documents);
        }
        let mut out = serde_json::to_string_pretty(&document)
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        out.push('\n');
        Ok(out)
    }

    /// Imports a `rapporteur.archive/1` document: people and aliases first, then every
    /// meeting as [`Store::import`] would; all of it in one transaction, or nothing.
    pub fn import_archive(
        &mut self,
        document: Value,
        now: &str,
    ) -> Result<ArchiveImport, StoreError> {
        let bad =
            |what: &str| StoreError::Invalid(format!("not a {ARCHIVE_FORMAT} document: {what}"));
        if document.get("format").and_then(Value::as_str) != Some(ARCHIVE_FORMAT) {
            return Err(bad("its format is not named"));
        }
        let tx = self.conn.transaction()?;
        let mut done = ArchiveImport::default();
        let no_people = Vec::new();
        let people_list = match document.get("people") {
            Some(Value::Array(list)) => list,
            None => &no_people,
            Some(_) => return Err(bad("'people' is not a list")),
        };
        // Meetings may name groups that aliases refer to, so aliases come after the meetings.
        let mut pending_aliases = Vec::new();
        for person in people_list {
            let name = person
                .get("name")
                .and_then(Value::as_str)
                .filter(|n| !n.trim().is_empty())
                .ok_or_else(|| bad("a person without a name"))?;
            let id = match people::lookup(&tx, name, None)? {
                Some(id) => id,
                None => {
                    done.people += 1;
                    people::create(&tx, name, person.get("slug").and_then(Value::as_str))?
                }
            };
            for alias in person
                .get("aliases")
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice)
            {
                let text = alias
                    .get("alias")
                    .and_then(Value::as_str)
                    .ok_or_else(|| bad("an alias without text"))?;
                let group = alias.get("group").and_then(Value::as_str);
                pending_aliases.push((id, text.to_owned(), group.map(str::to_owned)));
            }
        }
        let meetings = match document.get("meetings") {
            Some(Value::Array(list)) => list.clone(),
            _ => return Err(bad("'meetings' is not a list")),
        };
        // Aliases settle names in derived rows, so they are in place before the meetings;
        // an alias for a group the document has not created yet waits for its meeting.
        let mut waiting = Vec::new();
        for (id, alias, group) in pending_aliases {
            match group {
                None => done.aliases += usize::from(people::add_alias(&tx, id, &alias, None)?),
                Some(group) => match crate::write::group_id(&tx, &group) {
                    Ok(group_id) => {
                        done.aliases +=
                            usize::from(people::add_alias(&tx, id, &alias, Some(group_id))?);
                    }
                    Err(_) => waiting.push((id, alias, group)),
                },
            }
        }
        let mut known = crate::write::Remembered::default();
        for (index, meeting) in meetings.into_iter().enumerate() {
            let mut meeting = meeting;
            let source_text = meeting
                .get("source_text")
                .and_then(Value::as_str)
                .map(str::to_owned);
            let record = meeting
                .get_mut("record")
                .map(Value::take)
                .ok_or_else(|| bad(&format!("meeting {} has no record", index + 1)))?;
            let record = render::json::from_json_value(record).map_err(|e| {
                StoreError::Invalid(format!("meeting {} of the archive: {e}", index + 1))
            })?;
            let imported = import_in(
                &tx,
                PreparedMeeting::new(&record, source_text)?,
                now,
                &mut known,
                None,
            )?;
            if let Some(attendance) = meeting.get("attendance").filter(|v| !v.is_null()) {
                crate::presence::from_archive_json(&tx, imported.meeting.id, attendance)?;
            }
            done.meetings.push(imported);
            let (ready, still): (Vec<_>, Vec<_>) = waiting
                .into_iter()
                .partition(|(_, _, group)| crate::write::group_id(&tx, group).is_ok());
            waiting = still;
            for (id, alias, group) in ready {
                let group_id = crate::write::group_id(&tx, &group)?;
                if people::add_alias(&tx, id, &alias, Some(group_id))? {
                    done.aliases += 1;
                    crate::write::rederive_group(&tx, group_id)?;
                    // The alias changes whom a name in that group finds.
                    known.forget_people();
                }
            }
        }
        if let Some((_, alias, group)) = waiting.first() {
            return Err(bad(&format!(
                "alias '{alias}' names group '{group}', which has no meeting"
            )));
        }
        match document.get("documents") {
            None | Some(Value::Null) => {}
            Some(Value::Array(documents)) => {
                crate::documents::from_archive_json(&tx, documents)?;
                done.documents = documents.len();
            }
            Some(_) => return Err(bad("'documents' is not a list")),
        }
        crate::write::bump(&tx)?;
        tx.commit()?;
        self.sync_search()?;
        Ok(done)
    }
}
