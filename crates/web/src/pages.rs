//! The HTML pages: home, group, meeting (and its source report), person, search, due, and
//! the error pages. Each handler asks the store once, builds its view, and renders a
//! compile-checked askama template.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use store::{SearchQuery, Segment};

use crate::Site;
use crate::pool::WebError;
use crate::views::{
    self, MeetingLink, MeetingView, PersonLink, SpeakerView, group_url, long_date, meeting_url,
    person_url,
};

pub fn router() -> Router<Arc<Site>> {
    Router::new()
        .route("/", get(home))
        .route("/due", get(due))
        .route("/search", get(search))
        .route("/groups/{group}", get(group))
        .route("/groups/{group}/meetings/{which}", get(meeting))
        .route("/groups/{group}/meetings/{which}/source", get(source))
        .route("/people/{person}", get(person))
        .route("/static/style.css", get(stylesheet))
}

/// Today, as the server's clock says, in UTC: `YYYY-MM-DD`.
pub fn today() -> String {
    let now = jiff::Timestamp::now().to_string();
    now.get(..10).unwrap_or("1970-01-01").to_owned()
}

/// A page from the cache, or built by `build` on a connection and then cached; see
/// `cache.rs` for how long a cached page lives.
pub(crate) async fn cached<F>(site: &Arc<Site>, key: String, build: F) -> Result<Response, WebError>
where
    F: FnOnce(&store::Store) -> Result<String, WebError> + Send + 'static,
{
    if let Some(hit) = site.cache.fresh(&key) {
        return Ok(html_bytes(hit));
    }
    let cache = Arc::clone(&site.cache);
    let page = site
        .pool
        .run(move |store| {
            cache.sync(store.generation()?);
            if let Some(hit) = cache.get(&key) {
                return Ok(hit);
            }
            let page = axum::body::Bytes::from(build(store)?);
            cache.put(key, page.clone());
            Ok(page)
        })
        .await?;
    Ok(html_bytes(page))
}

fn html_bytes(page: axum::body::Bytes) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

pub(crate) fn render<T: Template>(template: &T) -> Result<String, WebError> {
    template
        .render()
        .map_err(|e| WebError::Internal(format!("a template failed: {e}")))
}

fn page<T: Template>(template: &T) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => error_page(&WebError::Internal(format!("a template failed: {e}"))),
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    title: &'a str,
    message: &'a str,
}

/// The page for an error: what happened in words, never how.
pub fn error_page(error: &WebError) -> Response {
    let (status, title, message) = match error {
        WebError::NotFound => (
            StatusCode::NOT_FOUND,
            "Not found",
            "There is no page at this address.".to_owned(),
        ),
        WebError::BadRequest(message) => (
            StatusCode::BAD_REQUEST,
            "Cannot answer that",
            message.clone(),
        ),
        WebError::Internal(detail) => {
            eprintln!("rapporteur web: {detail}");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong",
                "The page could not be made. The error has been logged.".to_owned(),
            )
        }
    };
    let html = ErrorPage {
        title,
        message: &message,
    }
    .render()
    .unwrap_or_else(|_| format!("<!DOCTYPE html><title>{title}</title><h1>{title}</h1>"));
    (status, Html(html)).into_response()
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        error_page(&self)
    }
}

pub async fn not_found() -> Response {
    error_page(&WebError::NotFound)
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/style.css"),
    )
        .into_response()
}

struct GroupCard {
    short_name: String,
    name: String,
    parent: String,
    url: String,
    meetings: u32,
    span: String,
}

struct DueLine {
    date: String,
    kind: String,
    text: String,
    owner: String,
    meeting: MeetingLink,
}

