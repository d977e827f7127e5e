//! HTTP tests of the whole site, in process: every route's status, content type and a few
//! facts each page must show; the security headers; the JSON API against its own OpenAPI
//! document (every route listed, every response valid against its schema); and the feeds,
//! parsed by independent parsers (Python's `feedparser` and `icalendar`, which `.ci/run`
//! installs).
//!
//! The archive is the example archive and the seed report, read with the real reader into a
//! real SQLite file, plus one hostile report whose text is HTML.

mod common;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

const HOSTILE: &str = "\
Working Group on Test Safety (WG-Safety)
Online Meeting
2 March 2026 at 10:00 UTC

Summary Report

The 3rd meeting of the Working Group on Test Safety (WG-Safety) was held on 2 March 2026. The meeting was moderated by Mallory.

Agenda

1. Escaping <b>markup</b>

Discussion

1. Escaping <b>markup</b>

Mallory noted that <script>window.pwned=1</script> should show as text. Mallory also noted that <img src=x onerror=\"window.pwned=2\"> is an image tag.

List of participants

1. Mallory Example, <i>Chair</i>, Group's Co-Chair, Example <script>alert(1)</script> Institute
2. Trent Example, Secretariat
";

/// One archive for every test in this file, built once.
fn archive() -> &'static Path {
    static ARCHIVE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = ARCHIVE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = common::build_archive(dir.path(), HOSTILE);
        (dir, path)
    });
    path
}

