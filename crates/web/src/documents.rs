//! Negotiated documents on the web: the list, a document with its revisions and text, the
//! redline between any two revisions (inline or side by side), and one paragraph through all
//! revisions with its comments and the meetings that cited it.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;
use store::{DocumentSet, Store};
use texts::ParagraphKind;

use crate::Site;
use crate::pages::{cached, render};
use crate::pool::WebError;
use crate::views::{self, PersonLink, long_date, meeting_url, person_url};

pub fn router() -> Router<Arc<Site>> {
    Router::new()
        .route("/documents", get(list))
        .route("/documents/{document}", get(document))
        .route("/documents/{document}/diff", get(diff))
        .route("/documents/{document}/{rev}/{para}", get(paragraph))
}

pub fn document_url(slug: &str) -> String {
    format!("/documents/{slug}")
}

/// The address of paragraph `para` of revision `rev`: by its number when it has one that
/// names it alone, by its position otherwise.
pub fn paragraph_url(set: &DocumentSet, rev: usize, para: usize) -> String {
    let revision = &set.revisions[rev];
    let label = store::label_key(&set.summary.revisions[rev].label);
    let segment = match revision.paragraphs[para].number.as_deref() {
        Some(number) if revision.find(number) == Some(para) => {
            number.split_whitespace().collect::<String>()
        }
        _ => format!("at-{}", para + 1),
    };
    format!(
        "/documents/{}/{label}/{}",
        set.summary.slug,
        utf8_percent(&segment)
    )
}

