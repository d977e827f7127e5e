//! Negotiated documents: their revisions (the bytes as received, in order), the consultations
//! opened on a revision, and the comments members make on its paragraphs.
//!
//! All of it is source of truth. The store does not read revisions: the `texts` crate does,
//! in the binary and the web, from the bytes kept here; what a paragraph is across revisions
//! is computed from them when asked, so it can never disagree with the texts.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

use crate::write::bump;
use crate::{Store, StoreError, key, slug};

/// A document and its revisions, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSummary {
    pub id: i64,
    pub slug: String,
    pub title: String,
    /// The body that owns the text ("ODCF Working Group on Cross-Border Data Governance").
    pub owner: Option<String>,
    pub revisions: Vec<RevisionSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionSummary {
    /// As given: "Zero draft", "Rev1".
    pub label: String,
    /// `YYYY-MM-DD`, when known.
    pub date: Option<String>,
    pub source_path: String,
    pub sha256: String,
}

/// A revision's bytes, as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRevision {
    pub summary: RevisionSummary,
    pub bytes: Vec<u8>,
}

/// A window for comments on a revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consultation {
    pub revision: String,
    pub opens: Option<String>,
    pub deadline: String,
}

/// A member's comment on a paragraph of a revision, optionally on a quoted span of it
/// (anchored as a W3C Web Annotation `TextQuoteSelector`: the exact quote, with the text just
/// before and after it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: i64,
    /// The revision commented on.
    pub revision: String,
    /// The paragraph's index in that revision.
    pub paragraph: usize,
    /// Its display number then, for people.
    pub number: Option<String>,
    pub author: String,
    pub text: String,
    pub quote: Option<Quote>,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// A document with every revision read and the identity of their paragraphs.
#[derive(Debug, Clone)]
pub struct DocumentSet {
    pub summary: DocumentSummary,
    /// The revisions, oldest first, as the `texts` crate reads the stored bytes.
    pub revisions: Vec<texts::Revision>,
    pub history: texts::History,
}

/// A meeting's reference to a paragraph of a document, resolved.
#[derive(Debug, Clone)]
pub struct Citation {
    pub meeting: crate::MeetingRef,
    /// The revision the reference points into (the one it names, or the one current on the
    /// meeting's day).
    pub rev: usize,
    pub para: usize,
    /// The reference's words as the record gives them ("para. 12").
    pub text: String,
    pub line: u32,
    /// The intervention whose lines hold the reference: its order, speaker and text.
    pub intervention: Option<(u32, model::Speaker, String)>,
}

impl DocumentSet {
    pub fn revision_refs(&self) -> Vec<&texts::Revision> {
        self.revisions.iter().collect()
    }

    /// The position of the revision labelled `label` ("Rev 2" finds "Rev2").
    pub fn index(&self, label: &str) -> Option<usize> {
        let wanted = label_key(label);
        self.summary
            .revisions
            .iter()
            .position(|r| label_key(&r.label) == wanted)
    }

    /// The last revision circulated on or before `day` (`YYYY-MM-DD`); revisions without a
    /// date are never current, since when they were is unknown.
    pub fn current_on(&self, day: &str) -> Option<usize> {
        let dates: Vec<Option<&str>> = self
            .summary
            .revisions
            .iter()
            .map(|r| r.date.as_deref())
            .collect();
        texts::current_revision(&dates, day)
    }

    /// Stored comments as the `texts` crate follows them through the revisions.
    pub fn comments(&self, stored: &[Comment]) -> Result<Vec<texts::Comment>, StoreError> {
        stored
            .iter()
            .map(|c| {
                let rev = self.index(&c.revision).ok_or_else(|| {
                    StoreError::Invalid(format!("a comment names no revision '{}'", c.revision))
                })?;
                if c.paragraph >= self.revisions[rev].paragraphs.len() {
                    return Err(StoreError::Invalid(format!(
                        "a stored comment points past the end of {}",
                        c.revision
                    )));
                }
                Ok(texts::Comment {
                    author: c.author.clone(),
                    body: c.text.clone(),
                    rev,
                    para: self.history.id(rev, c.paragraph),
                    anchor: c.quote.as_ref().map(|q| texts::Anchor {
                        exact: q.exact.clone(),
                        prefix: q.prefix.clone(),
                        suffix: q.suffix.clone(),
                    }),
                    date: Some(c.created_at.clone()),
                })
            })
            .collect()
    }

