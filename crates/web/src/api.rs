//! The JSON API under `/api/v1`: groups, meetings (a meeting is its `rapporteur.record/1`
//! record), people, search and what is due, with paginated lists.
//!
//! Routes and their OpenAPI 3.1 descriptions are registered together (`utoipa-axum`), so the
//! document served at `/api/openapi.json` cannot list a route the server lacks, or miss one.
//! Errors are JSON too: `{"error": "…"}` with 400 or 404.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::openapi::OpenApi as Document;
use utoipa::{IntoParams, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::Site;
use crate::pool::WebError;
use crate::views::{group_url, meeting_url, person_url};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "rapporteur",
        description = "The records of working groups' meetings: who said what under which agenda item, who agreed with whom, what is due when. A meeting is served in the record format `rapporteur.record/1`.",
        license(name = "Apache-2.0")
    ),
    tags((name = "archive", description = "Groups, meetings, people, search"))
)]
struct ApiDoc;

pub fn router() -> (axum::Router<Arc<Site>>, Document) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(groups))
        .routes(routes!(group))
        .routes(routes!(group_meetings))
        .routes(routes!(meeting))
        .routes(routes!(people))
        .routes(routes!(person))
        .routes(routes!(search))
        .routes(routes!(due))
        .split_for_parts()
}

/// An error, as JSON.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiError {
    pub error: String,
}

struct Failure(WebError);

impl From<WebError> for Failure {
    fn from(error: WebError) -> Failure {
        Failure(error)
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let (status, error) = match self.0 {
            WebError::NotFound => (StatusCode::NOT_FOUND, "not found".to_owned()),
            WebError::BadRequest(message) => (StatusCode::BAD_REQUEST, message),
            WebError::Internal(detail) => {
                eprintln!("rapporteur web: {detail}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal error".to_owned(),
                )
            }
        };
        (status, Json(ApiError { error })).into_response()
    }
}

type Answer<T> = Result<Json<T>, Failure>;

/// Which page of a list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Items per page, 1 to 500 (default 50).
    pub limit: Option<u32>,
    /// Items to skip (default 0).
    pub offset: Option<u32>,
}

impl ListParams {
    fn window(&self) -> (u32, u32) {
        (
            self.limit.unwrap_or(50).clamp(1, 500),
            self.offset.unwrap_or(0),
        )
    }
}

fn paginate<T>(all: Vec<T>, params: &ListParams) -> (u64, u32, u32, Vec<T>) {
    let (limit, offset) = params.window();
    let total = all.len() as u64;
    let items = all
        .into_iter()
        .skip(offset as usize)
        .take(limit as usize)
        .collect();
    (total, limit, offset, items)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Group {
    pub short_name: String,
    pub slug: String,
    pub name: Option<String>,
    pub parent: Option<String>,
    pub meetings: u32,
    /// Date of the first meeting, `YYYY-MM-DD`.
    pub first: Option<String>,
    /// Date of the latest meeting, `YYYY-MM-DD`.
    pub last: Option<String>,
    /// The group's page.
    pub url: String,
}

fn group_out(g: store::GroupSummary) -> Group {
    Group {
        url: group_url(&g.slug),
        short_name: g.short_name,
        slug: g.slug,
        name: g.name,
        parent: g.parent,
        meetings: g.meetings,
        first: g.first,
        last: g.last,
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GroupList {
    pub total: u64,
    pub limit: u32,
    pub offset: u32,
    pub items: Vec<Group>,
}

#[utoipa::path(get, path = "/api/v1/groups", tag = "archive", params(ListParams),
    responses((status = 200, description = "The groups, by short name", body = GroupList)))]
async fn groups(
    State(site): State<Arc<Site>>,
    Query(params): Query<ListParams>,
) -> Answer<GroupList> {
    let all = site.pool.run(|store| Ok(store.groups()?)).await?;
    let (total, limit, offset, items) = paginate(all, &params);
    Ok(Json(GroupList {
        total,
        limit,
        offset,
        items: items.into_iter().map(group_out).collect(),
    }))
}

/// One affiliation a person held in a group, from the first to the last meeting that gave it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Affiliation {
    pub group: String,
    pub affiliation: Option<String>,
    pub roles: Vec<String>,
    pub stakeholder_group: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub meetings: u32,
}