fn due_lines(due: Vec<store::Due>) -> Vec<DueLine> {
    due.into_iter()
        .map(|d| DueLine {
            date: long_date(&d.value),
            kind: d.kind.replace('-', " "),
            text: d.text,
            owner: d.owner.unwrap_or_default(),
            meeting: MeetingLink::new(&d.meeting),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    groups: Vec<GroupCard>,
    recent: Vec<MeetingLink>,
    due: Vec<DueLine>,
}

async fn home(State(site): State<Arc<Site>>) -> Result<Response, WebError> {
    let today = today();
    let (groups, recent, due) = site
        .pool
        .run(move |store| {
            Ok((
                store.groups()?,
                store.recent(10)?,
                store.due(&today, None, 10)?,
            ))
        })
        .await?;
    Ok(page(&Home {
        groups: groups
            .into_iter()
            .map(|g| GroupCard {
                url: group_url(&g.slug),
                span: match (&g.first, &g.last) {
                    (Some(a), Some(b)) if a != b => format!("{} to {}", long_date(a), long_date(b)),
                    (Some(a), _) => long_date(a),
                    _ => String::new(),
                },
                short_name: g.short_name,
                name: g.name.unwrap_or_default(),
                parent: g.parent.unwrap_or_default(),
                meetings: g.meetings,
            })
            .collect(),
        recent: recent.iter().map(MeetingLink::new).collect(),
        due: due_lines(due),
    }))
}

#[derive(Template)]
#[template(path = "due.html")]
struct DuePage {
    from: String,
    due: Vec<DueLine>,
}

async fn due(State(site): State<Arc<Site>>) -> Result<Response, WebError> {
    let today = today();
    let from = long_date(&today);
    let due = site
        .pool
        .run(move |store| Ok(store.due(&today, None, 500)?))
        .await?;
    Ok(page(&DuePage {
        from,
        due: due_lines(due),
    }))
}

struct MemberLine {
    name: String,
    url: String,
    meetings: u32,
    affiliations: Vec<String>,
}

#[derive(Template)]
#[template(path = "group.html")]
struct GroupPage {
    short_name: String,
    name: String,
    parent: String,
    url: String,
    chairs: Vec<PersonLink>,
    meetings: Vec<MeetingLink>,
    members: Vec<MemberLine>,
}

/// "Ministry of X (government), co-chair, 15 September 2026 to 3 November 2026, 4 meetings".
pub fn stint(a: &store::Affiliation) -> String {
    let mut out = a
        .affiliation
        .clone()
        .unwrap_or_else(|| "no affiliation given".into());
    if let Some(group) = &a.stakeholder_group {
        out.push_str(&format!(" ({group})"));
    }
    if !a.roles.is_empty() {
        out.push_str(&format!(", {}", a.roles.join(", ")));
    }
    match (&a.from, &a.to) {
        (Some(from), Some(to)) if from != to => {
            out.push_str(&format!(", {} to {}", long_date(from), long_date(to)));
        }
        (Some(from), _) => out.push_str(&format!(", {}", long_date(from))),
        _ => {}
    }
    out.push_str(&format!(
        " ({} meeting{})",
        a.meetings,
        if a.meetings == 1 { "" } else { "s" }
    ));
    out
}

async fn group(
    State(site): State<Arc<Site>>,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let (view, meetings, slugs) = site
        .pool
        .run(move |store| {
            let view = store.group(&slug)?;
            let meetings = store.meetings(Some(&view.summary.slug))?;
            let slugs: std::collections::HashMap<String, String> = view
                .members
                .iter()
                .map(|m| (m.name.clone(), m.slug.clone()))
                .collect();
            Ok((view, meetings, slugs))
        })
        .await?;
    let summary = &view.summary;
    Ok(page(&GroupPage {
        short_name: summary.short_name.clone(),
        name: summary.name.clone().unwrap_or_default(),
        parent: summary.parent.clone().unwrap_or_default(),
        url: group_url(&summary.slug),
        chairs: view
            .chairs
            .iter()
            .map(|name| PersonLink {
                name: name.clone(),
                url: slugs.get(name).map(|s| person_url(s)),
            })
            .collect(),
        meetings: meetings
            .iter()
            .map(|m| MeetingLink::new(&m.meeting))
            .collect(),
        members: view
            .members
            .iter()
            .map(|m| MemberLine {
                name: m.name.clone(),
                url: person_url(&m.slug),
                meetings: m.meetings,
                affiliations: m.affiliations.iter().map(stint).collect(),
            })
            .collect(),
    }))
}

#[derive(Template)]
#[template(path = "meeting.html")]
struct MeetingPage {
    v: MeetingView,
    presence: Option<views::PresenceView>,
    cited: Vec<crate::documents::CitedParagraph>,
    /// Who spoke how much, for transcripts and minutes (whose turns are verbatim).
    speaking: Vec<SpeakingLine>,
}

/// One speaker's share of a verbatim meeting.
struct SpeakingLine {
    name: String,
    turns: u32,
    words: u32,
    share: String,
}

fn speaking(record: &model::Record) -> Vec<SpeakingLine> {
    // A summary report retells the discussion; counting its words would measure the writer.
    if record.source.reader == "summary-report" {
        return Vec::new();
    }
    render::stats::compute(record)
        .speakers
        .into_iter()
        .map(|t| SpeakingLine {
            name: t.name,
            turns: t.turns,
            words: t.words,
            share: format!("{:.0}%", t.share * 100.0),
        })
        .collect()
}

async fn meeting(
    State(site): State<Arc<Site>>,
    Path((group, which)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let key = format!("/groups/{group}/meetings/{which}");
    cached(&site, key, move |store| {
        let found = store.find_meeting(&format!("{group}/{which}"))?;
        let stored = store.meeting(&found)?;
        let slugs = store.slugs(&found)?;
        let (previous, next) = store.neighbours(&found)?;
        let presence = store.attendance(&found)?;
        let cited = crate::documents::cited_paragraphs(store, &stored.record)?;
        render(&MeetingPage {
            cited,
            speaking: speaking(&stored.record),
            presence: presence.as_ref().map(views::presence_view),
            v: views::meeting_view(
                &found,
                &stored.record,
                &slugs,
                previous.as_ref(),
                next.as_ref(),
            ),
        })
    })
    .await
}

#[derive(Template)]
#[template(path = "source.html")]
struct SourcePage {
    heading: String,
    meeting_url: String,
    lines: Vec<String>,
}

async fn source(
    State(site): State<Arc<Site>>,
    Path((group, which)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (found, text) = site
        .pool
        .run(move |store| {
            let found = store.find_meeting(&format!("{group}/{which}"))?;
            let stored = store.meeting(&found)?;
            Ok((found, stored.source_text))
        })
        .await?;
    Ok(page(&SourcePage {
        heading: views::meeting_label(&found),
        meeting_url: meeting_url(&found),
        lines: text
            .map(|t| t.lines().map(str::to_owned).collect())
            .unwrap_or_default(),
    }))
}

struct SaidLine {
    meeting: MeetingLink,
    anchor: String,
    item: String,
    agrees_with: String,
    text: String,
    line: u32,
}

struct AgreedLine {
    by: String,
    meeting: MeetingLink,
}

#[derive(Template)]
#[template(path = "person.html")]
struct PersonPage {
    name: String,
    meetings: u32,
    interventions: u32,
    stakeholder_group: String,
    aliases: String,
    affiliations: Vec<String>,
    said: Vec<SaidLine>,
    agreed_by: Vec<AgreedLine>,
}

async fn person(
    State(site): State<Arc<Site>>,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let view = site.pool.run(move |store| Ok(store.person(&slug)?)).await?;
    let affiliations = view
        .affiliations
        .iter()
        .map(|a| format!("{}: {}", a.group, stint(a)))
        .collect();
    Ok(page(&PersonPage {
        name: view.person.name.clone(),
        meetings: view.person.meetings,
        interventions: view.person.interventions,
        stakeholder_group: view.person.stakeholder_group.clone().unwrap_or_default(),
        aliases: view
            .aliases
            .iter()
            .map(|(alias, group)| match group {
                Some(group) => format!("“{alias}” in {group}"),
                None => format!("“{alias}”"),
            })
            .collect::<Vec<_>>()
            .join(", "),
        affiliations,
        said: view
            .said
            .iter()
            .map(|s| SaidLine {
                meeting: MeetingLink::new(&s.meeting),
                anchor: s.agenda_item.as_deref().map_or_else(
                    || "discussion".to_owned(),
                    |n| {
                        format!(
                            "item-{}",
                            n.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
                        )
                    },
                ),
                item: match (&s.agenda_item, &s.agenda_title) {
                    (Some(n), Some(t)) => format!("item {n}, {t}"),
                    (Some(n), None) => format!("item {n}"),
                    _ => String::new(),
                },
                agrees_with: s.agreed_with.join(", "),
                text: s.text.clone(),
                line: s.line,
            })
            .collect(),
        agreed_by: view
            .agreed_by
            .iter()
            .map(|a| AgreedLine {
                by: a.by.clone(),
                meeting: MeetingLink::new(&a.meeting),
            })
            .collect(),
    }))
}

/// The search form's fields, as the query string carries them.
#[derive(Debug, Default, Deserialize)]
pub struct SearchParams {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub speaker: String,
    #[serde(default)]
    pub group: String,
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub item: String,
    #[serde(default)]
    pub page: Option<u32>,
}

impl SearchParams {
    fn url(&self, change: impl FnOnce(&mut Vec<(&'static str, String)>)) -> String {
        let mut pairs: Vec<(&'static str, String)> = vec![
            ("q", self.q.clone()),
            ("speaker", self.speaker.clone()),
            ("group", self.group.clone()),
            ("year", self.year.clone()),
            ("item", self.item.clone()),
        ];
        change(&mut pairs);
        let query: Vec<String> = pairs
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", encode(&v)))
            .collect();
        format!("/search?{}", query.join("&"))
    }
}

/// Percent-encoding for a query-string value.
fn encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char);
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

struct HitLine {
    meeting: MeetingLink,
    url: String,
    who: String,
    item: String,
    snippet: Vec<Segment>,
}

struct FacetValue {
    label: String,
    count: u64,
    url: String,
}

struct Facet {
    title: &'static str,
    values: Vec<FacetValue>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    q: String,
    speaker: String,
    group: String,
    year: String,
    item: String,
    message: String,
    count_text: String,
    first: u64,
    hits: Vec<HitLine>,
    facets: Vec<Facet>,
    /// Why there are no facets, when the search is too broad for them.
    facet_note: String,
    previous: Option<String>,
    next: Option<String>,
}

const PER_PAGE: u32 = 20;

/// Searches with more matches than this show no facets.
const FACET_LIMIT: u64 = 20_000;

async fn search(
    State(site): State<Arc<Site>>,
    Query(params): Query<SearchParams>,
) -> Result<Response, WebError> {
    let mut view = SearchPage {
        q: params.q.clone(),
        speaker: params.speaker.clone(),
        group: params.group.clone(),
        year: params.year.clone(),
        item: params.item.clone(),
        message: String::new(),
        count_text: String::new(),
        first: 1,
        hits: Vec::new(),
        facets: Vec::new(),
        facet_note: String::new(),
        previous: None,
        next: None,
    };
    if params.q.trim().is_empty() {
        return Ok(page(&view));
    }
    let year = params.year.trim();
    let is_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    if !year.is_empty() && !is_year {
        view.message = format!("“{year}” is not a year.");
        return Ok(page(&view));
    }
    let page_number = params.page.unwrap_or(1).max(1);
    let some = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    let query = SearchQuery {
        text: params.q.clone(),
        speaker: some(&params.speaker),
        group: some(&params.group),
        item: some(&params.item),
        since: some(year).map(|y| format!("{y}-01-01")),
        until: some(year).map(|y| format!("{y}-12-31")),
        limit: PER_PAGE,
        offset: (page_number - 1).saturating_mul(PER_PAGE),
    };
    let answer = site
        .pool
        .run(move |store| {
            let results = store.search(&query)?;
            // Counting facets reads every match; past a point it would cost more than the
            // search itself, so a broad search is asked to narrow down first.
            let facets = if results.total <= FACET_LIMIT {
                Some(store.facets(&query)?)
            } else {
                None
            };
            Ok((results, facets))
        })
        .await;
    let (results, facets) = match answer {
        Ok(found) => found,
        Err(WebError::NotFound) => {
            view.message = "No such speaker or group in the archive.".into();
            return Ok(page(&view));
        }
        Err(WebError::BadRequest(message)) => {
            view.message = message;
            return Ok(page(&view));
        }
        Err(other) => return Err(other),
    };
    let shown = results.hits.len() as u64;
    let offset = u64::from((page_number - 1) * PER_PAGE);
    view.first = offset + 1;
    view.count_text = match results.total {
        0 => "No results.".into(),
        1 => "1 result.".into(),
        n if shown < n => format!("Results {} to {} of {n}.", offset + 1, offset + shown),
        n => format!("{n} results."),
    };
    view.hits = results
        .hits
        .iter()
        .map(|h| {
            let who = match (h.kind.as_str(), &h.speaker, h.speaker_status.as_deref()) {
                ("intervention", Some(s), Some("ambiguous")) => format!("{s} (ambiguous)"),
                ("intervention", Some(s), Some("unknown")) => format!("{s} (unknown)"),
                ("intervention", Some(s), _) => s.clone(),
                ("intervention", None, _) => "the meeting".into(),
                ("decision", _, _) => "decision".into(),
                (_, Some(owner), _) => format!("action item for {owner}"),
                (kind, None, _) => kind.replace('-', " "),
            };
            HitLine {
                meeting: MeetingLink::new(&h.meeting),
                url: format!("{}/source#L{}", meeting_url(&h.meeting), h.line),
                who,
                item: match (&h.agenda_item, &h.agenda_title) {
                    (Some(n), Some(t)) => format!("item {n}, {t}"),
                    (Some(n), None) => format!("item {n}"),
                    _ => String::new(),
                },
                snippet: h.snippet.clone(),
            }
        })
        .collect();
    // A hit links to the meeting page at its agenda item.
    for (line, hit) in view.hits.iter_mut().zip(&results.hits) {
        line.url = match &hit.agenda_item {
            Some(n) => format!(
                "{}#item-{}",
                meeting_url(&hit.meeting),
                n.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
            ),
            None => meeting_url(&hit.meeting),
        };
    }
    let facet_values = |values: Vec<(String, u64)>, key: &'static str| -> Vec<FacetValue> {
        values
            .into_iter()
            .map(|(label, count)| FacetValue {
                url: params.url(|pairs| {
                    if let Some(pair) = pairs.iter_mut().find(|(k, _)| *k == key) {
                        pair.1 = label.clone();
                    }
                }),
                label,
                count,
            })
            .collect()
    };
    view.facets = match facets {
        Some(facets) => vec![
            Facet {
                title: "Speaker",
                values: facet_values(
                    facets
                        .speakers
                        .into_iter()
                        .map(|(name, _, n)| (name, n))
                        .collect(),
                    "speaker",
                ),
            },
            Facet {
                title: "Group",
                values: facet_values(facets.groups, "group"),
            },
            Facet {
                title: "Year",
                values: facet_values(facets.years, "year"),
            },
            Facet {
                title: "Agenda item",
                values: facet_values(facets.items, "item"),
            },
        ],
        None => {
            view.facet_note = format!(
                "Refine by speaker, group, year or agenda item once the search matches {} or fewer passages.",
                FACET_LIMIT
            );
            Vec::new()
        }
    };
    let page_url = |n: u32| {
        let mut url = params.url(|_| {});
        url.push_str(&format!("&page={n}"));
        url
    };
    if page_number > 1 {
        view.previous = Some(page_url(page_number - 1));
    }
    if offset + shown < results.total {
        view.next = Some(page_url(page_number + 1));
    }
    Ok(page(&view))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(encode("a b&c=d/é"), "a+b%26c%3Dd%2F%C3%A9");
    }
}