/// Percent-encodes what is not a letter, digit or `-._~` (numbers like "(a)" or "54bis").
fn utf8_percent(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The set of a document named in an address, or 404.
fn load(store: &Store, slug: &str) -> Result<DocumentSet, WebError> {
    if !store.documents()?.iter().any(|d| d.slug == slug) {
        return Err(WebError::NotFound);
    }
    Ok(store.document_set(slug)?)
}

struct DocLine {
    title: String,
    url: String,
    owner: String,
    revisions: String,
}

#[derive(Template)]
#[template(path = "documents.html")]
struct ListPage {
    documents: Vec<DocLine>,
}

async fn list(State(site): State<Arc<Site>>) -> Result<Response, WebError> {
    cached(&site, "/documents".into(), |store| {
        let documents = store
            .documents()?
            .into_iter()
            .map(|d| DocLine {
                url: document_url(&d.slug),
                owner: d.owner.unwrap_or_default(),
                revisions: d
                    .revisions
                    .iter()
                    .map(|r| r.label.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                title: d.title,
            })
            .collect();
        render(&ListPage { documents })
    })
    .await
}

struct RevisionLine {
    label: String,
    key: String,
    date: String,
    /// The redline from the revision before, if any.
    diff_url: Option<String>,
    paragraphs: usize,
}

struct ConsultationLine {
    revision: String,
    opens: String,
    deadline: String,
    open: bool,
}

struct ParaLine {
    heading: bool,
    number: String,
    text: String,
    status: String,
    url: String,
    comments: usize,
    sub: bool,
}

#[derive(Template)]
#[template(path = "document.html")]
struct DocumentPage {
    title: String,
    owner: String,
    slug: String,
    revisions: Vec<RevisionLine>,
    consultations: Vec<ConsultationLine>,
    shown: String,
    paragraphs: Vec<ParaLine>,
}

#[derive(Deserialize)]
struct RevQuery {
    rev: Option<String>,
}

async fn document(
    State(site): State<Arc<Site>>,
    Path(slug): Path<String>,
    Query(query): Query<RevQuery>,
) -> Result<Response, WebError> {
    let key = format!(
        "/documents/{slug}?rev={}",
        query.rev.as_deref().unwrap_or("")
    );
    cached(&site, key, move |store| {
        let set = load(store, &slug)?;
        let shown = match query.rev.as_deref().filter(|r| !r.is_empty()) {
            Some(label) => set.index(label).ok_or(WebError::NotFound)?,
            None => set
                .revisions
                .len()
                .checked_sub(1)
                .ok_or(WebError::NotFound)?,
        };
        let today = crate::pages::today();
        let comments = set.comments(&store.comments(&slug)?)?;
        let revisions = set.revision_refs();
        let mut counts = vec![0usize; set.revisions[shown].paragraphs.len()];
        for comment in comments.iter().filter(|c| c.rev <= shown) {
            if let Some(p) = texts::carry(&set.history, &revisions, comment, shown).para {
                counts[p] += 1;
            }
        }
        let page = DocumentPage {
            title: set.summary.title.clone(),
            owner: set.summary.owner.clone().unwrap_or_default(),
            slug: slug.clone(),
            revisions: set
                .summary
                .revisions
                .iter()
                .enumerate()
                .map(|(i, r)| RevisionLine {
                    label: r.label.clone(),
                    key: store::label_key(&r.label),
                    date: r.date.as_deref().map(long_date).unwrap_or_default(),
                    diff_url: i.checked_sub(1).map(|before| {
                        diff_url(&slug, &set.summary.revisions[before].label, &r.label, false)
                    }),
                    paragraphs: set.revisions[i].paragraphs.len(),
                })
                .collect(),
            consultations: store
                .consultations(&slug)?
                .into_iter()
                .map(|c| ConsultationLine {
                    open: c.opens.as_deref().is_none_or(|o| o <= today.as_str())
                        && today.as_str() <= c.deadline.as_str(),
                    revision: c.revision,
                    opens: c.opens.as_deref().map(long_date).unwrap_or_default(),
                    deadline: long_date(&c.deadline),
                })
                .collect(),
            shown: set.summary.revisions[shown].label.clone(),
            paragraphs: set.revisions[shown]
                .paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| ParaLine {
                    heading: p.kind == ParagraphKind::Heading,
                    number: p.number.clone().unwrap_or_default(),
                    text: p.text.clone(),
                    status: p.status.clone().unwrap_or_default(),
                    url: paragraph_url(&set, shown, i),
                    comments: counts[i],
                    sub: p.kind == ParagraphKind::Sub,
                })
                .collect(),
        };
        render(&page)
    })
    .await
}

fn diff_url(slug: &str, from: &str, to: &str, side: bool) -> String {
    format!(
        "/documents/{slug}/diff?from={}&to={}{}",
        utf8_percent(from),
        utf8_percent(to),
        if side { "&view=side" } else { "" }
    )
}

#[derive(Deserialize)]
struct DiffQuery {
    from: Option<String>,
    to: Option<String>,
    view: Option<String>,
}

#[derive(Template)]
#[template(path = "diff.html")]
struct DiffPage {
    title: String,
    document_url: String,
    slug: String,
    from: String,
    to: String,
    side: bool,
    labels: Vec<String>,
    other_view_url: String,
    /// The redline, as the `texts` crate writes it (every character of the texts escaped).
    redline: String,
}

async fn diff(
    State(site): State<Arc<Site>>,
    Path(slug): Path<String>,
    Query(query): Query<DiffQuery>,
) -> Result<Response, WebError> {
    let side = query.view.as_deref() == Some("side");
    let key = format!(
        "/documents/{slug}/diff?{:?}{:?}{side}",
        query.from, query.to
    );
    cached(&site, key, move |store| {
        let set = load(store, &slug)?;
        let n = set.revisions.len();
        let pick = |label: Option<&str>, default: usize| -> Result<usize, WebError> {
            match label.filter(|l| !l.is_empty()) {
                Some(label) => set.index(label).ok_or_else(|| {
                    WebError::BadRequest(format!("{} has no revision '{label}'", set.summary.title))
                }),
                None => Ok(default),
            }
        };
        let to = pick(query.to.as_deref(), n.saturating_sub(1))?;
        let from = pick(query.from.as_deref(), to.saturating_sub(1))?;
        let revisions = set.revision_refs();
        let diff = set.history.diff(&revisions, from, to);
        let format = if side {
            texts::DiffFormat::HtmlSideBySide
        } else {
            texts::DiffFormat::Html
        };
        let (from_label, to_label) = (
            set.summary.revisions[from].label.clone(),
            set.summary.revisions[to].label.clone(),
        );
        render(&DiffPage {
            title: set.summary.title.clone(),
            document_url: document_url(&slug),
            other_view_url: diff_url(&slug, &from_label, &to_label, !side),
            slug: slug.clone(),
            side,
            labels: set
                .summary
                .revisions
                .iter()
                .map(|r| r.label.clone())
                .collect(),
            redline: texts::render_diff(&diff, revisions[from], revisions[to], format),
            from: from_label,
            to: to_label,
        })
    })
    .await
}

struct TrailLine {
    label: String,
    date: String,
    changes: String,
    number: String,
    text: String,
    url: Option<String>,
}

struct CommentLine {
    author: String,
    text: String,
    made_on: String,
    quote: String,
    state: String,
}

struct CitedLine {
    meeting: String,
    url: String,
    date: String,
    speaker: Option<PersonLink>,
    said: String,
    words: String,
    revision: String,
    next: String,
}

#[derive(Template)]
#[template(path = "paragraph.html")]
struct ParagraphPage {
    title: String,
    document_url: String,
    label: String,
    number: String,
    text: String,
    status: String,
    trail: Vec<TrailLine>,
    comments: Vec<CommentLine>,
    cited: Vec<CitedLine>,
}

async fn paragraph(
    State(site): State<Arc<Site>>,
    Path((slug, rev, para)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    let key = format!("/documents/{slug}/{rev}/{para}");
    cached(&site, key, move |store| {
        let set = load(store, &slug)?;
        let at = set.index(&rev).ok_or(WebError::NotFound)?;
        let revision = &set.revisions[at];
        let index = match para.strip_prefix("at-") {
            Some(n) => n
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .filter(|&i| i < revision.paragraphs.len()),
            None => revision.find(&para),
        }
        .ok_or(WebError::NotFound)?;
        let id = set.history.id(at, index);
        let label = |r: usize| set.summary.revisions[r].label.clone();
        let trail = set
            .history
            .trail(id)
            .into_iter()
            .map(|step| {
                let p = step.para.map(|p| &set.revisions[step.rev].paragraphs[p]);
                TrailLine {
                    label: label(step.rev),
                    date: set.summary.revisions[step.rev]
                        .date
                        .as_deref()
                        .map(long_date)
                        .unwrap_or_default(),
                    changes: step
                        .changes
                        .iter()
                        .map(change_word)
                        .collect::<Vec<_>>()
                        .join(", "),
                    number: p.and_then(|p| p.number.clone()).unwrap_or_default(),
                    text: p.map(|p| p.text.clone()).unwrap_or_default(),
                    url: step.para.map(|p| paragraph_url(&set, step.rev, p)),
                }
            })
            .collect();
        let stored = store.comments(&slug)?;
        let comments = set.comments(&stored)?;
        let revisions = set.revision_refs();
        let comment_lines = stored
            .iter()
            .zip(&comments)
            .filter(|(_, c)| c.rev <= at)
            .filter_map(|(s, c)| {
                let placement = texts::carry(&set.history, &revisions, c, at);
                (placement.para == Some(index)).then(|| CommentLine {
                    author: s.author.clone(),
                    text: s.text.clone(),
                    made_on: format!(
                        "{} para {}",
                        s.revision,
                        s.number.as_deref().unwrap_or("(unnumbered)")
                    ),
                    quote: s
                        .quote
                        .as_ref()
                        .map(|q| q.exact.clone())
                        .unwrap_or_default(),
                    state: match placement.quote {
                        Some(texts::Relocation::Survived { .. }) => {
                            "the quoted words are still there"
                        }
                        Some(texts::Relocation::Changed { .. }) => "the quoted words have changed",
                        Some(texts::Relocation::Gone) => "the quoted words are gone",
                        None => "",
                    }
                    .to_owned(),
                })
            })
            .collect();
        let slugs = store.people()?;
        let cited = store
            .citations(&set)?
            .into_iter()
            .filter(|c| set.history.id(c.rev, c.para) == id)
            .map(|c| {
                // Did the revision after the one the meeting discussed change the paragraph?
                let next = match set.history.trail(id).iter().find(|s| s.rev == c.rev + 1) {
                    None if c.rev + 1 >= set.revisions.len() => "no later revision yet".to_owned(),
                    None => format!("not in {}", label(c.rev + 1)),
                    Some(step) => format!(
                        "{} in {}",
                        step.changes
                            .iter()
                            .map(change_word)
                            .collect::<Vec<_>>()
                            .join(", "),
                        label(c.rev + 1)
                    ),
                };
                let speaker = c.intervention.as_ref().and_then(|(_, s, _)| {
                    s.name().map(|name| PersonLink {
                        name: name.to_owned(),
                        url: slugs
                            .iter()
                            .find(|p| p.name == name)
                            .map(|p| person_url(&p.slug)),
                    })
                });
                CitedLine {
                    meeting: views::meeting_label(&c.meeting),
                    url: format!("{}/source#L{}", meeting_url(&c.meeting), c.line),
                    date: c.meeting.date.as_deref().map(long_date).unwrap_or_default(),
                    speaker,
                    said: c.intervention.map(|(_, _, text)| text).unwrap_or_default(),
                    words: c.text,
                    revision: format!(
                        "{} para {}",
                        label(c.rev),
                        set.revisions[c.rev].paragraphs[c.para]
                            .number
                            .as_deref()
                            .unwrap_or("?")
                    ),
                    next,
                }
            })
            .collect();
        let p = &revision.paragraphs[index];
        render(&ParagraphPage {
            title: set.summary.title.clone(),
            document_url: document_url(&slug),
            label: label(at),
            number: p.number.clone().unwrap_or_default(),
            text: p.text.clone(),
            status: p.status.clone().unwrap_or_default(),
            trail,
            comments: comment_lines,
            cited,
        })
    })
    .await
}

fn change_word(change: &texts::Change) -> String {
    use texts::Change::*;
    match change {
        Unchanged => "unchanged",
        Edited => "edited",
        Renumbered => "renumbered",
        Moved => "moved",
        Split => "split",
        Merged => "merged",
        Deleted => "deleted",
        Inserted => "new",
        Reinserted => "reinserted",
        StatusChanged => "status changed",
        BracketsChanged => "brackets changed",
    }
    .to_owned()
}

/// A paragraph a meeting's record refers to, with its text, for the meeting page.
pub struct CitedParagraph {
    /// The reference's words ("para. 12").
    pub words: String,
    pub line: u32,
    pub document: String,
    pub revision: String,
    pub number: String,
    pub text: String,
    pub url: String,
}

/// The paragraphs a record's references point to, each in the revision it names or the one
/// current on the meeting's day; references that resolve to no stored paragraph are left out.
pub fn cited_paragraphs(
    store: &Store,
    record: &model::Record,
) -> Result<Vec<CitedParagraph>, WebError> {
    if !record.references.iter().any(|r| r.paragraph.is_some()) {
        return Ok(Vec::new());
    }
    let sets = store
        .documents()?
        .iter()
        .map(|d| store.document_set(&d.slug))
        .collect::<Result<Vec<_>, _>>()?;
    let day = record.meeting.date.map(|d| d.to_string());
    Ok(record
        .references
        .iter()
        .filter_map(|reference| {
            let (document, paragraph) = (
                reference.document.as_deref()?,
                reference.paragraph.as_deref()?,
            );
            let set = sets.iter().find(|s| s.is_named(document))?;
            let (rev, para) =
                set.resolve(reference.version.as_deref(), paragraph, day.as_deref())?;
            let p = &set.revisions[rev].paragraphs[para];
            Some(CitedParagraph {
                words: reference.text.clone(),
                line: reference.span.start_line,
                document: set.summary.title.clone(),
                revision: set.summary.revisions[rev].label.clone(),
                number: p.number.clone().unwrap_or_default(),
                text: p.text.clone(),
                url: paragraph_url(set, rev, para),
            })
        })
        .collect())
}