    /// Whether a document as a report names it ("the Data Stewardship Principles") is this one.
    pub fn is_named(&self, name: &str) -> bool {
        let name = key(name.trim_start_matches("the ").trim_start_matches("The "));
        let title = key(&self.summary.title);
        !name.is_empty()
            && (name == title
                || name == self.summary.slug
                || title.contains(&name) && name.len() > 8
                || name.contains(&title))
    }

    /// The paragraph a reference in a meeting held on `day` points to: the revision it names
    /// or, when it names none, the one current that day; `None` when either is unknown or
    /// the revision has no such paragraph.
    pub fn resolve(
        &self,
        version: Option<&str>,
        paragraph: &str,
        day: Option<&str>,
    ) -> Option<(usize, usize)> {
        let rev = match version {
            Some(label) => self.index(label)?,
            None => self.current_on(day?)?,
        };
        Some((rev, self.revisions[rev].find(paragraph)?))
    }
}

/// "Rev 2", "Revision 2", "rev2" → "rev2"; "Zero draft" → "zerodraft": revision labels as
/// reports and people write them compare equal.
pub fn label_key(label: &str) -> String {
    let folded: String = label
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    match folded.strip_prefix("revision") {
        Some(rest) => format!("rev{rest}"),
        None => folded,
    }
}

impl Store {
    /// Creates a document; its slug is `short` when given, else made from the title.
    pub fn add_document(
        &mut self,
        title: &str,
        short: Option<&str>,
        owner: Option<&str>,
    ) -> Result<DocumentSummary, StoreError> {
        let tx = self.conn.transaction()?;
        let (_, _, slug) = insert_document(&tx, title, short, owner)?;
        bump(&tx)?;
        tx.commit()?;
        self.document(&slug)
    }

    /// Creates a document with its revisions, in one transaction: all of it or nothing.
    pub fn import_document(
        &mut self,
        title: &str,
        short: Option<&str>,
        owner: Option<&str>,
        revisions: &[(RevisionSummary, &[u8])],
    ) -> Result<DocumentSummary, StoreError> {
        let tx = self.conn.transaction()?;
        let (id, title, slug) = insert_document(&tx, title, short, owner)?;
        for (summary, bytes) in revisions {
            insert_revision(&tx, id, &title, summary, bytes)?;
        }
        bump(&tx)?;
        tx.commit()?;
        self.document(&slug)
    }