fn affiliation_out(a: &store::Affiliation) -> Affiliation {
    Affiliation {
        group: a.group.clone(),
        affiliation: a.affiliation.clone(),
        roles: a.roles.clone(),
        stakeholder_group: a.stakeholder_group.clone(),
        from: a.from.clone(),
        to: a.to.clone(),
        meetings: a.meetings,
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Member {
    pub name: String,
    pub slug: String,
    pub meetings: u32,
    pub affiliations: Vec<Affiliation>,
    pub url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GroupDetail {
    pub group: Group,
    pub chairs: Vec<String>,
    pub members: Vec<Member>,
}

#[utoipa::path(get, path = "/api/v1/groups/{group}", tag = "archive",
    params(("group" = String, Path, description = "The group's slug or short name")),
    responses(
        (status = 200, description = "The group, its chairs and its members", body = GroupDetail),
        (status = 404, description = "No such group", body = ApiError)))]
async fn group(State(site): State<Arc<Site>>, Path(slug): Path<String>) -> Answer<GroupDetail> {
    let view = site.pool.run(move |store| Ok(store.group(&slug)?)).await?;
    Ok(Json(GroupDetail {
        group: group_out(view.summary),
        chairs: view.chairs,
        members: view
            .members
            .iter()
            .map(|m| Member {
                name: m.name.clone(),
                slug: m.slug.clone(),
                meetings: m.meetings,
                affiliations: m.affiliations.iter().map(affiliation_out).collect(),
                url: person_url(&m.slug),
            })
            .collect(),
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Meeting {
    pub id: i64,
    pub group: String,
    pub group_slug: String,
    pub number: Option<u32>,
    /// `YYYY-MM-DD`
    pub date: Option<String>,
    pub title: Option<String>,
    /// The meeting's page.
    pub url: String,
    /// The meeting's record in this API.
    pub record: String,
}

fn meeting_out(m: &store::MeetingRef) -> Meeting {
    let url = meeting_url(m);
    Meeting {
        id: m.id,
        group: m.group.clone(),
        group_slug: m.group_slug.clone(),
        number: m.number,
        date: m.date.clone(),
        title: m.title.clone(),
        record: format!("/api/v1{}", url),
        url,
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingList {
    pub total: u64,
    pub limit: u32,
    pub offset: u32,
    pub items: Vec<Meeting>,
}

#[utoipa::path(get, path = "/api/v1/groups/{group}/meetings", tag = "archive",
    params(("group" = String, Path, description = "The group's slug or short name"), ListParams),
    responses(
        (status = 200, description = "The group's meetings, by date", body = MeetingList),
        (status = 404, description = "No such group", body = ApiError)))]
async fn group_meetings(
    State(site): State<Arc<Site>>,
    Path(slug): Path<String>,
    Query(params): Query<ListParams>,
) -> Answer<MeetingList> {
    let all = site
        .pool
        .run(move |store| Ok(store.meetings(Some(&slug))?))
        .await?;
    let (total, limit, offset, items) = paginate(all, &params);
    Ok(Json(MeetingList {
        total,
        limit,
        offset,
        items: items.iter().map(|m| meeting_out(&m.meeting)).collect(),
    }))
}

/// A meeting's record, exactly as `rapporteur convert --to json` prints it: interface
/// `rapporteur.record/1`, documented in `docs/record-format.md`.
#[derive(Debug, Serialize, ToSchema)]
#[schema(value_type = Object)]
pub struct Record(serde_json::Value);

#[utoipa::path(get, path = "/api/v1/groups/{group}/meetings/{which}", tag = "archive",
    params(
        ("group" = String, Path, description = "The group's slug or short name"),
        ("which" = String, Path, description = "The meeting's number, or its date (YYYY-MM-DD) when it has none")),
    responses(
        (status = 200, description = "The meeting's record, rapporteur.record/1", body = Record),
        (status = 404, description = "No such meeting", body = ApiError)))]
async fn meeting(
    State(site): State<Arc<Site>>,
    Path((group, which)): Path<(String, String)>,
) -> Answer<Record> {
    let record = site
        .pool
        .run(move |store| {
            let found = store.find_meeting(&format!("{group}/{which}"))?;
            Ok(store.meeting(&found)?.record)
        })
        .await?;
    Ok(Json(Record(render::json::to_json(&record))))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Person {
    pub name: String,
    pub slug: String,
    /// The stakeholder group their latest participant-list entry states.
    pub stakeholder_group: Option<String>,
    pub meetings: u32,
    pub interventions: u32,
    pub url: String,
}

fn person_out(p: &store::PersonSummary) -> Person {
    Person {
        name: p.name.clone(),
        slug: p.slug.clone(),
        stakeholder_group: p.stakeholder_group.clone(),
        meetings: p.meetings,
        interventions: p.interventions,
        url: person_url(&p.slug),
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonList {
    pub total: u64,
    pub limit: u32,
    pub offset: u32,
    pub items: Vec<Person>,
}

#[utoipa::path(get, path = "/api/v1/people", tag = "archive", params(ListParams),
    responses((status = 200, description = "Everyone in the archive, by name", body = PersonList)))]
async fn people(
    State(site): State<Arc<Site>>,
    Query(params): Query<ListParams>,
) -> Answer<PersonList> {
    let all = site.pool.run(|store| Ok(store.people()?)).await?;
    let (total, limit, offset, items) = paginate(all, &params);
    Ok(Json(PersonList {
        total,
        limit,
        offset,
        items: items.iter().map(person_out).collect(),
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Alias {
    pub alias: String,
    /// The group the alias holds in; null: every group.
    pub group: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Intervention {
    pub meeting: Meeting,
    pub order: u32,
    pub agenda_item: Option<String>,
    pub agenda_title: Option<String>,
    pub act: Option<String>,
    pub agrees_with: Vec<String>,
    pub text: String,
    pub line: u32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgreedBy {
    pub by: String,
    pub meeting: Meeting,
    pub order: u32,
    pub agenda_item: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonDetail {
    pub person: Person,
    pub aliases: Vec<Alias>,
    pub affiliations: Vec<Affiliation>,
    pub interventions: Vec<Intervention>,
    pub agreed_with_by: Vec<AgreedBy>,
}

#[utoipa::path(get, path = "/api/v1/people/{person}", tag = "archive",
    params(("person" = String, Path, description = "The person's slug, name or alias")),
    responses(
        (status = 200, description = "The person's affiliations over time, interventions and agreements", body = PersonDetail),
        (status = 400, description = "The name is ambiguous", body = ApiError),
        (status = 404, description = "No such person", body = ApiError)))]
async fn person(State(site): State<Arc<Site>>, Path(slug): Path<String>) -> Answer<PersonDetail> {
    let view = site.pool.run(move |store| Ok(store.person(&slug)?)).await?;
    Ok(Json(PersonDetail {
        person: person_out(&view.person),
        aliases: view
            .aliases
            .iter()
            .map(|(alias, group)| Alias {
                alias: alias.clone(),
                group: group.clone(),
            })
            .collect(),
        affiliations: view.affiliations.iter().map(affiliation_out).collect(),
        interventions: view
            .said
            .iter()
            .map(|s| Intervention {
                meeting: meeting_out(&s.meeting),
                order: s.order,
                agenda_item: s.agenda_item.clone(),
                agenda_title: s.agenda_title.clone(),
                act: s.act.clone(),
                agrees_with: s.agreed_with.clone(),
                text: s.text.clone(),
                line: s.line,
            })
            .collect(),
        agreed_with_by: view
            .agreed_by
            .iter()
            .map(|a| AgreedBy {
                by: a.by.clone(),
                meeting: meeting_out(&a.meeting),
                order: a.order,
                agenda_item: a.agenda_item.clone(),
            })
            .collect(),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words that must all occur; "quoted phrases" must occur as written.
    pub q: String,
    /// Only interventions of this person (name, alias or slug).
    pub speaker: Option<String>,
    /// Only this group (slug or short name).
    pub group: Option<String>,
    /// Only under agenda items whose title contains this.
    pub item: Option<String>,
    /// Only meetings on or after this day, `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Only meetings on or before this day, `YYYY-MM-DD`.
    pub until: Option<String>,
    /// Hits per page, 1 to 100 (default 20).
    pub limit: Option<u32>,
    /// Hits to skip (default 0).
    pub offset: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Hit {
    pub meeting: Meeting,
    /// `intervention`, `decision` or `action-item`.
    pub kind: String,
    pub order: u32,
    pub speaker: Option<String>,
    /// `resolved`, `ambiguous`, `unknown` or `none`, for an intervention.
    pub speaker_status: Option<String>,
    pub agenda_item: Option<String>,
    pub agenda_title: Option<String>,
    pub line: u32,
    pub score: f64,
    pub snippet: String,
    /// The matched words, as `[start, end)` character ranges of `snippet`.
    pub highlights: Vec<[usize; 2]>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HitList {
    pub total: u64,
    pub limit: u32,
    pub offset: u32,
    pub items: Vec<Hit>,
}

fn day(value: Option<&String>) -> Result<(), WebError> {
    match value {
        Some(day) if day.parse::<jiff::civil::Date>().is_err() => Err(WebError::BadRequest(
            format!("'{day}' is not a day (YYYY-MM-DD)"),
        )),
        _ => Ok(()),
    }
}

#[utoipa::path(get, path = "/api/v1/search", tag = "archive", params(SearchParams),
    responses(
        (status = 200, description = "Matching interventions, decisions and action items, best first", body = HitList),
        (status = 400, description = "No words to search for, or a bad date", body = ApiError),
        (status = 404, description = "No such speaker or group", body = ApiError)))]
async fn search(
    State(site): State<Arc<Site>>,
    Query(params): Query<SearchParams>,
) -> Answer<HitList> {
    day(params.since.as_ref())?;
    day(params.until.as_ref())?;
    let limit = params.limit.unwrap_or(20).clamp(1, 100);
    let offset = params.offset.unwrap_or(0);
    let query = store::SearchQuery {
        text: params.q,
        speaker: params.speaker,
        group: params.group,
        item: params.item,
        since: params.since,
        until: params.until,
        limit,
        offset,
    };
    let results = site
        .pool
        .run(move |store| Ok(store.search(&query)?))
        .await?;
    Ok(Json(HitList {
        total: results.total,
        limit,
        offset,
        items: results
            .hits
            .iter()
            .map(|h| {
                let mut snippet = String::new();
                let mut highlights = Vec::new();
                for segment in &h.snippet {
                    let start = snippet.chars().count();
                    snippet.push_str(&segment.text);
                    if segment.hit {
                        highlights.push([start, snippet.chars().count()]);
                    }
                }
                Hit {
                    meeting: meeting_out(&h.meeting),
                    kind: h.kind.clone(),
                    order: h.order,
                    speaker: h.speaker.clone(),
                    speaker_status: h.speaker_status.clone(),
                    agenda_item: h.agenda_item.clone(),
                    agenda_title: h.agenda_title.clone(),
                    line: h.line,
                    score: h.score,
                    snippet,
                    highlights,
                }
            })
            .collect(),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DueParams {
    /// From this day on, `YYYY-MM-DD` (default: today).
    pub from: Option<String>,
    /// Only this group (slug or short name).
    pub group: Option<String>,
    /// At most this many, 1 to 500 (default 100).
    pub limit: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Due {
    pub meeting: Meeting,
    /// `deadline`, `next-meeting`, `expected` or `action-item`.
    pub kind: String,
    /// `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.
    pub value: String,
    /// The date as written, or what the action item asks.
    pub text: String,
    pub owner: Option<String>,
    pub context: Option<String>,
    pub line: u32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DueList {
    pub from: String,
    pub items: Vec<Due>,
}

#[utoipa::path(get, path = "/api/v1/due", tag = "archive", params(DueParams),
    responses(
        (status = 200, description = "Deadlines, next meetings and action items from a day on, soonest first", body = DueList),
        (status = 400, description = "A bad date", body = ApiError),
        (status = 404, description = "No such group", body = ApiError)))]
async fn due(State(site): State<Arc<Site>>, Query(params): Query<DueParams>) -> Answer<DueList> {
    day(params.from.as_ref())?;
    let from = params.from.unwrap_or_else(crate::pages::today);
    let limit = params.limit.unwrap_or(100).clamp(1, 500);
    let since = from.clone();
    let group = params.group;
    let due = site
        .pool
        .run(move |store| Ok(store.due(&since, group.as_deref(), limit)?))
        .await?;
    Ok(Json(DueList {
        from,
        items: due
            .iter()
            .map(|d| Due {
                meeting: meeting_out(&d.meeting),
                kind: d.kind.clone(),
                value: d.value.clone(),
                text: d.text.clone(),
                owner: d.owner.clone(),
                context: d.context.clone(),
                line: d.line,
            })
            .collect(),
    }))
}