/// The text a browser shows for HTML: character references decoded.
fn unescape(html: &str) -> String {
    let mut out = html.to_owned();
    for (reference, text) in [
        ("&#60;", "<"),
        ("&#62;", ">"),
        ("&#34;", "\""),
        ("&#39;", "'"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#38;", "&"),
        ("&amp;", "&"),
    ] {
        out = out.replace(reference, text);
    }
    out
}

struct Reply {
    status: StatusCode,
    content_type: String,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn get(uri: &str) -> Reply {
    send(
        Request::get(uri)
            .header("host", "rapporteur.test")
            .body(Body::empty())
            .expect("a request"),
    )
    .await
}

async fn send(request: Request<Body>) -> Reply {
    let app = web::router(web::Site::new(archive().to_owned()));
    let response = app.oneshot(request).await.expect("a response");
    let status = response.status();
    let headers = response.headers().clone();
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    Reply {
        status,
        content_type,
        headers,
        body: String::from_utf8(bytes.to_vec()).expect("UTF-8"),
    }
}

async fn page(uri: &str) -> String {
    let reply = get(uri).await;
    assert_eq!(reply.status, StatusCode::OK, "{uri}: {}", reply.body);
    assert_eq!(reply.content_type, "text/html; charset=utf-8", "{uri}");
    assert!(reply.body.starts_with("<!DOCTYPE html>"), "{uri}");
    reply.body
}

#[tokio::test]
async fn the_home_page_lists_groups_recent_meetings_and_what_is_due() {
    let html = page("/").await;
    assert!(html.contains("href=\"/groups/wg-data\""));
    assert!(html.contains("href=\"/groups/wg-strategy\""));
    assert!(html.contains("href=\"/groups/wg-data/meetings/28\""));
    assert!(html.contains("Skip to content"));
    assert!(html.contains("<main id=\"main\""));
    let due = page("/due").await;
    assert!(due.contains("<table class=\"due\">"));
}

#[tokio::test]
async fn a_group_page_shows_its_series_chairs_members_and_feeds() {
    let html = page("/groups/wg-data").await;
    for n in 21..=28 {
        assert!(
            html.contains(&format!("href=\"/groups/wg-data/meetings/{n}\"")),
            "meeting {n}"
        );
    }
    assert!(html.contains("href=\"/people/amara-nwosu\">Amara Nwosu</a>"));
    assert!(html.contains("Independent Expert"));
    assert!(html.contains("href=\"/groups/wg-data/feed.atom\""));
    assert!(html.contains("href=\"/groups/wg-data/calendar.ics\""));
    // By short name too, in any case.
    assert_eq!(get("/groups/WG-Data").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_meeting_page_shows_the_record_with_its_doubts_marked() {
    let html = page("/groups/wg-strategy/meetings/106").await;
    assert!(html.contains("<h1>WG-Strategy meeting 106"));
    assert!(html.contains("href=\"/people/titti-cassa\">Titti Cassa</a>"));
    // The ambiguous Jorge, with both candidates, and the unknown Flavio, visibly marked.
    assert!(html.contains("class=\"unsettled ambiguous\">Jorge"));
    assert!(html.contains("href=\"/people/jorge-cancio\">Jorge Cancio</a> or <a href=\"/people/jorge-perez\">Jorge Perez</a>"));
    assert!(html.contains("class=\"unsettled unknown\">Flavio"));
    // Item 4 had no discussion.
    assert!(html.contains("No discussion recorded."));
    // Each statement links to its line of the report; the source page has that line.
    assert!(html.contains("href=\"/groups/wg-strategy/meetings/106/source#L27\""));
    let source = page("/groups/wg-strategy/meetings/106/source").await;
    assert!(source.contains("<li id=\"L27\"><code>Flavio noted"));
    // Action items and dates.
    assert!(html.contains("5 December 2025"));
    // The series: previous and next.
    let middle = page("/groups/wg-data/meetings/25").await;
    assert!(middle.contains("rel=\"prev\" href=\"/groups/wg-data/meetings/24\""));
    assert!(middle.contains("rel=\"next\" href=\"/groups/wg-data/meetings/26\""));
    // By date as well as by number.
    assert_eq!(
        get("/groups/wg-strategy/meetings/2025-12-04").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_meeting_page_shows_the_time_present_from_its_attendance_export() {
    let html = page("/groups/wg-data/meetings/26").await;
    let section = html
        .split("<h2 id=\"time-present\">")
        .nth(1)
        .expect("a time-present section");
    assert!(section.contains("Zoom participant report"), "{section}");
    // The name as the tool wrote it, matched to the participant, linked to the person.
    assert!(
        section.contains("<td>Henrik Lindqvist (Nordic Institute)</td><td><a href=\"/people/henrik-lindqvist\">Henrik Lindqvist</a></td><td>1 h 31 min</td><td>1</td>"),
        "{section}"
    );
    // Two Daniels attend: the bare "Daniel" of the export is matched to neither.
    assert!(
        section.contains("<td>Daniel</td><td><span class=\"unsettled\">not matched</span></td>"),
        "{section}"
    );
    assert!(section.contains("<td>Kenji Watanabe</td>") && section.contains("<td>2</td>"));
    // A meeting without an export has no such section.
    assert!(
        !page("/groups/wg-data/meetings/25")
            .await
            .contains("time-present")
    );
}

#[tokio::test]
async fn documents_show_revisions_redlines_and_paragraphs_with_their_meetings() {
    let list = page("/documents").await;
    assert!(
        list.contains("<a href=\"/documents/dsp\">Data Stewardship Principles</a>"),
        "{list}"
    );
    let document = page("/documents/dsp").await;
    assert!(document.contains("Zero draft, Rev1, Rev2, Rev3") || document.contains(">Rev3</a>"));
    assert!(
        document.contains("Comments on Rev1 from 16 October 2026 until 6 November 2026 (closed)"),
        "{document}"
    );
    assert!(
        document.contains("href=\"/documents/dsp/rev3/13\""),
        "paragraphs link to their pages"
    );
    let earlier = page("/documents/dsp?rev=rev1").await;
    assert!(earlier.contains("The text of Rev1"));
    assert!(
        earlier.contains("1 comment</a>"),
        "Rev1 para 9 has a comment"
    );

    let inline = page("/documents/dsp/diff?from=Rev1&to=Rev2").await;
    assert!(inline.contains("<section class=\"redline\">"), "{inline}");
    assert!(inline.contains("<del>") && inline.contains("<ins>"));
    assert!(inline.contains("renumbered"));
    let side = page("/documents/dsp/diff?from=Zero%20draft&to=Rev3&view=side").await;
    assert!(side.contains("<table class=\"redline-side\">"), "{side}");
    let missing = get("/documents/dsp/diff?from=Rev9").await;
    assert_eq!(missing.status, 400);

    // Rev1 para 9 becomes para 10 in Rev2; the comment on it follows, and the meetings that
    // discussed it are listed with whether the next revision changed it.
    let para = page("/documents/dsp/rev2/10").await;
    assert!(para.contains("Rev1 para 9</a>"), "{para}");
    assert!(para.contains("edited, renumbered"), "{para}");
    assert!(
        para.contains("Keep &#60;b&#62;meaningful&#60;/b&#62; consent."),
        "comments are escaped: {para}"
    );
    assert!(para.contains("the quoted words have changed"), "{para}");
    assert!(para.contains("WG-Data meeting 23"), "{para}");
    assert!(para.contains("then edited, renumbered in Rev2"), "{para}");
    for missing in [
        "/documents/nope",
        "/documents/dsp/rev9/1",
        "/documents/dsp/rev2/999",
        "/documents/dsp/rev2/at-0",
    ] {
        assert_eq!(get(missing).await.status, 404, "{missing}");
    }

    // The meeting page opens the paragraphs it cites.
    let meeting = page("/groups/wg-data/meetings/23").await;
    let cited = meeting
        .split("<h2 id=\"cited\">")
        .nth(1)
        .expect("a cited section");
    assert!(cited.contains("<details class=\"cited\">"), "{cited}");
    assert!(
        cited.contains("Data Stewardship Principles, Rev1 para 9"),
        "{cited}"
    );
    assert!(cited.contains("href=\"/documents/dsp/rev1/9\""), "{cited}");
}

#[tokio::test]
async fn a_person_page_shows_affiliations_interventions_and_agreements() {
    let html = page("/people/wanjiru-kamau").await;
    assert!(html.contains("<h1>Wanjiru Kamau</h1>"));
    assert!(
        html.contains("Ministry of Information, Communications and the Digital Economy, Kenya")
    );
    assert!(html.contains("Independent Expert"));
    assert!(html.contains("href=\"/groups/wg-data/meetings/25#item-1\""));
    assert!(html.contains("Beatriz Santos"), "agreed with by");
}

#[tokio::test]
async fn search_has_results_facets_count_and_pages() {
    let html = page("/search?q=financing+mechanisms").await;
    assert!(html.contains("3 results."), "{html}");
    assert!(html.contains("<mark>financing</mark>"));
    assert!(html.contains("<h2>Speaker</h2>"));
    assert!(
        unescape(&html)
            .contains("href=\"/search?q=financing+mechanisms&speaker=Anriette+Esterhuysen\"")
    );
    let filtered = page("/search?q=financing+mechanisms&speaker=Anriette+Esterhuysen").await;
    assert!(filtered.contains("1 result."));
    let paged = page("/search?q=para").await;
    assert!(
        unescape(&paged).contains("rel=\"next\" href=\"/search?q=para&page=2\""),
        "{paged}"
    );
    let second = page("/search?q=para&page=2").await;
    assert!(second.contains("rel=\"prev\""));
    // Queries that are not words, or filters that name nothing, get a message, not an error.
    let nothing = page("/search?q=%22%22").await;
    assert!(nothing.contains("the search has no words"));
    let nobody = page("/search?q=data&speaker=Nobody").await;
    assert!(nobody.contains("No such speaker or group"));
    let bad_year = page("/search?q=data&year=soon").await;
    assert!(bad_year.contains("is not a year"));
    assert!(page("/search").await.contains("<label for=\"q\">"));
}

#[tokio::test]
async fn report_text_is_escaped_everywhere() {
    let html = page("/groups/wg-safety/meetings/3").await;
    assert!(
        !html.contains("<script>window.pwned"),
        "raw script in the page"
    );
    assert!(!html.contains("<img src=x"), "raw img in the page");
    // The text is there, escaped: the browser shows it literally.
    let shown = unescape(&html);
    assert!(shown.contains("<script>window.pwned=1</script> should show as text"));
    assert!(shown.contains("<img src=x onerror=\"window.pwned=2\"> is an image tag"));
    assert!(shown.contains("Example <script>alert(1)</script> Institute"));
    assert!(!html.contains("<b>markup</b>"));
    let source = page("/groups/wg-safety/meetings/3/source").await;
    assert!(!source.contains("<script>"));
    let search = page("/search?q=pwned").await;
    assert!(!search.contains("<script>window"));
    let api = get("/api/v1/search?q=pwned").await;
    assert!(api.content_type.starts_with("application/json"));
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    for uri in [
        "/",
        "/groups/wg-data",
        "/no/such/page",
        "/api/v1/groups",
        "/feed.atom",
        "/static/style.css",
    ] {
        let reply = get(uri).await;
        let csp = reply
            .headers
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(csp.contains("default-src 'none'"), "{uri}: {csp}");
        assert!(!csp.contains("script-src"), "{uri}: scripts allowed");
        assert_eq!(
            reply
                .headers
                .get("x-content-type-options")
                .map(|v| v.as_bytes()),
            Some(&b"nosniff"[..]),
            "{uri}"
        );
        assert_eq!(
            reply.headers.get("x-frame-options").map(|v| v.as_bytes()),
            Some(&b"DENY"[..]),
            "{uri}"
        );
        assert!(reply.headers.contains_key("referrer-policy"), "{uri}");
    }
}

#[tokio::test]
async fn missing_things_are_clean_404_pages() {
    for uri in [
        "/nothing-here",
        "/groups/no-such-group",
        "/groups/wg-data/meetings/999",
        "/groups/wg-data/meetings/999/source",
        "/people/nobody-at-all",
        "/groups/no-such-group/feed.atom",
        "/groups/no-such-group/calendar.ics",
    ] {
        let reply = get(uri).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(reply.content_type, "text/html; charset=utf-8", "{uri}");
        assert!(reply.body.contains("<h1>Not found</h1>"), "{uri}");
        for leak in ["rusqlite", "StoreError", "panicked", "archive.db", "src/"] {
            assert!(!reply.body.contains(leak), "{uri} leaks {leak}");
        }
    }
    let api = get("/api/v1/people/nobody-at-all").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.body, "{\"error\":\"not found\"}");
}

#[tokio::test]
async fn requests_are_limited() {
    let big = vec![b'x'; 64 * 1024];
    let reply = send(
        Request::post("/search")
            .header("content-length", big.len())
            .body(Body::from(big))
            .expect("a request"),
    )
    .await;
    assert!(
        reply.status == StatusCode::PAYLOAD_TOO_LARGE
            || reply.status == StatusCode::METHOD_NOT_ALLOWED,
        "{}",
        reply.status
    );
    let reply = send(Request::post("/").body(Body::empty()).expect("a request")).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
}

/// The API's routes, each with a request that must succeed.
const API_CALLS: &[(&str, &str)] = &[
    ("/api/v1/groups", "/api/v1/groups?limit=1"),
    ("/api/v1/groups/{group}", "/api/v1/groups/wg-data"),
    (
        "/api/v1/groups/{group}/meetings",
        "/api/v1/groups/wg-data/meetings?offset=2&limit=3",
    ),
    (
        "/api/v1/groups/{group}/meetings/{which}",
        "/api/v1/groups/wg-strategy/meetings/106",
    ),
    ("/api/v1/people", "/api/v1/people"),
    ("/api/v1/people/{person}", "/api/v1/people/wanjiru-kamau"),
    (
        "/api/v1/search",
        "/api/v1/search?q=meaningful+consent&since=2026-01-01&limit=5",
    ),
    ("/api/v1/due", "/api/v1/due?from=2026-01-01&group=wg-data"),
];

async fn openapi() -> Value {
    let reply = get("/api/openapi.json").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.content_type.starts_with("application/json"));
    serde_json::from_str(&reply.body).expect("the OpenAPI document is JSON")
}

/// A validator for the schema of a response, resolved against the whole document.
fn validator(document: &Value, schema: &Value) -> jsonschema::Validator {
    let mut root = schema.clone();
    root["components"] = document["components"].clone();
    jsonschema::draft202012::new(&root).expect("the schema compiles")
}

#[tokio::test]
async fn the_openapi_document_is_valid_and_matches_the_routes() {
    let document = openapi().await;
    assert!(
        document["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1"))
    );
    assert!(document["info"]["title"].is_string() && document["info"]["version"].is_string());
    let paths: Vec<&str> = document["paths"]
        .as_object()
        .expect("paths")
        .keys()
        .map(String::as_str)
        .collect();
    let mut listed: Vec<&str> = API_CALLS.iter().map(|(path, _)| *path).collect();
    let mut documented = paths.clone();
    listed.sort_unstable();
    documented.sort_unstable();
    assert_eq!(documented, listed, "the document and the routes differ");
    // Every $ref points at a schema that exists.
    let text = document.to_string();
    for reference in text.split("\"$ref\":\"").skip(1) {
        let name = reference.split('"').next().unwrap_or_default();
        let key = name.trim_start_matches("#/components/schemas/");
        assert!(
            document["components"]["schemas"][key].is_object(),
            "dangling {name}"
        );
    }
    assert_eq!(web::openapi_json().parse::<Value>().ok(), Some(document));
}

#[tokio::test]
async fn every_api_response_matches_its_documented_schema() {
    let document = openapi().await;
    for (path, call) in API_CALLS {
        let reply = get(call).await;
        assert_eq!(reply.status, StatusCode::OK, "{call}: {}", reply.body);
        assert!(reply.content_type.starts_with("application/json"), "{call}");
        let body: Value = serde_json::from_str(&reply.body).expect("JSON");
        let schema = &document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
            ["schema"];
        assert!(schema.is_object(), "{path}: no schema for 200");
        let validator = validator(&document, schema);
        let errors: Vec<String> = validator
            .iter_errors(&body)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{call}: {errors:?}");
    }
    // A meeting is its record, interface rapporteur.record/1.
    let record: Value =
        serde_json::from_str(&get("/api/v1/groups/wg-strategy/meetings/106").await.body)
            .expect("JSON");
    assert_eq!(record["format"], "rapporteur.record/1");
    assert_eq!(record["participants"].as_array().map(Vec::len), Some(28));
    // Errors match the error schema too.
    for (call, status) in [
        ("/api/v1/groups/nope", "404"),
        ("/api/v1/search?q=x&since=yesterday", "400"),
        ("/api/v1/people/nobody", "404"),
    ] {
        let reply = get(call).await;
        assert_eq!(reply.status.as_str(), status, "{call}: {}", reply.body);
        let path = API_CALLS
            .iter()
            .map(|(p, _)| *p)
            .find(|p| {
                let prefix = p.split('{').next().unwrap_or(p);
                call.starts_with(prefix.trim_end_matches('/'))
                    && p.matches('/').count()
                        == call.split('?').next().unwrap_or(call).matches('/').count()
            })
            .expect("a documented path");
        let schema = &document["paths"][path]["get"]["responses"][status]["content"]["application/json"]
            ["schema"];
        assert!(schema.is_object(), "{call}: {status} is not documented");
        let body: Value = serde_json::from_str(&reply.body).expect("JSON");
        assert!(
            validator(&document, schema).is_valid(&body),
            "{call}: {body}"
        );
    }
}

/// Runs a Python snippet on a file holding `body`; prints what the snippet prints.
fn python(snippet: &str, body: &str) -> String {
    let dir = tempfile::tempdir().expect("a folder");
    let file = dir.path().join("body");
    std::fs::write(&file, body).expect("write");
    let output = std::process::Command::new("python3")
        .arg("-c")
        .arg(snippet)
        .arg(&file)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "python3 failed (are icalendar and feedparser installed? .ci/run installs them): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[tokio::test]
async fn the_atom_feeds_parse_with_feedparser() {
    let site = get("/feed.atom").await;
    assert_eq!(site.content_type, "application/atom+xml; charset=utf-8");
    let check = "import sys, feedparser\nf = feedparser.parse(open(sys.argv[1], 'rb').read())\nassert not f.bozo, f.bozo_exception\nassert f.version == 'atom10', f.version\nprint(len(f.entries))\nfor e in f.entries: print(e.title, '|', e.link, '|', e.updated)";
    let out = python(check, &site.body);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("10"), "{out}");
    assert!(
        out.contains("| http://rapporteur.test/groups/wg-data/meetings/28 |"),
        "{out}"
    );
    let group = get("/groups/wg-data/feed.atom").await;
    let out = python(check, &group.body);
    assert_eq!(out.lines().next(), Some("8"), "{out}");
    assert!(!out.contains("wg-strategy"));
}

#[tokio::test]
async fn the_calendar_parses_with_icalendar() {
    let reply = get("/groups/wg-data/calendar.ics").await;
    assert_eq!(reply.content_type, "text/calendar; charset=utf-8");
    assert!(reply.body.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(
        reply.body.lines().all(|l| l.len() <= 76),
        "a line longer than 75 octets"
    );
    let out = python(
        "import sys, icalendar\nc = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\nfor e in c.walk('VEVENT'):\n    print(e.get('UID'), '|', e.decoded('DTSTART').isoformat(), '|', e.get('SUMMARY'))",
        &reply.body,
    );
    let events: Vec<&str> = out.lines().collect();
    // The eight meetings, with their times in UTC: the hybrid 24th was at 15:00 CET.
    let meetings: Vec<&&str> = events
        .iter()
        .filter(|e| e.starts_with("meeting-"))
        .collect();
    assert_eq!(meetings.len(), 8, "{out}");
    assert!(
        events
            .iter()
            .any(|e| e.contains("| 2026-11-03T14:00:00+00:00 | WG-Data meeting 24")),
        "{out}"
    );
    // Deadlines and action items as all-day events.
    assert!(events.iter().any(|e| e.starts_with("deadline-")), "{out}");
    let uids: std::collections::BTreeSet<&str> = events
        .iter()
        .filter_map(|e| e.split(" | ").next())
        .collect();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
}

#[tokio::test]
async fn static_files_and_api_lists_page() {
    let css = get("/static/style.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.content_type, "text/css; charset=utf-8");
    assert!(css.body.contains("@media print"));
    let page_one: Value =
        serde_json::from_str(&get("/api/v1/people?limit=5").await.body).expect("JSON");
    let page_two: Value =
        serde_json::from_str(&get("/api/v1/people?limit=5&offset=5").await.body).expect("JSON");
    assert_eq!(page_one["total"], page_two["total"]);
    assert_eq!(page_one["items"].as_array().map(Vec::len), Some(5));
    assert_ne!(page_one["items"][0], page_two["items"][0]);
}

#[test]
fn the_site_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>(_: &T) {}
    shareable(&Arc::clone(&web::Site::new(PathBuf::from("unused.db"))));
}