    /// Adds a revision at the end of a document's revisions. A label the document already
    /// has ("Rev 2" when "Rev2" exists) is refused and nothing is stored.
    pub fn add_revision(
        &mut self,
        document: &str,
        revision: &RevisionSummary,
        bytes: &[u8],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let (id, title, _) = find_document(&tx, document)?
            .ok_or_else(|| StoreError::Invalid(format!("no document '{document}'")))?;
        insert_revision(&tx, id, &title, revision, bytes)?;
        bump(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Every document, by title.
    pub fn documents(&self) -> Result<Vec<DocumentSummary>, StoreError> {
        let ids = self
            .conn
            .prepare("SELECT slug FROM documents ORDER BY title, slug")?
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        ids.iter().map(|slug| self.document(slug)).collect()
    }

    /// One document, by slug or title (case and spacing do not matter).
    pub fn document(&self, document: &str) -> Result<DocumentSummary, StoreError> {
        let (id, title, slug) = find_document(&self.conn, document)?
            .ok_or_else(|| StoreError::Invalid(format!("no document '{document}'")))?;
        let owner =
            self.conn
                .query_row("SELECT owner FROM documents WHERE id = ?1", [id], |row| {
                    row.get(0)
                })?;
        let revisions = self
            .conn
            .prepare_cached(
                "SELECT label, date, source_path, sha256 FROM revisions
                 WHERE document_id = ?1 ORDER BY position",
            )?
            .query_map([id], |row| {
                Ok(RevisionSummary {
                    label: row.get(0)?,
                    date: row.get(1)?,
                    source_path: row.get(2)?,
                    sha256: row.get(3)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(DocumentSummary {
            id,
            slug,
            title,
            owner,
            revisions,
        })
    }

    /// A document's revisions with their bytes, oldest first.
    pub fn revisions(&self, document: &str) -> Result<Vec<StoredRevision>, StoreError> {
        let summary = self.document(document)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT source FROM revisions WHERE document_id = ?1 ORDER BY position",
        )?;
        let bytes = stmt
            .query_map([summary.id], |row| row.get::<_, Vec<u8>>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(summary
            .revisions
            .into_iter()
            .zip(bytes)
            .map(|(summary, bytes)| StoredRevision { summary, bytes })
            .collect())
    }

    /// A document with its revisions read and their paragraphs' identities.
    pub fn document_set(&self, document: &str) -> Result<DocumentSet, StoreError> {
        let summary = self.document(document)?;
        let revisions = self
            .revisions(document)?
            .into_iter()
            .map(|r| {
                texts::read_revision(&r.summary.source_path, &r.bytes).map_err(|e| {
                    StoreError::Invalid(format!(
                        "the stored {} does not read: {e}",
                        r.summary.label
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let history = texts::History::build(&revisions.iter().collect::<Vec<_>>());
        Ok(DocumentSet {
            summary,
            revisions,
            history,
        })
    }

    /// Every reference to a paragraph of this document in the archive's meetings, resolved,
    /// in the order of the meetings.
    pub fn citations(&self, set: &DocumentSet) -> Result<Vec<Citation>, StoreError> {
        let mut out = Vec::new();
        for stored in self.all_meetings()? {
            let record = &stored.record;
            let day = record.meeting.date.map(|d| d.to_string());
            for reference in &record.references {
                let (Some(document), Some(paragraph)) = (&reference.document, &reference.paragraph)
                else {
                    continue;
                };
                if !set.is_named(document) {
                    continue;
                }
                let Some((rev, para)) =
                    set.resolve(reference.version.as_deref(), paragraph, day.as_deref())
                else {
                    continue;
                };
                let line = reference.span.start_line;
                let intervention = record
                    .interventions
                    .iter()
                    .find(|i| i.span.start_line <= line && line <= i.span.end_line)
                    .map(|i| (i.order, i.speaker.clone(), i.text.clone()));
                out.push(Citation {
                    meeting: stored.meeting.clone(),
                    rev,
                    para,
                    text: reference.text.clone(),
                    line,
                    intervention,
                });
            }
        }
        Ok(out)
    }

    /// Opens a consultation on a revision: comments until the deadline (`YYYY-MM-DD`).
    pub fn add_consultation(
        &mut self,
        document: &str,
        revision: &str,
        opens: Option<&str>,
        deadline: &str,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let revision_id = revision_id(&tx, document, revision)?;
        tx.execute(
            "INSERT INTO consultations (revision_id, opens, deadline) VALUES (?1, ?2, ?3)",
            params![revision_id, opens, deadline],
        )?;
        bump(&tx)?;
        tx.commit()?;
        Ok(())
    }

    pub fn consultations(&self, document: &str) -> Result<Vec<Consultation>, StoreError> {
        let summary = self.document(document)?;
        Ok(self
            .conn
            .prepare_cached(
                "SELECT r.label, c.opens, c.deadline FROM consultations c
                 JOIN revisions r ON r.id = c.revision_id
                 WHERE r.document_id = ?1 ORDER BY c.deadline, c.id",
            )?
            .query_map([summary.id], |row| {
                Ok(Consultation {
                    revision: row.get(0)?,
                    opens: row.get(1)?,
                    deadline: row.get(2)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?)
    }

    /// Stores a comment; the caller has checked the paragraph and the quote against the text.
    pub fn add_comment(&mut self, document: &str, comment: &Comment) -> Result<i64, StoreError> {
        let tx = self.conn.transaction()?;
        let revision_id = revision_id(&tx, document, &comment.revision)?;
        let id = insert_comment(&tx, revision_id, comment)?;
        bump(&tx)?;
        tx.commit()?;
        Ok(id)
    }

    /// A document's comments, in the order they were made.
    pub fn comments(&self, document: &str) -> Result<Vec<Comment>, StoreError> {
        let summary = self.document(document)?;
        comments_of(&self.conn, summary.id)
    }
}

fn comments_of(conn: &Connection, document_id: i64) -> Result<Vec<Comment>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT c.id, r.label, c.paragraph, c.number, c.author, c.text, c.exact, c.prefix,
                    c.suffix, c.created_at
             FROM comments c JOIN revisions r ON r.id = c.revision_id
             WHERE r.document_id = ?1 ORDER BY c.created_at, c.id",
        )?
        .query_map([document_id], |row| {
            let exact: Option<String> = row.get(6)?;
            Ok(Comment {
                id: row.get(0)?,
                revision: row.get(1)?,
                paragraph: row.get::<_, i64>(2)?.max(0) as usize,
                number: row.get(3)?,
                author: row.get(4)?,
                text: row.get(5)?,
                quote: match exact {
                    Some(exact) => Some(Quote {
                        exact,
                        prefix: row.get::<_, Option<String>>(7)?.unwrap_or_default(),
                        suffix: row.get::<_, Option<String>>(8)?.unwrap_or_default(),
                    }),
                    None => None,
                },
                created_at: row.get(9)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?)
}

fn insert_comment(tx: &Connection, revision_id: i64, comment: &Comment) -> Result<i64, StoreError> {
    if comment.author.trim().is_empty() || comment.text.trim().is_empty() {
        return Err(StoreError::Invalid(
            "a comment needs an author and some text".into(),
        ));
    }
    let quote = comment.quote.as_ref();
    tx.execute(
        "INSERT INTO comments (revision_id, paragraph, number, author, text, exact, prefix,
         suffix, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            revision_id,
            comment.paragraph as i64,
            comment.number,
            comment.author.trim(),
            comment.text.trim(),
            quote.map(|q| &q.exact),
            quote.map(|q| &q.prefix),
            quote.map(|q| &q.suffix),
            comment.created_at,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// (id, title, slug) of a new document.
fn insert_document(
    tx: &Connection,
    title: &str,
    short: Option<&str>,
    owner: Option<&str>,
) -> Result<(i64, String, String), StoreError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(StoreError::Invalid("a document needs a title".into()));
    }
    let slug = slug(short.unwrap_or(title));
    if slug.is_empty() {
        return Err(StoreError::Invalid(format!(
            "'{}' gives no name for addresses; give a short name with letters or digits",
            short.unwrap_or(title)
        )));
    }
    if let Some(existing) = find_document(tx, title)?.or(find_document(tx, &slug)?) {
        return Err(StoreError::Invalid(format!(
            "a document '{}' ({}) already exists",
            existing.1, existing.2
        )));
    }
    tx.execute(
        "INSERT INTO documents (slug, key, title, owner) VALUES (?1, ?2, ?3, ?4)",
        params![slug, key(title), title, owner],
    )?;
    Ok((tx.last_insert_rowid(), title.to_owned(), slug))
}

fn insert_revision(
    tx: &Connection,
    document_id: i64,
    title: &str,
    revision: &RevisionSummary,
    bytes: &[u8],
) -> Result<(), StoreError> {
    let label = revision.label.trim();
    if label_key(label).is_empty() {
        return Err(StoreError::Invalid(
            "a revision needs a label (Zero draft, Rev1, …)".into(),
        ));
    }
    let existing: Option<String> = tx
        .query_row(
            "SELECT label FROM revisions WHERE document_id = ?1 AND key = ?2",
            params![document_id, label_key(label)],
            |row| row.get(0),
        )
        .optional()?;
    if let Some(existing) = existing {
        return Err(StoreError::Invalid(format!(
            "{title} already has a revision '{existing}'; a revision is never replaced, give the new one another label"
        )));
    }
    tx.execute(
        "INSERT INTO revisions (document_id, position, label, key, date, source_path, sha256,
         source)
         VALUES (?1, (SELECT ifnull(max(position), 0) + 1 FROM revisions WHERE document_id = ?1),
                 ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            document_id,
            label,
            label_key(label),
            revision.date,
            revision.source_path,
            revision.sha256,
            bytes
        ],
    )?;
    Ok(())
}

/// (id, title, slug) of the document named by slug or title.
fn find_document(
    conn: &Connection,
    name: &str,
) -> Result<Option<(i64, String, String)>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT id, title, slug FROM documents WHERE slug = ?1 OR key = ?2",
            params![slug(name), key(name)],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?)
}

fn revision_id(conn: &Connection, document: &str, revision: &str) -> Result<i64, StoreError> {
    let (id, title, _) = find_document(conn, document)?
        .ok_or_else(|| StoreError::Invalid(format!("no document '{document}'")))?;
    conn.query_row(
        "SELECT id FROM revisions WHERE document_id = ?1 AND key = ?2",
        params![id, label_key(revision)],
        |row| row.get(0),
    )
    .optional()?
    .ok_or_else(|| StoreError::Invalid(format!("{title} has no revision '{revision}'")))
}

/// Every document for the archive document (`rapporteur.archive/1`): revisions with their
/// bytes (text as text, anything else in hex), consultations, comments.
pub(crate) fn to_archive_json(store: &Store) -> Result<Vec<Value>, StoreError> {
    let mut out = Vec::new();
    for document in store.documents()? {
        let revisions = store.revisions(&document.slug)?;
        let consultations = store.consultations(&document.slug)?;
        let comments = comments_of(&store.conn, document.id)?;
        out.push(json!({
            "title": document.title,
            "slug": document.slug,
            "owner": document.owner,
            "revisions": revisions.iter().map(|r| {
                let mut value = json!({
                    "label": r.summary.label,
                    "date": r.summary.date,
                    "source_path": r.summary.source_path,
                    "sha256": r.summary.sha256,
                });
                match std::str::from_utf8(&r.bytes) {
                    Ok(text) => value["source_text"] = json!(text),
                    Err(_) => value["source_hex"] = json!(hex(&r.bytes)),
                }
                value
            }).collect::<Vec<_>>(),
            "consultations": consultations.iter().map(|c| json!({
                "revision": c.revision, "opens": c.opens, "deadline": c.deadline,
            })).collect::<Vec<_>>(),
            "comments": comments.iter().map(|c| json!({
                "revision": c.revision,
                "paragraph": c.paragraph,
                "number": c.number,
                "author": c.author,
                "text": c.text,
                "quote": c.quote.as_ref().map(|q| json!({
                    "exact": q.exact, "prefix": q.prefix, "suffix": q.suffix,
                })),
                "created_at": c.created_at,
            })).collect::<Vec<_>>(),
        }));
    }
    Ok(out)
}

/// Writes the documents of an archive document, inside the caller's transaction.
pub(crate) fn from_archive_json(tx: &Connection, documents: &[Value]) -> Result<(), StoreError> {
    let bad = |what: &str| StoreError::Invalid(format!("a document of the archive: {what}"));
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    for document in documents {
        let title = text(document, "title").ok_or_else(|| bad("no title"))?;
        let slug = text(document, "slug").unwrap_or_else(|| slug(&title));
        if find_document(tx, &title)?.is_some() || find_document(tx, &slug)?.is_some() {
            return Err(bad(&format!("'{title}' is already in this archive")));
        }
        tx.execute(
            "INSERT INTO documents (slug, key, title, owner) VALUES (?1, ?2, ?3, ?4)",
            params![slug, key(&title), title, text(document, "owner")],
        )?;
        let id = tx.last_insert_rowid();
        let list = |k: &str| {
            document
                .get(k)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        for revision in list("revisions") {
            let bytes = match (
                text(&revision, "source_text"),
                text(&revision, "source_hex"),
            ) {
                (Some(text), _) => text.into_bytes(),
                (None, Some(hex)) => unhex(&hex).ok_or_else(|| bad("bad hex"))?,
                (None, None) => return Err(bad("a revision without its source")),
            };
            let summary = RevisionSummary {
                label: text(&revision, "label").ok_or_else(|| bad("a revision without a label"))?,
                date: text(&revision, "date"),
                source_path: text(&revision, "source_path").unwrap_or_default(),
                sha256: text(&revision, "sha256").unwrap_or_default(),
            };
            insert_revision(tx, id, &title, &summary, &bytes)?;
        }
        for consultation in list("consultations") {
            let revision = text(&consultation, "revision")
                .ok_or_else(|| bad("a consultation without a revision"))?;
            let revision_id = revision_id(tx, &slug, &revision)?;
            tx.execute(
                "INSERT INTO consultations (revision_id, opens, deadline) VALUES (?1, ?2, ?3)",
                params![
                    revision_id,
                    text(&consultation, "opens"),
                    text(&consultation, "deadline")
                        .ok_or_else(|| bad("a consultation without a deadline"))?
                ],
            )?;
        }
        for comment in list("comments") {
            let revision =
                text(&comment, "revision").ok_or_else(|| bad("a comment without a revision"))?;
            let revision_id = revision_id(tx, &slug, &revision)?;
            let quote = comment
                .get("quote")
                .filter(|q| !q.is_null())
                .map(|q| Quote {
                    exact: text(q, "exact").unwrap_or_default(),
                    prefix: text(q, "prefix").unwrap_or_default(),
                    suffix: text(q, "suffix").unwrap_or_default(),
                });
            insert_comment(
                tx,
                revision_id,
                &Comment {
                    id: 0,
                    revision,
                    paragraph: comment
                        .get("paragraph")
                        .and_then(Value::as_u64)
                        .unwrap_or(0) as usize,
                    number: text(&comment, "number"),
                    author: text(&comment, "author").unwrap_or_default(),
                    text: text(&comment, "text").unwrap_or_default(),
                    quote,
                    created_at: text(&comment, "created_at").unwrap_or_default(),
                },
            )?;
        }
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}
